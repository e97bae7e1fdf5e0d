// Package v2 is a minimal stub of github.com/cohere-ai/cohere-go/v2/v2, the
// V2 API's client.
package v2

import (
	"context"

	api "github.com/cohere-ai/cohere-go/v2"
	"github.com/cohere-ai/cohere-go/v2/core"
	"github.com/cohere-ai/cohere-go/v2/option"
)

type Client struct{ baseURL string }

func NewClient(opts ...option.RequestOption) *Client {
	return &Client{baseURL: core.NewRequestOptions(opts...).BaseURL}
}

func (c *Client) Chat(ctx context.Context, request *api.V2ChatRequest, opts ...option.RequestOption) (*api.V2ChatResponse, error) {
	return &api.V2ChatResponse{}, nil
}
