// Package callers passes destinations into functions that promise local
// models, in this package and in another one.
package callers

import (
	"net/http"
	"os"
	"strings"

	"example.com/localllm"
)

const groq = "https://api.groq.com/openai/v1"

func run(c *http.Client, prompt string) error {
	return localllm.QueryLocalModel(c, groq, prompt) // want `call passes api.groq.com to QueryLocalModel, which promises a local model: localllm.QueryLocalModel \(callers.go:\d+:\d+\) → \(\*http.Client\).Post \(localllm.go:\d+:\d+\) \[.*\]; pass the local endpoint, or rename QueryLocalModel to admit the remote route`
}

func runMethod(prompt string) error {
	m := &localllm.LocalModel{BaseURL: "https://api.openai.com", HTTP: http.DefaultClient}
	return m.Complete(prompt) // want `call passes api.openai.com to \(\*LocalModel\).Complete, which promises a local model`
}

// localChat promises a local model, in the same package as its callers.
func localChat(c *http.Client, base, q string) error {
	resp, err := c.Post(base+"/v1/chat/completions", "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func inClosure(c *http.Client, qs []string) {
	for _, q := range qs {
		func() {
			_ = localChat(c, "https://openrouter.ai/api/v1", q) // want `call passes openrouter.ai to localChat`
		}()
	}
}

// Kept promises: the local server, an address from the environment, a
// parameter the caller's own callers choose.
func runLocal(c *http.Client, prompt string) error {
	return localllm.QueryLocalModel(c, "http://localhost:11434", prompt)
}

func runEnv(c *http.Client, prompt string) error {
	return localllm.QueryLocalModel(c, os.Getenv("MODEL_URL"), prompt)
}

func forward(c *http.Client, base, prompt string) error {
	return localllm.QueryLocalModel(c, base, prompt)
}

// No promise to break: Summarize says nothing about where it sends, and
// the cloud reach through it is the caller's business (egress's, if the
// policy forbids the host).
func runSummary(c *http.Client, text string) error {
	return localllm.Summarize(c, groq, text)
}

// A caller that promises locality itself is reported once, at its name.
func callOllama(c *http.Client, prompt string) error { // want `callOllama promises a local model but reaches api.groq.com`
	return localllm.QueryLocalModel(c, groq, prompt)
}

// An honest caller of a promising function is still the one that breaks
// the promise: the callee's name says local.
func chatOrCloud(c *http.Client, q string) error {
	return localChat(c, groq, q) // want `call passes api.groq.com to localChat`
}
