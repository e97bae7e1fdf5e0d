// Package vertex is a minimal stub of
// github.com/tmc/langchaingo/llms/googleai/vertex: the googleai options,
// {location}-aiplatform.googleapis.com.
package vertex

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/googleai"
)

type Vertex struct{ opts googleai.Options }

func New(ctx context.Context, opts ...googleai.Option) (*Vertex, error) { return &Vertex{}, nil }

func (g *Vertex) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (g *Vertex) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}

func (g *Vertex) CreateEmbedding(ctx context.Context, texts []string) ([][]float32, error) {
	return nil, nil
}
