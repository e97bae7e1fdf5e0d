// Package openaigo2 uses github.com/openai/openai-go/v2.
package openaigo2

import (
	"context"

	"github.com/openai/openai-go/v2"
	"github.com/openai/openai-go/v2/option"
)

func inferLocally(ctx context.Context) error { // want `inferLocally promises a local model but reaches api.openai.com`
	c := openai.NewClient()
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"}) // want `call reaches api.openai.com, which is not in egress.allow` `destination comes from the environment variable OPENAI_BASE_URL`
	return err
}

func predictLocally(ctx context.Context) error {
	c := openai.NewClient(option.WithBaseURL("http://127.0.0.1:1234/v1/"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"})
	return err
}

func embedLocally(ctx context.Context) error { // want `embedLocally promises a local model but reaches api.groq.com`
	c := openai.NewClient(option.WithBaseURL("https://api.groq.com/openai/v1/"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "llama3"}) // want `call reaches api.groq.com, which is not in egress.allow`
	return err
}
