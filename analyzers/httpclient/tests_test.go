package httpclient_test

import (
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/httpclient"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestTestsPolicy: http.DefaultClient in a _test.go file is reported under
// "tests: analyse" and dropped under "tests: skip"; the same call in the
// package's own code is reported under both; bounded clients stay silent.
func TestTestsPolicy(t *testing.T) {
	for _, tt := range []struct{ policy, pkg string }{
		{"tests-analyse.yaml", "testsanalyse"},
		{"tests-skip.yaml", "testsskip"},
		// An in-package test assigning http.DefaultClient excuses test
		// files only, never the package's own code.
		{"tests-skip.yaml", "testbound"},
		{"tests-analyse.yaml", "testboundanalyse"},
		// A test's send is never the first use a finding cites.
		{"tests-skip.yaml", "testfirstuse"},
	} {
		t.Run(tt.pkg, func(t *testing.T) {
			pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), tt.policy))
			if err != nil {
				t.Fatal(err)
			}
			policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
			defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
			analysistest.Run(t, analysistest.TestData(), httpclient.Analyzer, tt.pkg)
		})
	}
}
