// Package ctor builds clients for other packages.
package ctor

import (
	"net/http"
	"time"
)

// New returns a client without a timeout; its callers decide.
func New() *http.Client {
	var c http.Client
	return &c
}

// NewBounded returns a client with a timeout.
func NewBounded() *http.Client {
	return &http.Client{Timeout: time.Minute}
}

// Factory has a method constructor.
type Factory struct{}

// Client returns an unbounded client.
func (Factory) Client() *http.Client { return New() }

// NewTransport returns a new connection pool on every call.
func NewTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 10
	return t
}

// NewPooledClient returns a bounded client holding a new pool: the shape
// of the MCP go-sdk's discovery client.
func NewPooledClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: NewTransport()}
}

// Shared is built once: not a pool per call.
var Shared = NewPooledClient(time.Minute)
