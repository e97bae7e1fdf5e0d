package testsskip_test

import (
	"net/http"
	"testing"
)

func TestExternal(t *testing.T) {
	c := &http.Client{}
	resp, err := c.Get("http://127.0.0.1:1/")
	if err != nil {
		t.Skip(err)
	}
	t.Log(resp.StatusCode)
}
