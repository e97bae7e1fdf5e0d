// Package openai is a minimal stub of github.com/sashabaranov/go-openai.
package openai

import "context"

type ClientConfig struct{ BaseURL string }

func DefaultConfig(authToken string) ClientConfig {
	return ClientConfig{BaseURL: "https://api.openai.com/v1"}
}

type Client struct{ config ClientConfig }

func NewClient(authToken string) *Client { return NewClientWithConfig(DefaultConfig(authToken)) }

func NewClientWithConfig(config ClientConfig) *Client { return &Client{config: config} }

type ChatCompletionRequest struct{ Model string }

func (c *Client) CreateChatCompletion(ctx context.Context, req ChatCompletionRequest) (string, error) {
	return "", nil
}
