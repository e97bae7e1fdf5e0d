package names_test

import (
	"fmt"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/names"
)

func ExampleTokens() {
	for _, ident := range []string{"askLocalLLM", "call_ollama", "LLaMACpp", "HTTPServer", "OnPremModel"} {
		fmt.Println(ident, "→", names.Tokens(ident))
	}
	// Output:
	// askLocalLLM → [ask local llm]
	// call_ollama → [call ollama]
	// LLaMACpp → [llama cpp]
	// HTTPServer → [http server]
	// OnPremModel → [on prem model]
}

func ExamplePromisesLocal() {
	subjects := []names.Subject{
		{Name: "callOllama", PkgPath: "example.com/app"},
		{Name: "draftOffline", Doc: "draftOffline drafts a reply. No text leaves this computer.\n", PkgPath: "example.com/app"},
		{Name: "Chat", Recv: "*OnPremModel", PkgPath: "example.com/app"},
		{Name: "callOllamaOrCloud", PkgPath: "example.com/app"},
		{Name: "localTime", PkgPath: "example.com/app"},
		{Name: "Complete", Recv: "*OllamaModel", PkgPath: "github.com/gpustack/gguf-parser-go"},
	}
	for _, s := range subjects {
		p := names.PromisesLocal(s, names.Config{})
		fmt.Println(p.Local, p.Reason)
	}
	// Output:
	// true name "callOllama" promises a local model (word "ollama" with inference verb "call")
	// true doc says "No text leaves this computer"
	// true receiver "OnPremModel" promises a local model ("onprem" qualifies "model"; method "Chat" is an inference call)
	// false name "callOllamaOrCloud" admits a remote route (word "cloud")
	// false "local" in "localTime" qualifies "time", not a model
	// false receiver "OllamaModel" names a model artifact ("model"), so method "Complete" may not be an inference call
}
