// Package otelhttp is a stand-in for OpenTelemetry's otelhttp, written for
// these tests: NewTransport wraps (keeps) the RoundTripper it is given.
package otelhttp

import "net/http"

type Option interface{ apply(*config) }

type config struct {
	name string
}

type Transport struct {
	rt   http.RoundTripper
	name string
}

// NewTransport wraps base; a nil base means http.DefaultTransport.
func NewTransport(base http.RoundTripper, opts ...Option) *Transport {
	if base == nil {
		base = http.DefaultTransport
	}
	t := Transport{rt: base}
	c := &config{name: "http"}
	for _, o := range opts {
		o.apply(c)
	}
	t.applyConfig(c)
	return &t
}

func (t *Transport) applyConfig(c *config) {
	t.name = c.name
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.rt.RoundTrip(req)
}
