// Package streaming is checked with testdata/streaming.yaml, which lists
// streaming.SSE as a streaming client.
package streaming

import "net/http"

// SSE streams events: it is bounded by per-request contexts the analyzer
// cannot see, and the policy says so.
func SSE(u string) {
	c := &http.Client{}
	c.Get(u)
}

func notListed(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
}
