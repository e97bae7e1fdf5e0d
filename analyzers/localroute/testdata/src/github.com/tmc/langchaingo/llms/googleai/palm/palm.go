// Package palm is a minimal stub of
// github.com/tmc/langchaingo/llms/googleai/palm.
package palm

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

type options struct{ projectID, location string }

type Option func(*options)

func WithProjectID(projectID string) Option { return func(o *options) { o.projectID = projectID } }

func WithLocation(location string) Option { return func(o *options) { o.location = location } }

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}

func (o *LLM) CreateEmbedding(ctx context.Context, texts []string) ([][]float32, error) {
	return nil, nil
}
