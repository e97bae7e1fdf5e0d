package hosts_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
)

func TestCloudModel(t *testing.T) {
	for _, tc := range []struct {
		s    hosts.Str
		want string // "" : not a cloud model
	}{
		{hosts.Literal("gpt-oss:120b-cloud"), "gpt-oss:120b-cloud"},
		{hosts.Literal("minimax-m2:cloud"), "minimax-m2:cloud"},
		{hosts.Literal("llama3.2"), ""},
		{hosts.Literal("cloudy-model:7b"), ""},
		{hosts.Literal("gpt-oss:120b-cloud-q4"), ""},
		{hosts.Literal("wordcloud"), ""},
		{hosts.Prefix("gpt-oss:120b-cloud"), ""}, // something may follow
		{hosts.Unknown(), ""},
		{hosts.FromParam(1, ""), ""},
		{hosts.FromEnv("OLLAMA_MODEL"), ""},
		{hosts.Str{Env: "OLLAMA_MODEL", Param: -1, Tail: ":cloud", Complete: true}, "$OLLAMA_MODEL:cloud"},
		{hosts.Str{Lit: "gpt-oss:", Param: 0, Tail: "-cloud", Complete: true}, "gpt-oss:…-cloud"},
		{hosts.Str{Lit: "gpt-oss:", Param: 0, Tail: "-cloud"}, ""},
	} {
		got, ok := hosts.CloudModel(tc.s)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("CloudModel(%v) = %q, %v; want %q", tc.s, got, ok, tc.want)
		}
	}
}

// TestOllamaPort: an OpenAI-compatible base URL names Ollama by its port,
// which Endpoint decides only when the port's digits are known to end.
func TestOllamaPort(t *testing.T) {
	for _, tc := range []struct {
		s    hosts.Str
		want string
	}{
		{hosts.Literal("http://localhost:11434/v1"), "11434"},
		{hosts.Literal("http://127.0.0.1:11434"), "11434"},
		{hosts.Prefix("http://[::1]:11434/"), "11434"},
		{hosts.Literal("http://localhost:8000/v1"), "8000"},
		{hosts.Prefix("http://localhost:1143"), ""}, // more digits may follow
	} {
		_, got, ok := tc.s.Endpoint(false)
		if !ok || got != tc.want {
			t.Errorf("%v.Endpoint(false) port = %q, %v; want %q", tc.s, got, ok, tc.want)
		}
	}
}
