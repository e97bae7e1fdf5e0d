package testsskip

import "net/http"

// Fetch leaks in production code: reported whatever the tests key says.
func Fetch(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `response body from \(\*http.Client\).Get is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// FetchClosed closes: silent.
func FetchClosed(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
