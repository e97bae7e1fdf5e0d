// Package openai is a minimal stub of github.com/sashabaranov/go-openai:
// only the shapes the SDK table relies on. Requests go through an
// interface, so the generic engine cannot follow them.
package openai

import "context"

const apiURLv1 = "https://api.openai.com/v1"

type HTTPDoer interface{ Send(url string) error }

type ClientConfig struct {
	authToken  string
	BaseURL    string
	HTTPClient HTTPDoer
}

func DefaultConfig(authToken string) ClientConfig {
	return ClientConfig{authToken: authToken, BaseURL: apiURLv1}
}

func DefaultAzureConfig(apiKey, baseURL string) ClientConfig {
	return ClientConfig{authToken: apiKey, BaseURL: baseURL}
}

// DefaultAnthropicConfig: an empty baseURL means Anthropic's API (as in
// v1.43.0).
func DefaultAnthropicConfig(apiKey, baseURL string) ClientConfig {
	if baseURL == "" {
		baseURL = "https://api.anthropic.com/v1"
	}
	return ClientConfig{authToken: apiKey, BaseURL: baseURL}
}

type Client struct{ config ClientConfig }

func NewClient(authToken string) *Client { return NewClientWithConfig(DefaultConfig(authToken)) }

func NewClientWithConfig(config ClientConfig) *Client { return &Client{config: config} }

type ChatCompletionRequest struct{ Model string }

type ChatCompletionResponse struct{ ID string }

func (c *Client) CreateChatCompletion(ctx context.Context, req ChatCompletionRequest) (ChatCompletionResponse, error) {
	if c.config.HTTPClient == nil {
		return ChatCompletionResponse{}, nil
	}
	return ChatCompletionResponse{}, c.config.HTTPClient.Send(c.config.BaseURL + "/chat/completions")
}
