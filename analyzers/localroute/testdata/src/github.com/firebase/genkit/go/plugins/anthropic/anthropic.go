// Package anthropic is a minimal stub of
// github.com/firebase/genkit/go/plugins/anthropic.
package anthropic

import (
	"context"

	"github.com/firebase/genkit/go/core/api"
)

type Anthropic struct {
	APIKey  string
	BaseURL string
}

func (a *Anthropic) Name() string { return "anthropic" }

func (a *Anthropic) Init(ctx context.Context) []api.Action { return nil }
