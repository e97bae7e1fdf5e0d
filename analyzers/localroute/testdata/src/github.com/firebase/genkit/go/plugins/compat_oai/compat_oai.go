// Package compat_oai is a minimal stub of
// github.com/firebase/genkit/go/plugins/compat_oai: an openai-go client with
// BaseURL, then Opts.
package compat_oai

import (
	"context"

	"github.com/firebase/genkit/go/core/api"
	"github.com/openai/openai-go/option"
)

type OpenAICompatible struct {
	Opts     []option.RequestOption
	Provider string
	APIKey   string
	BaseURL  string
}

func (o *OpenAICompatible) Name() string { return o.Provider }

func (o *OpenAICompatible) Init(ctx context.Context) []api.Action { return nil }
