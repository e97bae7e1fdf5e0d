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
