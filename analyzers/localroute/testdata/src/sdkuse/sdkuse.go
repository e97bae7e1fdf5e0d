// Package sdkuse calls LLM SDKs (stubs with the real import paths) from
// functions that promise a local model.
package sdkuse

import (
	"context"
	"net/url"
	"os"
	"time"

	"github.com/gage-technologies/mistral-go"
	"github.com/mozilla-ai/any-llm-go/config"
	"github.com/mozilla-ai/any-llm-go/providers"
	"github.com/mozilla-ai/any-llm-go/providers/groq"
	anyollama "github.com/mozilla-ai/any-llm-go/providers/ollama"
	ollama "github.com/ollama/ollama/api"
	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
	goopenai "github.com/sashabaranov/go-openai"
	"google.golang.org/genai"
)

// ---- go-openai ----

func askLocalLLM(ctx context.Context, tok string) error { // want `askLocalLLM promises a local model but reaches api.openai.com: askLocalLLM → \(\*go-openai.Client\).CreateChatCompletion \(sdkuse.go:\d+:\d+\)`
	c := goopenai.NewClient(tok)
	_, err := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{Model: "llama3"})
	return err
}

func chatLocally(ctx context.Context, tok string) error {
	cfg := goopenai.DefaultConfig(tok)
	cfg.BaseURL = "http://localhost:11434/v1"
	c := goopenai.NewClientWithConfig(cfg)
	_, err := c.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{Model: "llama3"})
	return err
}

func generateLocally(ctx context.Context, tok string) error { // want `generateLocally promises a local model but reaches api.groq.com`
	cfg := goopenai.DefaultConfig(tok)
	cfg.BaseURL = "https://api.groq.com/openai/v1"
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func summarizeLocally(ctx context.Context, tok string) error {
	cfg := goopenai.DefaultConfig(tok)
	cfg.BaseURL = os.Getenv("LLM_BASE_URL")
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func translateLocally(ctx context.Context, key string) error { // want `translateLocally promises a local model but reaches myres.openai.azure.com`
	cfg := goopenai.DefaultAzureConfig(key, "https://myres.openai.azure.com/")
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

// DefaultAnthropicConfig with an empty base URL uses Anthropic's API; with
// a local one, only that (the SDK's `if baseURL == ""` default is not a
// second host).
func promptLocally(ctx context.Context, key string) error { // want `promptLocally promises a local model but reaches api.anthropic.com`
	_, err := goopenai.NewClientWithConfig(goopenai.DefaultAnthropicConfig(key, "")).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func promptWithLocalModel(ctx context.Context, key string) error {
	cfg := goopenai.DefaultAnthropicConfig(key, "http://127.0.0.1:8080/v1")
	_, err := goopenai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

// LocalLLM keeps its client in a field.
type LocalLLM struct{ client *goopenai.Client }

func NewLocalLLM(tok string) *LocalLLM { return &LocalLLM{client: goopenai.NewClient(tok)} }

func NewLocalLLMAt(tok, base string) *LocalLLM {
	cfg := goopenai.DefaultConfig(tok)
	cfg.BaseURL = base
	return &LocalLLM{client: goopenai.NewClientWithConfig(cfg)}
}

// Chat: the receiver's client is whatever the caller built; unknown here.
func (l *LocalLLM) Chat(ctx context.Context) error {
	_, err := l.client.CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func runLocalModel(ctx context.Context, tok string) error { // want `runLocalModel promises a local model but reaches api.openai.com`
	return NewLocalLLM(tok).Chat(ctx)
}

func runLocalModelAt(ctx context.Context, tok string) error {
	return NewLocalLLMAt(tok, "http://127.0.0.1:8080/v1").Chat(ctx)
}

// ---- openai-go ----

func inferLocally(ctx context.Context) error { // want `inferLocally promises a local model but reaches api.openai.com`
	c := openai.NewClient()
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func predictLocally(ctx context.Context) error {
	c := openai.NewClient(option.WithBaseURL("http://localhost:11434/v1/"), option.WithAPIKey("ollama"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func embedLocally(ctx context.Context) error { // want `embedLocally promises a local model but reaches api.groq.com`
	c := openai.NewClient(option.WithAPIKey("k"), option.WithBaseURL("https://api.groq.com/openai/v1/"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func rerankLocally(ctx context.Context) error {
	c := openai.NewClient(option.WithBaseURL(os.Getenv("OPENAI_COMPAT_URL")))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func transcribeLocally(ctx context.Context, opts ...option.RequestOption) error {
	c := openai.NewClient(opts...)
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "whisper"})
	return err
}

// Request options apply after the client's: the request's base URL wins.
func draftPromptLocally(ctx context.Context) error { // want `draftPromptLocally promises a local model but reaches api.together.xyz`
	c := openai.NewClient(option.WithBaseURL("http://localhost:11434/v1/"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"},
		option.WithAPIKey("k"), option.WithBaseURL("https://api.together.xyz/v1/"))
	return err
}

func predictionLocally(ctx context.Context) error {
	c := openai.NewClient()
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"},
		option.WithBaseURL("https://api.groq.com/openai/v1/"), option.WithBaseURL("http://127.0.0.1:8080/v1/"))
	return err
}

// ---- ollama ----

func callOllama(ctx context.Context) error {
	c, err := ollama.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, &ollama.ChatRequest{Model: "llama3"}, func(ollama.ChatResponse) error { return nil })
}

func chatOllama(ctx context.Context) error { // want `chatOllama promises a local model but reaches ollama.com`
	u, err := url.Parse("https://ollama.com")
	if err != nil {
		return err
	}
	return ollama.NewClient(u, nil).Chat(ctx, &ollama.ChatRequest{Model: "gpt-oss:120b"}, func(ollama.ChatResponse) error { return nil })
}

func generateWithOllama(ctx context.Context) error {
	u, _ := url.Parse("http://127.0.0.1:11434")
	return ollama.NewClient(u, nil).Chat(ctx, &ollama.ChatRequest{Model: "llama3"}, func(ollama.ChatResponse) error { return nil })
}

// ---- mistral-go: a positional endpoint ----

func completeWithLocalModel(key string) error { // want `completeWithLocalModel promises a local model but reaches api.mistral.ai`
	_, err := mistral.NewMistralClient(key, "", 3, time.Minute).Chat("mistral-small", nil, nil)
	return err
}

func chatWithLocalModel(key string) error {
	_, err := mistral.NewMistralClient(key, "http://localhost:8000", 3, time.Minute).Chat("mistral-small", nil, nil)
	return err
}

// ---- any-llm-go: (*Provider, error) constructors with config options ----

func localInference(ctx context.Context) error { // want `localInference promises a local model but reaches api.groq.com`
	p, err := groq.New(config.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, "llama3")
	return err
}

func localInferenceOnLlamaCpp(ctx context.Context) error {
	p, err := groq.New(config.WithBaseURL("http://127.0.0.1:8080/v1"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, "llama3")
	return err
}

func queryOllama(ctx context.Context) error {
	p, err := anyollama.New()
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, providers.CompletionParams{Model: "llama3"})
	return err
}

// ---- genai: the base URL in a config field behind a pointer ----

func localSummary(ctx context.Context, key string) error { // want `localSummary promises a local model but reaches aiplatform.googleapis.com, generativelanguage.googleapis.com`
	c, err := genai.NewClient(ctx, &genai.ClientConfig{APIKey: key, Backend: genai.BackendGeminiAPI})
	if err != nil {
		return err
	}
	_, err = c.Models.GenerateContent(ctx, "gemma-3", nil, nil)
	return err
}

func localSummaryOnGemma(ctx context.Context) error {
	cc := &genai.ClientConfig{APIKey: "none"}
	cc.HTTPOptions.BaseURL = "http://localhost:8081/"
	c, err := genai.NewClient(ctx, cc)
	if err != nil {
		return err
	}
	_, err = c.Models.GenerateContent(ctx, "gemma-3", nil, nil)
	return err
}

// An accessor is not a request: no context, no network.
func describeLocalLLM() string {
	p, _ := groq.New()
	return p.Name()
}

// ---- a program's own constructor returning the SDK client ----

func newClient(tok string) *goopenai.Client { return goopenai.NewClient(tok) }

func newClientAt(tok, base string) *goopenai.Client {
	cfg := goopenai.DefaultConfig(tok)
	cfg.BaseURL = base
	return goopenai.NewClientWithConfig(cfg)
}

func queryLocalLLM(ctx context.Context, tok string) error { // want `queryLocalLLM promises a local model but reaches api.openai.com`
	_, err := newClient(tok).CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func queryLocalModel(ctx context.Context, tok string) error {
	_, err := newClientAt(tok, "http://localhost:8000/v1").CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}

func inferOffline(ctx context.Context, tok string) error { // want `inferOffline promises a local model but reaches api.deepseek.com`
	_, err := newClientAt(tok, "https://api.deepseek.com").CreateChatCompletion(ctx, goopenai.ChatCompletionRequest{})
	return err
}
