package hosts_test

import (
	"slices"
	"testing"
)

// TestResultSummaries checks what a function hands its callers: the
// Returns and RetFields the summary analyzer will store in facts.
func TestResultSummaries(t *testing.T) {
	p := build(t, `package p

import (
	"net/http"
	"net/url"
	"os"
)

type Config struct {
	BaseURL string
	Model   string
}

type Client struct {
	baseURL string
	config  Config
	api     *url.URL
	hc      *http.Client
}

func NewGroq() *Client {
	u, _ := url.Parse("https://api.groq.com/openai/v1")
	return &Client{baseURL: "https://api.groq.com/openai/v1", api: u, hc: http.DefaultClient}
}

func NewWithBase(base string, cfg Config) *Client {
	c := &Client{baseURL: base, config: cfg}
	if base == "" {
		c.baseURL = "http://localhost:11434"
	}
	return c
}

func DefaultConfig() Config { return Config{BaseURL: "https://api.openai.com/v1", Model: "gpt-4o"} }

func baseURL() (string, error) {
	if h := os.Getenv("OLLAMA_HOST"); h != "" {
		return h, nil
	}
	return "http://127.0.0.1:11434", nil
}

func buildRequest(path string) (*http.Request, error) {
	return http.NewRequest("POST", "https://openrouter.ai/api/v1"+path, nil)
}
`)
	r := p.resolver()
	fields := func(name string) []string {
		var out []string
		for _, f := range r.ResultFields(p.fn(name), 0) {
			out = append(out, f.String())
		}
		return out
	}
	tests := []struct {
		got, want []string
	}{
		{fields("NewGroq"), L(
			"api: https://api.groq.com/openai/v1",
			"baseURL: https://api.groq.com/openai/v1",
		)},
		{fields("NewWithBase"), L(
			"baseURL: param0 | http://localhost:11434",
			"config.BaseURL: param1.BaseURL",
			"config.Model: param1.Model",
		)},
		{fields("DefaultConfig"), L("BaseURL: https://api.openai.com/v1", "Model: gpt-4o")},
		{strs(r.ResultStrings(p.fn("baseURL"), 0)), L("$OLLAMA_HOST", "http://127.0.0.1:11434")},
		// The error result is always nil: no string at all.
		{strs(r.ResultStrings(p.fn("baseURL"), 1)), L()},
		{strs(r.ResultStrings(p.fn("buildRequest"), 0)), L(`"https://openrouter.ai/api/v1"+param0`)},
	}
	for i, tt := range tests {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("#%d = %q, want %q", i, tt.got, tt.want)
		}
	}
	// Out of range results are empty, not a panic.
	if got := r.ResultFields(p.fn("NewGroq"), 3); got != nil {
		t.Errorf("ResultFields out of range = %v", got)
	}
	if got := r.ResultStrings(p.fn("NewGroq"), 3); got != nil {
		t.Errorf("ResultStrings out of range = %v", got)
	}
}
