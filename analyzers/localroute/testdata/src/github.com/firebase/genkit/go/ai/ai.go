// Package ai is a minimal stub of github.com/firebase/genkit/go/ai.
package ai

type GenerateOption interface {
	applyGenerate(o *generateOptions) error
}

type generateOptions struct{ model, prompt string }

type modelName string

func (m modelName) applyGenerate(o *generateOptions) error { o.model = string(m); return nil }

type prompt string

func (p prompt) applyGenerate(o *generateOptions) error { o.prompt = string(p); return nil }

func WithModelName(name string) GenerateOption { return modelName(name) }

func WithPrompt(text string, args ...any) GenerateOption { return prompt(text) }

type ModelResponse struct{ text string }

func (mr *ModelResponse) Text() string { return mr.text }

type EmbedderOption interface{ applyEmbedder() }

type EmbedResponse struct{ Embeddings [][]float32 }
