// Package httpclient reports HTTP clients that can hang forever and code
// that opens a new connection pool per call.
//
// # Analyzer httpclient
//
// httpclient: HTTP clients without timeouts, default clients, and connection pools made per call
//
// A net/http request with no deadline waits as long as the server lets it:
// a peer that accepts the connection and never answers blocks the caller
// forever. A new http.Transport per call strands an idle connection pool
// each time, and the sockets pile up in CLOSE_WAIT. The analyzer has four
// rules, each a diagnostic category:
//
// notimeout: an http.Client created without a Timeout (composite literal,
// new(http.Client), a zero var, a copy of *http.DefaultClient, or a client
// returned by a project constructor that leaves Timeout unset) that is then
// used to send a request, or escapes (stored, passed on), while still
// unbounded. The check is path-sensitive: `c.Timeout = d` assigned after the
// literal but before the first use is fine, and a non-constant timeout from
// configuration counts. A client whose Transport is an *http.Transport that
// sets ResponseHeaderTimeout and bounds dialing (a net.Dialer with a
// Timeout, a custom dial function, or a clone of http.DefaultTransport) is
// bounded too: that is how streaming clients (SSE, token streams, watches)
// must be built, because Client.Timeout also cuts off reading the body.
// Functions matched by the policy's httpclient.streaming patterns are not
// checked. A constructor that returns a client is not judged where it builds
// it: its callers are, at their own uses.
//
// defaultclient: any use of http.DefaultClient, which has no timeout.
// Assigning to http.DefaultClient (or its Timeout) is not a use, and a
// package that does so is trusted to have bounded it. A nil fallback,
// `if x == nil { x = http.DefaultClient }` (also with an else that copies
// x, `else { conf.HTTP = x }`, its mirror `if x != nil { conf.HTTP = x }
// else { conf.HTTP = http.DefaultClient }`, and a getter's `if x == nil {
// return http.DefaultClient }`), the block's only statement, is reported
// once, at the
// fallback, naming what the caller left unset: falling back to a shared
// client with a Timeout is the fix, and is silent. `http.DefaultClient.Do(req)`
// of a request whose context has a deadline is bounded and not reported
// (nor is Do of any client without a Timeout). The context has one when
// the same function made it with context.WithTimeout or WithDeadline, or
// when it is a context parameter of an unexported function or method whose
// every call site in the package passes such a context (or such a
// parameter of its own caller), and which is never used as a value nor
// called through an interface, or when every context that reaches it
// either has one or passed a test of its own Deadline() (`if _, ok :=
// ctx.Deadline(); !ok { ctx, cancel = context.WithTimeout(ctx, d) }`, a
// deadline unless the caller gave one: go-nostr's nip11.Fetch). The request carries it when made by
// http.NewRequestWithContext, req.WithContext or req.Clone, or returned by
// a request builder: a call (not through a function value) that returns
// *http.Request and takes that context as its only argument that can hold
// a context (none of its other arguments is any, a context, or a struct,
// pointer, slice, map or function result leading to one). A builder in the
// same package must put its context parameter on every request it
// returns; one in another package, or an interface method, is trusted to.
//
// pkgfunc: calls of http.Get, http.Head, http.Post and http.PostForm, which
// send through http.DefaultClient: no timeout and no context.
//
// pool: an *http.Transport (a literal, new, or Clone()) created in a function
// that sends requests through it and then drops it without
// CloseIdleConnections, so every call abandons a connection pool; inside a
// loop, one pool per iteration. Transports that are returned, stored in a
// field or global, or passed on are shared and not reported. Passing the
// transport to a helper that only configures it (sets or reads its fields,
// and passes it only to helpers that do the same; go-git's
// configureTransport) is not passing it on: `tr := base.Clone();
// configure(tr, opts)` per request is still reported. Helpers in other
// packages are known through their facts; one reached through an interface
// or a function value, or one that stores, returns or captures the
// transport anywhere, makes it shared. In package main, a function that
// runs at most once per process (main, an init function, or a plain
// unexported function never used as a value whose every call site is
// followed on every path by the process's exit, or is outside any loop of
// such a function; not a closure) builds one pool, not
// one per call, and is not reported (syncthing's upgradeViaRest); inside a
// loop it still is.
//
// A pool can also come from a call: a constructor that returns a new
// transport, or a client holding one, hands its caller a pool each time,
// and a caller that sends through it and drops it is reported at the call.
// A nil-fallback getter, `if c.HTTP == nil { return newClient() }; return
// c.HTTP` (bluesky-social/indigo's xrpc getClient), is such a constructor
// on the calls that take the fallback; the message says so. Caching the
// fallback in the field, or sharing one under sync.Once, is silent.
//
// A pool is followed through the values that hold it, by their summaries:
// a function whose result holds a new pool at a field path
// (retryablehttp.NewClient: its HTTPClient's Transport), a wrapper whose
// result keeps an argument and nothing else does (otelhttp.NewTransport;
// retryablehttp's StandardClient, a client whose Transport keeps its
// receiver), and a store into a field of a value the function made or
// got from such a function. So indigo's util.RobustHTTPClient, which wraps
// cleanhttp.DefaultPooledTransport() in otelhttp, stores it in a
// retryablehttp client's HTTPClient and returns that client's
// StandardClient, returns a client over a new pool, and a caller that
// sends through it once and drops it is reported. Only what holds on every
// path to the return counts: a store that replaces the pool with a shared
// one (or wraps a shared one), a wrapper that drops its argument, a holder
// handed to code that may keep it, a pool built on one branch only, and a
// transport that disables keep-alives are not a new pool per call.
//
// Fix: create one client per destination, once, with a Timeout (or, for
// streaming, a Transport with a dial timeout and ResponseHeaderTimeout plus a
// per-request context), and share it. For notimeout on a keyed composite
// literal the analyzer suggests adding `Timeout: 30 * time.Second`; choose a
// value that fits the endpoint.
//
// Code: notimeout and pool are decided in analyzers/internal/clients (the
// per-function client and transport summaries the summary analyzer also
// exports as facts); defaultclient and pkgfunc in analyzers/httpclient
// itself.
package httpclient
