// Package nilpool has nil fallbacks that build a client over a new
// connection pool on every call, the class of bluesky-social/indigo's
// xrpc getClient (xrpc.go:33: `if c.Client == nil { return
// util.RobustHTTPClient() }`, on every Do): each request made without a
// client of the caller's own opens a pool and drops it.
package nilpool

import (
	"errors"
	"net/http"
	"nilpoollib"
	"sync"
	"time"
)

// robust builds a bounded client over a new pool of its own.
func robust() *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 4},
	}
}

type Client struct {
	HTTP *http.Client
	Host string
}

func (c *Client) getClient() *http.Client {
	if c.HTTP == nil {
		return robust()
	}
	return c.HTTP
}

func (c *Client) Do(req *http.Request) (*http.Response, error) {
	return c.getClient().Do(req) // want `\(\*Client\).getClient returns a client holding a new http.Transport \(connection pool\) each time it takes the path that builds one \(it does not keep it\), and this code sends through it and drops it: each such call abandons a pool`
}

// The fallback inline in the send method.
func (c *Client) Get(u string) (*http.Response, error) {
	hc := c.HTTP
	if hc == nil {
		hc = robust() // want `robust returns a client holding a new http.Transport \(connection pool\) on every call`
	}
	return hc.Get(u)
}

// ---- negatives ----

// The fallback is built once and cached in the field.
type Cached struct{ HTTP *http.Client }

func (c *Cached) client() *http.Client {
	if c.HTTP == nil {
		c.HTTP = robust()
	}
	return c.HTTP
}

func (c *Cached) Do(req *http.Request) (*http.Response, error) { return c.client().Do(req) }

// The fallback is one shared client, built once.
var (
	fallbackOnce sync.Once
	fallback     *http.Client
)

func sharedFallback() *http.Client {
	fallbackOnce.Do(func() { fallback = robust() })
	return fallback
}

type Shared struct{ HTTP *http.Client }

func (s *Shared) getClient() *http.Client {
	if s.HTTP == nil {
		return sharedFallback()
	}
	return s.HTTP
}

func (s *Shared) Do(req *http.Request) (*http.Response, error) { return s.getClient().Do(req) }

// A fallback to a new client over the default transport: a client is
// cheap, it opens no pool of its own.
type Plain struct{ HTTP *http.Client }

func (p *Plain) getClient() *http.Client {
	if p.HTTP == nil {
		return &http.Client{Timeout: 30 * time.Second}
	}
	return p.HTTP
}

func (p *Plain) Do(req *http.Request) (*http.Response, error) { return p.getClient().Do(req) }

// The fallback's pool is closed after the request.
func (c *Client) DoOnce(req *http.Request) (*http.Response, error) {
	hc := c.HTTP
	if hc == nil {
		hc = robust()
		defer hc.CloseIdleConnections()
	}
	return hc.Do(req)
}

// ---- the fallback constructor in another package ----

type Remote struct{ HTTP *http.Client }

func (r *Remote) getClient() *http.Client {
	if r.HTTP == nil {
		return nilpoollib.Robust()
	}
	return r.HTTP
}

func (r *Remote) Do(req *http.Request) (*http.Response, error) {
	return r.getClient().Do(req) // want `\(\*Remote\).getClient returns a client holding a new http.Transport \(connection pool\) each time it takes the path that builds one`
}

// A new client over a shared transport in another package is fine.
type RemoteShared struct{ HTTP *http.Client }

func (r *RemoteShared) getClient() *http.Client {
	if r.HTTP == nil {
		return nilpoollib.OverShared()
	}
	return r.HTTP
}

func (r *RemoteShared) Do(req *http.Request) (*http.Response, error) { return r.getClient().Do(req) }

// The fallback is built once and kept in the field (another package's
// constructor).
func (r *Remote) client() *http.Client {
	if r.HTTP == nil {
		r.HTTP = nilpoollib.Robust()
	}
	return r.HTTP
}

func (r *Remote) Get(u string) (*http.Response, error) { return r.client().Get(u) }

// ---- how the message names the fallback ----

// A getter over the fallback getter builds the pool on the same path only.
func (c *Client) http() *http.Client { return c.getClient() }

func (c *Client) Head(u string) (*http.Response, error) {
	return c.http().Head(u) // want `\(\*Client\).http returns a client holding a new http.Transport \(connection pool\) each time it takes the path that builds one`
}

// In a loop, one pool per iteration that takes the fallback.
func (c *Client) GetAll(urls []string) {
	for _, u := range urls {
		if resp, err := c.getClient().Get(u); err == nil { // want `\(\*Client\).getClient returns .* each time it takes the path that builds one .*: each such loop iteration abandons a pool`
			resp.Body.Close()
		}
	}
}

// A constructor that fails with nil on one path still builds a pool on
// every call that succeeds: "on every call".
func newPooled(host string) (*http.Client, error) {
	if host == "" {
		return nil, errNoHost
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{}}, nil
}

var errNoHost = errors.New("no host")

func getPooled(host string) error {
	hc, err := newPooled(host) // want `newPooled returns a client holding a new http.Transport \(connection pool\) on every call`
	if err != nil {
		return err
	}
	resp, err := hc.Get("https://" + host)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
