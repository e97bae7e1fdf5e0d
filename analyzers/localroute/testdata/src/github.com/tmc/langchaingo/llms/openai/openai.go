// Package openai is a minimal stub of github.com/tmc/langchaingo/llms/openai.
package openai

import (
	"context"

	"github.com/tmc/langchaingo/llms"
)

type APIType string

const (
	APITypeOpenAI  APIType = "OPEN_AI"
	APITypeAzure   APIType = "AZURE"
	APITypeAzureAD APIType = "AZURE_AD"
)

type options struct {
	url, model string
	apiType    APIType
}

type Option func(*options)

func WithBaseURL(u string) Option { return func(o *options) { o.url = u } }

func WithModel(model string) Option { return func(o *options) { o.model = model } }

func WithAPIType(apiType APIType) Option { return func(o *options) { o.apiType = apiType } }

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
