// Package ollama is a minimal stub of
// github.com/firebase/genkit/go/plugins/ollama: ServerAddress is required.
package ollama

import (
	"context"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/core/api"
	"github.com/firebase/genkit/go/genkit"
)

type Ollama struct {
	ServerAddress string
	Timeout       int
}

func (o *Ollama) Name() string { return "ollama" }

func (o *Ollama) Init(ctx context.Context) []api.Action { return nil }

type ModelDefinition struct {
	Name string
	Type string
}

func (o *Ollama) DefineModel(g *genkit.Genkit, model ModelDefinition, opts *ai.ModelOptions) ai.Model {
	return nil
}
