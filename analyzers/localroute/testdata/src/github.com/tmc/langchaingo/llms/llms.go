// Package llms is a minimal stub of github.com/tmc/langchaingo/llms: a
// model interface and a helper that takes one.
package llms

import "context"

type MessageContent struct{ Text string }

type ContentResponse struct{ Text string }

type CallOption func(*struct{})

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
