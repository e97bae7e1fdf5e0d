// Package cloudflare is a minimal stub of
// github.com/tmc/langchaingo/llms/cloudflare: no default server URL.
package cloudflare

import (
	"context"
	"net/url"

	"github.com/tmc/langchaingo/llms"
)

type options struct {
	accountID, token, model string
	serverURL               *url.URL
}

type Option func(*options)

func WithModel(model string) Option { return func(o *options) { o.model = model } }

func WithAccountID(accountID string) Option { return func(o *options) { o.accountID = accountID } }

func WithToken(token string) Option { return func(o *options) { o.token = token } }

func WithServerURL(rawURL string) Option {
	return func(o *options) { o.serverURL, _ = url.Parse(rawURL) }
}

func WithCloudflareServerURL(serverURL *url.URL) Option {
	return func(o *options) { o.serverURL = serverURL }
}

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
