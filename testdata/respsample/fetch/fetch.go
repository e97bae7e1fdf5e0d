// Package fetch hands out open responses and closes them for others.
package fetch

import (
	"io"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: 30 * time.Second}

// Get returns an open response: the caller must close its body.
func Get(u string) (*http.Response, error) {
	return client.Get(u)
}

// Close closes a body, ignoring the error.
func Close(c io.Closer) { _ = c.Close() }
