// Package sdkuse5 uses genkit (stubs with the real import paths): a
// *genkit.Genkit initialised with plugins reaches every plugin's host when
// the helpers generate through it, or only the plugin a model name selects
// by its provider prefix.
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

// ---- a cloud plugin beside the local one: the model name picks one ----

// "ollama/..." goes to the plugin named "ollama" only: Google is never
// reached.
func localAssistant(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

func flashLocalAssistant(ctx context.Context, q string) (string, error) { // want `flashLocalAssistant promises a local model but reaches generativelanguage.googleapis.com: flashLocalAssistant → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("googleai/gemini-2.5-flash"), ai.WithPrompt(q))
}

// The local plugin's address is external: the name selects it, and only it.
func otherLocalAssistant(ctx context.Context, q string) (string, error) { // want `otherLocalAssistant promises a local model but reaches ollama.example.com: otherLocalAssistant → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.GoogleAI{}, &ollama.Ollama{ServerAddress: "https://ollama.example.com"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

// Only the provider prefix matters: the rest may be anything.
func prefixLocalAssistant(ctx context.Context, model, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/"+model), ai.WithPrompt(q))
}

// With no model option, the default model of Init decides.
func localDefaultAssistant(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx,
		genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}),
		genkit.WithDefaultModel("ollama/llama3"))
	resp, err := genkit.Generate(ctx, g, ai.WithPrompt(q))
	if err != nil {
		return "", err
	}
	return resp.Text(), nil
}

func flashDefaultLocalModel(ctx context.Context, q string) (string, error) { // want `flashDefaultLocalModel promises a local model but reaches generativelanguage.googleapis.com: flashDefaultLocalModel → genkit.Generate`
	g := genkit.Init(ctx,
		genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}),
		genkit.WithDefaultModel("googleai/gemini-2.5-flash"))
	resp, err := genkit.Generate(ctx, g, ai.WithPrompt(q))
	if err != nil {
		return "", err
	}
	return resp.Text(), nil
}

// A per-call model wins over the default.
func overridingLocalAssistant(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx,
		genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}),
		genkit.WithDefaultModel("googleai/gemini-2.5-flash"))
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

// The model name from the caller: either plugin may serve it.
func localModelByName(ctx context.Context, model, q string) (string, error) { // want `localModelByName promises a local model but reaches generativelanguage.googleapis.com: localModelByName → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModelName(model), ai.WithPrompt(q))
}

// A model value the plugin helpers name.
func localHelperModel(ctx context.Context, q string) (string, error) { // want `localHelperModel promises a local model but reaches generativelanguage.googleapis.com: localHelperModel → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModel(googlegenai.GoogleAIModel(g, "gemini-2.5-flash")), ai.WithPrompt(q))
}

func localDefinedModel(ctx context.Context, q string) (string, error) {
	o := &ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}
	g := genkit.Init(ctx, genkit.WithPlugins(o, &googlegenai.GoogleAI{}))
	m := o.DefineModel(g, ollama.ModelDefinition{Name: "llama3", Type: "chat"}, nil)
	return genkit.GenerateText(ctx, g, ai.WithModel(m), ai.WithPrompt(q))
}

func refLocalModel(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModel(ai.NewModelRef("ollama/llama3", nil)), ai.WithPrompt(q))
}

// A model from elsewhere: its name is not read, the union stands.
func localSomeModel(ctx context.Context, m ai.Model, q string) (string, error) { // want `localSomeModel promises a local model but reaches generativelanguage.googleapis.com: localSomeModel → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	return genkit.GenerateText(ctx, g, ai.WithModel(m), ai.WithPrompt(q))
}

// A *Genkit from the caller: not traced to its Init, whose plugins decide.
func passedLocalModel(ctx context.Context, g *genkit.Genkit, q string) (string, error) {
	return genkit.GenerateText(ctx, g, ai.WithModelName("ollama/llama3"), ai.WithPrompt(q))
}

// compat_oai's name is its Provider field.
func studioLocalChat(ctx context.Context, q string) (string, error) {
	g := genkit.Init(ctx, genkit.WithPlugins(
		&compat_oai.OpenAICompatible{Provider: "lmstudio", BaseURL: "http://localhost:1234/v1"},
		&compat_oai.OpenAICompatible{Provider: "deepseek", BaseURL: "https://api.deepseek.com"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("lmstudio/qwen3"), ai.WithPrompt(q))
}

func secondLocalChat(ctx context.Context, q string) (string, error) { // want `secondLocalChat promises a local model but reaches api.deepseek.com: secondLocalChat → genkit.GenerateText`
	g := genkit.Init(ctx, genkit.WithPlugins(
		&compat_oai.OpenAICompatible{Provider: "lmstudio", BaseURL: "http://localhost:1234/v1"},
		&compat_oai.OpenAICompatible{Provider: "deepseek", BaseURL: "https://api.deepseek.com"}))
	return genkit.GenerateText(ctx, g, ai.WithModelName("deepseek/deepseek-chat"), ai.WithPrompt(q))
}

// Embedders by name: googleai's from the plugin; ollama's named by the
// address they send to.
func flashLocalEmbedding(ctx context.Context) error { // want `flashLocalEmbedding promises a local model but reaches generativelanguage.googleapis.com: flashLocalEmbedding → genkit.Embed`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	_, err := genkit.Embed(ctx, g, ai.WithEmbedderName("googleai/text-embedding-004"))
	return err
}

func ollamaLocalEmbedding(ctx context.Context) error {
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}, &googlegenai.GoogleAI{}))
	_, err := genkit.Embed(ctx, g, ai.WithEmbedderName("ollama/http://127.0.0.1:11434"))
	return err
}

func otherLocalEmbedding(ctx context.Context) error { // want `otherLocalEmbedding promises a local model but reaches embed.example.com: otherLocalEmbedding → genkit.Embed`
	g := genkit.Init(ctx, genkit.WithPlugins(&ollama.Ollama{ServerAddress: "http://127.0.0.1:11434"}))
	_, err := genkit.Embed(ctx, g, ai.WithEmbedderName("ollama/https://embed.example.com"))
	return err
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
