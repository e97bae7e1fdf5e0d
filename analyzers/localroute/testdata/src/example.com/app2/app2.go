// Package app2 declares the providers package llm dispatches to: llm's
// summaries carry the dynamic calls, and they are resolved here, by the
// concrete providers each call site passes.
package app2

import (
	"context"
	"io"
	"net/http"
	"strings"

	"example.com/llm"
)

type groq struct{}

func (groq) Complete(ctx context.Context, prompt string) (string, error) {
	return post("https://api.groq.com/openai/v1/chat/completions", prompt)
}

type ollama struct{}

func (ollama) Complete(ctx context.Context, prompt string) (string, error) {
	return post("http://127.0.0.1:11434/api/generate", prompt)
}

func post(url, prompt string) (string, error) {
	req, err := http.NewRequest("POST", url, strings.NewReader(prompt))
	if err != nil {
		return "", err
	}
	resp, err := llm.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func callOllama(ctx context.Context, prompt string) (string, error) { // want `callOllama promises a local model but reaches api.groq.com: callOllama → llm.Chain \(app2.go:\d+:\d+\) → \(app2.groq\).Complete \(llm.go:\d+:\d+\) → app2.post \(app2.go:\d+:\d+\) → \(\*http.Client\).Do \(app2.go:\d+:\d+\)`
	return llm.Chain(ctx, []llm.Provider{groq{}, ollama{}}, prompt)
}

// Only the local provider is passed: the cloud provider declared beside it
// is never called from here.
func askLocalModel(ctx context.Context, prompt string) (string, error) {
	return llm.Chain(ctx, []llm.Provider{ollama{}}, prompt)
}

func generateLocally(ctx context.Context, prompt string) (string, error) {
	return llm.Ask(ctx, ollama{}, prompt)
}

func askLocalLLM(ctx context.Context, prompt string) (string, error) { // want `askLocalLLM promises a local model but reaches api.groq.com: askLocalLLM → llm.Ask`
	return llm.Ask(ctx, groq{}, prompt)
}

// The provider is the caller's: decided where completeLocally is called.
func completeLocally(ctx context.Context, p llm.Provider, prompt string) (string, error) {
	return llm.Ask(ctx, p, prompt)
}

func runLocalModel(ctx context.Context, prompt string) (string, error) { // want `runLocalModel promises a local model but reaches api.groq.com: runLocalModel → app2.completeLocally`
	return completeLocally(ctx, groq{}, prompt)
}

func chatLocally(ctx context.Context, prompt string) (string, error) {
	return completeLocally(ctx, ollama{}, prompt)
}

// A provider installed in a package variable could be any of this
// package's providers: each one counts.
func queryLocalModel(ctx context.Context, prompt string) (string, error) { // want `queryLocalModel promises a local model but reaches api.groq.com: queryLocalModel → llm.AskDefault`
	return llm.AskDefault(ctx, prompt)
}
