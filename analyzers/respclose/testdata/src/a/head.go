package a

import (
	"context"
	"net/http"
)

// A HEAD response has no body: net/http hands back http.NoBody and puts the
// connection back in the pool before it returns the response, so leaving it
// unclosed keeps nothing open (mailpit internal/linkcheck/status.go:110).

func headStatus(ctx context.Context, c *http.Client, link string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, link, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

func headLiteral(c *http.Client, link string) (int, error) {
	req, err := http.NewRequest("HEAD", link, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

func headHelper(c *http.Client, link string) bool {
	res, err := c.Head(link)
	return err == nil && res.StatusCode == http.StatusOK
}

func headPackage(link string) bool {
	res, err := http.Head(link)
	return err == nil && res.StatusCode == http.StatusOK
}

func headRoundTrip(rt http.RoundTripper, link string) bool {
	req, err := http.NewRequest(http.MethodHead, link, nil)
	if err != nil {
		return false
	}
	res, err := rt.RoundTrip(req)
	return err == nil && res.StatusCode == http.StatusOK
}

// The method is not known to be HEAD: the body may be real.

func anyMethod(c *http.Client, method, link string) (int, error) {
	req, err := http.NewRequest(method, link, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req) // want `response body from \(\*http.Client\).Do is not closed when returning at line \d+: the connection stays out of the pool`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

func getStatus(c *http.Client, link string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, link, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req) // want `response body from \(\*http.Client\).Do is not closed when returning at line \d+: the connection stays out of the pool`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

// A HEAD request whose method is changed before it is sent.
func headThenGet(c *http.Client, link string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, link, nil)
	if err != nil {
		return 0, err
	}
	req.Method = http.MethodGet
	res, err := c.Do(req) // want `response body from \(\*http.Client\).Do is not closed when returning at line \d+: the connection stays out of the pool`
	if err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}
