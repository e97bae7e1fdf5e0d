// Package googlegenai is a minimal stub of
// github.com/firebase/genkit/go/plugins/googlegenai.
package googlegenai

import (
	"context"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/core/api"
	"github.com/firebase/genkit/go/genkit"
)

type GoogleAI struct{ APIKey string }

type VertexAI struct {
	ProjectID string
	Location  string
}

func (ga *GoogleAI) Name() string { return "googleai" }

func (ga *GoogleAI) Init(ctx context.Context) []api.Action { return nil }

func (v *VertexAI) Name() string { return "vertexai" }

func (v *VertexAI) Init(ctx context.Context) []api.Action { return nil }

func GoogleAIModel(g *genkit.Genkit, name string) ai.Model {
	return genkit.LookupModel(g, "googleai/"+name)
}
