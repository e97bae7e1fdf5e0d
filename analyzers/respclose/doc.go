// Package respclose reports *http.Response bodies that some path leaves
// open.
//
// # Analyzer respclose
//
// respclose: response bodies closed on every path
//
// An HTTP response body that is never closed keeps its connection out of
// the pool; the peer eventually closes its side and the socket sits in
// CLOSE_WAIT. The analyzer follows each response from the call that
// produced it (net/http functions and Client methods, RoundTrip, any
// interface method returning *http.Response, project functions that
// return an open response, known across packages through facts, and
// channel receives) to every exit of the function, and reports the first
// path on which the body is neither closed nor handed on (rule "leak").
//
// The check is path-sensitive, in the manner of go vet's lostcancel: the
// branch on which the call's error is non-nil is not followed (the
// response is nil there), so `defer resp.Body.Close()` after the error
// check covers every later path, while a `return` on a status check before
// a manual Close, or a Close inside only one branch, is a leak. A retry
// loop that overwrites a response without closing it is a leak. So is
// `defer resp.Body.Close()` inside a loop that can go round again after
// it (a retry on 429, a range over URLs) and that has a way out: deferred
// calls run only when the function returns, so every response the loop
// went round from stays open until then. A defer followed on every path
// by a return, or one inside a function literal called per iteration, is
// fine; a loop with no exit at all is left to zombieloop's leak rule.
//
// Ownership moves without a report when the response or its Body is
// returned, stored in a field, global, slice or map, sent on a channel,
// captured by a closure that closes it, or passed to a function whose
// summary says it closes or keeps that argument (matched by argument
// position, across packages). Passing the body to a function that only
// reads it (io.ReadAll, json.NewDecoder) keeps the obligation. A function
// that returns a response is still checked on its other paths, and its
// callers must close what they get. A response stored in a struct the
// function allocates itself (`result := &Response{Response: resp}`)
// keeps the obligation with the struct: returning, storing, sending or
// passing the struct on moves it, and dropping it (a redirect retry's
// `goto START`) is a leak.
//
// A call through a function value (a struct field, a parameter, a
// variable) has no summary. It borrows the response when its type is a
// predicate (results bool and error only, at least one bool: a retry
// condition), when the caller goes on closing or returning the response
// after the call on some path (a validator followed by `defer
// resp.Body.Close()`), or when every function the package stores in that
// field or global is summarised and only reads it. It takes ownership when
// one of those stored functions closes or keeps it, for `go` and `defer`,
// and otherwise: a consumer `handle func(*http.Response) error` that the
// caller never touches again is the callback's.
//
// Calls that return the body's bytes
// alongside the response (prometheus' api.Client.Do) have already closed
// it, and httptest.ResponseRecorder.Result is never a source. A response
// to a HEAD request (http.Head, Client.Head, or Do/RoundTrip of a request
// built with the constant method "HEAD" and never given another) has no
// body to read, and net/http closes it; it is not followed.
//
// Rule "roundtrip-error": a RoundTrip method, or a function literal
// converted to a RoundTripper, that returns an open response together with
// a non-nil error of its own. http.RoundTripper's contract is a nil error
// whenever a response was obtained, and net/http's Client discards a
// response returned with an error without closing it. The error must be
// certainly non-nil (a package-level sentinel, errors.New or fmt.Errorf, a
// concrete error value, a context's Err, an error tested non-nil on the
// way); passing the inner transport's own (resp, err) on is not reported,
// nor is a plain function returning (resp, err), whose callers may close on
// error. Fix: close the body before returning the error, or return the
// response with a nil error.
//
// Where the fix is unambiguous (one error check right after the call, no
// Close anywhere, not in a loop) the analyzer suggests inserting
// `defer resp.Body.Close()` after the error check.
//
// Code: the rule is decided in analyzers/internal/bodies, which follows
// response ownership through each function and its callees' summaries;
// analyzers/respclose words the finding and the fix.
package respclose
