// Package zombieloop reports long-running loops around fallible I/O that
// retry without backoff, never stop, ignore cancellation, or leak on every
// iteration.
//
// # Analyzer zombieloop
//
// zombieloop: loops that retry failing I/O hot or at a fixed pace, never exit, ignore ctx, or leak per iteration
//
// The question is not "does this loop terminate?" but: while this call
// keeps failing, can the loop stop, and how fast does it retry? Loops are
// the strongly connected components of a function's SSA blocks (nested
// loops merge into the outermost), so a break inside a select or a switch is
// correctly seen not to leave the loop. The !ok edge of a receive from
// time.Tick or a Ticker's or Timer's C is never taken, so
// `for range time.Tick(d)` is endless. Each loop gets at most one
// diagnostic, at its `for`, listing every trait found; its category is the
// most severe one, in this order:
//
// spin: a select case receiving from ctx.Done() falls back into the loop
// (for example a break that leaves only the select). After cancellation the
// select never blocks again and the loop spins.
//
// hot: a fallible I/O call (net, net/http, database/sql, crypto/tls,
// os/exec, an interface method such as Accept, Read, Do or Receive, a call
// into another package taking a context first, a function of this
// package doing one of these, a function of another package known by its
// fact to do so, or a method of an interface declared in this package
// whose every implementation here does so) fails persistently (no return and no crash is
// reachable while it keeps failing, cancellation aside; a return behind a
// stop flag, `if s.closed.Load() { return }` or any boolean field or
// method named closed, stopping, shutdown, quit, terminated or cancelled,
// counts as cancellation: Close sets it, and until then a failing Accept
// keeps failing) and the loop comes
// back to it with no wait on the way: `continue` on error, an Accept loop
// that logs and continues, `for { if err == nil { return } }`, a wait for
// a peer's greeting that drops the read error (`msg, _ := c.Next(); if
// bytes.Equal(msg, hello) { break }`: a failing call returns zero values,
// so tests of its other results take the zero value's branch while it
// fails; strings.TrimSpace and the other Trim and case functions keep ""
// empty). A read of a local stream (a bufio.Reader read method,
// (*os.File).Read on os.Stdin or a pipe) counts for hot only: at EOF it
// fails at once every time, so a REPL or prompt loop that drops the error
// (`line, _ := r.ReadString('\n'); if line == "" { continue }`) spins; fix
// it by stopping on io.EOF. A package that imports nothing of the network
// is judged for this when it imports bufio and calls one of bufio.Reader's
// read methods, under every driver (go vet skips the others unparsed);
// a loop of (*os.File).Read alone in such a package is not seen. It is not
// remote I/O, so it makes no loop a
// zombie, a fixed poller or nocancel (a tail -f that sleeps on EOF is
// fine). A read that can fail with an error other than io.EOF (a
// fallible read such as a connection's, unless its receiver is a
// strings.Reader, bytes.Reader or bytes.Buffer; a bufio.Reader or
// (*os.File).Read over os.Stdin, a net or crypto/tls connection or an
// http.Response's Body, made in the function or kept in an unexported
// field of this package that holds nothing else, as an SSE stream type's
// reader) takes the not-EOF arm of every test of its error against
// io.EOF (`==`, `!=`, errors.Is, a switch case) while it fails: a loop
// whose only way out is io.EOF (`n, err := conn.Read(buf); if err ==
// io.EOF { return }; handle(buf[:n])`) goes round again at once on a
// reset or closed connection, and is hot; fix it by stopping on every
// error. A *bufio.Reader of unknown source is judged at EOF, where such a
// loop stops. A bufio.Scanner's Scan, once it has returned false (at the
// end of its input, Err() nil, or on an error, which it keeps), returns
// false at once on every later call: a loop that comes back to it with no
// wait is hot, judged both where its Err() is not nil and where it is nil
// (a prompt that prints the error, or "required", and asks again). A
// Scanner made inside the loop is new each time round and not judged. A json, gob or xml Decoder's Decode is a stream read too;
// a json or xml Decoder keeps a syntax error and returns it on every
// later call, so over any source a loop that stops only on io.EOF spins
// on malformed input. A helper returning only nil or ctx.Err() counts as a
// cancellation check, and io.ReadFull and io.Copy on a connection count as
// I/O. An error kept in a variable a closure captures (`var err error`
// read by a deferred func) is followed through its stores and loads.
//
// Calls through function values: a func value whose definition the
// function shows is its target: a method value (`get := c.Get`), a package
// function (`dial := net.Dial`), or a closure of this package (`fetch :=
// func() error {...}`, judged by its body, and a wait if it sleeps), also
// when kept in a variable written once and captured by a goroutine. A
// func parameter taking a context first and returning an error (`op
// func(context.Context) error`, the operation handed to a retry or
// supervisor helper) counts as fallible, for hot and fixed only: the
// helper's loop decides how fast it is retried, but nothing shows that it
// does I/O, so it alone makes no loop a zombie or nocancel. Other func
// values (struct fields, variables assigned twice, parameters of other
// signatures such as `op func() error`) are not judged.
//
// zombie: the loop has no exit at all (no return, break, crash or
// cancellation), the call's error is discarded (`_` or never read, or
// tested against nil only to take a failure path that does nothing but
// wait: `if err != nil { time.Sleep(d); continue }`, where nothing logs,
// returns, counts or hands on the failure), and
// the failure cycle's waits are fixed (time.Sleep of a constant,
// `for range time.Tick(d)`) or absent. This is the incident shape: an agent
// that posted every few minutes for eleven days, failing silently and
// leaking sockets. The I/O may sit behind the project's own code: a
// watchdog calling `_ = wdlib.Notify(sock)` of another package of the
// module (net.DialUnix and a write inside), a method on a struct field
// (`s.n.Ping()`), a call through an interface declared here whose only
// implementations write to a unix socket (`s.hb.Beat()`; one in-memory
// implementation makes the call unknown and silent), a closure, or a
// library such as go-systemd's daemon.SdNotify.
//
// fixed: the failure cycle's only waits are constants shorter than the
// policy's zombieloop.short (default 1s), while the success cycle is
// slower: failures make the loop poll faster. A wait-until-ready poll
// that selects on the Done channel of a context its function derived with
// a deadline (context.WithTimeout) is time-boxed, and not reported.
//
// leak: a defer inside a loop that only ends at cancellation, or never,
// runs only when the function returns, so each iteration piles one up.
// In such a loop, also a resource acquired on an iteration and not
// released on some cycle back to the same point (its acquiring call
// succeeded): the cancel func of context.WithCancel, WithTimeout,
// WithDeadline (and their Cause forms) not called on, say, the error path
// that continues (go vet's lostcancel only follows paths to a return,
// which such a loop has not), or a connection from net.Dial*, a Dialer's
// Dial or DialContext, or tls.Dial not closed on some path (the
// incident's CLOSE_WAIT sockets). A resource that is deferred, handed on
// (to a goroutine or another function, a field, a channel, a variable the
// next iteration reads) or whose cancel func is discarded (lostcancel's
// finding) is assumed handled; a connection may be read and written
// through fmt, io and bufio helpers. A new http.Transport per iteration
// and bodies left open are reported by httpclient and respclose; here they
// are only mentioned in a finding.
//
// nocancel: the loop does I/O and has no exit, and a context.Context is in
// scope (a parameter, a captured variable, or a parameter of the enclosing
// function) but never consulted. Also a loop that has exits (a return on
// bad data, on success) but none on its context, around a call that takes
// a caller's context (an argument, or a request built with
// http.NewRequestWithContext; derived contexts and a context in a struct
// field count, context.Background() does not) and fails persistently:
// passing ctx to the call does not stop the loop, since once ctx is
// cancelled the call fails at once every time and its failure path goes
// round again (indigo's ozone event poller: log, time.Sleep(5s), retry).
// A failure path that waits for an event, or that may return (a test of
// ctx.Err(), errors.Is(err, context.Canceled), a permanent-error check),
// is left alone. Not reported in package main.
//
// sleepctx: a loop that retries or polls I/O and can end on its own (a
// success, an attempt bound) pauses with time.Sleep while a caller's
// context.Context is in scope, and nothing in the loop looks at it: no
// ctx.Done() case, no ctx.Err() test, no value of type context.Context
// used (a ctx passed to a call counts as looking: its error ends the
// call), no request it did not build with http.NewRequest, no call of a
// closure capturing a context or of a func value. Cancelling the context
// neither wakes the sleep nor stops the retries. A context.Background()
// captured from the enclosing function is not a caller's. Reported only
// when no other rule reports the loop (a short fixed retry is fixed's, an
// endless loop nocancel's). An accept loop, whose only fallible call is a
// listener's Accept, is left alone: closing the listener stops it (as
// net/http's Server.Shutdown does), not the context. Not reported in
// package main nor in test files.
//
// sleepctx also covers a loop that does look at a caller's context (a
// ctx.Done() case, a ctx.Err() test, ctx passed to its calls) but pauses
// with a long time.Sleep: cancellation does not wake the sleep, so the
// loop sees it only when the sleep ends, and a shutdown that waits for the
// loop waits that long. Long is a backoff that grows (a value that changes
// round the loop, such as `time.Sleep(sleepForBackoff(n))` or `d =
// min(d*2, time.Minute)`) unless its longest wait is known to be under 5s,
// or a wait known to be at least 5s (`time.Sleep(30 * time.Second)`, on
// the failure or the success path). The longest wait is bounded through
// constants, sums and products, min, an `if d > max { d = max }` clamp,
// a test the sleep sits behind (`if n > max { return }`, then a sleep of
// n seconds),
// math/rand's Intn(n) jitter and the
// returns of a function of this package; the message names the sleep and
// that wait. Sleeps shorter than 5s (a one-second status poll), sleeps of
// unknown length (an interval parameter), a select on ctx.Done() and a
// timer, and a sleep helper of this package that selects on ctx are not
// reported; neither is package main (a command's goroutines end with its
// process: indigo's cmd/tap returns from main without waiting for its
// firehose loop) nor test files.
//
// dropwrite: a copy or stream loop writes what it read (a chunk of a
// reader or a connection, a scanner's line, a value received from a
// channel, or a record or array filled from one) with Write,
// WriteString, WriteMessage, io.WriteString, io.Copy, fmt.Fprint,
// Fprintf or Fprintln, a csv.Writer's Write or an encoding/json, gob or
// xml Encoder's Encode, and discards the error, so a full disk or a
// closed peer never stops it (`for dc := range results { row[0] = dc.ID;
// csvw.Write(row[:]) }` crawls to the end with every row lost). Not
// reported: writers that cannot fail (bytes.Buffer, strings.Builder,
// hashes, io.Discard; a Write method of this package whose every return's
// error is nil or a write to one of these; a Write method of another
// package, whose body go/analysis does not give, on an in-memory type: a
// struct of numbers, strings, slices, maps, sync primitives and
// buffers, with no file, connection, interface or func inside), sticky writers whose error is checked (a
// bufio.Writer's or tabwriter.Writer's Flush, a csv.Writer's Error(); a
// csv.Writer made elsewhere is its owner's to check), a buffer or encoder
// over one of these or over os.Stdout or os.Stderr, those two streams
// themselves, an http.ResponseWriter in a loop that exits on a cancelled
// context, a loop that reads from the object it writes to (an echo), one
// that looks at the count written, a range over an in-memory slice
// (no read: a bounded report), and a relay of a child process's
// StdoutPipe or StderrPipe (made in the loop's function, or passed by
// every caller of an unexported function): it must drain the pipe or the
// child blocks, so going on after a failed log write is right (syncthing's
// monitor). Nor is a notice written on an iteration of its own in a loop
// whose work goes to a channel: when no iteration passes both the write
// and a send in a select with a cancellation case, what the loop copies
// goes to the channel and cancellation stops it (livekit's build stream,
// which writes the odd queue notice for a human).
//
// A wait is time.Sleep, a receive from time.After, time.Tick or a Timer or
// Ticker, a blocking select (paced by its fastest case other than
// ctx.Done()), any other channel receive or send, rate.Limiter.Wait,
// sync waits, an interface method named Wait, Sleep or Backoff, a function
// of this package that waits, a backoff or retry library (cenkalti/backoff
// v4/v5, avast/retry-go, sethvargo/go-retry, hashicorp/go-retryablehttp,
// k8s.io wait and client-go retry, gax-go, go-resiliency retrier, x/time/rate)
// and the policy's zombieloop.backoff functions. A select with default is
// not a wait. A delay is adaptive (backoff) when it changes round the loop
// (doubling, shifts, min caps, math.Pow, NextBackOff()).
//
// Range-over-func (`for x := range seq`): go/ssa turns the body into a
// synthetic yield closure that the iterator calls. A loop written inside
// the body is the closure's own and is judged as such; a loop inside an
// iterator function (`for { m, err := s.Receive(ctx); ... yield(m) }`) is
// judged in that function. The range statement itself is treated as
// bounded, like a range over a slice, whatever the body does: whether the
// iterator ever ends is not decided (a consumer of an endless iterator
// that retries without waiting is a known miss). When a range-over-func
// statement sits inside a long-running loop, its body counts as part of
// that loop: its I/O for nocancel, its defers for leak.
//
// Not reported: a bounded retry (`for i := 0; i < n; i++`), an event loop
// over a channel, a loop that crashes on error (log.Fatal, panic), a loop
// that returns on permanent errors, and a poller whose failure pace is not
// faster than its success pace.
//
// Fix: back off exponentially with a cap and jitter, reset on success
// (cenkalti/backoff/v5 Retry, k8s wait.Backoff, or a `min(d*2, max)`
// timer); return on ctx.Done(); handle errors; share one client; close
// bodies and call cancel inside the iteration.
//
// Code: every rule is decided in analyzers/zombieloop (leak.go, sleepctx.go, dropwrite.go,
// swallow.go and deadline.go hold their traits), on the loop shapes and the
// I/O and wait classification of analyzers/internal/loops.
package zombieloop
