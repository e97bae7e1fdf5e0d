// Package testbound: an in-package test that replaces http.DefaultClient
// bounds it only in the test binary; the package's own use stays reported
// (go vet analyses the package together with these tests).
package testbound

import "net/http"

func fetch(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
}

func get(c *http.Client, u string) (*http.Response, error) {
	if c == nil {
		c = http.DefaultClient // want `this nil fallback hands it to every caller that leaves c unset`
	}
	return c.Get(u)
}
