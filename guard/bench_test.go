package guard_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/guard"
)

// stubTransport returns a canned response without any network, so the
// benchmark measures the guard's check and not the loopback stack.
type stubTransport struct{ resp *http.Response }

func (s stubTransport) RoundTrip(*http.Request) (*http.Response, error) { return s.resp, nil }

const benchPolicy = `version: 1
local:
  hosts: [ollama, "*.models.internal", 10.20.0.0/16]
egress:
  allow:
    - api.anthropic.com
    - "*.openai.com"
    - generativelanguage.googleapis.com
  deny:
    - openrouter.ai
    - api.groq.com
    - 169.254.169.254/32
`

func benchRoundTrip(b *testing.B, rt http.RoundTripper) {
	req, err := http.NewRequest("GET", "https://eu.api.openai.com/v1/chat/completions", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := rt.RoundTrip(req)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}

func stub() stubTransport {
	return stubTransport{resp: &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(""))}}
}

func BenchmarkBareTransport(b *testing.B) { benchRoundTrip(b, stub()) }

func BenchmarkGuardedTransport(b *testing.B) {
	g, err := guard.Load(writePolicyB(b, benchPolicy))
	if err != nil {
		b.Fatal(err)
	}
	benchRoundTrip(b, g.RoundTripper(stub()))
}
