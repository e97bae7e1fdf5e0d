// Package parser reads model files, and fetches them from the Ollama
// registry: the brand names its registry, not a local runtime.
package parser

import (
	"context"
	"net/http"
	"time"
)

const defaultRegistry = "registry.ollama.ai"

var client = &http.Client{Timeout: time.Minute}

// OllamaModel is a model reference in the Ollama registry.
type OllamaModel struct {
	Registry, Repository, Tag string
}

// ParseOllamaModel fills in the default registry and tag.
func ParseOllamaModel(ref string) *OllamaModel {
	return &OllamaModel{Registry: defaultRegistry, Repository: ref, Tag: "latest"}
}

func (m *OllamaModel) manifestURL() string {
	return "https://" + m.Registry + "/v2/library/" + m.Repository + "/manifests/" + m.Tag
}

// Complete completes the OllamaModel with the given context and HTTP
// client: it fetches the manifest from the registry.
func (m *OllamaModel) Complete(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.manifestURL(), nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ParseGGUFFileFromOllama parses the GGUF file of an Ollama model, fetched
// from the registry.
func ParseGGUFFileFromOllama(ctx context.Context, ref string) error {
	return ParseOllamaModel(ref).Complete(ctx)
}

// generateWithOllama is the control: the same registry host, reached from
// a name that promises local generation, is reported.
func generateWithOllama(ctx context.Context, ref string) error { // want `generateWithOllama promises a local model but reaches registry.ollama.ai`
	return ParseOllamaModel(ref).Complete(ctx)
}
