// Package openaigo uses github.com/openai/openai-go (v1).
package openaigo

import (
	"context"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

func inferLocally(ctx context.Context) error { // want `inferLocally promises a local model but reaches api.openai.com`
	// NewClient reads OPENAI_BASE_URL, else uses api.openai.com.
	c := openai.NewClient()
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"}) // want `call reaches api.openai.com, which is not in egress.allow` `destination comes from the environment variable OPENAI_BASE_URL`
	return err
}

func predictLocally(ctx context.Context) error {
	c := openai.NewClient(option.WithBaseURL("http://localhost:11434/v1/"), option.WithAPIKey("ollama"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func embedLocally(ctx context.Context) error { // want `embedLocally promises a local model but reaches openrouter.ai`
	c := openai.NewClient(option.WithAPIKey("k"), option.WithBaseURL("https://openrouter.ai/api/v1/"))
	_, err := c.Embeddings.New(ctx, openai.EmbeddingNewParams{Model: "m"}) // want `call reaches openrouter.ai, which is not in egress.allow`
	return err
}
