package localroute_test

import (
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestLocalRoute(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "a", "incident", "sdkuse", "sdkuse2", "sdkuse3",
		"callers", "chain", "example.com/gguf-parser", "example.com/llamadl/download", "example.com/runtime/tools")
}

// TestDynamicCallsResolvedDownstream: package llm calls providers through
// an interface; app2 declares them. llm's summaries carry the dynamic
// calls, which app2 resolves by the providers each call site passes.
func TestDynamicCallsResolvedDownstream(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "example.com/app2")
}

// TestGateways: the policy's local.gateways make a local address a
// routing gateway, which a function promising a local model must not use.
func TestGateways(t *testing.T) {
	pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), "gateway.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
	defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "gateway")
}

// TestCloudModels: a local Ollama server forwards cloud models
// ("…:cloud", "…-cloud") to ollama.com; a request naming one reaches it,
// directly or through a helper in another package.
func TestCloudModels(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "cloudhelper", "cloudmodel")
}

// TestFieldDefaults: a destination kept in a struct field resolves to the
// constants stored into that field (options literals, constructors, flag
// defaults) when the function promising a local route or model dials it.
func TestFieldDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "fielddefault")
}

// TestListFieldRoutes: croc's shape. A function promising a local route
// dials the local relay, then reconnects over a list field it filled
// from an options field; the public default is given by the program
// (relayapp, through urfave/cli-shaped and flag defaults) and reported
// there, through the library's FieldDial facts, or in the same package
// (relaysame), at the function.
func TestListFieldRoutes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "example.com/relayapp", "example.com/relaysame", "example.com/relaycroc")
}
