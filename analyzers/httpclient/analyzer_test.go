package httpclient_test

import (
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/httpclient"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestHTTPClient(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), httpclient.Analyzer, "a", "b", "dot", "usector", "fallback", "deadlinedc", "mainonce", "ctorsite", "usesite", "cleanlib", "getterlike", "embedcopy", "clonereq", "nilpool", "deadlineparam", "wraprt", "poolwrapuse", "poolwrapmain")
}

func TestStreamingPolicy(t *testing.T) {
	pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), "streaming.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
	defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
	a := httpclient.Analyzer
	analysistest.Run(t, analysistest.TestData(), a, "streaming")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), httpclient.Analyzer, "fix")
}
