// Package openai is a minimal stub of github.com/openai/openai-go: a
// value Client built from options, with services reached by field loads.
package openai

import (
	"context"

	"github.com/openai/openai-go/option"
)

type ChatCompletionService struct{ Options []option.RequestOption }

type ChatService struct{ Completions ChatCompletionService }

type Client struct {
	Options []option.RequestOption
	Chat    ChatService
}

func NewClient(opts ...option.RequestOption) (r Client) {
	r = Client{Options: opts}
	r.Chat = ChatService{Completions: ChatCompletionService{Options: opts}}
	return
}

type ChatCompletionNewParams struct{ Model string }

type ChatCompletion struct{ ID string }

func (r *ChatCompletionService) New(ctx context.Context, body ChatCompletionNewParams, opts ...option.RequestOption) (*ChatCompletion, error) {
	return &ChatCompletion{}, nil
}
