// Package groq is a minimal stub of an any-llm-go provider: New returns
// (*Provider, error).
package groq

import (
	"context"

	"github.com/mozilla-ai/any-llm-go/config"
)

type Provider struct{ cfg config.Config }

func New(opts ...config.Option) (*Provider, error) { return &Provider{}, nil }

func (p *Provider) Completion(ctx context.Context, model string) (string, error) { return "", nil }

func (p *Provider) Name() string { return "groq" }
