// Package ctorsite builds clients that are used far from where they are
// built: stored in struct fields and package variables, or returned.
package ctorsite

import (
	"context"
	"net/http"
	"time"
)

// API sends through its HTTP field; other packages store clients in it.
type API struct {
	HTTP *http.Client
	Base string
}

// Do is the first send through API.HTTP in this package.
func (a *API) Do(req *http.Request) (*http.Response, error) {
	return a.HTTP.Do(req)
}

// Bare is a field this package never sends through.
type Bare struct {
	HTTP *http.Client
}

// NewHTTP is the bluesky-social/indigo cliutil.NewHttpClient shape: a
// transport with pool settings but no ResponseHeaderTimeout, no Timeout,
// returned. NewAPI stores it into API.HTTP in this package, so it is
// reported here, once; the callers in other packages are not.
func NewHTTP() *http.Client {
	return &http.Client{ // want `http.Client created here has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout: a server that stalls blocks its requests forever \(NewHTTP returns it, and it is stored at ctorsite.go:43 by NewAPI and first used at ctorsite.go:19 by \(\*API\).Do\); set Timeout here`
		Transport: &http.Transport{
			MaxIdleConns:        100,
			IdleConnTimeout:     90 * time.Second,
			TLSHandshakeTimeout: 10 * time.Second,
		},
	}
}

// NewAPI stores NewHTTP's client: the first use of it in this package.
func NewAPI(base string) *API {
	return &API{HTTP: NewHTTP(), Base: base}
}

// NewBare returns an unbounded client that this package never uses: its
// callers are judged at their own uses, as before.
func NewBare() *http.Client {
	return &http.Client{}
}

// NewSetByCallers returns an unbounded client whose only caller here sets
// a Timeout: nothing to report, here or at the caller.
func NewSetByCallers() *http.Client {
	return &http.Client{}
}

func useSetByCallers(u string) {
	c := NewSetByCallers()
	c.Timeout = 5 * time.Second
	c.Get(u)
}

// NewDeadlined returns an unbounded client whose only caller here bounds
// its request with a deadline: not a finding.
func NewDeadlined() *http.Client {
	return &http.Client{}
}

func useDeadlined(u string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	resp, err := NewDeadlined().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// svc keeps its client in an unexported field and reads it through a
// getter, the indigo xrpc.Client shape.
type svc struct {
	hc *http.Client
}

func (s *svc) client() *http.Client {
	if s.hc == nil {
		return &http.Client{Timeout: time.Second}
	}
	return s.hc
}

func (s *svc) fetch(u string) error {
	resp, err := s.client().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// newSvc stores an unbounded client directly: reported where it is built,
// naming the send through the getter as the first use.
func newSvc() *svc {
	return &svc{hc: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 108; first used at ctorsite.go:98 by \(\*svc\).fetch\)`
}

// newSvcBounded bounds the stored client afterwards: silent.
func newSvcBounded() *svc {
	s := &svc{hc: &http.Client{}}
	s.hc.Timeout = 10 * time.Second
	return s
}

// shared is a package variable: its first use is the send in ping.
var shared = &http.Client{} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 119; first used at ctorsite.go:122 by ping\)`

func ping(u string) {
	resp, err := shared.Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

// sharedBounded is bounded at its literal: silent.
var sharedBounded = &http.Client{Timeout: time.Minute}

func pingBounded(u string) {
	resp, err := sharedBounded.Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

// newBareHolder stores into a field nobody here sends through: reported,
// with no first use to name.
func newBareHolder() *Bare {
	return &Bare{HTTP: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 141\); set Timeout`
}

// pagerduty's shape: the package's own default client is built by a
// constructor at package initialisation, which has no source position.
func newDefaultHTTPClient() *http.Client {
	return &http.Client{} // want `\(newDefaultHTTPClient returns it, and it is first used to initialise a package-level variable, which keeps it still unbounded\)`
}

type doer interface {
	Get(u string) (*http.Response, error)
}

var defaultHTTPClient doer = newDefaultHTTPClient()

func useDefault(u string) error {
	resp, err := defaultHTTPClient.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
