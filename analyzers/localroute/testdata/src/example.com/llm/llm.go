// Package llm declares the provider interface and the chain that tries
// providers in order. The providers are declared by the packages that use
// it, so only they can say where a chain goes.
package llm

import (
	"context"
	"net/http"
	"time"
)

// HTTP is the client providers share.
var HTTP = &http.Client{Timeout: time.Minute}

// Provider completes prompts.
type Provider interface {
	Complete(ctx context.Context, prompt string) (string, error)
}

// Chain tries each provider in order until one answers.
func Chain(ctx context.Context, ps []Provider, prompt string) (string, error) {
	var err error
	for _, p := range ps {
		var out string
		if out, err = p.Complete(ctx, prompt); err == nil {
			return out, nil
		}
	}
	return "", err
}

// Ask asks one provider.
func Ask(ctx context.Context, p Provider, prompt string) (string, error) {
	return p.Complete(ctx, prompt)
}

// Default is set by the program at start-up.
var Default Provider

// AskDefault asks whatever provider the program installed.
func AskDefault(ctx context.Context, prompt string) (string, error) {
	return Default.Complete(ctx, prompt)
}
