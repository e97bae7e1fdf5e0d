// Package p is checked by an httpclient analyzer built through the plugin,
// with testdata/streaming.yaml as its policy setting: the policy lists
// p.SSE as a streaming client, so only notListed is reported.
package p

import "net/http"

func SSE(u string) {
	c := &http.Client{}
	c.Get(u)
}

func notListed(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
}
