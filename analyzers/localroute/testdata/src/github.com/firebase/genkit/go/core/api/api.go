// Package api is a minimal stub of github.com/firebase/genkit/go/core/api.
package api

import "context"

type Action interface{ Name() string }

type Plugin interface {
	Name() string
	Init(ctx context.Context) []Action
}
