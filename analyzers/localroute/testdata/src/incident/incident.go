// Package incident reproduces the incident: call_ollama tried a chain of
// cloud providers before the local model.
package incident

import (
	"endpoints"
	"errors"
	"sender"
	"strings"
)

var providers = []string{endpoints.Groq, endpoints.OpenRouter}

func callOllama(prompt string) (string, error) { // want `callOllama promises a local model but reaches api.groq.com, openrouter.ai: callOllama → sender.Post \(incident.go:\d+:\d+\) → \(\*http.Client\).Post \(sender.go:\d+:\d+\); the local localhost is tried only after the external call \(external-first fallback\)`
	for _, base := range providers {
		resp, err := sender.Post(base, "/chat/completions", strings.NewReader(prompt))
		if err == nil {
			resp.Body.Close()
			return "cloud", nil
		}
	}
	resp, err := sender.Post(endpoints.Ollama, "/api/generate", strings.NewReader(prompt))
	if err != nil {
		return "", errors.New("all providers failed")
	}
	resp.Body.Close()
	return "local", nil
}

// callOllamaOrCloud admits the remote route in its name.
func callOllamaOrCloud(prompt string) error {
	resp, err := sender.Post(endpoints.Groq, "/chat/completions", strings.NewReader(prompt))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// callOllamaLocalOnly keeps its promise.
func callOllamaLocalOnly(prompt string) error {
	resp, err := sender.Post(endpoints.Ollama, "/api/generate", strings.NewReader(prompt))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
