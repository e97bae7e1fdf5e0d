// Package clonereq clones (or builds) an http.Transport per request: a
// send method that needs TLS or proxy settings of its own clones the
// shared transport on every call and drops the clone, with its pool. The
// shape is go-git's newSession (plumbing/transport/http/common.go:323),
// which clones per session and configures the clone through helpers
// (configureTransport, :282); here the clone is made per request.
package clonereq

import (
	"clonecfg"
	"crypto/tls"
	"net/http"
	"net/url"
	"sync"
	"time"
)

type Sender struct {
	base     *http.Transport
	insecure bool
	proxy    *url.URL
	hc       *http.Client
}

// The insecure/proxy branch clones the shared transport for this request.
func (s *Sender) Send(req *http.Request) (*http.Response, error) {
	if s.insecure || s.proxy != nil {
		tr := s.base.Clone() // want `new http.Transport per call: each call opens its own connection pool and abandons it`
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: s.insecure}
		if s.proxy != nil {
			tr.Proxy = http.ProxyURL(s.proxy)
		}
		c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
		return c.Do(req)
	}
	return s.hc.Do(req)
}

// A clone of the default transport per call.
func fetch(u string) error {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `new http.Transport per call`
	tr.ResponseHeaderTimeout = 10 * time.Second
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A new transport literal in the branch.
func (s *Sender) SendLiteral(req *http.Request) (*http.Response, error) {
	if s.insecure {
		c := &http.Client{Timeout: time.Minute, Transport: &http.Transport{ // want `new http.Transport per call`
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		}}
		return c.Do(req)
	}
	return s.hc.Do(req)
}

// One clone per URL of a loop.
func fetchAll(urls []string) {
	for _, u := range urls {
		tr := http.DefaultTransport.(*http.Transport).Clone() // want `new http.Transport in every loop iteration`
		c := &http.Client{Transport: tr, Timeout: time.Minute}
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// ---- negatives ----

// Cloned once, in the constructor, and kept.
func NewSender(insecure bool) *Sender {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &Sender{base: tr, insecure: insecure, hc: &http.Client{Transport: tr, Timeout: time.Minute}}
}

// Cloned once, under a sync.Once.
var (
	insecureOnce sync.Once
	insecureTr   *http.Transport
)

func insecureTransport() *http.Transport {
	insecureOnce.Do(func() {
		insecureTr = http.DefaultTransport.(*http.Transport).Clone()
		insecureTr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	})
	return insecureTr
}

func sendInsecure(req *http.Request) (*http.Response, error) {
	c := &http.Client{Transport: insecureTransport(), Timeout: time.Minute}
	return c.Do(req)
}

// Cached in a map keyed by the options.
type key struct {
	insecure bool
	proxy    string
}

type Cache struct {
	mu sync.Mutex
	m  map[key]*http.Transport
}

func (c *Cache) transport(k key) *http.Transport {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.m[k]; ok {
		return t
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: k.insecure}
	c.m[k] = t
	return t
}

func (c *Cache) Send(k key, req *http.Request) (*http.Response, error) {
	hc := &http.Client{Transport: c.transport(k), Timeout: time.Minute}
	return hc.Do(req)
}

// Cloned per call, but its idle connections are closed when done: a
// one-off exchange that strands nothing.
func oneOff(u string) error {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Cloned in a package variable's initialiser: once per program.
var shared = http.DefaultTransport.(*http.Transport).Clone()

var sharedClient = &http.Client{Transport: shared, Timeout: time.Minute}

func useShared(u string) {
	if resp, err := sharedClient.Get(u); err == nil {
		resp.Body.Close()
	}
}

// Cloned in init: once per program.
var initTr *http.Transport

func init() {
	initTr = http.DefaultTransport.(*http.Transport).Clone()
	initTr.MaxIdleConns = 10
}

// ---- helpers that configure the clone ----
//
// go-git's newSession (plumbing/transport/http/common.go:323) configures
// its clone with configureTransport(transport, ep), a helper that only sets
// the transport's fields. A helper like that keeps nothing: the clone is
// still this function's own, and still dropped.

type options struct {
	insecure bool
	proxy    *url.URL
}

func configure(t *http.Transport, o options) {
	if o.insecure {
		withInsecureTLS(t)
	}
	if o.proxy != nil {
		t.Proxy = http.ProxyURL(o.proxy)
	}
}

func withInsecureTLS(t *http.Transport) {
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = &tls.Config{}
	}
	t.TLSClientConfig.InsecureSkipVerify = true
}

// applyTo is a method: the transport is its second parameter.
func (o options) applyTo(t *http.Transport) {
	configure(t, o)
}

func (s *Sender) SendConfigured(req *http.Request, o options) (*http.Response, error) {
	if o.insecure || o.proxy != nil {
		tr := s.base.Clone() // want `new http.Transport per call: each call opens its own connection pool and abandons it`
		configure(tr, o)
		c := &http.Client{Transport: tr, Timeout: time.Minute}
		return c.Do(req)
	}
	return s.hc.Do(req)
}

func (s *Sender) SendApplied(req *http.Request, o options) (*http.Response, error) {
	tr := s.base.Clone() // want `new http.Transport per call`
	o.applyTo(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

// A helper in another package that only configures it.
func (s *Sender) SendOtherPkg(req *http.Request) (*http.Response, error) {
	tr := s.base.Clone() // want `new http.Transport per call`
	clonecfg.Proxy(tr, s.proxy, s.insecure)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

// ---- helpers that keep the clone (negatives) ----

var lastTransport *http.Transport

func configureAndKeep(t *http.Transport, o options) {
	configure(t, o)
	lastTransport = t
}

// keepVia keeps it through a helper two calls down.
func keepVia(t *http.Transport, o options) {
	withInsecureTLS(t)
	configureAndKeep(t, o)
}

type registry struct{ all []*http.Transport }

func (r *registry) add(t *http.Transport) { r.all = append(r.all, t) }

func (s *Sender) SendKept(req *http.Request, o options) (*http.Response, error) {
	tr := s.base.Clone()
	keepVia(tr, o)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

func (s *Sender) SendRegistered(req *http.Request, r *registry) (*http.Response, error) {
	tr := s.base.Clone()
	r.add(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

func (s *Sender) SendRemembered(req *http.Request) (*http.Response, error) {
	tr := s.base.Clone()
	clonecfg.Remember(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

// A helper that captures the transport in a closure it installs keeps a
// reference we do not follow.
func withRedial(t *http.Transport) {
	t.RegisterProtocol("x", roundTripperFunc(func(r *http.Request) (*http.Response, error) { return t.RoundTrip(r) }))
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func (s *Sender) SendRedial(req *http.Request) (*http.Response, error) {
	tr := s.base.Clone()
	withRedial(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

// A configurer reached through a function value is not followed.
func (s *Sender) SendFuncValue(req *http.Request, cfg func(*http.Transport)) (*http.Response, error) {
	tr := s.base.Clone()
	cfg(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}

// A helper that closes the transport's idle connections is no configurer:
// the caller's pool is not left to us to judge.
func closeAfter(t *http.Transport) { defer t.CloseIdleConnections() }

func (s *Sender) SendClosedByHelper(req *http.Request) (*http.Response, error) {
	tr := s.base.Clone()
	defer closeAfter(tr)
	c := &http.Client{Transport: tr, Timeout: time.Minute}
	return c.Do(req)
}
