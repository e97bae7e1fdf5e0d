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

// Options configures NewOptional: only Block asks for a dedicated pool.
type Options struct {
	Timeout time.Duration
	Block   bool
	Proxy   string
}

// NewOptional builds a new pool only when opts.Block is set; otherwise it
// returns a plain client on the shared default transport.
func NewOptional(opts Options) *http.Client {
	if !opts.Block {
		return &http.Client{Timeout: opts.Timeout}
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 1
	return &http.Client{Timeout: opts.Timeout, Transport: t}
}

// NewOptionalPtr is NewOptional through a pointer it only reads.
func NewOptionalPtr(opts *Options) *http.Client {
	if opts.Block == false {
		return &http.Client{Timeout: opts.Timeout}
	}
	return &http.Client{Timeout: opts.Timeout, Transport: NewTransport()}
}

// NewIf takes the guard as a plain bool.
func NewIf(pooled bool, timeout time.Duration) *http.Client {
	if pooled {
		return &http.Client{Timeout: timeout, Transport: &http.Transport{}}
	}
	return &http.Client{Timeout: timeout}
}

// NewDefaulting overwrites the guard before testing it: what the caller
// passes says nothing.
func NewDefaulting(opts *Options) *http.Client {
	if opts.Proxy != "" {
		opts.Block = true
	}
	if opts.Block {
		return &http.Client{Timeout: opts.Timeout, Transport: &http.Transport{}}
	}
	return &http.Client{Timeout: opts.Timeout}
}

// NewEither builds a pool on both branches: no guard.
func NewEither(opts Options) *http.Client {
	if opts.Block {
		return &http.Client{Timeout: time.Second, Transport: &http.Transport{MaxIdleConns: 1}}
	}
	return &http.Client{Timeout: time.Second, Transport: &http.Transport{}}
}

// Plain returns the constant options of the plain branch.
func Plain() *http.Client { return NewOptional(Options{Timeout: time.Second}) }
