// Package bedrock is a minimal stub of github.com/tmc/langchaingo/llms/bedrock:
// a bedrockruntime client from the default AWS config, or the one WithClient
// gives.
package bedrock

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/tmc/langchaingo/llms"
)

type options struct {
	modelProvider, modelID string
	client                 *bedrockruntime.Client
}

type Option func(*options)

func WithModel(modelID string) Option { return func(o *options) { o.modelID = modelID } }

func WithModelProvider(p string) Option { return func(o *options) { o.modelProvider = p } }

func WithClient(client *bedrockruntime.Client) Option { return func(o *options) { o.client = client } }

type LLM struct{ opts options }

func New(opts ...Option) (*LLM, error) { return NewWithContext(context.Background(), opts...) }

func NewWithContext(ctx context.Context, opts ...Option) (*LLM, error) { return &LLM{}, nil }

func (l *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (l *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
