// Package wraprt pins that a client whose Transport is a project
// RoundTripper is judged unbounded unless it has a Timeout, even when the
// RoundTripper puts a timeout on some of the requests it forwards
// (livekit server-sdk-go failover.go:179, newAPIHTTPClient).
package wraprt

import (
	"context"
	"net/http"
	"time"
)

const defaultTimeout = 10 * time.Second

// budget is livekit's perAttemptBudget: the time left on the caller's
// deadline, which is zero or negative once that deadline has passed.
func budget(ctx context.Context) time.Duration {
	if deadline, ok := ctx.Deadline(); ok {
		return time.Until(deadline)
	}
	return defaultTimeout
}

// withOptionalTimeout bounds ctx only for a positive timeout.
func withOptionalTimeout(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	if timeout <= 0 {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, timeout)
}

// failover is livekit's failoverTransport, reduced: with several attempts
// it detaches the caller's deadline and re-applies the budget per
// attempt, but a caller whose deadline has already passed when the
// request reaches RoundTrip gets budget <= 0, so each attempt runs on a
// context with no deadline at all, against a server that may never
// answer. (Reproduced against livekit v2.19.0 with an httptest server
// that stalls: RoundTrip was still blocked after 3 s.)
type failover struct {
	base     http.RoundTripper
	attempts int
}

func (t *failover) RoundTrip(req *http.Request) (*http.Response, error) {
	timeout := budget(req.Context())
	if t.attempts == 1 {
		ctx, cancel := withOptionalTimeout(req.Context(), timeout)
		defer cancel()
		return t.base.RoundTrip(req.WithContext(ctx))
	}
	base := context.WithoutCancel(req.Context()) // the deadline is dropped
	var resp *http.Response
	var err error
	for i := 0; i < t.attempts; i++ {
		ctx, cancel := withOptionalTimeout(base, timeout)
		resp, err = t.base.RoundTrip(req.Clone(ctx))
		if err == nil {
			return resp, nil
		}
		cancel()
	}
	return resp, err
}

func newFailoverClient() *http.Client {
	return &http.Client{ // want `http.Client created here has no Timeout`
		Transport: &failover{base: http.DefaultTransport, attempts: 3},
	}
}

// headers only sets headers: nothing bounds the exchange.
type headers struct{ base http.RoundTripper }

func (t *headers) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", "wraprt")
	return t.base.RoundTrip(req)
}

func newHeadersClient() *http.Client {
	return &http.Client{Transport: &headers{base: http.DefaultTransport}} // want `http.Client created here has no Timeout`
}

var (
	Failover = newFailoverClient()
	Headers  = newHeadersClient()
)

func Use(u string) error {
	for _, c := range []*http.Client{Failover, Headers} {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}
