// Package deadlineparam sends through http.DefaultClient (and a client
// without Timeout) a request built on a context parameter: bounded when
// every caller passes a context with a deadline and the function cannot be
// called any other way (livekit server-sdk-go engine.go:1426,
// (*RTCEngine).validate), and when the request comes from a builder given
// that context and no other.
package deadlineparam

import (
	"context"
	"deadlinebuild"
	"net/http"
	"time"
)

const validateTimeout = 5 * time.Second

// ---- negatives: every caller gives the context a deadline ----

// engine is livekit's RTCEngine: validate builds its request with an
// interface method of another package and sends it with
// http.DefaultClient; both of its callers pass a fresh WithTimeout.
type engine struct {
	signalling deadlinebuild.Signalling
	token      string
}

func (e *engine) validate(ctx context.Context, urlPrefix string) error {
	req, err := e.signalling.HTTPRequestForValidate(ctx, urlPrefix, e.token, 16)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (e *engine) join(url string, timeout time.Duration) error {
	for attempt := 0; attempt < 3; attempt++ {
		validateCtx, cancel := context.WithTimeout(context.Background(), timeout)
		err := e.validate(validateCtx, url)
		cancel()
		if err == nil {
			return nil
		}
	}
	return nil
}

func (e *engine) resume(ctx context.Context, url string) error {
	validateCtx, cancel := context.WithDeadline(ctx, time.Now().Add(validateTimeout))
	defer cancel()
	return e.validate(validateCtx, url)
}

// A plain function, its request made here on the parameter.
func fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func fetchBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return fetch(ctx, url)
}

// Two hops: the deadline is set two callers up.
func leaf(ctx context.Context, url string) error {
	req, err := deadlinebuild.NewGet(ctx, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func middle(ctx context.Context, url string) error { return leaf(ctx, url+"/a") }

func top(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	go middle(ctx, url)
	return middle(ctx, url)
}

// A builder in this package that puts its context on every request it
// returns (or returns nil).
func buildLocal(ctx context.Context, url string) (*http.Request, error) {
	if url == "" {
		return nil, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// A local builder on top of another: the context is carried through.
func buildLocalTwice(ctx context.Context, url string) (*http.Request, error) {
	return buildLocal(ctx, url+"/v2")
}

func sendLocal(ctx context.Context, url string) error {
	req, err := buildLocalTwice(ctx, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendLocalBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return sendLocal(ctx, url)
}

// An options struct of plain values (and a callback that takes a
// context) carries no context to the builder.
func sendOpts(ctx context.Context, url string) error {
	req, err := deadlinebuild.NewGetOpts(ctx, &deadlinebuild.Options{URL: url, Retries: 2})
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendOptsBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return sendOpts(ctx, url)
}

// A configuration of plain data nested deep, with a cycle, carries no
// context either.
func sendConfig(ctx context.Context, url string, cfg *deadlinebuild.Config) error {
	req, err := deadlinebuild.NewGetConfig(ctx, url, cfg)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendConfigBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return sendConfig(ctx, url, &deadlinebuild.Config{})
}

// notimeout: a client without Timeout, every request bounded by the
// callers' deadline.
func sendOwnClient(ctx context.Context, url string) error {
	c := &http.Client{}
	req, err := deadlinebuild.NewGet(ctx, url)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendOwnClientBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return sendOwnClient(ctx, url)
}

// ---- positives ----

// Exported: callers in other packages may pass any context, although the
// one here gives it a deadline.
func Fetch(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callsFetch(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return Fetch(ctx, url)
}

// One of two call sites passes a context without a deadline.
func mixed(ctx context.Context, url string) error {
	req, err := deadlinebuild.NewGet(ctx, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func mixedBounded(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return mixed(ctx, url)
}

func mixedUnbounded(url string) error { return mixed(context.Background(), url) }

// The deadline is two callers up on one path only.
func leafMixed(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func middleMixed(ctx context.Context, url string) error { return leafMixed(ctx, url) }

func topMixed(ctx context.Context, url string) error {
	dctx, cancel := context.WithTimeout(ctx, validateTimeout)
	defer cancel()
	if err := middleMixed(dctx, url); err != nil {
		return err
	}
	return middleMixed(ctx, url) // the caller's context
}

// A function value escapes: whoever calls it through the variable may
// pass any context.
func escaping(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var hook = escaping

func callsEscaping(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return escaping(ctx, url)
}

// A method whose method value is taken.
type valued struct{}

func (valued) send(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callsValued(v valued, url string) (func(context.Context, string) error, error) {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return v.send, v.send(ctx, url)
}

// A method also called through an interface of this package.
type sender interface {
	post(ctx context.Context, url string) error
}

type invoked struct{}

func (invoked) post(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callsInvoked(i invoked, s sender, url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	if err := i.post(ctx, url); err != nil {
		return err
	}
	return s.post(context.Background(), url)
}

// Never called: no caller gives it a deadline.
func uncalled(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The parameter is replaced on one path before the request is built.
func reassigned(ctx context.Context, url string, detach bool) error {
	if detach {
		ctx = context.Background()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callsReassigned(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return reassigned(ctx, url, true)
}

// A closure's context parameter: its callers are not indexed.
func closure(url string) error {
	send := func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	return send(ctx)
}

// Builders given a deadline context alongside another that may carry a
// context: the request may be built on the other one.
func builderShapes(url string, extra any) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	if req, err := deadlinebuild.NewGetBoth(ctx, context.Background(), url); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	if req, err := deadlinebuild.NewGetAny(ctx, url, extra); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	if req, err := deadlinebuild.NewGetCtxOpts(ctx, deadlinebuild.CtxOptions{URL: url, Ctx: context.Background()}); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	if req, err := deadlinebuild.NewGetGetter(ctx, deadlinebuild.Getter{URL: url, Ctx: context.Background}); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	if req, err := deadlinebuild.NewGetDeep(ctx, url, deadlinebuild.Deep{}); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	return nil
}

// A builder in this package that drops its context: seen, so not
// trusted.
func buildDropsCtx(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, url, nil)
}

// A builder in this package that returns a request made elsewhere.
var cached *http.Request

func buildCached(ctx context.Context, url string) (*http.Request, error) {
	return cached, nil
}

func localBuilders(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	if req, err := buildDropsCtx(ctx, url); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	if req, err := buildCached(ctx, url); err == nil {
		if resp, err := http.DefaultClient.Do(req); err == nil { // want `http.DefaultClient has no timeout`
			resp.Body.Close()
		}
	}
	return nil
}

// A builder called through a function value: its closure may carry any
// context.
func viaFuncValue(build func(context.Context, string) (*http.Request, error), url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	req, err := build(ctx, url)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// notimeout: one caller passes no deadline.
func ownClientMixed(ctx context.Context, url string) error {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	req, err := deadlinebuild.NewGet(ctx, url)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ownClientMixedCallers(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	if err := ownClientMixed(ctx, url); err != nil {
		return err
	}
	return ownClientMixed(context.TODO(), url)
}
