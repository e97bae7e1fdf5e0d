// Package roundtrip holds RoundTrippers that return a response together
// with a non-nil error: net/http's Client drops such a response without
// closing it. Passing on the inner transport's own (resp, err), closing
// before returning the error, and plain functions are silent.
package roundtrip

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

var ErrBadChallenge = errors.New("bad challenge")

type authError struct{ code int }

func (e *authError) Error() string { return fmt.Sprint("auth failed: ", e.code) }

func parse(s string) (string, error) {
	if s == "" {
		return "", errors.New("empty")
	}
	return s, nil
}

// RoundTripperFunc adapts a function to http.RoundTripper.
type RoundTripperFunc func(*http.Request) (*http.Response, error)

func (f RoundTripperFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// ---- leaks ----

// digest is resty's digest transport: the 401 is returned beside errors.
type digest struct{ next http.RoundTripper }

func (d *digest) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := d.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	chal := resp.Header.Get("WWW-Authenticate")
	if chal == "" {
		return resp, ErrBadChallenge // want `RoundTrip returns the response body from RoundTrip \(line \d+\) together with a non-nil error: net/http's Client discards a response returned with an error without closing it`
	}
	c, err := parse(chal)
	if err != nil {
		return resp, err // want `RoundTrip returns the response body from RoundTrip \(line \d+\) together with a non-nil error`
	}
	if c == "forbidden" {
		return resp, &authError{code: resp.StatusCode} // want `RoundTrip returns the response body from RoundTrip \(line \d+\) together with a non-nil error`
	}
	if c == "odd" {
		return resp, fmt.Errorf("odd challenge %q", c) // want `RoundTrip returns the response body from RoundTrip \(line \d+\) together with a non-nil error`
	}
	resp.Body.Close()
	req2 := req.Clone(req.Context())
	req2.Header.Set("Authorization", c)
	return d.next.RoundTrip(req2)
}

// retrying is gguf-parser-go's retrying RoundTripperFunc: cancelled
// during the wait, it returns the last response beside ctx.Err(); and the
// retried attempts' responses are dropped on the way round.
func retrying(next http.RoundTripper, retryIf func(*http.Response, error) bool) http.RoundTripper {
	return RoundTripperFunc(func(req *http.Request) (*http.Response, error) {
		for i := 0; ; i++ {
			resp, err := next.RoundTrip(req) // want `response body from RoundTrip is not closed when the loop comes round and overwrites it`
			if !retryIf(resp, err) {
				return resp, err
			}
			t := time.NewTimer(time.Duration(i) * time.Millisecond)
			select {
			case <-req.Context().Done():
				t.Stop()
				return resp, req.Context().Err() // want `RoundTrip returns the response body from RoundTrip \(line \d+\) together with a non-nil error`
			case <-t.C:
			}
		}
	})
}

// ---- negatives ----

// Passing the inner transport's own result on.
type passThrough struct{ next http.RoundTripper }

func (p passThrough) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := p.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	return resp, nil
}

// Closing before returning the error, or returning nil.
type closesFirst struct{ next http.RoundTripper }

func (c closesFirst) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		return resp, ErrBadChallenge
	}
	if resp.StatusCode == http.StatusForbidden {
		resp.Body.Close()
		return nil, &authError{code: resp.StatusCode}
	}
	return resp, nil
}

// An error that may be nil is not held against it.
func check(resp *http.Response) error {
	if resp.StatusCode >= 500 {
		return errors.New("server error")
	}
	return nil
}

type mayBeNil struct{ next http.RoundTripper }

func (m mayBeNil) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := m.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	err = check(resp)
	return resp, err
}

// A nil response beside an error.
type nilResp struct{ next http.RoundTripper }

func (n nilResp) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := n.next.RoundTrip(req)
	if resp == nil {
		return resp, ErrBadChallenge
	}
	return resp, err
}

// A plain function returning (resp, err): its callers close on error.
func fetch(hc *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

// A method named RoundTrip that is not http.RoundTripper's.
type ctxTripper struct{ hc *http.Client }

func (c ctxTripper) RoundTrip(ctx context.Context, req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return resp, ErrBadChallenge
	}
	return resp, nil
}

// A function literal with RoundTrip's signature that never becomes a
// RoundTripper: a fetch callback.
func callback(hc *http.Client) func(*http.Request) (*http.Response, error) {
	return func(req *http.Request) (*http.Response, error) {
		resp, err := hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return resp, ErrBadChallenge
		}
		return resp, nil
	}
}
