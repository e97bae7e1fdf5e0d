// Package anyllm uses github.com/mozilla-ai/any-llm-go.
package anyllm

import (
	"context"

	"github.com/mozilla-ai/any-llm-go/config"
	"github.com/mozilla-ai/any-llm-go/providers"
	"github.com/mozilla-ai/any-llm-go/providers/gemini"
	"github.com/mozilla-ai/any-llm-go/providers/groq"
	"github.com/mozilla-ai/any-llm-go/providers/llamacpp"
	"github.com/mozilla-ai/any-llm-go/providers/ollama"
	"github.com/mozilla-ai/any-llm-go/providers/openai"
)

var params = providers.CompletionParams{Model: "llama3"}

func callOllama(ctx context.Context) error {
	// ollama.New: OLLAMA_HOST, else localhost:11434.
	p, err := ollama.New()
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params) // want `call's destination comes from the environment variable OLLAMA_HOST`
	return err
}

func chatWithOllama(ctx context.Context) error { // want `chatWithOllama promises a local model but reaches ollama.com`
	p, err := ollama.New(config.WithBaseURL("https://ollama.com"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params) // want `call reaches ollama.com, which is not in egress.allow`
	return err
}

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches api.groq.com`
	p, err := groq.New(config.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params) // want `call reaches api.groq.com, which is not in egress.allow`
	return err
}

func chatLocally(ctx context.Context) error {
	p, err := openai.New(config.WithAPIKey("k"), config.WithBaseURL("http://localhost:1234/v1"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params)
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches api.openai.com`
	p, err := openai.New(config.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params) // want `call reaches api.openai.com, which is not in egress.allow`
	return err
}

func runLocalModel(ctx context.Context) error {
	p, err := llamacpp.New()
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params)
	return err
}

func promptLocally(ctx context.Context) error { // want `promptLocally promises a local model but reaches generativelanguage.googleapis.com`
	// The Gemini provider always uses the Gemini API.
	p, err := gemini.New(config.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = p.Completion(ctx, params) // want `call reaches generativelanguage.googleapis.com, which is not in egress.allow` `destination comes from the environment variable GOOGLE_GEMINI_BASE_URL`
	return err
}
