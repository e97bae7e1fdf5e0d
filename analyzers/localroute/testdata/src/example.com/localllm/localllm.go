// Package localllm promises local models and sends wherever its callers
// say: the promise is kept or broken by each call site.
package localllm

import (
	"net/http"
	"strings"
)

// QueryLocalModel sends the prompt to the model server at base.
func QueryLocalModel(c *http.Client, base, prompt string) error {
	resp, err := c.Post(base+"/api/generate", "application/json", strings.NewReader(prompt))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Summarize makes no promise about where it sends.
func Summarize(c *http.Client, base, text string) error {
	return QueryLocalModel(c, base, text)
}

// LocalModel is a model served on this machine.
type LocalModel struct {
	BaseURL string
	HTTP    *http.Client
}

// Complete sends the prompt to the model's server.
func (m *LocalModel) Complete(prompt string) error {
	resp, err := m.HTTP.Post(m.BaseURL+"/v1/completions", "application/json", strings.NewReader(prompt))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
