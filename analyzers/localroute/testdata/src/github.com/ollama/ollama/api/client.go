// Package api is a minimal stub of github.com/ollama/ollama/api.
package api

import (
	"context"
	"net/url"
)

type Client struct{ base *url.URL }

func ClientFromEnvironment() (*Client, error) { return &Client{}, nil }

func NewClient(base *url.URL, _ any) *Client { return &Client{base: base} }

type ChatRequest struct{ Model string }

type ChatResponse struct{ Done bool }

func (c *Client) Chat(ctx context.Context, req *ChatRequest, fn func(ChatResponse) error) error {
	return nil
}
