package base

import (
	"context"

	"github.com/ollama/ollama/api"
)

// Chat sends q to model on the Ollama server of OLLAMA_HOST; the caller
// chooses the model.
func Chat(ctx context.Context, model, q string) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: model}, func(api.ChatResponse) error { return nil })
}
