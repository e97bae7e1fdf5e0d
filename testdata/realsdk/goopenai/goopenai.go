// Package goopenai uses github.com/sashabaranov/go-openai.
package goopenai

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

var req = openai.ChatCompletionRequest{Model: "llama3"}

func askLocalLLM(ctx context.Context, tok string) error { // want `askLocalLLM promises a local model but reaches api.openai.com`
	c := openai.NewClient(tok)
	_, err := c.CreateChatCompletion(ctx, req) // want `call reaches api.openai.com, which is not in egress.allow`
	return err
}

func generateLocallyWithOrg(ctx context.Context, tok string) error { // want `generateLocallyWithOrg promises a local model but reaches api.openai.com`
	_, err := openai.NewOrgClient(tok, "org").CreateChatCompletion(ctx, req) // want `call reaches api.openai.com, which is not in egress.allow`
	return err
}

func chatLocally(ctx context.Context, tok string) error {
	cfg := openai.DefaultConfig(tok)
	cfg.BaseURL = "http://localhost:11434/v1"
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, req)
	return err
}

func generateLocally(ctx context.Context, tok string) error { // want `generateLocally promises a local model but reaches api.groq.com`
	cfg := openai.DefaultConfig(tok)
	cfg.BaseURL = "https://api.groq.com/openai/v1"
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, req) // want `call reaches api.groq.com, which is not in egress.allow`
	return err
}

func translateLocally(ctx context.Context, key string) error { // want `translateLocally promises a local model but reaches myres.openai.azure.com`
	cfg := openai.DefaultAzureConfig(key, "https://myres.openai.azure.com/")
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, req) // want `call reaches myres.openai.azure.com, which is not in egress.allow`
	return err
}

func summarizeLocally(ctx context.Context, key string) error { // want `summarizeLocally promises a local model but reaches api.anthropic.com`
	// An empty base URL makes DefaultAnthropicConfig use Anthropic's API.
	cfg := openai.DefaultAnthropicConfig(key, "")
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, req) // want `call reaches api.anthropic.com, which is not in egress.allow`
	return err
}

func classifyLocally(ctx context.Context, key string) error {
	cfg := openai.DefaultAnthropicConfig(key, "http://127.0.0.1:8080/v1")
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, req)
	return err
}
