// Package chain tries providers from lists that another package returns.
package chain

import (
	"net/http"
	"strings"

	"example.com/providers"
)

func post(base, q string) error {
	resp, err := http.DefaultClient.Post(base+"/chat/completions", "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callOllama(q string) error { // want `callOllama promises a local model but reaches api.groq.com, openrouter.ai: callOllama → chain.post \(chain.go:\d+:\d+\) → \(\*http.Client\).Post \(chain.go:\d+:\d+\)`
	var err error
	for _, base := range providers.Chain() {
		if err = post(base, q); err == nil {
			return nil
		}
	}
	return err
}

func localChat(q string) error {
	for _, base := range providers.Local() {
		if err := post(base, q); err == nil {
			return nil
		}
	}
	return nil
}

func askLocalLLM(q string) error { // want `askLocalLLM promises a local model but reaches api.groq.com`
	for _, base := range providers.ByName() {
		_ = post(base, q)
	}
	return nil
}

func queryLocalModel(q string) error { // want `queryLocalModel promises a local model but reaches api.together.xyz`
	cfg := providers.Default()
	if err := post(cfg.Primary, q); err != nil {
		for _, f := range cfg.Fallbacks {
			_ = post(f, q)
		}
	}
	return nil
}

// Only the primary is used: the fallbacks' host is not reached.
func offlineInfer(q string) error {
	cfg := providers.Default()
	return post(cfg.Primary, q)
}

// Indexing the list: any element may be chosen.
func generateLocally(q string, i int) error { // want `generateLocally promises a local model but reaches api.groq.com`
	return post(providers.Chain()[i], q)
}

// Package variables of another package.
func summarizeLocally(q string) error { // want `summarizeLocally promises a local model but reaches api.deepseek.com, api.mistral.ai`
	for _, base := range providers.Fallbacks {
		_ = post(base, q)
	}
	return nil
}

func embedLocally(q string) error { // want `embedLocally promises a local model but reaches api.cerebras.ai`
	return post(providers.BaseURL, q)
}

func inferLocally(q string) error {
	return post(providers.LocalURL, q)
}

func rerankLocally(q string) error { // want `rerankLocally promises a local model but reaches api.perplexity.ai`
	for _, f := range providers.Settings.Fallbacks {
		_ = post(f, q)
	}
	return post(providers.Settings.Primary, q)
}

// This package overrides the variable: its value is this package's choice,
// not knowable here, so nothing is claimed.
func init() { providers.ServerURL = "http://localhost:8080/v1" }

func translateLocally(q string) error {
	return post(providers.ServerURL, q)
}

func localCompletion(q string) error { // want `localCompletion promises a local model but reaches api.deepseek.com`
	for _, base := range providers.Fixed() {
		_ = post(base, q)
	}
	return nil
}
