package respclose_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/respclose"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestRespClose(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), respclose.Analyzer, "a", "usehelpers", "retry", "funcvalue", "wrapper", "roundtrip")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), respclose.Analyzer, "fix")
}
