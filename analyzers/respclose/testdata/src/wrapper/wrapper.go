// Package wrapper holds responses stored in a struct the function
// allocates itself: the struct carries the obligation, so dropping it
// (a redirect retry's goto, a loop's next attempt, a return of something
// else) leaks the body, while returning, storing, sending or handing on the
// struct, or closing through its field, does not.
package wrapper

import (
	"errors"
	"net/http"
	"time"
)

var errBad = errors.New("bad response")

// Response wraps a response, as vault's api.Response does.
type Response struct {
	*http.Response
}

// Close closes the wrapped body.
func (r *Response) Close() error { return r.Body.Close() }

type attempt struct {
	at   time.Time
	resp *http.Response
}

// ---- leaks ----

// followRedirect is vault's rawRequestWithContext: on a redirect the
// request is sent again and the wrapped 3xx response is dropped.
func followRedirect(hc *http.Client, req *http.Request) (*Response, error) {
	redirects := 0
START:
	if req.URL == nil {
		return nil, errBad
	}
	var result *Response
	resp, err := hc.Do(req) // want `response body from \(\*http.Client\).Do is not closed when the loop continues on the redirects == 0 branch`
	if resp != nil {
		result = &Response{Response: resp}
	}
	if err != nil {
		return result, err
	}
	if resp.StatusCode == 307 && redirects == 0 {
		loc, err := resp.Location()
		if err != nil {
			return result, err
		}
		req.URL = loc
		redirects++
		goto START
	}
	return result, nil
}

// retryWrapped records each attempt and retries a 503 over it.
func retryWrapped(hc *http.Client, req *http.Request) (*attempt, error) {
	for {
		resp, err := hc.Do(req) // want `response body from \(\*http.Client\).Do is not closed when the loop continues on the a.resp.StatusCode == 503 branch`
		if err != nil {
			return nil, err
		}
		a := &attempt{at: time.Now(), resp: resp}
		if a.resp.StatusCode == 503 {
			continue
		}
		return a, nil
	}
}

// wrapThenDrop returns an error on a bad status and drops the wrapper.
func wrapThenDrop(hc *http.Client, req *http.Request) (*Response, error) {
	resp, err := hc.Do(req) // want `response body from \(\*http.Client\).Do is not closed when the result.StatusCode != 200 branch returns`
	if err != nil {
		return nil, err
	}
	result := &Response{Response: resp}
	if result.StatusCode != 200 {
		return nil, errBad
	}
	return result, nil
}

// ---- negatives ----

// The wrapper is returned on every path.
func wrapReturn(hc *http.Client, req *http.Request) (*Response, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	return &Response{Response: resp}, nil
}

// The redirect response is closed through the wrapper before the retry.
func followRedirectClosed(hc *http.Client, req *http.Request) (*Response, error) {
	redirects := 0
START:
	var result *Response
	resp, err := hc.Do(req)
	if resp != nil {
		result = &Response{Response: resp}
	}
	if err != nil {
		return result, err
	}
	if resp.StatusCode == 307 && redirects == 0 {
		loc, err := resp.Location()
		result.Body.Close()
		if err != nil {
			return nil, err
		}
		req.URL = loc
		redirects++
		goto START
	}
	return result, nil
}

// Closed through the wrapper's field.
func closeViaField(hc *http.Client, req *http.Request) (int, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	a := &attempt{at: time.Now(), resp: resp}
	defer a.resp.Body.Close()
	return a.resp.StatusCode, nil
}

// Closed by the wrapper's own method.
func closeViaMethod(hc *http.Client, req *http.Request) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	result := &Response{Response: resp}
	defer result.Close()
	return nil
}

// The wrapper is sent, stored in a map, or captured by a closure that runs
// later.
func sendWrapper(hc *http.Client, req *http.Request, ch chan<- *attempt) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	ch <- &attempt{at: time.Now(), resp: resp}
	return nil
}

func mapWrapper(hc *http.Client, req *http.Request, m map[string]*attempt) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	m[req.URL.String()] = &attempt{resp: resp}
	return nil
}

func closureWrapper(hc *http.Client, req *http.Request) (func(), error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	a := &attempt{resp: resp}
	return func() { a.resp.Body.Close() }, nil
}

// A struct value wrapper handed to a method.
func (a attempt) finish() error { return a.resp.Body.Close() }

func valueWrapper(hc *http.Client, req *http.Request) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	a := attempt{at: time.Now(), resp: resp}
	return a.finish()
}

// Stored into a struct the caller gave: that struct's owner has it.
func intoParam(hc *http.Client, req *http.Request, dst *attempt) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	dst.resp = resp
	return nil
}

// The wrapper is stored in a package-level slot.
var last *attempt

func intoGlobal(hc *http.Client, req *http.Request) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	a := &attempt{resp: resp}
	last = a
	return nil
}
