// Package langchain uses github.com/tmc/langchaingo's llms providers.
package langchain

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/anthropic"
	"github.com/tmc/langchaingo/llms/googleai"
	"github.com/tmc/langchaingo/llms/huggingface"
	"github.com/tmc/langchaingo/llms/llamafile"
	"github.com/tmc/langchaingo/llms/mistral"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"
)

func askLocalLLM(ctx context.Context) (string, error) { // want `askLocalLLM promises a local model but reaches api.openai.com`
	// openai.New reads OPENAI_BASE_URL, else uses api.openai.com.
	llm, err := openai.New()
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches api.openai.com, which is not in egress.allow` `destination comes from the environment variable OPENAI_BASE_URL`
}

func chatLocally(ctx context.Context) (string, error) {
	llm, err := openai.New(openai.WithBaseURL("http://localhost:1234/v1"), openai.WithToken("lm-studio"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi")
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches api.together.xyz`
	llm, err := openai.New(openai.WithBaseURL("https://api.together.xyz/v1"))
	if err != nil {
		return err
	}
	_, err = llm.GenerateContent(ctx, []llms.MessageContent{llms.TextParts(llms.ChatMessageTypeHuman, "hi")}) // want `call reaches api.together.xyz, which is not in egress.allow`
	return err
}

func callOllama(ctx context.Context) (string, error) {
	// ollama.New uses OLLAMA_HOST, else 127.0.0.1:11434.
	llm, err := ollama.New(ollama.WithModel("llama3"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `destination comes from the environment variable OLLAMA_HOST`
}

func chatWithOllama(ctx context.Context) (string, error) {
	llm, err := ollama.New(ollama.WithModel("llama3"), ollama.WithServerURL("http://localhost:11434"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi")
}

func generateWithOllama(ctx context.Context) (string, error) { // want `generateWithOllama promises a local model but reaches ollama.com`
	llm, err := ollama.New(ollama.WithModel("gpt-oss:120b"), ollama.WithServerURL("https://ollama.com"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches ollama.com, which is not in egress.allow`
}

func summarizeLocally(ctx context.Context) (string, error) { // want `summarizeLocally promises a local model but reaches api.anthropic.com`
	llm, err := anthropic.New()
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches api.anthropic.com, which is not in egress.allow`
}

func summarizeLocallyAt(ctx context.Context) (string, error) {
	llm, err := anthropic.New(anthropic.WithBaseURL("http://localhost:4000/v1"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi")
}

func translateLocally(ctx context.Context) (string, error) { // want `translateLocally promises a local model but reaches api.mistral.ai`
	llm, err := mistral.New()
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches api.mistral.ai, which is not in egress.allow`
}

func translateLocallyAt(ctx context.Context) (string, error) {
	llm, err := mistral.New(mistral.WithEndpoint("http://localhost:8000"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi")
}

func predictLocally(ctx context.Context) (string, error) { // want `predictLocally promises a local model but reaches api-inference.huggingface.co`
	llm, err := huggingface.New()
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches api-inference.huggingface.co, which is not in egress.allow`
}

func predictLocallyAt(ctx context.Context) (string, error) {
	llm, err := huggingface.New(huggingface.WithURL("http://localhost:8080"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi")
}

func promptLocally(ctx context.Context) (string, error) { // want `promptLocally promises a local model but reaches generativelanguage.googleapis.com`
	// googleai has no endpoint option: always the Gemini API.
	llm, err := googleai.New(ctx, googleai.WithAPIKey("k"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `call reaches generativelanguage.googleapis.com, which is not in egress.allow`
}

func runLocalModel(ctx context.Context) (string, error) {
	// llamafile.New uses LLAMAFILE_HOST, else 127.0.0.1:8080.
	llm, err := llamafile.New(llamafile.WithTemperature(0.2))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, "hi") // want `destination comes from the environment variable LLAMAFILE_HOST`
}
