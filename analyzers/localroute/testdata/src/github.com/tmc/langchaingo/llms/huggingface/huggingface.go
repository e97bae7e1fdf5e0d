// Package huggingface is a minimal stub of
// github.com/tmc/langchaingo/llms/huggingface.
package huggingface

import (
	"context"
	"net/http"

	"github.com/tmc/langchaingo/llms"
)

type options struct {
	token, model, url, provider string
	httpClient                  *http.Client
}

type Option func(*options)

func WithToken(token string) Option { return func(o *options) { o.token = token } }

func WithModel(model string) Option { return func(o *options) { o.model = model } }

func WithURL(url string) Option { return func(o *options) { o.url = url } }

func WithHTTPClient(c *http.Client) Option { return func(o *options) { o.httpClient = c } }

// WithInferenceProvider makes New use https://router.huggingface.co,
// whatever WithURL says.
func WithInferenceProvider(provider string) Option {
	return func(o *options) { o.provider = provider }
}

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}

func (o *LLM) CreateEmbedding(ctx context.Context, inputTexts []string, model string, task string) ([][]float32, error) {
	return nil, nil
}
