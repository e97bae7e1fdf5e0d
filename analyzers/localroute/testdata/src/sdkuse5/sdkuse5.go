// Package sdkuse5 uses genkit (stubs with the real import paths): a
// *genkit.Genkit initialised with plugins reaches every plugin's host when
// the helpers generate through it.
package sdkuse5

import (
	"context"
	"os"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/anthropic"
	"github.com/firebase/genkit/go/plugins/compat_oai"
	oaianthropic "github.com/firebase/genkit/go/plugins/compat_oai/anthropic"
	oaiopenai "github.com/firebase/genkit/go/plugins/compat_oai/openai"
	"github.com/firebase/genkit/go/plugins/googlegenai"
	"github.com/firebase/genkit/go/plugins/ollama"
	"github.com/openai/openai-go/option"
)

// ---- ollama: ServerAddress, required ----

func callOllama(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://localhost:11434"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

func askOllama(ctx context.Context, q string) (string, error) { // want `askOllama promises a local model but reaches ollama.example.com: askOllama → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "https://ollama.example.com"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

func ollamaChat(ctx context.Context, q string) (string, error) {
	o := &ollama.Ollama{ServerAddress: os.Getenv("OLLAMA_HOST"), Timeout: 60}
	g := genkit.Init(ctx, genkit.WithPlugins(o), genkit.WithDefaultModel("ollama/llama3"))
	resp, err := genkit.Generate(ctx, g, ai.WithPrompt(q))
	if err != nil {
		return "", err
	}
	return resp.Text(), nil
}

// A cloud plugin beside the local one: "ollama/..." goes to the plugin
// named "ollama" only, so Google is never reached.
func localAssistant(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

// ---- googlegenai: the Gemini API, or Vertex AI in a location ----

type answer struct{ Text string }

func localInference(ctx context.Context, q string) (*answer, error) { // want `localInference promises a local model but reaches generativelanguage.googleapis.com: localInference → genkit.GenerateData`
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.GoogleAI{APIKey: "k"}))
	out, _, err := genkit.GenerateData[answer](ctx, g, ai.WithPrompt(q))
	return out, err
}

func localEmbedding(ctx context.Context) error { // want `localEmbedding promises a local model but reaches europe-west4-aiplatform.googleapis.com: localEmbedding → genkit.Embed`
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.VertexAI{ProjectID: "p", Location: "europe-west4"}))
	_, err := genkit.Embed(ctx, g)
	return err
}

func offlineInference(ctx context.Context, q string) (string, error) { // want `offlineInference promises a local model but reaches aiplatform.googleapis.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.VertexAI{Location: "global"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// The location from the environment: external whatever it is.
func offlineCompletion(ctx context.Context, q string) (string, error) { // want `offlineCompletion promises a local model but reaches region-aiplatform.googleapis.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.VertexAI{}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// ---- anthropic: BaseURL ----

func localCompletion(ctx context.Context, q string) (string, error) { // want `localCompletion promises a local model but reaches api.anthropic.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&anthropic.Anthropic{APIKey: "k"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

func localCompletionViaProxy(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&anthropic.Anthropic{BaseURL: "http://localhost:4000"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// ---- compat_oai: BaseURL, then a WithBaseURL among Opts ----

func localLLMChat(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&compat_oai.OpenAICompatible{Provider: "lmstudio", BaseURL: "http://localhost:1234/v1"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("lmstudio/qwen3"), ai.WithPrompt(q))
}

func localLLMSummary(ctx context.Context, q string) (string, error) { // want `localLLMSummary promises a local model but reaches api.deepseek.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&compat_oai.OpenAICompatible{Provider: "deepseek", BaseURL: "https://api.deepseek.com"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// Opts apply after BaseURL: the option wins.
func localLLMAnswer(ctx context.Context, q string) (string, error) { // want `localLLMAnswer promises a local model but reaches api.groq.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&compat_oai.OpenAICompatible{
		Provider: "groq",
		BaseURL:  "http://localhost:1234/v1",
		Opts:     []option.RequestOption{option.WithAPIKey("k"), option.WithBaseURL("https://api.groq.com/openai/v1")},
	}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

func localLLMReply(ctx context.Context, q string) (string, error) { // want `localLLMReply promises a local model but reaches api.openai.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&compat_oai.OpenAICompatible{Provider: "openai", APIKey: "k"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

func localGPTChat(ctx context.Context, q string) (string, error) { // want `localGPTChat promises a local model but reaches api.openai.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&oaiopenai.OpenAI{APIKey: "k"}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

func localGPTAnswer(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&oaiopenai.OpenAI{Opts: []option.RequestOption{option.WithBaseURL("http://localhost:8000/v1")}}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

func localSonnetChat(ctx context.Context, q string) (string, error) { // want `localSonnetChat promises a local model but reaches api.anthropic.com`
	g := genkit.Init(ctx, genkit.WithPlugins(&oaianthropic.Anthropic{}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// ---- honest names ----

func generateWithGemini(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}

// No plugin: the host is unknown.
func localModelChat(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx)
	return genkit.GenerateText(ctx, g, ai.WithPrompt(q))
}
