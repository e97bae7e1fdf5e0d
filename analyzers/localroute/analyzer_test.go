package localroute_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestLocalRoute(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "a", "incident", "sdkuse", "sdkuse2", "sdkuse3",
		"example.com/gguf-parser", "example.com/llamadl/download", "example.com/runtime/tools")
}

// TestDynamicCallsResolvedDownstream: package llm calls providers through
// an interface; app2 declares them. llm's summaries carry the dynamic
// calls, which app2 resolves by the providers each call site passes.
func TestDynamicCallsResolvedDownstream(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "example.com/app2")
}
