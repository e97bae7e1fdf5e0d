// Package clonecfg has transport helpers in another package, for clonereq:
// ones that only configure the transport they are given, and ones that
// keep it.
package clonecfg

import (
	"crypto/tls"
	"net/http"
	"net/url"
)

// Insecure only configures t.
func Insecure(t *http.Transport) {
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = &tls.Config{}
	}
	t.TLSClientConfig.InsecureSkipVerify = true
}

// Proxy only configures t, through Insecure too.
func Proxy(t *http.Transport, u *url.URL, insecure bool) {
	t.Proxy = http.ProxyURL(u)
	if insecure {
		Insecure(t)
	}
}

// Last is the transport Remember kept.
var Last *http.Transport

// Remember configures t and keeps it: t is shared from here on.
func Remember(t *http.Transport) {
	Insecure(t)
	Last = t
}
