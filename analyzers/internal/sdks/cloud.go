package sdks

import (
	"strings"
	"sync"
)

// Ollama cloud models. A local `ollama serve` runs some
// models on ollama.com: their manifest carries a remote host, and the
// server's chat and generate handlers forward the request there. In
// github.com/ollama/ollama v0.17.4, server/routes.go GenerateHandler (line
// 240) and ChatHandler (line 2051) test `m.Config.RemoteHost != "" &&
// m.Config.RemoteModel != ""` and proxy the request to that host, which
// must be one of envconfig.Remotes() (default: "ollama.com",
// envconfig/config.go:143). The OpenAI-compatible routes
// /v1/chat/completions, /v1/completions and /v1/responses, and the
// Anthropic-compatible /v1/messages, end in those same handlers
// (server/routes.go:1633-1644). EmbedHandler and EmbeddingsHandler do not
// forward: an embedding request never leaves the server this way.
//
// Which models have such a manifest is decided by ollama.com, so the code
// names them by their tag, and Ollama itself decides "is this a cloud model"
// by the name: isCloudModelName in middleware/anthropic.go:921 and
// cmd/config/integrations.go:1305, and isCloudModel in cmd/tui/tui.go:211,
// are all
//
//	strings.HasSuffix(name, ":cloud") || strings.HasSuffix(name, "-cloud")
//
// (case-sensitive), as in "gpt-oss:120b-cloud", "qwen3-coder:480b-cloud",
// "deepseek-v3.1:671b-cloud" or "minimax-m2:cloud". A name that merely
// contains "cloud" ("cloudy-model:7b") is a local model.

// CloudHost is where an Ollama server forwards a cloud model's requests:
// the default of OLLAMA_REMOTES.
const CloudHost = "ollama.com"

// OllamaPort is the port an Ollama server listens on by default; an
// OpenAI-compatible client whose base URL names it talks to Ollama.
const OllamaPort = "11434"

// IsCloudModel reports whether an Ollama server forwards model name to
// ollama.com: Ollama's own rule, a ":cloud" or "-cloud" suffix.
func IsCloudModel(name string) bool {
	return strings.HasSuffix(name, ":cloud") || strings.HasSuffix(name, "-cloud")
}

// ModelUse says where a request method's argument names the model, for the
// requests an Ollama server forwards to ollama.com when the model is a
// cloud model (chat and generate; not embeddings).
type ModelUse struct {
	// Arg is the index of the request argument, the receiver counting as
	// argument 0.
	Arg int
	// Path is the field path of the model within it ("Model"), or "" when
	// the argument is the model name itself.
	Path string
	// Native: the client speaks the Ollama API, so whatever server it
	// reaches is an Ollama server. Otherwise the client is
	// OpenAI-compatible, and only a base URL on OllamaPort is taken for an
	// Ollama server.
	Native bool
}

// ModelOptions is a client whose model is chosen by option functions
// rather than by a request field (langchaingo): Ctor options name the
// model the client is built with, and Call options, among a request's
// variadic arguments, replace it for one call.
type ModelOptions struct {
	// Ctor maps a constructor option's FullName to the index of its model
	// argument (ollama.WithModel(name): 0).
	Ctor map[string]int
	// Call maps a per-call option's FullName to the index of its model
	// argument (llms.WithModel(name): 0).
	Call map[string]int
	// Native is as for ModelUse.
	Native bool
}

// modelUses are the request methods whose model is a request field or
// argument, by FullName, built on first use.
var modelUses = sync.OnceValue(func() map[string]ModelUse {
	const ollama = "github.com/ollama/ollama/api"
	const goOpenAI = "github.com/sashabaranov/go-openai"
	const anyOllama = "github.com/mozilla-ai/any-llm-go/providers/ollama"
	m := map[string]ModelUse{
		// api.Client: Chat(ctx, *ChatRequest, fn), Generate(ctx,
		// *GenerateRequest, fn); Embed and Embeddings are not forwarded.
		"(*" + ollama + ".Client).Chat":     {Arg: 2, Path: "Model", Native: true},
		"(*" + ollama + ".Client).Generate": {Arg: 2, Path: "Model", Native: true},
		// any-llm-go's ollama provider sends CompletionParams.Model to
		// api.Client.Chat; its Embedding goes to /api/embed.
		"(*" + anyOllama + ".Provider).Completion":       {Arg: 2, Path: "Model", Native: true},
		"(*" + anyOllama + ".Provider).CompletionStream": {Arg: 2, Path: "Model", Native: true},
		// go-openai against Ollama's /v1/chat/completions and /v1/completions.
		"(*" + goOpenAI + ".Client).CreateChatCompletion":       {Arg: 2, Path: "Model"},
		"(*" + goOpenAI + ".Client).CreateChatCompletionStream": {Arg: 2, Path: "Model"},
		"(*" + goOpenAI + ".Client).CreateCompletion":           {Arg: 2, Path: "Model"},
		"(*" + goOpenAI + ".Client).CreateCompletionStream":     {Arg: 2, Path: "Model"},
	}
	// openai-go: Chat.Completions.New, Completions.New, Responses.New
	// (Ollama's /v1/responses ends in the chat handler too).
	for _, mod := range []string{"github.com/openai/openai-go", "github.com/openai/openai-go/v2", "github.com/openai/openai-go/v3"} {
		for _, svc := range []string{mod + ".ChatCompletionService", mod + ".CompletionService", mod + "/responses.ResponseService"} {
			m["(*"+svc+").New"] = ModelUse{Arg: 2, Path: "Model"}
			m["(*"+svc+").NewStreaming"] = ModelUse{Arg: 2, Path: "Model"}
		}
	}
	return m
})

const langchain = "github.com/tmc/langchaingo"

// modelOptions are the clients whose model is an option, by package of
// the client type. langchaingo v0.1.14 llms/ollama: New(WithModel(name)),
// and GenerateContent (which Call and llms.GenerateFromSinglePrompt use)
// lets llms.WithModel(name) replace it for the call; CreateEmbedding goes
// to /api/embed and is not forwarded.
var modelOptions = map[string]ModelOptions{
	langchain + "/llms/ollama": {
		Ctor:   map[string]int{langchain + "/llms/ollama.WithModel": 0},
		Call:   map[string]int{langchain + "/llms.WithModel": 0},
		Native: true,
	},
}

// modelOptionMethods are the requests of those clients that an Ollama
// server forwards: the client's own methods, the llms.Model interface's,
// and the SDK's helper that takes a model.
var modelOptionMethods = map[string]bool{
	"(*" + langchain + "/llms/ollama.LLM).Call":            true,
	"(*" + langchain + "/llms/ollama.LLM).GenerateContent": true,
	"(" + langchain + "/llms.Model).GenerateContent":       true,
	"(" + langchain + "/llms.Model).Call":                  true,
	langchain + "/llms.GenerateFromSinglePrompt":           true,
}

// ModelUseOf returns where the request method fullName names its model,
// if an Ollama server may forward it.
func ModelUseOf(fullName string) (ModelUse, bool) {
	u, ok := modelUses()[fullName]
	return u, ok
}

// ModelOptionRequest reports whether fullName is a request (method, or
// the SDK's helper) of a client whose model is an option.
func ModelOptionRequest(fullName string) bool { return modelOptionMethods[fullName] }

// ModelOptionsOf returns the model options of the client built by the
// constructor of package pkg, if it has any.
func ModelOptionsOf(pkg string) (ModelOptions, bool) {
	o, ok := modelOptions[pkg]
	return o, ok
}
