// Package openai is a minimal stub of
// github.com/firebase/genkit/go/plugins/compat_oai/openai.
package openai

import (
	"context"

	"github.com/firebase/genkit/go/core/api"
	"github.com/openai/openai-go/option"
)

type OpenAI struct {
	APIKey string
	Opts   []option.RequestOption
}

func (o *OpenAI) Name() string { return "openai" }

func (o *OpenAI) Init(ctx context.Context) []api.Action { return nil }
