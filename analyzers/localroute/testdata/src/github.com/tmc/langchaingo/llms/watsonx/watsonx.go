// Package watsonx is a minimal stub of github.com/tmc/langchaingo/llms/watsonx:
// a client of github.com/IBM/watsonx-go/pkg/models.
package watsonx

import (
	"context"

	wx "github.com/IBM/watsonx-go/pkg/models"
	"github.com/tmc/langchaingo/llms"
)

type LLM struct{ modelID string }

func New(modelID string, opts ...wx.ClientOption) (*LLM, error) { return &LLM{modelID: modelID}, nil }

func (wx *LLM) GenerateContent(ctx context.Context, messages []llms.MessageContent, options ...llms.CallOption) (*llms.ContentResponse, error) {
	return &llms.ContentResponse{}, nil
}

func (wx *LLM) Call(ctx context.Context, prompt string, options ...llms.CallOption) (string, error) {
	return "", nil
}
