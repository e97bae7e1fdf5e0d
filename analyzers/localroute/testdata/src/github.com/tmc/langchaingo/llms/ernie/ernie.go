// Package ernie is a minimal stub of github.com/tmc/langchaingo/llms/ernie:
// aip.baidubce.com; WithBaseURL is stored and never read.
package ernie

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

type ModelName string

type options struct {
	apiKey, secretKey, baseURL string
	modelName                  ModelName
}

type Option func(*options)

func WithAKSK(apiKey, secretKey string) Option {
	return func(o *options) { o.apiKey, o.secretKey = apiKey, secretKey }
}

func WithModelName(modelName ModelName) Option { return func(o *options) { o.modelName = modelName } }

func WithBaseURL(baseURL string) Option { return func(o *options) { o.baseURL = baseURL } }

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
