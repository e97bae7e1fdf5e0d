package directives_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/directives"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directives.Analyzer, "d")
}
