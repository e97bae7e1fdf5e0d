// Package base posts to whatever base URL its callers give it.
package base

import (
	"net/http"
	"strings"
	"time"
)

var client = &http.Client{Timeout: time.Minute}

// Post sends q to base+"/chat".
func Post(base, q string) error {
	resp, err := client.Post(base+"/chat", "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
