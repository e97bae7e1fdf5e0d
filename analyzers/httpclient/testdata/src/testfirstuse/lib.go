// Package testfirstuse: the first use a finding names is the package's own,
// never a test's, so the message is the same whether or not the driver
// analyses the package with its tests (go vet does; the CLI analyses both).
package testfirstuse

import "net/http"

// Shared is sent through by fetch: that is its first use.
var Shared = &http.Client{} // want `http.Client created here has no Timeout: a server that stalls blocks its requests forever \(it is stored or passed on still unbounded at line 9; first used at lib.go:15 by fetch\)`

// Exported is sent through only by the tests: no first use to cite.
var Exported = &http.Client{} // want `http.Client created here has no Timeout: a server that stalls blocks its requests forever \(it is stored or passed on still unbounded at line 12\);`

func fetch(u string) error {
	resp, err := Shared.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
