// Package anthropic uses github.com/anthropics/anthropic-sdk-go (v1).
package anthropic

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
)

var params = anthropic.MessageNewParams{Model: "claude", MaxTokens: 16}

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches api.anthropic.com`
	// NewClient reads ANTHROPIC_BASE_URL, else uses api.anthropic.com.
	c := anthropic.NewClient()
	_, err := c.Messages.New(ctx, params) // want `call reaches api.anthropic.com, which is not in egress.allow` `destination comes from the environment variable ANTHROPIC_BASE_URL`
	return err
}

func chatLocally(ctx context.Context) error {
	c := anthropic.NewClient(option.WithBaseURL("http://localhost:4000/"), option.WithAPIKey("k"))
	_, err := c.Messages.New(ctx, params)
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches openrouter.ai`
	c := anthropic.NewClient(option.WithBaseURL("https://openrouter.ai/api/"))
	_, err := c.Messages.New(ctx, params) // want `call reaches openrouter.ai, which is not in egress.allow`
	return err
}
