// Package sdkuse2 uses langchaingo (stubs with the real import paths):
// models built by provider constructors, used directly, through the
// llms.Model interface, and through the SDK's own helpers.
package sdkuse2

import (
	"context"
	"net/http"
	"os"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/googleai"
	"github.com/tmc/langchaingo/llms/huggingface"
	"github.com/tmc/langchaingo/llms/llamafile"
	"github.com/tmc/langchaingo/llms/local"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
)

func askLocalLLM(ctx context.Context, q string) (string, error) { // want `askLocalLLM promises a local model but reaches api.openai.com: askLocalLLM → llms.GenerateFromSinglePrompt`
	llm, err := openai.New()
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

func askLocalModel(ctx context.Context, q string) (string, error) {
	llm, err := openai.New(openai.WithBaseURL("http://localhost:1234/v1"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

func callOllama(ctx context.Context, q string) (string, error) { // want `callOllama promises a local model but reaches ollama.com`
	llm, err := ollama.New(ollama.WithServerURL("https://ollama.com"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func chatWithOllama(ctx context.Context, q string) (string, error) {
	llm, err := ollama.New()
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// generate takes any model; it promises nothing.
func generate(ctx context.Context, m llms.Model, q string) error {
	_, err := m.GenerateContent(ctx, []llms.MessageContent{{Text: q}})
	return err
}

func localChat(ctx context.Context, q string) error { // want `localChat promises a local model but reaches api.openai.com: localChat → sdkuse2.generate`
	llm, err := openai.New()
	if err != nil {
		return err
	}
	return generate(ctx, llm, q)
}

// echo is the program's own model.
type echo struct{ base string }

func (e echo) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{Text: e.base}, nil
}

func localInference(ctx context.Context, q string) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, echo{base: "https://api.openai.com/v1"}, q)
}

func offlineInference(ctx context.Context, q string) error {
	return generate(ctx, echo{base: "https://api.openai.com/v1"}, q)
}

// ---- huggingface: api-inference.huggingface.co by default, WithURL;
// WithInferenceProvider switches to the router ----

func askLocalHFModel(ctx context.Context, q string) (string, error) { // want `askLocalHFModel promises a local model but reaches api-inference.huggingface.co: askLocalHFModel → llms.GenerateFromSinglePrompt`
	llm, err := huggingface.New(huggingface.WithToken("t"), huggingface.WithModel("gpt2"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

// A text-generation-inference server on this machine.
func generateLocally(ctx context.Context, q string) (string, error) {
	llm, err := huggingface.New(huggingface.WithURL("http://localhost:8080"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func embedLocally(ctx context.Context, texts []string) error { // want `embedLocally promises a local model but reaches tgi.example.net`
	llm, err := huggingface.New(huggingface.WithURL("https://tgi.example.net"))
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, texts, "bge-small", "feature-extraction")
	return err
}

func localCompletion(ctx context.Context, q string) (string, error) {
	llm, err := huggingface.New(huggingface.WithURL(os.Getenv("HF_ENDPOINT")))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// An inference provider replaces the URL (whatever WithURL says) in a way
// the table does not read: the host is unknown.
func translateLocally(ctx context.Context, q string) (string, error) {
	llm, err := huggingface.New(huggingface.WithInferenceProvider("nebius"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- googleai: generativelanguage.googleapis.com; no option sets an
// endpoint (v0.1.14), a gRPC connection dials its own target ----

func localGemma(ctx context.Context, q string) (string, error) { // want `localGemma promises a local model but reaches generativelanguage.googleapis.com: localGemma → llms.GenerateFromSinglePrompt`
	llm, err := googleai.New(ctx, googleai.WithAPIKey("k"), googleai.WithDefaultModel("gemma-3"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

// An HTTP client does not change the host the SDK asks for.
func embedOffline(ctx context.Context, texts []string) error { // want `embedOffline promises a local model but reaches generativelanguage.googleapis.com`
	llm, err := googleai.New(ctx, googleai.WithRest(), googleai.WithHTTPClient(http.DefaultClient))
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, texts)
	return err
}

// The API key from the environment: the host stays the default.
func offlineGemmaChat(ctx context.Context, q string) (string, error) { // want `offlineGemmaChat promises a local model but reaches generativelanguage.googleapis.com`
	llm, err := googleai.New(ctx, googleai.WithAPIKey(os.Getenv("GOOGLE_API_KEY")))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localGemmaChat(ctx context.Context, conn *grpc.ClientConn, q string) (string, error) {
	llm, err := googleai.New(ctx, googleai.WithGRPCConn(conn))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// The caller's own option, appending an endpoint: not read.
func localGemmaCompletion(ctx context.Context, q string) (string, error) {
	llm, err := googleai.New(ctx, func(o *googleai.Options) {
		o.ClientOptions = append(o.ClientOptions, option.WithEndpoint("http://localhost:8081"))
	})
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localGemmaPrediction(ctx context.Context, q string) (string, error) {
	llm, err := googleai.New(ctx, func(o *googleai.Options) {
		o.ClientOptions = append(o.ClientOptions, option.WithEndpoint(os.Getenv("GEMINI_ENDPOINT")))
	})
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- llamafile: LLAMAFILE_HOST, or 127.0.0.1:8080; no option sets the
// server URL ----

func askLlamafile(ctx context.Context, q string) (string, error) {
	llm, err := llamafile.New(llamafile.WithModel("gemma-3"), llamafile.WithTemperature(0.2))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

func embedLocallyWithLlamafile(ctx context.Context, texts []string) error {
	llm, err := llamafile.New()
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, texts)
	return err
}

func localSummary(ctx context.Context, q string) error {
	llm, err := llamafile.New()
	if err != nil {
		return err
	}
	return generate(ctx, llm, q)
}

// The cloud first, the llamafile server after it.
func callLlamafile(ctx context.Context, q string) (string, error) { // want `callLlamafile promises a local model but reaches api.openai.com: callLlamafile → \(\*openai.LLM\).Call \(sdkuse2.go:\d+:\d+\); the local 127.0.0.1 is tried only after the external call \(external-first fallback\)`
	if cloud, err := openai.New(); err == nil {
		if out, err := cloud.Call(ctx, q); err == nil {
			return out, nil
		}
	}
	llm, err := llamafile.New()
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- local: a binary run as a subprocess; no network ----

func runLocalLLM(ctx context.Context, q string) (string, error) {
	llm, err := local.New(local.WithBin("/usr/local/bin/llama-cli"), local.WithArgs("-m model.gguf"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

func chatLocally(ctx context.Context, q string) (string, error) {
	llm, err := local.New()
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func offlineChat(ctx context.Context, q string) error {
	llm, err := local.New()
	if err != nil {
		return err
	}
	return generate(ctx, llm, q)
}

// The local binary first, the cloud after it: the cloud is still reached.
func predictLocally(ctx context.Context, q string) (string, error) { // want `predictLocally promises a local model but reaches api.openai.com: predictLocally → \(\*openai.LLM\).Call`
	if llm, err := local.New(); err == nil {
		if out, err := llm.Call(ctx, q); err == nil {
			return out, nil
		}
	}
	cloud, err := openai.New()
	if err != nil {
		return "", err
	}
	return cloud.Call(ctx, q)
}
