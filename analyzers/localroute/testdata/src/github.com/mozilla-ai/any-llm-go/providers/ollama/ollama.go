// Package ollama is a minimal stub of an any-llm-go provider: New returns
// (*Provider, error); Completion takes providers.CompletionParams, as in
// any-llm-go v0.8.0.
package ollama

import (
	"context"

	"github.com/mozilla-ai/any-llm-go/config"
	"github.com/mozilla-ai/any-llm-go/providers"
)

type Provider struct{ cfg config.Config }

func New(opts ...config.Option) (*Provider, error) { return &Provider{}, nil }

func (p *Provider) Completion(ctx context.Context, params providers.CompletionParams) (string, error) {
	return "", nil
}

func (p *Provider) Embedding(ctx context.Context, params providers.CompletionParams) ([]float32, error) {
	return nil, nil
}
