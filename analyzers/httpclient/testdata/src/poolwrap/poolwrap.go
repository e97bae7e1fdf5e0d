// Package poolwrap has client constructors that build a new connection
// pool on every call through holders and wrappers the pool rule follows by
// their summaries, the shape of bluesky-social/indigo's
// util.RobustHTTPClient (util/http.go:46): a retryablehttp client whose
// HTTPClient gets an otelhttp-wrapped cleanhttp pool, handed out through
// StandardClient. It reports nothing itself: its callers are judged where
// they send (poolwrapuse).
package poolwrap

import (
	"net/http"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Robust is indigo's RobustHTTPClient: a new pool, wrapped, stored into
// the retryable client's own client, and handed out inside StandardClient.
func Robust() *http.Client {
	retryClient := retryablehttp.NewClient()
	retryClient.HTTPClient.Transport = otelhttp.NewTransport(cleanhttp.DefaultPooledTransport())
	retryClient.RetryMax = 3
	retryClient.RetryWaitMin = 1 * time.Second
	retryClient.Logger = nil
	client := retryClient.StandardClient()
	client.Timeout = 30 * time.Second
	return client
}

// RobustPlain keeps the pool NewClient built.
func RobustPlain() *http.Client {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 3
	c := rc.StandardClient()
	c.Timeout = 30 * time.Second
	return c
}

// instrument is a wrapper of this package: it keeps what it is given.
func instrument(rt http.RoundTripper) http.RoundTripper {
	return otelhttp.NewTransport(rt)
}

// Instrumented wraps a new pool through a helper.
func Instrumented() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: instrument(cleanhttp.DefaultPooledTransport())}
}

// WrapInPlace wraps the pool of a new client in place.
func WrapInPlace() *http.Client {
	c := cleanhttp.DefaultPooledClient()
	c.Transport = otelhttp.NewTransport(c.Transport)
	c.Timeout = 30 * time.Second
	return c
}

// ---- negatives: no new pool reaches the client ----

var sharedTransport = cleanhttp.DefaultPooledTransport()

// WrappedShared wraps one package-level pool per call: a new wrapper, the
// same pool.
func WrappedShared() *http.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Transport = otelhttp.NewTransport(sharedTransport)
	c := rc.StandardClient()
	c.Timeout = 30 * time.Second
	return c
}

var sharedClient = &http.Client{Timeout: 30 * time.Second, Transport: sharedTransport}

// OverwrittenShared replaces NewClient's client (and so its unused pool)
// with a shared one.
func OverwrittenShared() *http.Client {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = sharedClient
	c := rc.StandardClient()
	c.Timeout = 30 * time.Second
	return c
}

// logRT does not keep the transport it is made from.
type logRT struct{ inner http.RoundTripper }

func (l *logRT) RoundTrip(req *http.Request) (*http.Response, error) { return l.inner.RoundTrip(req) }

func dropWrap(rt http.RoundTripper) http.RoundTripper {
	_ = rt
	return &logRT{inner: http.DefaultTransport}
}

// DropWrapped hands a new pool to a wrapper that drops it (unused: no
// connection is ever opened on it) and returns a client over the default
// transport.
func DropWrapped() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: dropWrap(cleanhttp.DefaultPooledTransport())}
}

// Registered hands the retryable client to a function that keeps it in a
// registry: shared, not one pool per call.
func Registered() *http.Client {
	return retryablehttp.Register(retryablehttp.NewClient())
}

// NoKeepAlive wraps a transport that disables keep-alives: it keeps no
// idle connection to abandon.
func NoKeepAlive() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(cleanhttp.DefaultTransport())}
}

// WrapNil wraps nil: otelhttp falls back to http.DefaultTransport.
func WrapNil() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(nil)}
}

// Conditional builds the pool only when asked to: not on every call.
func Conditional(pooled bool) *http.Client {
	c := &http.Client{Timeout: 30 * time.Second}
	if pooled {
		c.Transport = otelhttp.NewTransport(cleanhttp.DefaultPooledTransport())
	}
	return c
}

// ClientReplaced replaces the pool DefaultPooledClient built (unused: no
// connection is ever opened on it) with the shared one.
func ClientReplaced() *http.Client {
	c := cleanhttp.DefaultPooledClient()
	c.Transport = sharedTransport
	c.Timeout = 30 * time.Second
	return c
}

// ClientOverShared does the same through a wrapper.
func ClientOverShared() *http.Client {
	c := cleanhttp.DefaultPooledClient()
	c.Transport = otelhttp.NewTransport(sharedTransport)
	c.Timeout = 30 * time.Second
	return c
}
