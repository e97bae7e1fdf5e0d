// Package client is a minimal stub of github.com/cohere-ai/cohere-go/v2/client:
// a client built from options, with the V2 API's client in a field.
package client

import (
	"context"

	api "github.com/cohere-ai/cohere-go/v2"
	"github.com/cohere-ai/cohere-go/v2/core"
	"github.com/cohere-ai/cohere-go/v2/option"
	v2 "github.com/cohere-ai/cohere-go/v2/v2"
)

type Client struct {
	baseURL string
	V2      *v2.Client
}

func NewClient(opts ...option.RequestOption) *Client {
	return &Client{baseURL: core.NewRequestOptions(opts...).BaseURL, V2: v2.NewClient(opts...)}
}

func (c *Client) Chat(ctx context.Context, request *api.ChatRequest, opts ...option.RequestOption) (*api.NonStreamedChatResponse, error) {
	return &api.NonStreamedChatResponse{}, nil
}
