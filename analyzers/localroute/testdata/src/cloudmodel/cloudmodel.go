// Package cloudmodel: a local Ollama server forwards cloud models
// ("…:cloud", "…-cloud") to ollama.com, so a request naming one leaves the
// machine though every host it names is local.
package cloudmodel

import (
	"cloudhelper"
	"context"
	"net/url"
	"os"

	"github.com/mozilla-ai/any-llm-go/providers"
	anyollama "github.com/mozilla-ai/any-llm-go/providers/ollama"
	"github.com/ollama/ollama/api"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
	goopenai "github.com/sashabaranov/go-openai"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/ollama"
)

func noop(api.ChatResponse) error { return nil }

// ---- positives ----

func callOllama(ctx context.Context) error { // want `^callOllama promises a local model but reaches ollama.com: callOllama → \(\*api.Client\).Chat \[cloud model gpt-oss:120b-cloud\] \(cloudmodel.go:\d+:\d+\); local Ollama endpoint, but cloud model gpt-oss:120b-cloud, which Ollama forwards to ollama.com \[name "callOllama" [^]]*\]; use a local model, or rename the function to admit the remote route$`
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: "gpt-oss:120b-cloud"}, noop)
}

const coder = "qwen3-coder:480b-cloud"

func generateWithOllama(ctx context.Context, prompt string) error { // want `generateWithOllama promises a local model but reaches ollama.com: generateWithOllama → \(\*api.Client\).Generate \[cloud model qwen3-coder:480b-cloud\]`
	u, _ := url.Parse("http://127.0.0.1:11434")
	return api.NewClient(u, nil).Generate(ctx, &api.GenerateRequest{Model: coder, Prompt: prompt}, func(api.GenerateResponse) error { return nil })
}

// The model is a field set in a composite literal, then the request is
// completed field by field.
func askLocalLLM(ctx context.Context, q string) error { // want `askLocalLLM promises a local model but reaches ollama.com: askLocalLLM → \(\*api.Client\).Chat \[cloud model deepseek-v3.1:671b-cloud\]`
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	req := &api.ChatRequest{Model: "llama3.2"}
	req.Model = "deepseek-v3.1:671b-cloud"
	return c.Chat(ctx, req, noop)
}

// The ":cloud" tag form.
func chatOllama(ctx context.Context) error { // want `chatOllama promises a local model but reaches ollama.com: chatOllama → \(\*api.Client\).Chat \[cloud model minimax-m2:cloud\]`
	c, _ := api.ClientFromEnvironment()
	return c.Chat(ctx, &api.ChatRequest{Model: "minimax-m2:cloud"}, noop)
}

// The model comes through a helper in another package: its summary holds
// a model flow, resolved here.
func queryLocalModel(ctx context.Context, q string) error { // want `queryLocalModel promises a local model but reaches ollama.com: queryLocalModel → cloudhelper.Chat \(cloudmodel.go:\d+:\d+\) → \(\*api.Client\).Chat \[cloud model gpt-oss:20b-cloud\] \(cloudhelper.go:\d+:\d+\); local Ollama endpoint, but cloud model gpt-oss:20b-cloud`
	return cloudhelper.Chat(ctx, "gpt-oss:20b-cloud", q)
}

// The request itself is the helper's parameter.
func inferLocally(ctx context.Context) error { // want `inferLocally promises a local model but reaches ollama.com: inferLocally → cloudhelper.Send \(cloudmodel.go:\d+:\d+\) → \(\*api.Client\).Chat \[cloud model kimi-k2:1t-cloud\]`
	return cloudhelper.Send(ctx, &api.ChatRequest{Model: "kimi-k2:1t-cloud"})
}

// Whatever the variable says, the suffix makes it a cloud model.
func runLocalModel(ctx context.Context) error { // want `runLocalModel promises a local model but reaches ollama.com: runLocalModel → \(\*api.Client\).Chat \[cloud model \$OLLAMA_MODEL:cloud\]`
	c, _ := api.ClientFromEnvironment()
	return c.Chat(ctx, &api.ChatRequest{Model: os.Getenv("OLLAMA_MODEL") + ":cloud"}, noop)
}

// Whatever the size, the tag is a cloud one.
func chatWithLocalLLM(ctx context.Context, size string) error { // want `chatWithLocalLLM promises a local model but reaches ollama.com: chatWithLocalLLM → \(\*api.Client\).Chat \[cloud model gpt-oss:…-cloud\]`
	c, _ := api.ClientFromEnvironment()
	return c.Chat(ctx, &api.ChatRequest{Model: "gpt-oss:" + size + "-cloud"}, noop)
}

// langchaingo: the model is an option of the constructor.
func chatWithOllama(ctx context.Context, q string) (string, error) { // want `chatWithOllama promises a local model but reaches ollama.com: chatWithOllama → \(\*ollama.LLM\).Call \[cloud model gpt-oss:120b-cloud\]`
	llm, err := ollama.New(ollama.WithModel("gpt-oss:120b-cloud"), ollama.WithServerURL("http://localhost:11434"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ... handed to the SDK's helper.
func summarizeWithOllama(ctx context.Context, q string) (string, error) { // want `summarizeWithOllama promises a local model but reaches ollama.com: summarizeWithOllama → llms.GenerateFromSinglePrompt \[cloud model glm-4.6:cloud\]`
	llm, err := ollama.New(ollama.WithModel("glm-4.6:cloud"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q, llms.WithTemperature(0.2))
}

// ... or replaced for one call.
func localChat(ctx context.Context, q string) error { // want `localChat promises a local model but reaches ollama.com: localChat → \(\*ollama.LLM\).GenerateContent \[cloud model qwen3-vl:235b-cloud\]`
	llm, err := ollama.New(ollama.WithModel("llama3.2"))
	if err != nil {
		return err
	}
	_, err = llm.GenerateContent(ctx, []llms.MessageContent{{Text: q}}, llms.WithModel("qwen3-vl:235b-cloud"))
	return err
}

// any-llm-go's ollama provider: the model is a request parameter.
func localInference(ctx context.Context) error { // want `localInference promises a local model but reaches ollama.com: localInference → \(\*ollama.Provider\).Completion \[cloud model gpt-oss:120b-cloud\]`
	p, err := anyollama.New()
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, providers.CompletionParams{Model: "gpt-oss:120b-cloud"})
	return err
}

// OpenAI-compatible clients on Ollama's port.
func completeWithLocalLLM(ctx context.Context) error { // want `completeWithLocalLLM promises a local model but reaches ollama.com: completeWithLocalLLM → \(\*go-openai.Client\).CreateChatCompletion \[cloud model gpt-oss:120b-cloud\]`
	cfg := goopenai.DefaultConfig("ollama")
	cfg.BaseURL = "http://localhost:11434/v1"
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{Model: "gpt-oss:120b-cloud"})
	return err
}

func predictLocally(ctx context.Context) error { // want `predictLocally promises a local model but reaches ollama.com: predictLocally → \(\*openai-go.ChatCompletionService\).New \[cloud model qwen3-coder:480b-cloud\]`
	c := openai.NewClient(option.WithBaseURL("http://127.0.0.1:11434/v1/"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: coder})
	return err
}

// ---- negatives ----

func callOllamaLocal(ctx context.Context) error {
	c, _ := api.ClientFromEnvironment()
	if err := c.Chat(ctx, &api.ChatRequest{Model: "llama3.2"}, noop); err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: "qwen3:8b"}, noop)
}

// "cloud" elsewhere than the suffix is not Ollama's rule.
func chatOllamaCloudy(ctx context.Context) error {
	c, _ := api.ClientFromEnvironment()
	if err := c.Chat(ctx, &api.ChatRequest{Model: "cloudy-model:7b"}, noop); err != nil {
		return err
	}
	if err := c.Chat(ctx, &api.ChatRequest{Model: "gpt-oss:120b-cloud-q4"}, noop); err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: "wordcloud"}, noop)
}

// The model is the caller's: unknown here, and not reported.
func ChatWithLocalModel(ctx context.Context, model string) error {
	c, _ := api.ClientFromEnvironment()
	return c.Chat(ctx, &api.ChatRequest{Model: model}, noop)
}

// ... but a caller that makes it a cloud model breaks the promise there.
func run(ctx context.Context) error {
	return ChatWithLocalModel(ctx, "gpt-oss:120b-cloud") // want `^call passes cloud model gpt-oss:120b-cloud \(which Ollama forwards to ollama.com\) to ChatWithLocalModel, which promises a local model: cloudmodel.ChatWithLocalModel \(cloudmodel.go:\d+:\d+\) → \(\*api.Client\).Chat \[cloud model gpt-oss:120b-cloud\] \(cloudmodel.go:\d+:\d+\) \[name "ChatWithLocalModel" [^]]*\]; pass a local model, or rename ChatWithLocalModel to admit the remote route$`
}

func askOllama(ctx context.Context) error {
	return cloudhelper.Chat(ctx, os.Getenv("OLLAMA_MODEL"), "hi")
}

func askOllamaLocal(ctx context.Context) error {
	return cloudhelper.Chat(ctx, "llama3.2", "hi")
}

// Embeddings are not forwarded.
func embedWithOllama(ctx context.Context) error {
	c, _ := api.ClientFromEnvironment()
	if _, err := c.Embed(ctx, &api.EmbedRequest{Model: "embeddinggemma-cloud"}); err != nil {
		return err
	}
	return cloudhelper.Embed(ctx, "embeddinggemma-cloud")
}

func embedLocally(ctx context.Context) error {
	llm, err := ollama.New(ollama.WithModel("qwen3-embedding:cloud"))
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, []string{"x"})
	return err
}

// A call option replaces the cloud model with a local one.
func localChatPerCall(ctx context.Context, q string) error {
	llm, err := ollama.New(ollama.WithModel("gpt-oss:120b-cloud"))
	if err != nil {
		return err
	}
	_, err = llm.GenerateContent(ctx, []llms.MessageContent{{Text: q}}, llms.WithModel("llama3.2"))
	return err
}

// Options from elsewhere may name any model.
func callOllamaWithOptions(ctx context.Context, q string, opts ...ollama.Option) (string, error) {
	llm, err := ollama.New(opts...)
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// Not Ollama's port: a vLLM server runs what it serves.
func completeWithLocalLLMOnVLLM(ctx context.Context) error {
	cfg := goopenai.DefaultConfig("none")
	cfg.BaseURL = "http://localhost:8000/v1"
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{Model: "gpt-oss:120b-cloud"})
	return err
}

// The name admits the cloud.
func chatLocalOrCloud(ctx context.Context) error {
	c, _ := api.ClientFromEnvironment()
	return c.Chat(ctx, &api.ChatRequest{Model: "gpt-oss:120b-cloud"}, noop)
}

// Ollama's cloud API itself, already external by its host: reported once,
// for the host, with no cloud-model wording.
func inferWithOllama(ctx context.Context) error { // want `^inferWithOllama promises a local model but reaches ollama.com: inferWithOllama → \(\*api.Client\).Chat \(cloudmodel.go:\d+:\d+\) \[name "inferWithOllama" [^]]*\]; call the local endpoint only, or rename the function to admit the remote route$`
	u, _ := url.Parse("https://ollama.com")
	return api.NewClient(u, nil).Chat(ctx, &api.ChatRequest{Model: "gpt-oss:120b-cloud"}, noop)
}
