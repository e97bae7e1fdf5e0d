// Package poolwrapuse sends through the constructors of poolwrap, the
// class of bluesky-social/indigo's xrpc getClient (xrpc.go:31: `if
// c.Client == nil { return util.RobustHTTPClient() }`, on every Do) and of
// its beemo sendSlackMsg (a RobustHTTPClient per message).
package poolwrapuse

import (
	"net/http"
	"poolwrap"
	"sync"
)

type Client struct {
	Client *http.Client
	Host   string
}

func (c *Client) getClient() *http.Client {
	if c.Client == nil {
		return poolwrap.Robust()
	}
	return c.Client
}

func (c *Client) Do(req *http.Request) (*http.Response, error) {
	return c.getClient().Do(req) // want `\(\*Client\).getClient returns a client holding a new http.Transport \(connection pool\) each time it takes the path that builds one \(it does not keep it\), and this code sends through it and drops it`
}

func sendOnce(req *http.Request) error {
	client := poolwrap.Robust() // want `poolwrap.Robust returns a client holding a new http.Transport \(connection pool\) on every call, and this code sends through it and drops it`
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendPlain(u string) error {
	resp, err := poolwrap.RobustPlain().Get(u) // want `poolwrap.RobustPlain returns a client holding a new http.Transport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendInstrumented(u string) error {
	resp, err := poolwrap.Instrumented().Get(u) // want `poolwrap.Instrumented returns a client holding a new http.Transport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendWrapInPlace(u string) error {
	resp, err := poolwrap.WrapInPlace().Get(u) // want `poolwrap.WrapInPlace returns a client holding a new http.Transport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The pool is built when the argument asks for it.
func sendConditional(u string) error {
	resp, err := poolwrap.Conditional(true).Get(u) // want `poolwrap.Conditional returns a client holding a new http.Transport \(connection pool\) on every call`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- negatives ----

// The fallback is built once and kept in the field.
type Cached struct{ Client *http.Client }

func (c *Cached) client() *http.Client {
	if c.Client == nil {
		c.Client = poolwrap.Robust()
	}
	return c.Client
}

func (c *Cached) Do(req *http.Request) (*http.Response, error) { return c.client().Do(req) }

// One client for the package.
var (
	once   sync.Once
	shared *http.Client
)

func sharedClient() *http.Client {
	once.Do(func() { shared = poolwrap.Robust() })
	return shared
}

func sendShared(u string) error {
	resp, err := sharedClient().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendClosed(u string) error {
	c := poolwrap.Robust()
	defer c.CloseIdleConnections()
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// No new pool reaches these clients.
func sendNoPool(u string) {
	if resp, err := poolwrap.WrappedShared().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.OverwrittenShared().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.DropWrapped().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.Registered().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.NoKeepAlive().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.WrapNil().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.ClientReplaced().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.ClientOverShared().Get(u); err == nil {
		resp.Body.Close()
	}
	if resp, err := poolwrap.Conditional(false).Get(u); err == nil {
		resp.Body.Close()
	}
}
