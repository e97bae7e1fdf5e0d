// Package maritaca is a minimal stub of
// github.com/tmc/langchaingo/llms/maritaca: chat.maritaca.ai;
// WithServerURL is stored and never read.
package maritaca

import (
	"context"
	"net/url"

	"github.com/tmc/langchaingo/llms"
)

type options struct {
	serverURL    *url.URL
	model, token string
}

type Option func(*options)

func WithModel(model string) Option { return func(o *options) { o.model = model } }

func WithToken(token string) Option { return func(o *options) { o.token = token } }

func WithServerURL(rawURL string) Option {
	return func(o *options) { o.serverURL, _ = url.Parse(rawURL) }
}

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
