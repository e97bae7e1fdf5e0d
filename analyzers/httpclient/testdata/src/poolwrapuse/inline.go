package poolwrapuse

import (
	"net/http"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// ---- a pool made here, through a wrapper or a holder, and dropped ----

func wrappedLiteral(u string) error {
	c := &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(&http.Transport{MaxIdleConnsPerHost: 4})} // want `new http.Transport per call: each call opens its own connection pool`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func wrappedInLoop(urls []string) {
	for _, u := range urls {
		c := &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(&http.Transport{})} // want `new http.Transport in every loop iteration`
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// A generic wrapper of this package keeps its argument too.
func wrapT[T http.RoundTripper](rt T) http.RoundTripper { return otelhttp.NewTransport(rt) }

func wrappedGeneric(u string) error {
	c := &http.Client{Timeout: 30 * time.Second, Transport: wrapT(cleanhttp.DefaultPooledTransport())} // want `cleanhttp.DefaultPooledTransport returns a new http.Transport \(connection pool\) on every call`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retryPlain(u string) error {
	rc := retryablehttp.NewClient() // want `retryablehttp.NewClient returns a value holding a new http.Transport \(connection pool\) on every call, and this code sends through it and drops it`
	rc.RetryMax = 2
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// indigo's RobustHTTPClient inline: the pool is cleanhttp's, wrapped,
// stored into the retryable client's client, sent through StandardClient.
func retryRobust(req *http.Request) error {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Transport = otelhttp.NewTransport(cleanhttp.DefaultPooledTransport()) // want `cleanhttp.DefaultPooledTransport returns a new http.Transport \(connection pool\) on every call`
	hc := rc.StandardClient()
	hc.Timeout = 30 * time.Second
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func wrapInPlace(u string) error {
	c := cleanhttp.DefaultPooledClient() // want `cleanhttp.DefaultPooledClient returns a client holding a new http.Transport \(connection pool\) on every call`
	c.Transport = otelhttp.NewTransport(c.Transport)
	c.Timeout = 30 * time.Second
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- negatives ----

var sharedTransport = cleanhttp.DefaultPooledTransport()

// The constructor's pool is replaced by a shared one before any request:
// the new pool never opens a connection.
func replacedByShared(u string) error {
	c := cleanhttp.DefaultPooledClient()
	c.Transport = sharedTransport
	c.Timeout = 30 * time.Second
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A shared pool wrapped per call: a new wrapper, the same pool.
func wrappedShared(u string) error {
	c := cleanhttp.DefaultPooledClient()
	c.Transport = otelhttp.NewTransport(sharedTransport)
	c.Timeout = 30 * time.Second
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retryShared(u string) error {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Transport = otelhttp.NewTransport(sharedTransport)
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var sharedHTTP = &http.Client{Timeout: 30 * time.Second}

func retryOverSharedClient(u string) error {
	rc := retryablehttp.NewClient()
	rc.HTTPClient = sharedHTTP
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The wrapped pool's client is closed when done.
func wrappedClosed(u string) error {
	c := &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(&http.Transport{})}
	defer c.CloseIdleConnections()
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A wrapper that does not keep what it is given: the new pool is never
// used.
type fixedRT struct{ inner http.RoundTripper }

func (f *fixedRT) RoundTrip(req *http.Request) (*http.Response, error) {
	return f.inner.RoundTrip(req)
}

func dropper(rt http.RoundTripper) http.RoundTripper {
	_ = rt
	return &fixedRT{inner: sharedTransport}
}

func droppedByWrapper(u string) error {
	c := &http.Client{Timeout: 30 * time.Second, Transport: dropper(&http.Transport{})}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Kept in a field: built once per holder, not per call.
type service struct{ hc *http.Client }

func newService() *service {
	s := &service{}
	s.hc = &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(&http.Transport{})}
	return s
}

func (s *service) get(u string) error {
	resp, err := s.hc.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The retryable client is kept by a registry, or handed to a goroutine.
func retryRegistered(u string) error {
	resp, err := retryablehttp.Register(retryablehttp.NewClient()).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func retryHandedOn(u string, keep func(*retryablehttp.Client)) error {
	rc := retryablehttp.NewClient()
	keep(rc)
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport without keep-alives keeps no idle pool, wrapped or not.
func wrappedNoKeepAlive(u string) error {
	c := &http.Client{Timeout: 30 * time.Second, Transport: otelhttp.NewTransport(cleanhttp.DefaultTransport())}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The retryable client, and so its pool, goes back to the caller.
func retryKept(u string) (*retryablehttp.Client, error) {
	rc := retryablehttp.NewClient()
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return rc, nil
}

// The pool is closed through the transport itself.
func retryClosedTransport(u string) error {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	rc := &retryablehttp.Client{HTTPClient: &http.Client{Timeout: time.Minute, Transport: tr}}
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A pool made here and handed out inside the retryable client's own
// client, sent through StandardClient: reported where it is made.
func retryLiteral(u string) error {
	rc := &retryablehttp.Client{HTTPClient: &http.Client{Timeout: time.Minute, Transport: &http.Transport{}}} // want `new http.Transport per call`
	resp, err := rc.StandardClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
