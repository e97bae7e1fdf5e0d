// Package ollama uses github.com/ollama/ollama/api.
package ollama

import (
	"context"
	"net/http"
	"net/url"

	"github.com/ollama/ollama/api"
)

var req = &api.ChatRequest{Model: "llama3"}

func discard(api.ChatResponse) error { return nil }

func callOllama(ctx context.Context) error {
	// ClientFromEnvironment: OLLAMA_HOST, else 127.0.0.1:11434.
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, req, discard) // want `call's destination comes from the environment variable OLLAMA_HOST`
}

func chatOllama(ctx context.Context) error {
	u, err := url.Parse("http://127.0.0.1:11434")
	if err != nil {
		return err
	}
	return api.NewClient(u, http.DefaultClient).Chat(ctx, req, discard)
}

func generateWithOllama(ctx context.Context) error { // want `generateWithOllama promises a local model but reaches ollama.com`
	u := &url.URL{Scheme: "https", Host: "ollama.com"}
	c := api.NewClient(u, http.DefaultClient)
	return c.Generate(ctx, &api.GenerateRequest{Model: "gpt-oss:120b"}, func(api.GenerateResponse) error { return nil }) // want `call reaches ollama.com, which is not in egress.allow`
}
