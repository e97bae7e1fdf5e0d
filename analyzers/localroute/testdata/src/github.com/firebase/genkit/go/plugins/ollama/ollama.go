// Package ollama is a minimal stub of
// github.com/firebase/genkit/go/plugins/ollama: ServerAddress is required.
package ollama

import (
	"context"

	"github.com/firebase/genkit/go/core/api"
)

type Ollama struct {
	ServerAddress string
	Timeout       int
}

func (o *Ollama) Name() string { return "ollama" }

func (o *Ollama) Init(ctx context.Context) []api.Action { return nil }
