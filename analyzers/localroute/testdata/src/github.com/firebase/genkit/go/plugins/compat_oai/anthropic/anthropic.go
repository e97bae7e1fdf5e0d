// Package anthropic is a minimal stub of
// github.com/firebase/genkit/go/plugins/compat_oai/anthropic.
package anthropic

import (
	"context"

	"github.com/firebase/genkit/go/core/api"
	"github.com/openai/openai-go/option"
)

type Anthropic struct {
	Opts []option.RequestOption
}

func (a *Anthropic) Name() string { return "anthropic" }

func (a *Anthropic) Init(ctx context.Context) []api.Action { return nil }
