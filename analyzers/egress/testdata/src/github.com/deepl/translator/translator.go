// Package translator is a dependency (another module) that reaches its
// vendor's API on its own.
package translator

import (
	"net/http"
	"net/url"
)

const endpoint = "https://api.deepl.com/v2/translate"

var client = &http.Client{}

// Translate posts to the vendor's API.
func Translate(text string) error {
	resp, err := client.PostForm(endpoint, url.Values{"text": {text}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Client holds the vendor's client.
type Client struct{ base string }

// New returns a client for the vendor's API.
func New() *Client { return &Client{base: endpoint} }

// Do posts through the method.
func (c *Client) Do(text string) error { return Translate(text) }

// Ping reaches only the local sidecar.
func Ping() error {
	resp, err := client.Get("http://localhost:9000/health")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Map is generic.
func Map[T any](xs []T, f func(T) string) error {
	for _, x := range xs {
		if err := Translate(f(x)); err != nil {
			return err
		}
	}
	return nil
}

// Count has no network reach and returns no string, so it has no summary.
func Count(texts []string) int { return len(texts) }
