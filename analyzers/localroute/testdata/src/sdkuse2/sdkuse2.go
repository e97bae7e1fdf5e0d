// Package sdkuse2 uses langchaingo (stubs with the real import paths):
// models built by provider constructors, used directly, through the
// llms.Model interface, and through the SDK's own helpers.
package sdkuse2

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"
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
