package testsanalyse

import (
	"net/http"
	"testing"
)

// statusOf is a test helper that drops the response after the status check.
func statusOf(t *testing.T, c *http.Client, u string) int {
	t.Helper()
	resp, err := c.Get(u) // want `response body from \(\*http.Client\).Get is closed on some paths but not when`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode
	}
	resp.Body.Close()
	return resp.StatusCode
}

// closedStatus is a fine helper: silent.
func closedStatus(t *testing.T, c *http.Client, u string) int {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

type fakeClient struct{ c *http.Client }

// Ping is a fake client's method that closes: silent.
func (f *fakeClient) Ping(u string) error {
	resp, err := f.c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func TestLeakInClosure(t *testing.T) {
	c := &http.Client{}
	check := func(u string) int {
		resp, err := c.Get(u) // want `response body from \(\*http.Client\).Get is not closed`
		if err != nil {
			return 0
		}
		return resp.StatusCode
	}
	_ = check
	_ = statusOf(t, c, "http://127.0.0.1:1/")
	_ = closedStatus(t, c, "http://127.0.0.1:1/")
	_ = (&fakeClient{c: c}).Ping("http://127.0.0.1:1/")
}
