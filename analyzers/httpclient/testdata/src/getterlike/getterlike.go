// Package getterlike uses cleanlib's constructors the way
// hashicorp/go-getter uses go-cleanhttp (get.go:63): the clients come from
// another package's constructor, judged here through its facts.
package getterlike

import (
	"cleanlib"
	"net/http"
	"time"
)

var httpClient = cleanlib.Client() // want `http.Client returned by cleanlib.Client has no Timeout: .*stored or passed on still unbounded at line 12; first used at getterlike.go:\d+ by \(\*Getter\).Get\)`

// Getter downloads through the package client.
type Getter struct{ Client *http.Client }

func (g *Getter) Get(u string) error {
	c := g.Client
	if c == nil {
		c = httpClient
	}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A client built here over the other package's transport: no Timeout, no
// ResponseHeaderTimeout.
func overTransport(u string) {
	c := &http.Client{Transport: cleanlib.Transport()} // want `http.Client created here has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout`
	c.Get(u)
}

// The same through an http.RoundTripper result.
func overRoundTripper(u string) {
	c := &http.Client{Transport: cleanlib.RoundTripper()} // want `http.Client created here has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout`
	c.Get(u)
}

// ---- negatives ----

// The Timeout is set right after the constructor returns.
var boundedAfter = func() *http.Client {
	c := cleanlib.Client()
	c.Timeout = 30 * time.Second
	return c
}()

func useBoundedAfter(u string) { boundedAfter.Get(u) }

func setsTimeout(u string) {
	c := cleanlib.Client()
	c.Timeout = time.Minute
	c.Get(u)
}

// A constructor in the other package that sets a Timeout.
var timed = cleanlib.TimeoutClient()

func useTimed(u string) { timed.Get(u) }

// One whose transport bounds the exchange.
var headerBounded = cleanlib.BoundedTransportClient()

func useHeaderBounded(u string) { headerBounded.Get(u) }

// The caller adds ResponseHeaderTimeout to the transport it got: the dial
// was bounded there, so the exchange is bounded.
func addsHeaderTimeout(u string) {
	t := cleanlib.Transport()
	t.ResponseHeaderTimeout = 10 * time.Second
	c := &http.Client{Transport: t}
	c.Get(u)
}

// A Timeout on the client over the unbounded transport.
func timeoutOverTransport(u string) {
	c := &http.Client{Transport: cleanlib.Transport(), Timeout: time.Minute}
	c.Get(u)
}

// A transport we cannot see into.
func opaque(u string, rt http.RoundTripper) {
	cleanlib.OpaqueClient(rt).Get(u)
	c := &http.Client{Transport: cleanlib.Opaque(rt)}
	c.Get(u)
}
