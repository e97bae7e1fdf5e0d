package testfirstuse

import (
	"net/http"
	"testing"
)

// The tests send through both clients before the package's own code does
// (this file sorts first). A test's send is not where production first
// uses a client, so neither finding cites it.
func TestClients(t *testing.T) {
	for _, c := range []*http.Client{Shared, Exported} {
		resp, err := c.Get("http://127.0.0.1:1/")
		if err == nil {
			resp.Body.Close()
		}
	}
	resp, err := Shared.Get("http://127.0.0.1:1/")
	if err == nil {
		resp.Body.Close()
	}
	resp, err = Exported.Get("http://127.0.0.1:1/")
	if err == nil {
		resp.Body.Close()
	}
}
