// Package googleai is a minimal stub of
// github.com/tmc/langchaingo/llms/googleai: its options append
// google.golang.org/api client options, and none sets an endpoint.
package googleai

import (
	"context"
	"net/http"

	"github.com/tmc/langchaingo/llms"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
)

type Options struct {
	CloudProject  string
	CloudLocation string
	DefaultModel  string
	ClientOptions []option.ClientOption
}

type Option func(*Options)

func WithAPIKey(apiKey string) Option {
	return func(o *Options) { o.ClientOptions = append(o.ClientOptions, option.WithAPIKey(apiKey)) }
}

func WithRest() Option { return func(o *Options) {} }

func WithHTTPClient(c *http.Client) Option { return func(o *Options) {} }

func WithGRPCConn(conn *grpc.ClientConn) Option { return func(o *Options) {} }

func WithDefaultModel(m string) Option { return func(o *Options) { o.DefaultModel = m } }

func WithCloudProject(p string) Option { return func(o *Options) { o.CloudProject = p } }

func WithCloudLocation(l string) Option { return func(o *Options) { o.CloudLocation = l } }

type GoogleAI struct{ opts Options }

func New(ctx context.Context, opts ...Option) (*GoogleAI, error) { return &GoogleAI{}, nil }

func (g *GoogleAI) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (g *GoogleAI) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}

func (g *GoogleAI) CreateEmbedding(ctx context.Context, texts []string) ([][]float32, error) {
	return nil, nil
}

func (g *GoogleAI) Close() error { return nil }
