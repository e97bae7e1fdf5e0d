// Package clients builds HTTP clients for the rest of the module.
package clients

import (
	"net/http"
	"time"
)

// New returns a client with no timeout; its callers must set one.
func New() *http.Client {
	return &http.Client{}
}

// NewBounded returns a client with a timeout.
func NewBounded() *http.Client {
	return &http.Client{Timeout: 30 * time.Second}
}
