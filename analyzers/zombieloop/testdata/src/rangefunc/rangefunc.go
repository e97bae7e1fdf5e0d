// Package rangefunc holds range-over-func loops. go/ssa lowers the body of
// `for x := range seq` into a synthetic yield closure that the iterator
// calls; break and return set a state variable and make it return false.
package rangefunc

import (
	"context"
	"iter"
	"log"
	"net"
	"net/http"
	"time"
)

// Msg is a received message.
type Msg struct{ Body []byte }

// Sub is a subscription to a remote topic.
type Sub interface {
	Receive(ctx context.Context) (*Msg, error)
}

// urls yields a fixed list: a bounded iterator.
func urls(list []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, u := range list {
			if !yield(u) {
				return
			}
		}
	}
}

// The body does I/O and continues on error; the iterator bounds the loop,
// as ranging over a slice would: silent.
func fetchAll(c *http.Client, list []string) {
	for u := range urls(list) {
		resp, err := c.Get(u)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

// The same with a break and a return in the body: silent.
func fetchFirst(c *http.Client, list []string) (*http.Response, error) {
	var last error
	for u := range urls(list) {
		resp, err := c.Get(u)
		if err != nil {
			last = err
			continue
		}
		if resp.StatusCode == http.StatusTeapot {
			resp.Body.Close()
			break
		}
		return resp, nil
	}
	return nil, last
}

// An iterator over a subscription that hands every error to the consumer,
// which decides whether to stop: silent.
func messages(ctx context.Context, s Sub) iter.Seq2[*Msg, error] {
	return func(yield func(*Msg, error) bool) {
		for {
			m, err := s.Receive(ctx)
			if !yield(m, err) {
				return
			}
		}
	}
}

// Its consumer stops on the first error: silent.
func consume(ctx context.Context, s Sub, out chan<- *Msg) error {
	for m, err := range messages(ctx, s) {
		if err != nil {
			return err
		}
		out <- m
	}
	return nil
}

// An iterator that swallows receive errors and retries at once: the loop
// inside the iterator is itself a hot retry.
func received(ctx context.Context, s Sub) iter.Seq[*Msg] {
	return func(yield func(*Msg) bool) {
		for { // want `retries Sub.Receive at once when it fails`
			m, err := s.Receive(ctx)
			if err != nil {
				continue
			}
			if !yield(m) {
				return
			}
		}
	}
}

// The same iterator backing off on errors and stopping on ctx: silent.
func receivedBackoff(ctx context.Context, s Sub) iter.Seq[*Msg] {
	return func(yield func(*Msg) bool) {
		d := 100 * time.Millisecond
		for {
			m, err := s.Receive(ctx)
			if err != nil {
				select {
				case <-ctx.Done():
					return
				case <-time.After(d):
				}
				d = min(2*d, time.Minute)
				continue
			}
			d = 100 * time.Millisecond
			if !yield(m) {
				return
			}
		}
	}
}

// A hot redial loop nested in a range-over-func body belongs to the yield
// closure and is reported at its own for.
func dialEach(addrs []string) []net.Conn {
	var out []net.Conn
	for a := range urls(addrs) {
		for { // want `retries net.Dial at once when it fails`
			c, err := net.Dial("tcp", a)
			if err != nil {
				continue
			}
			out = append(out, c)
			break
		}
	}
	return out
}

// The same with nothing else in the range body: still reported at the
// inner for, not at the range statement.
func dialOnly(addrs []string, out chan<- net.Conn) {
	for a := range urls(addrs) {
		for { // want `retries net.Dial at once when it fails`
			if c, err := net.Dial("tcp", a); err == nil {
				out <- c
				break
			}
		}
	}
}

// A defer in a range-over-func body in a function with no long-running
// loop runs at return, once per element of a bounded iterator: silent
// here (the general defer-in-loop question is not zombieloop's).
func closeAll(conns iter.Seq[net.Conn]) {
	for c := range conns {
		defer c.Close()
	}
}

// A defer in the range body of a loop that never ends: the deferred calls
// go on the function's stack, one more per element per round, and never
// run. Leak.
func pollForever(c *http.Client, list []string) {
	for { // want `defer inside the loop \(Close\)`
		for u := range urls(list) {
			resp, err := c.Get(u)
			if err != nil {
				continue
			}
			defer resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// The iterator is a parameter and nothing else is in the outer loop: still
// reported, at the outer for.
func drainForever(conns iter.Seq[net.Conn]) {
	for { // want `defer inside the loop \(Close\)`
		for c := range conns {
			defer c.Close()
		}
	}
}

// The same loop closing inside the body and returning on ctx: silent.
func pollUntilDone(ctx context.Context, c *http.Client, list []string) {
	for {
		for u := range urls(list) {
			resp, err := c.Get(u)
			if err != nil {
				continue
			}
			resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// An endless poll whose I/O is all in the range body, with ctx in scope
// and never consulted: nocancel, as with a slice.
func pollIgnoringCtx(ctx context.Context, c *http.Client, list []string) {
	for { // want `never exits on ctx although it is in scope`
		for u := range urls(list) {
			resp, err := c.Get(u)
			if err != nil {
				log.Print(err)
				continue
			}
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// The same consulting ctx inside the body: a return from the body ends
// the loop, so not nocancel. But cancellation waits out the minute's sleep
// (sleepctx).
func pollCtxInBody(ctx context.Context, c *http.Client, list []string) {
	for { // want `^pauses with time\.Sleep\(time\.Minute\), a fixed 1m0s, which cancelling ctx does not wake`
		for u := range urls(list) {
			if ctx.Err() != nil {
				return
			}
			resp, err := c.Get(u)
			if err != nil {
				log.Print(err)
				continue
			}
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// forever yields until the consumer stops: an endless iterator.
func forever(yield func(int) bool) {
	for i := 0; ; i++ {
		if !yield(i) {
			return
		}
	}
}

// A consumer of an endless iterator that redials at once on failure: the
// range statement is treated as bounded, so this is a known miss (doc.go).
// It must stay quiet rather than be guessed at.
func redialForever(addr string, out chan<- net.Conn) {
	for range forever {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		out <- c
	}
}
