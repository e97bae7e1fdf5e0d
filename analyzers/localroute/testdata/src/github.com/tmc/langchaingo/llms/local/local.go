// Package local is a minimal stub of github.com/tmc/langchaingo/llms/local:
// the model is a binary run as a subprocess (LOCAL_LLM_BIN), not a server.
package local

import (
	"context"
	"os"
	"os/exec"

	"github.com/tmc/langchaingo/llms"
)

type options struct{ bin, args string }

type Option func(*options)

func WithBin(bin string) Option { return func(o *options) { o.bin = bin } }

func WithArgs(args string) Option { return func(o *options) { o.args = args } }

type LLM struct{ path, args string }

func New(opts ...Option) (*LLM, error) {
	o := &options{bin: os.Getenv("LOCAL_LLM_BIN"), args: os.Getenv("LOCAL_LLM_ARGS")}
	for _, opt := range opts {
		opt(o)
	}
	path, err := exec.LookPath(o.bin)
	if err != nil {
		return nil, err
	}
	return &LLM{path: path, args: o.args}, nil
}

func (o *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	out, err := exec.CommandContext(ctx, o.path, o.args, messages[0].Text).Output()
	if err != nil {
		return nil, err
	}
	return &llms.ContentResponse{Text: string(out)}, nil
}

func (o *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, o, prompt, options...)
}
