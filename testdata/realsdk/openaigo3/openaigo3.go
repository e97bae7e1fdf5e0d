// Package openaigo3 uses github.com/openai/openai-go/v3.
package openaigo3

import (
	"context"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/azure"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/responses"
)

func inferLocally(ctx context.Context) error { // want `inferLocally promises a local model but reaches api.openai.com`
	c := openai.NewClient()
	_, err := c.Responses.New(ctx, responses.ResponseNewParams{Model: "llama3"}) // want `call reaches api.openai.com, which is not in egress.allow` `destination comes from the environment variable OPENAI_BASE_URL`
	return err
}

func predictLocally(ctx context.Context) error {
	c := openai.NewClient(option.WithBaseURL("http://localhost:8000/v1/"))
	_, err := c.Responses.New(ctx, responses.ResponseNewParams{Model: "llama3"})
	return err
}

func embedLocally(ctx context.Context) error { // want `embedLocally promises a local model but reaches api.deepseek.com`
	c := openai.NewClient(option.WithBaseURL("https://api.deepseek.com"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "deepseek-chat"}) // want `call reaches api.deepseek.com, which is not in egress.allow`
	return err
}

func translateLocally(ctx context.Context) error { // want `translateLocally promises a local model but reaches myres.openai.azure.com`
	// azure.WithEndpoint's first argument is the resource endpoint.
	c := openai.NewClient(azure.WithEndpoint("https://myres.openai.azure.com", "2024-06-01"), azure.WithAPIKey("k"))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "gpt-4o"}) // want `call reaches myres.openai.azure.com, which is not in egress.allow`
	return err
}

func rerankLocally(ctx context.Context) error { // want `rerankLocally promises a local model but reaches eu.api.openai.com`
	// WithDataResidency picks a regional host instead of api.openai.com.
	c := openai.NewClient(option.WithDataResidency(option.DataResidencyEU))
	_, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "gpt-4o"}) // want `call reaches eu.api.openai.com, which is not in egress.allow`
	return err
}
