// Package usesite calls ctorsite's constructors and stores clients in its
// types: the facts carry what ctorsite already reported and where its
// fields are used.
package usesite

import (
	"ctorsite"
	"net/http"
	"time"
)

// plain uses NewHTTP's client as it is: its missing Timeout is already
// reported at NewHTTP. The pool it drops on every call is its own problem.
func plain(u string) {
	c := ctorsite.NewHTTP() // want `ctorsite.NewHTTP returns a client holding a new http.Transport \(connection pool\) on every call`
	c.Get(u)
}

// stored keeps NewHTTP's client in a struct field: already reported.
func stored() *ctorsite.API {
	return &ctorsite.API{HTTP: ctorsite.NewHTTP()}
}

// newTransport adds a problem of its own, a Transport without a
// ResponseHeaderTimeout: still reported here.
func newTransport(u string) {
	c := ctorsite.NewHTTP()                        // want `http.Client returned by ctorsite.NewHTTP has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout` `ctorsite.NewHTTP returns a client holding a new http.Transport`
	c.Transport = &http.Transport{MaxIdleConns: 1} // want `new http.Transport per call`
	c.Get(u)
}

// bare: ctorsite never uses NewBare, so each caller is judged here.
func bare(u string) {
	c := ctorsite.NewBare() // want `http.Client returned by ctorsite.NewBare has no Timeout: .*it sends a request at line 35`
	c.Get(u)
}

// bareBounded sets a Timeout: silent.
func bareBounded(u string) {
	c := ctorsite.NewBare()
	c.Timeout = time.Second
	c.Get(u)
}

// intoAPI stores a fresh client into ctorsite.API.HTTP: its first use is
// known through ctorsite's fact.
func intoAPI() *ctorsite.API {
	return &ctorsite.API{HTTP: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 48; first used at ctorsite.go:19 by \(\*ctorsite.API\).Do\)`
}

// intoBare stores into a field ctorsite never sends through: no first use.
func intoBare() *ctorsite.Bare {
	return &ctorsite.Bare{HTTP: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 53\); set Timeout`
}

// intoAPIBounded: silent.
func intoAPIBounded() *ctorsite.API {
	return &ctorsite.API{HTTP: &http.Client{Timeout: time.Minute}}
}
