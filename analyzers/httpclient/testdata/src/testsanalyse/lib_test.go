package testsanalyse

import (
	"net/http"
	"testing"
	"time"
)

func TestDefaultClient(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/") // want `http.Get sends through http.DefaultClient`
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}

// get is a test helper with a bounded client: silent.
func get(t *testing.T, u string) {
	t.Helper()
	c := &http.Client{Timeout: time.Second}
	resp, err := c.Get(u)
	if err != nil {
		t.Skip(err)
	}
	resp.Body.Close()
}
