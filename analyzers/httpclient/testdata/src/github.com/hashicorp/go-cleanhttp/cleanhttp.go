// Package cleanhttp is a stand-in for hashicorp/go-cleanhttp, written for
// these tests: transports and clients built anew on every call.
package cleanhttp

import (
	"net"
	"net/http"
	"time"
)

// DefaultPooledTransport returns a new transport (a new pool) each call.
func DefaultPooledTransport() *http.Transport {
	return &http.Transport{
		Proxy:           http.ProxyFromEnvironment,
		DialContext:     (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
		MaxIdleConns:    100,
		IdleConnTimeout: 90 * time.Second,
	}
}

// DefaultTransport is DefaultPooledTransport without keep-alives: it keeps
// no idle pool.
func DefaultTransport() *http.Transport {
	t := DefaultPooledTransport()
	t.DisableKeepAlives = true
	return t
}

// DefaultPooledClient returns a new client over a new pool.
func DefaultPooledClient() *http.Client {
	return &http.Client{Transport: DefaultPooledTransport()}
}
