// Package nilpoollib has client constructors in another package, for
// nilpool: indigo's fallback, util.RobustHTTPClient, lives in its util
// package, not beside xrpc.Client.
package nilpoollib

import (
	"net/http"
	"time"
)

// Robust builds a bounded client over a new pool of its own on every call.
func Robust() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: pooled()}
}

func pooled() *http.Transport {
	return &http.Transport{MaxIdleConnsPerHost: 4, IdleConnTimeout: 90 * time.Second}
}

var sharedTransport = pooled()

// OverShared builds a new client over one package-level transport: a
// client is cheap, and the pool is shared.
func OverShared() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: sharedTransport}
}
