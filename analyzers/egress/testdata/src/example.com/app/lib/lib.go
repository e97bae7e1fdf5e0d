// Package lib is in the same module as svc: its reach is reported here,
// where the host becomes concrete, and not again at svc's calls.
package lib

import "net/http"

var client = &http.Client{}

// Fetch reaches a host the policy forbids.
func Fetch() error {
	resp, err := client.Get("https://api.groq.com/openai/v1/models") // want `call reaches api.groq.com, which egress.deny forbids`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
