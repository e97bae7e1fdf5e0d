package usector

import (
	"ctor"
	"net/http"
	"time"
)

// Call sites of constructors that build a pool on one branch only: the
// constant options decide whether this call gets a new pool.

func plainOptions(u string) {
	ctor.NewOptional(ctor.Options{Timeout: time.Second}).Get(u)
}

func zeroOptions(u string) {
	ctor.NewOptional(ctor.Options{}).Get(u)
}

func blockFalse(u string) {
	c := ctor.NewOptional(ctor.Options{Timeout: time.Second, Block: false})
	c.Get(u)
}

func blockTrue(u string) {
	c := ctor.NewOptional(ctor.Options{Timeout: time.Second, Block: true}) // want `ctor.NewOptional returns a client holding a new http.Transport \(connection pool\) on every call`
	c.Get(u)
}

func blockTrueInLoop(urls []string) {
	for _, u := range urls {
		ctor.NewOptional(ctor.Options{Block: true, Timeout: time.Second}).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport \(connection pool\) in every loop iteration`
	}
}

func plainInLoop(urls []string) {
	for _, u := range urls {
		ctor.NewOptional(ctor.Options{Timeout: time.Second}).Get(u)
	}
}

func unknownOptions(opts ctor.Options, u string) {
	ctor.NewOptional(opts).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
}

func setLater(block bool, u string) {
	o := ctor.Options{Timeout: time.Second}
	o.Block = block
	ctor.NewOptional(o).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
}

func setTrueLater(u string) {
	o := ctor.Options{Timeout: time.Second}
	o.Block = true
	ctor.NewOptional(o).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
}

// Not followed yet: o is a copy of a literal built in a temporary, and a
// whole-value copy is not traced, so the call stays reported (unknown
// options keep the report).
func setFalseLater(u string) {
	o := ctor.Options{Timeout: time.Second}
	o.Block = false
	ctor.NewOptional(o).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
}

func helperMayChange(u string) {
	o := ctor.Options{Timeout: time.Second}
	tweak(&o)
	ctor.NewOptional(o).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
}

func tweak(o *ctor.Options) { o.Block = true }

func pointerPlain(u string) {
	ctor.NewOptionalPtr(&ctor.Options{Timeout: time.Second}).Get(u)
}

func pointerBlock(u string) {
	ctor.NewOptionalPtr(&ctor.Options{Timeout: time.Second, Block: true}).Get(u) // want `ctor.NewOptionalPtr returns a client holding a new http.Transport`
}

func boolFalse(u string) {
	ctor.NewIf(false, time.Second).Get(u)
}

func boolTrue(u string) {
	ctor.NewIf(true, time.Second).Get(u) // want `ctor.NewIf returns a client holding a new http.Transport`
}

func boolUnknown(pooled bool, u string) {
	ctor.NewIf(pooled, time.Second).Get(u) // want `ctor.NewIf returns a client holding a new http.Transport`
}

func defaulting(u string) {
	ctor.NewDefaulting(&ctor.Options{Timeout: time.Second, Proxy: "http://p"}).Get(u) // want `ctor.NewDefaulting returns a client holding a new http.Transport`
}

func either(u string) {
	ctor.NewEither(ctor.Options{}).Get(u) // want `ctor.NewEither returns a client holding a new http.Transport`
}

func viaPlainWrapper(u string) {
	ctor.Plain().Get(u)
}

func inClosure(u string) {
	func() {
		ctor.NewOptional(ctor.Options{Timeout: time.Second}).Get(u)
	}()
	func() {
		ctor.NewOptional(ctor.Options{Block: true, Timeout: time.Second}).Get(u) // want `ctor.NewOptional returns a client holding a new http.Transport`
	}()
}

// A constructor in this package: the guard works without facts too.
type localOpts struct {
	insecure bool
	timeout  time.Duration
}

func newLocal(o localOpts) *http.Client {
	if o.insecure {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSClientConfig = nil
		return &http.Client{Timeout: o.timeout, Transport: t}
	}
	return &http.Client{Timeout: o.timeout}
}

func (s *sender) sendPlain(u string) {
	newLocal(localOpts{timeout: time.Second}).Get(u)
}

func (s *sender) sendInsecure(u string) {
	newLocal(localOpts{insecure: true, timeout: time.Second}).Get(u) // want `newLocal returns a client holding a new http.Transport`
}

type sender struct{}
