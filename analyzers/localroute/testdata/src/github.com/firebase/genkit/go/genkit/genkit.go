// Package genkit is a minimal stub of github.com/firebase/genkit/go/genkit:
// Init with plugins, and the helpers that generate through them.
package genkit

import (
	"context"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/core/api"
)

type Genkit struct{ plugins []api.Plugin }

type GenkitOption interface{ apply(g *genkitOptions) error }

type genkitOptions struct {
	DefaultModel string
	Plugins      []api.Plugin
}

func (o *genkitOptions) apply(g *genkitOptions) error {
	g.Plugins = append(g.Plugins, o.Plugins...)
	if o.DefaultModel != "" {
		g.DefaultModel = o.DefaultModel
	}
	return nil
}

func WithPlugins(plugins ...api.Plugin) GenkitOption { return &genkitOptions{Plugins: plugins} }

func WithDefaultModel(model string) GenkitOption { return &genkitOptions{DefaultModel: model} }

func Init(ctx context.Context, opts ...GenkitOption) *Genkit {
	o := &genkitOptions{}
	for _, opt := range opts {
		_ = opt.apply(o)
	}
	for _, p := range o.Plugins {
		p.Init(ctx)
	}
	return &Genkit{plugins: o.Plugins}
}

func Generate(ctx context.Context, g *Genkit, opts ...ai.GenerateOption) (*ai.ModelResponse, error) {
	return &ai.ModelResponse{}, nil
}

func GenerateText(ctx context.Context, g *Genkit, opts ...ai.GenerateOption) (string, error) {
	return "", nil
}

func GenerateData[Out any](ctx context.Context, g *Genkit, opts ...ai.GenerateOption) (*Out, *ai.ModelResponse, error) {
	return new(Out), &ai.ModelResponse{}, nil
}

func Embed(ctx context.Context, g *Genkit, opts ...ai.EmbedderOption) (*ai.EmbedResponse, error) {
	return &ai.EmbedResponse{}, nil
}

func LookupModel(g *Genkit, name string) ai.Model { return nil }
