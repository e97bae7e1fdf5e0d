// Package cloudhelper sends chats to the local Ollama server for its
// callers: which model runs is theirs to choose, so its functions promise
// nothing and are not reported; the model reaches its callers as a
// parameter flow in the summary.
package cloudhelper

import (
	"context"

	"github.com/ollama/ollama/api"
)

// Chat sends q to model on the Ollama server of OLLAMA_HOST.
func Chat(ctx context.Context, model, q string) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: model}, func(api.ChatResponse) error { return nil })
}

// Send sends a request the caller built.
func Send(ctx context.Context, req *api.ChatRequest) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, req, func(api.ChatResponse) error { return nil })
}

// Embed embeds with model: Ollama does not forward embeddings.
func Embed(ctx context.Context, model string) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	_, err = c.Embed(ctx, &api.EmbedRequest{Model: model})
	return err
}
