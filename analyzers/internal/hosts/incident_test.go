package hosts_test

import (
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
)

// TestIncident runs the pieces together on the incident's shape
// (localroute.md): callOllama tries a chain of cloud providers, with both
// http.Post and NewRequest+Do, before falling back to the local Ollama.
func TestIncident(t *testing.T) {
	p := build(t, `package p

import (
	"bytes"
	"net/http"
	"os"
)

type provider struct {
	name    string
	baseURL string
}

var chain = []provider{
	{"groq", "https://api.groq.com/openai/v1"},
	{"openrouter", "https://openrouter.ai/api/v1"},
	{"gemini", "https://generativelanguage.googleapis.com/v1beta/openai"},
}

func ollamaHost() string {
	h := os.Getenv("OLLAMA_HOST")
	if h == "" {
		h = "http://127.0.0.1:11434"
	}
	return h
}

func callOllama(prompt []byte) (*http.Response, error) {
	for _, p := range chain {
		if p.name == "gemini" {
			req, err := http.NewRequest("POST", p.baseURL+"/chat/completions", bytes.NewReader(prompt))
			if err != nil {
				continue
			}
			if resp, err := http.DefaultClient.Do(req); err == nil {
				return resp, nil
			}
			continue
		}
		if resp, err := http.Post(p.baseURL+"/chat/completions", "application/json", bytes.NewReader(prompt)); err == nil {
			return resp, nil
		}
	}
	return http.Post(ollamaHost()+"/api/chat", "application/json", bytes.NewReader(prompt))
}
`)
	r := p.resolver()
	byClass := map[hosts.Locality][]string{}
	var origins []string
	for _, s := range hosts.FindSinks(p.fn("callOllama")) {
		for _, target := range r.Targets(s) {
			if h, ok := target.Host(s.Kind.Dial()); ok {
				byClass[hosts.Classify(h, nil)] = append(byClass[hosts.Classify(h, nil)], h)
			} else if o := target.Origin(); o != "" {
				origins = append(origins, o)
			}
		}
	}
	for class, hs := range byClass {
		slices.Sort(hs)
		byClass[class] = slices.Compact(hs)
	}
	wantExternal := []string{"api.groq.com", "generativelanguage.googleapis.com", "openrouter.ai"}
	if !slices.Equal(byClass[hosts.External], wantExternal) {
		t.Errorf("external hosts = %v, want %v", byClass[hosts.External], wantExternal)
	}
	if !slices.Equal(byClass[hosts.Local], []string{"127.0.0.1"}) {
		t.Errorf("local hosts = %v, want [127.0.0.1]", byClass[hosts.Local])
	}
	if !slices.Equal(origins, []string{"$OLLAMA_HOST"}) {
		t.Errorf("origins = %v, want [$OLLAMA_HOST]", origins)
	}
}
