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

// ModelArg is a model or a reference to one, by name.
type ModelArg interface{ Name() string }

// Model is a model defined in the registry.
type Model interface{ Name() string }

type ModelOptions struct{ Label string }

type ModelRef struct {
	name   string
	config any
}

func NewModelRef(name string, config any) ModelRef { return ModelRef{name: name, config: config} }

func (r ModelRef) Name() string { return r.name }

type modelArg struct{ m ModelArg }

func (m modelArg) applyGenerate(o *generateOptions) error { o.model = m.m.Name(); return nil }

func WithModel(model ModelArg) GenerateOption { return modelArg{model} }

type embedderName string

func (embedderName) applyEmbedder() {}

func WithEmbedderName(name string) EmbedderOption { return embedderName(name) }
