package testsanalyse_test

import (
	"net/http"
	"testing"
)

func TestExternal(t *testing.T) {
	c := &http.Client{}
	resp, err := c.Get("http://127.0.0.1:1/") // want `response body from \(\*http.Client\).Get is not closed`
	if err != nil {
		t.Skip(err)
	}
	t.Log(resp.StatusCode)
}
