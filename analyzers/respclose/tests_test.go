package respclose_test

import (
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/respclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestTestsPolicy: the same leaks in _test.go files (a helper, a closure, an
// external test package) are reported under "tests: analyse" and dropped
// under "tests: skip"; the leak in the package's own code is reported under
// both, and the closing helpers stay silent under both.
func TestTestsPolicy(t *testing.T) {
	for _, tt := range []struct{ policy, pkg string }{
		{"tests-analyse.yaml", "testsanalyse"},
		{"tests-skip.yaml", "testsskip"},
	} {
		t.Run(tt.pkg, func(t *testing.T) {
			pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), tt.policy))
			if err != nil {
				t.Fatal(err)
			}
			policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
			defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
			analysistest.Run(t, analysistest.TestData(), respclose.Analyzer, tt.pkg)
		})
	}
}
