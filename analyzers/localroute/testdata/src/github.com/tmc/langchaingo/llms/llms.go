// Package llms is a minimal stub of github.com/tmc/langchaingo/llms: a
// model interface and a helper that takes one.
package llms

import "context"

type MessageContent struct{ Text string }

type ContentResponse struct{ Text string }

type CallOptions struct {
	Model       string
	Temperature float64
}

type CallOption func(*CallOptions)

func WithModel(model string) CallOption { return func(o *CallOptions) { o.Model = model } }

func WithTemperature(t float64) CallOption { return func(o *CallOptions) { o.Temperature = t } }

type Model interface {
	GenerateContent(ctx context.Context, messages []MessageContent, options ...CallOption) (*ContentResponse, error)
}

func GenerateFromSinglePrompt(ctx context.Context, llm Model, prompt string, options ...CallOption) (string, error) {
	resp, err := llm.GenerateContent(ctx, []MessageContent{{Text: prompt}}, options...)
	if err != nil {
		return "", err
	}
	return resp.Text, nil
}
