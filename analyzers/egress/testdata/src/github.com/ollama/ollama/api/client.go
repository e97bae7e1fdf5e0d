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

type GenerateRequest struct{ Model, Prompt string }

type GenerateResponse struct{ Response string }

func (c *Client) Generate(ctx context.Context, req *GenerateRequest, fn func(GenerateResponse) error) error {
	return nil
}

type EmbedRequest struct{ Model string }

type EmbedResponse struct{ Embeddings [][]float32 }

func (c *Client) Embed(ctx context.Context, req *EmbedRequest) (*EmbedResponse, error) {
	return &EmbedResponse{}, nil
}
