// Package cleanlib stands for a constructor library in another module
// (hashicorp/go-cleanhttp): it builds clients and transports and never
// sends through them itself, so it reports nothing; its importers are
// judged through the facts of its constructors.
package cleanlib

import (
	"net"
	"net/http"
	"time"
)

// PooledTransport is a transport with a bounded dial and no
// ResponseHeaderTimeout.
func PooledTransport() *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

// Transport wraps PooledTransport and turns off keep-alives, as
// cleanhttp.DefaultTransport does: still no ResponseHeaderTimeout.
func Transport() *http.Transport {
	t := PooledTransport()
	t.DisableKeepAlives = true
	return t
}

// Client is cleanhttp.DefaultClient: no Timeout, over a transport without
// a ResponseHeaderTimeout.
func Client() *http.Client {
	return &http.Client{Transport: Transport()}
}

// RoundTripper hands the same transport out as an http.RoundTripper.
func RoundTripper() http.RoundTripper { return Transport() }

// HeaderBoundedTransport sets ResponseHeaderTimeout over the bounded dial.
func HeaderBoundedTransport() *http.Transport {
	t := PooledTransport()
	t.ResponseHeaderTimeout = 20 * time.Second
	return t
}

// BoundedTransportClient has no Timeout but a transport that bounds the
// exchange: silent wherever it is used.
func BoundedTransportClient() *http.Client {
	return &http.Client{Transport: HeaderBoundedTransport()}
}

// TimeoutClient sets a Timeout: silent wherever it is used.
func TimeoutClient() *http.Client {
	return &http.Client{Transport: Transport(), Timeout: time.Minute}
}

// Opaque returns a transport it got from somewhere we cannot see.
func Opaque(rt http.RoundTripper) http.RoundTripper { return rt }

// OpaqueClient wraps an unknown transport: unknown, so silent.
func OpaqueClient(rt http.RoundTripper) *http.Client {
	return &http.Client{Transport: Opaque(rt)}
}
