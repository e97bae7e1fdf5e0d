// Package deadlinedc sends through http.DefaultClient with and without a
// deadline on the request's context (mailpit internal/rspamd/rspamd.go:209,
// syncthing cmd/syncthing/crash_reporting.go:87 and :107).
package deadlinedc

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

const timeout = 8 * time.Second

// ---- negatives: the request's context has a deadline set here ----

// mailpit's rspamd client.
func do(method, url string, data []byte) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// syncthing's crash reporter: the deadline is put on with WithContext,
// from a caller's ctx and a duration that is not a constant.
func report(ctx context.Context, url string, d time.Duration) error {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	hctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	req = req.WithContext(hctx)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A deadline, through Clone.
func cloned(ctx context.Context, req *http.Request) error {
	dctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	defer cancel()
	resp, err := http.DefaultClient.Do(req.Clone(dctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- positives ----

// A caller's context, which may have no deadline.
func callerCtx(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A cancel-only context bounds nothing.
func cancelOnly(url string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The deadline context is made, but the request is built on another one.
func wrongCtx(ctx context.Context, url string) error {
	_, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A request with a deadline, but the client is handed on: its other
// sends are not bounded.
func handsOn(url string) *http.Client {
	c := http.DefaultClient // want `http.DefaultClient has no timeout`
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if resp, err := c.Do(req); err == nil {
		resp.Body.Close()
	}
	return c
}

// Get has no request to carry a deadline.
func get(url string) error {
	resp, err := http.DefaultClient.Get(url) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
