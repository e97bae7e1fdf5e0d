// Package llamafile is a minimal stub of
// github.com/tmc/langchaingo/llms/llamafile: New talks to LLAMAFILE_HOST,
// or http://127.0.0.1:8080; no option sets the server URL.
package llamafile

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/llamafile/internal/llamafileclient"
)

type Option func(*llamafileclient.GenerationSettings)

func WithModel(val string) Option {
	return func(o *llamafileclient.GenerationSettings) { o.Model = val }
}

func WithTemperature(val float64) Option {
	return func(o *llamafileclient.GenerationSettings) { o.Temperature = val }
}

type LLM struct {
	options llamafileclient.GenerationSettings
}

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
