package a

import (
	"context"
	"net"
	"net/http"
	"time"
)

// ---- pkgfunc ----

func pkgGet(u string) {
	resp, err := http.Get(u) // want `http.Get sends through http.DefaultClient: no timeout and no context`
	if err == nil {
		resp.Body.Close()
	}
}

func pkgHeadPostForm(u string) {
	http.Head(u)                   // want `http.Head sends through http.DefaultClient`
	http.Post(u, "text/plain", nil) // want `http.Post sends through http.DefaultClient`
	http.PostForm(u, nil)          // want `http.PostForm sends through http.DefaultClient`
}

func pkgFuncValue() func(string) (*http.Response, error) {
	return http.Get // want `http.Get sends through http.DefaultClient`
}

// ---- defaultclient ----

func defaultClientDo(req *http.Request) {
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err == nil {
		resp.Body.Close()
	}
}

type service struct{ hc *http.Client }

func defaultClientInField() *service {
	return &service{hc: http.DefaultClient} // want `http.DefaultClient has no timeout`
}

// ---- notimeout ----

func literalNoTimeout(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout: a server that stalls blocks its requests forever \(it sends a request at line \d+\)`
	c.Get(u)
}

func valueLiteralNoTimeout(u string) {
	c := http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
}

func newClientNoTimeout(u string) {
	c := new(http.Client) // want `http.Client created here has no Timeout`
	c.Get(u)
}

func varClientNoTimeout(u string) {
	var c http.Client // want `http.Client created here has no Timeout`
	c.Get(u)
}

func zeroTimeoutIsNoTimeout(u string) {
	c := &http.Client{Timeout: 0} // want `http.Client created here has no Timeout`
	c.Get(u)
}

func customTransportWithoutHeaderTimeout(u string) *http.Response {
	// Both rules: no bound, and a pool built per call and dropped.
	c := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout` `new http.Transport per call`
	resp, _ := c.Get(u)
	return resp
}

var sharedClient *http.Client

func customTransportStoredWithoutHeaderTimeout() {
	sharedClient = &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `has no Timeout and its Transport does not set both a dial timeout and a ResponseHeaderTimeout: .*stored or passed on`
}

func timeoutOnlyInOneBranch(u string, slow bool) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	if slow {
		c.Timeout = time.Minute
	}
	c.Get(u)
}

func timeoutSetAfterUse(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
	c.Timeout = time.Second
}

func storedInStructLiteral() *service {
	return &service{hc: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded`
}

var global *http.Client

func storedInGlobal() {
	global = &http.Client{} // want `http.Client created here has no Timeout`
}

func copyOfDefaultClient(u string) {
	c := *http.DefaultClient // want `http.Client created here has no Timeout`
	c.Get(u)
}

func capturedByGoroutine(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	go func() { c.Get(u) }()
}

func unkeyedLiteral(u string) {
	c := &http.Client{nil, nil, nil, 0} // want `http.Client created here has no Timeout`
	c.Get(u)
}

// ---- negatives: notimeout ----

func literalWithTimeout(u string) {
	c := &http.Client{Timeout: 10 * time.Second}
	c.Get(u)
}

func timeoutFromConfig(u string, d time.Duration) {
	c := &http.Client{Timeout: d}
	c.Get(u)
}

func timeoutSetLater(u string) {
	c := &http.Client{}
	c.Timeout = 5 * time.Second
	c.Get(u)
}

func timeoutSetLaterOnVar(u string) {
	var c http.Client
	c.Timeout = 5 * time.Second
	c.Get(u)
}

func copyOfDefaultClientWithTimeout(u string) {
	c := *http.DefaultClient
	c.Timeout = 3 * time.Second
	c.Get(u)
}

func unkeyedWithTimeout(u string) {
	c := &http.Client{nil, nil, nil, time.Second}
	c.Get(u)
}

func streamingTransport() {
	sharedClient = &http.Client{Transport: &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 30 * time.Second,
	}}
}

func dialerWithoutTimeout() {
	sharedClient = &http.Client{Transport: &http.Transport{ // want `its Transport does not set both a dial timeout and a ResponseHeaderTimeout`
		DialContext:           (&net.Dialer{KeepAlive: time.Minute}).DialContext,
		ResponseHeaderTimeout: 30 * time.Second,
	}}
}

func customDialFunc(dial func(ctx context.Context, network, addr string) (net.Conn, error)) {
	sharedClient = &http.Client{Transport: &http.Transport{DialContext: dial, ResponseHeaderTimeout: time.Minute}}
}

// The shape of openai-go's default client: clone DefaultTransport (which
// bounds dialing) and set a response-header timeout.
func clonedDefaultTransportWithHeaderTimeout() *http.Client {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t = t.Clone()
		t.ResponseHeaderTimeout = time.Minute
		sharedClient = &http.Client{Transport: t}
	}
	sharedClient = &http.Client{Transport: http.DefaultTransport} // a possibly wrapped RoundTripper: unknown, silent
	return sharedClient
}

var sharedTransport http.RoundTripper

func unknownTransport(u string, rt http.RoundTripper) {
	c := &http.Client{Transport: rt} // a RoundTripper we cannot see into: silent
	c.Get(u)
}

func clientNeverUsed() {
	_ = &http.Client{}
}

func clientFromParameter(c http.Client, u string) {
	c.Get(u) // not created here
}

func assignsDefaultClientTimeout() {
	// Not a use: the program bounds the default client (see package b).
}

// newClient returns its client. Callers that use it unbounded make it a
// finding, reported once here, where it is built, naming the first use;
// the callers themselves are not reported again.
func newClient() *http.Client {
	return &http.Client{} // want `http.Client created here has no Timeout: .*\(newClient returns it, and it is first used at a.go:222 by callerUsesUnbounded; 1 more use here is unbounded too\); set Timeout here`
}

func callerSetsTimeout(u string) {
	c := newClient()
	c.Timeout = 10 * time.Second
	c.Get(u)
}

func callerUsesUnbounded(u string) {
	c := newClient() // reported once, at newClient's literal
	c.Get(u)
}

// newBoundedClient sets a timeout: callers are silent.
func newBoundedClient() *http.Client {
	c := &http.Client{}
	c.Timeout = time.Second
	return c
}

func callerOfBounded(u string) {
	newBoundedClient().Get(u)
}

// wrapper returns what another constructor returned: still unbounded.
func wrapper() (*http.Client, error) {
	return newClient(), nil
}

func callerOfWrapper(u string) {
	c, err := wrapper() // wrapper returns newClient's client: counted at newClient's literal
	if err != nil {
		return
	}
	c.Get(u)
}

// ---- methods and generics ----

type api struct{ base string }

func (a *api) fetch(ctx context.Context) error {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	req, _ := http.NewRequestWithContext(ctx, "GET", a.base, nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type getter[T any] struct{ v T }

func (g getter[T]) get(u string) T {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
	return g.v
}

func generic[T any](u string, v T) T {
	c := &http.Client{Timeout: time.Second}
	c.Get(u)
	return v
}

// ---- pool ----

func transportPerCall(u string) {
	t := &http.Transport{} // want `new http.Transport per call: each call opens its own connection pool and abandons it`
	c := &http.Client{Transport: t, Timeout: time.Second}
	c.Get(u)
}

func transportPerIteration(urls []string) {
	for _, u := range urls {
		c := &http.Client{Timeout: time.Second, Transport: &http.Transport{}} // want `new http.Transport in every loop iteration`
		c.Get(u)
	}
}

func clonePerCall(u string) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `new http.Transport per call`
	c := http.Client{Transport: t, Timeout: time.Second}
	c.Get(u)
}

// keep-alives disabled: each connection closes after its response, so a
// transport per call abandons no idle pool (syncthing's lib/rc).
func transportPerCallNoKeepAlive(u string) {
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	c.Get(u)
}

func transportPerCallKeepAliveStoredOff(u string) {
	t := &http.Transport{}
	t.DisableKeepAlives = true
	c := &http.Client{Timeout: time.Second, Transport: t}
	c.Get(u)
}

// Every request sent through the per-call transport asks to close its
// connection: nothing stays idle (syncthing's UPnP SOAP client).
func transportPerCallRequestClose(u string) error {
	t := &http.Transport{}
	c := &http.Client{Timeout: time.Second, Transport: t}
	req, err := http.NewRequest("POST", u, nil)
	if err != nil {
		return err
	}
	req.Close = true
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Only one of the two requests closes its connection: the other leaves it
// idle in an abandoned pool.
func transportPerCallOneRequestCloses(u string) error {
	t := &http.Transport{} // want `new http.Transport per call`
	c := &http.Client{Timeout: time.Second, Transport: t}
	req, err := http.NewRequest("POST", u, nil)
	if err != nil {
		return err
	}
	req.Close = true
	if resp, err := c.Do(req); err == nil {
		resp.Body.Close()
	}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func transportPerCallKeepAliveOn(u string) {
	t := &http.Transport{DisableKeepAlives: false} // want `new http.Transport per call`
	c := &http.Client{Timeout: time.Second, Transport: t}
	c.Get(u)
}

func roundTripPerCall(req *http.Request) {
	t := new(http.Transport) // want `new http.Transport per call`
	t.RoundTrip(req)
}

// ---- negatives: pool ----

func transportClosed(u string) {
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	c := &http.Client{Transport: t, Timeout: time.Second}
	c.Get(u)
}

func clientClosesIdle(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	defer c.CloseIdleConnections()
	c.Get(u)
}

func newTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 100}
}

type holder struct{ client *http.Client }

func newHolder() *holder {
	return &holder{client: &http.Client{Timeout: time.Second, Transport: &http.Transport{}}}
}

var packageTransport = &http.Transport{}

func transportNeverUsed() {
	_ = &http.Transport{}
}

func perCallClientSharesDefaultTransport(u string) {
	c := &http.Client{Timeout: time.Second} // nil Transport: shares DefaultTransport
	c.Get(u)
}

func ignored(u string) {
	//zombiecheck:ignore httpclient legacy endpoint, tracked in TICKET-1
	http.Get(u)
	http.Get(u) //zombiecheck:ignore httpclient/pkgfunc same
}

func ignoreWithoutReasonSuppressesNothing(u string) {
	//zombiecheck:ignore httpclient
	http.Get(u) // want `http.Get sends through`
}

// ---- wrappers (the langchaingo User-Agent transport shape) ----

type uaTransport struct {
	Transport http.RoundTripper // nil: http.DefaultTransport
}

func (t *uaTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt := t.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	return rt.RoundTrip(req)
}

var defaultUATransport http.RoundTripper = &uaTransport{}

var DefaultUAClient = &http.Client{ // want `http.Client created here has no Timeout`
	Transport: defaultUATransport,
}

var BoundedUAClient = &http.Client{
	Transport: &uaTransport{Transport: &http.Transport{
		DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
		ResponseHeaderTimeout: time.Second,
	}},
}

type logTransport struct{}

func (logTransport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }

var LoggingClient = &http.Client{Transport: &uaTransport{Transport: logTransport{}}} // wraps something we cannot see: silent

func comparesWithDefaultClient(c *http.Client) bool {
	return c != http.DefaultClient && c != nil
}

// The langchaingo httputil shape: a User-Agent wrapper around
// http.DefaultTransport, which has no response-header timeout.
var uaAroundDefault http.RoundTripper = &uaTransport{Transport: http.DefaultTransport}

var UAClient = &http.Client{Transport: uaAroundDefault} // want `http.Client created here has no Timeout`

var PlainDefaultTransportClient = &http.Client{Transport: http.DefaultTransport} // want `http.Client created here has no Timeout`

// ---- deadline on the request ----

// The request's context has a deadline set here: the send is bounded even
// though the client has no Timeout (syncthing's failure reporting).
func sendWithDeadline(ctx context.Context, u string) error {
	client := &http.Client{}
	reqCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendWithDeadlineWithContext(ctx context.Context, req *http.Request) error {
	client := &http.Client{}
	dctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Minute))
	defer cancel()
	resp, err := client.Do(req.WithContext(dctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The caller's context may have no deadline: still unbounded.
func sendWithCallerContext(ctx context.Context, u string) error {
	client := &http.Client{} // want `http.Client created here has no Timeout`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A cancel-only context is no deadline.
func sendWithCancel(ctx context.Context, u string) error {
	client := &http.Client{} // want `http.Client created here has no Timeout`
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The bounded send is one; the Get that follows has no deadline.
func sendBoundedThenGet(ctx context.Context, u string) error {
	client := &http.Client{} // want `http.Client created here has no Timeout`
	reqCtx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(reqCtx, http.MethodGet, u, nil)
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
	}
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
