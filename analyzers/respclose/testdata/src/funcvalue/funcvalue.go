// Package funcvalue holds responses handed to calls through function
// values (struct fields, parameters, globals). A predicate, a call after
// which the caller still closes or returns the response, or a field whose
// every stored function only reads it, borrows the response; a function
// value that closes it, or a callback the caller never touches again,
// takes it.
package funcvalue

import (
	"errors"
	"io"
	"net/http"
	"time"
)

var errBad = errors.New("bad response")

// ---- the r3labs/sse shape: a validator field, the caller closes after ----

type Client struct {
	HC                *http.Client
	ResponseValidator func(c *Client, resp *http.Response) error
}

func (c *Client) Connect(req *http.Request) error {
	resp, err := c.HC.Do(req) // want `response body from \(\*http.Client\).Do is closed on some paths but not when the err != nil branch returns`
	if err != nil {
		return err
	}
	if validator := c.ResponseValidator; validator != nil {
		err = validator(c, resp)
		if err != nil {
			return err
		}
	} else if resp.StatusCode != 200 {
		resp.Body.Close()
		return errBad
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// ---- the gguf-parser-go shape: a retry predicate in a loop ----

type RetryFunc func(resp *http.Response, err error) bool

type options struct {
	retryIf RetryFunc
	backoff func(attempt int, resp *http.Response) (time.Duration, bool)
}

func DefaultRetry(resp *http.Response, err error) bool {
	return err != nil || resp.StatusCode == 429 || resp.StatusCode >= 500
}

func defaultBackoff(attempt int, _ *http.Response) (time.Duration, bool) {
	return time.Duration(attempt) * time.Millisecond, attempt < 5
}

func newOptions() *options { return &options{retryIf: DefaultRetry, backoff: defaultBackoff} }

func (o *options) WithRetryIf(f RetryFunc) *options { o.retryIf = f; return o }

func retrying(o *options, rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	for i := 0; ; i++ {
		resp, err := rt.RoundTrip(req) // want `response body from RoundTrip is not closed when the loop comes round and overwrites it`
		if !o.retryIf(resp, err) {
			return resp, err
		}
		w, ok := o.backoff(i+1, resp)
		if !ok {
			return resp, err
		}
		time.Sleep(w)
	}
}

// A predicate parameter: the error path drops the body.
func checked(hc *http.Client, req *http.Request, ok func(*http.Response) bool) error {
	resp, err := hc.Do(req) // want `response body from \(\*http.Client\).Do is closed on some paths but not when the not ok\(resp\) branch returns`
	if err != nil {
		return err
	}
	if !ok(resp) {
		return errBad
	}
	defer resp.Body.Close()
	return nil
}

// A field whose only stored function reads the response: the call borrows,
// and nothing closes it afterwards.
type checker struct {
	hc    *http.Client
	check func(*http.Response) error
}

func statusOnly(resp *http.Response) error {
	if resp.StatusCode != 200 {
		return errBad
	}
	return nil
}

func newChecker() *checker { return &checker{hc: http.DefaultClient, check: statusOnly} }

func (c *checker) ping(req *http.Request) error {
	resp, err := c.hc.Do(req) // want `response body from \(\*http.Client\).Do is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	return c.check(resp)
}

// ---- negatives ----

// A consumer callback the caller never touches again: it takes the body.
func consume(hc *http.Client, req *http.Request, handle func(*http.Response) error) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return handle(resp)
}

// A callback typed as taking ownership, with no implementation in sight:
// the caller does not close afterwards, so it is the callback's.
type BodyConsumer func(*http.Response) error // must close resp.Body

func consumeTyped(hc *http.Client, req *http.Request, c BodyConsumer) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	if err := c(resp); err != nil {
		return err
	}
	return nil
}

// A validator field whose stored implementation closes the body on error:
// the caller's later Close does not make the call a borrow.
type closingClient struct {
	hc       *http.Client
	validate func(*http.Response) error
}

func closeOnBad(resp *http.Response) error {
	if resp.StatusCode != 200 {
		resp.Body.Close()
		return errBad
	}
	return nil
}

func newClosingClient() *closingClient {
	return &closingClient{hc: http.DefaultClient, validate: closeOnBad}
}

func (c *closingClient) get(req *http.Request) error {
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	if err := c.validate(resp); err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

// A predicate field whose stored implementation drains and closes what it
// rejects: a hard case with a predicate's signature.
type drainingRetry struct {
	retryIf func(*http.Response, error) bool
}

func drainIfRetry(resp *http.Response, err error) bool {
	if err == nil && resp.StatusCode >= 500 {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return true
	}
	return err != nil
}

func newDrainingRetry() *drainingRetry { return &drainingRetry{retryIf: drainIfRetry} }

func (d *drainingRetry) do(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := rt.RoundTrip(req)
		if !d.retryIf(resp, err) {
			return resp, err
		}
	}
	return nil, errBad
}

// A predicate, then a Close on every path.
func predicateThenClose(hc *http.Client, req *http.Request, ok func(*http.Response) bool) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	if !ok(resp) {
		resp.Body.Close()
		return errBad
	}
	defer resp.Body.Close()
	return nil
}

// A handler borrowed, then closed by the caller.
func handleThenClose(hc *http.Client, req *http.Request, handle func(*http.Response) error) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	err = handle(resp)
	resp.Body.Close()
	return err
}

// A goroutine or a deferred call through a function value takes the body.
func goHandle(hc *http.Client, req *http.Request, handle func(*http.Response)) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	go handle(resp)
	return nil
}

func deferHandle(hc *http.Client, req *http.Request, handle func(*http.Response)) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer handle(resp)
	return nil
}

// A handler field set only through an option (unknown implementations)
// whose result the caller returns: the handler's.
type streamer struct {
	hc     *http.Client
	onResp func(*http.Response) error
}

func (s *streamer) WithHandler(f func(*http.Response) error) { s.onResp = f }

func (s *streamer) stream(req *http.Request) error {
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	return s.onResp(resp)
}

// A handler given the body when present, else the caller closes: the
// caller's Close is not reachable from the call.
func handleOrClose(hc *http.Client, req *http.Request, handle func(*http.Response) error) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	if handle != nil {
		return handle(resp)
	}
	defer resp.Body.Close()
	return nil
}
