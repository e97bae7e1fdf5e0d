// Package genai is a minimal stub of google.golang.org/genai: the base URL
// is a field of the config's HTTPOptions, "" meaning the default.
package genai

import "context"

type Backend int

const (
	BackendUnspecified Backend = iota
	BackendGeminiAPI
	BackendVertexAI
)

type HTTPOptions struct{ BaseURL, APIVersion string }

type ClientConfig struct {
	APIKey      string
	Backend     Backend
	HTTPOptions HTTPOptions
}

type Models struct{ cc *ClientConfig }

type Client struct{ Models *Models }

func NewClient(ctx context.Context, cc *ClientConfig) (*Client, error) {
	return &Client{Models: &Models{cc: cc}}, nil
}

type GenerateContentResponse struct{ Text string }

func (m Models) GenerateContent(ctx context.Context, model string, contents any, config any) (*GenerateContentResponse, error) {
	return &GenerateContentResponse{}, nil
}
