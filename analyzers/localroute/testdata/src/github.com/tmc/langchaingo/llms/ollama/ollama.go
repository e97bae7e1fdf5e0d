// Package ollama is a minimal stub of github.com/tmc/langchaingo/llms/ollama.
package ollama

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

type options struct{ url string }

type Option func(*options)

func WithServerURL(u string) Option { return func(o *options) { o.url = u } }

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
