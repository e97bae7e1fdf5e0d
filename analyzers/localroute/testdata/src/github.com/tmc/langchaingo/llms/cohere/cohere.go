// Package cohere is a minimal stub of github.com/tmc/langchaingo/llms/cohere:
// COHERE_BASE_URL, WithBaseURL, else https://api.cohere.ai.
package cohere

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

type options struct{ token, model, baseURL string }

type Option func(*options)

func WithToken(token string) Option { return func(o *options) { o.token = token } }

func WithModel(model string) Option { return func(o *options) { o.model = model } }

func WithBaseURL(baseURL string) Option { return func(o *options) { o.baseURL = baseURL } }

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
