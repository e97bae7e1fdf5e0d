// Package strict: with egress.strict, a destination the code does not
// determine (environment, configuration) is reported at the call that
// supplies it; constant destinations follow the lists as usual.
package strict

import (
	"base"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: time.Minute}

type Config struct{ URL string }

func fromEnv(q string) error {
	return base.Post(os.Getenv("LLM_URL"), q) // want `call's destination comes from the environment variable LLM_URL, so egress.strict cannot prove it allowed; path: base.Post \(strict.go:\d+:\d+\) → \(\*http.Client\).Post \(base.go:\d+:\d+\)`
}

func fromLoadedConfig(load func() Config) error {
	cfg := load()
	resp, err := client.Get(cfg.URL) // want `call's destination cannot be resolved statically \(configuration, flags or computed values\), so egress.strict cannot prove it allowed; .*or enforce the policy at run time by wrapping the client.s transport with the guard package \(g.RoundTripper\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A parameter is the caller's to supply: reported where a caller passes an
// unresolved value, not here.
func Send(url, q string) error {
	return base.Post(url, q)
}

func allowedConstant(q string) error {
	return base.Post("https://api.anthropic.com/v1", q)
}

func localConstant(q string) error {
	return Send("http://127.0.0.1:11434/api/chat", q)
}

// An external host on neither list is allowed by egress.default allow,
// strict or not: strict is about destinations that cannot be known.
func unlistedConstant(q string) error {
	return base.Post("https://example.com/hook", q)
}

func suppressed(q string) error {
	//zombiecheck:ignore egress/unresolved the URL is validated against the allow-list at startup
	return base.Post(os.Getenv("HOOK_URL"), q)
}
