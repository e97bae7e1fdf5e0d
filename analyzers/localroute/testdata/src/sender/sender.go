// Package sender posts to a base URL it is given: the host comes from its
// callers, resolved through its summary's parameter flow.
package sender

import (
	"io"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: time.Minute}

// Post sends body to base+path.
func Post(base, path string, body io.Reader) (*http.Response, error) {
	return client.Post(base+path, "application/json", body)
}
