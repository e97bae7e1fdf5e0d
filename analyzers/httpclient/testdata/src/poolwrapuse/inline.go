package poolwrapuse

import (
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// ---- a pool made here and dropped ----

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
