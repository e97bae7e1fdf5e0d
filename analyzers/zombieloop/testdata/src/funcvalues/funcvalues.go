// Package funcvalues holds loops that call fallible I/O through function
// values: method values, closures, package functions held in variables,
// and func parameters of retry helpers.
package funcvalues

import (
	"context"
	"errors"
	"log"
	"math/rand"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Sub is a subscription to a remote topic.
type Sub interface {
	Receive(ctx context.Context) ([]byte, error)
}

// A method value held in a variable is its method: hot.
func pollMethodValue(c *http.Client, url string) {
	get := c.Get
	for { // want `retries Client.Get at once when it fails`
		resp, err := get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		time.Sleep(time.Minute)
	}
}

// The same backing off on failure: silent.
func pollMethodValueBackoff(c *http.Client, url string) {
	get := c.Get
	d := time.Second
	for {
		resp, err := get(url)
		if err != nil {
			time.Sleep(d)
			d = min(2*d, time.Minute)
			continue
		}
		d = time.Second
		resp.Body.Close()
		time.Sleep(time.Minute)
	}
}

// A method value of an interface: the method's name says it is I/O.
func receiveLoop(s Sub, out chan<- []byte) {
	recv := s.Receive
	for { // want `retries Sub.Receive at once when it fails`
		m, err := recv(context.Background())
		if err != nil {
			log.Print(err)
			continue
		}
		out <- m
	}
}

// A package function in a variable, captured by a goroutine: hot.
func redial(addr string, out chan<- net.Conn) {
	dial := net.Dial
	go func() {
		for { // want `retries net.Dial at once when it fails`
			c, err := dial("tcp", addr)
			if err != nil {
				continue
			}
			out <- c
			return
		}
	}()
}

// A closure defined in the function is its body: hot, named after the
// variable.
func fetchClosure(c *http.Client, url string) {
	fetch := func() error {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	for { // want `retries fetch at once when it fails`
		if err := fetch(); err != nil {
			log.Print(err)
			continue
		}
		break
	}
}

// A closure that backs off itself is a wait, not a hot retry: silent.
func fetchClosureBackoff(c *http.Client, url string) {
	d := 100 * time.Millisecond
	try := func() error {
		resp, err := c.Get(url)
		if err != nil {
			time.Sleep(d)
			d = min(2*d, time.Minute)
			return err
		}
		return resp.Body.Close()
	}
	for {
		if err := try(); err == nil {
			return
		}
	}
}

var ready atomic.Bool

var errNotReady = errors.New("not ready")

// A closure that does no I/O: not judged.
func spinOnFlag() {
	check := func() error {
		if ready.Load() {
			return nil
		}
		return errNotReady
	}
	for {
		if check() == nil {
			return
		}
	}
}

// A retry helper around an opaque context-first operation, retrying at
// once until the context ends: hot.
func retryHot(ctx context.Context, op func(context.Context) error) error {
	for { // want `retries op at once when it fails`
		err := op(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// The same helper at a short fixed pace: fixed.
func retryFixed(ctx context.Context, op func(context.Context) error) error {
	for { // want `retries op every 100ms when it fails`
		if err := op(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// A helper that backs off exponentially with jitter: silent.
func retryBackoff(ctx context.Context, op func(context.Context) error) error {
	d := 100 * time.Millisecond
	for {
		err := op(ctx)
		if err == nil {
			return nil
		}
		jitter := time.Duration(rand.Int63n(int64(d / 2)))
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(d + jitter):
		}
		d = min(2*d, 30*time.Second)
	}
}

// A bounded helper: silent.
func retryN(ctx context.Context, n int, op func(context.Context) error) error {
	var err error
	for range n {
		if err = op(ctx); err == nil {
			return nil
		}
	}
	return err
}

// A helper that gives up on permanent errors: silent.
func retryTransient(ctx context.Context, op func(context.Context) error) error {
	for {
		err := op(ctx)
		if err == nil {
			return nil
		}
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			return err
		}
	}
}

// A periodic runner that logs failures and stops on ctx: silent.
func every(ctx context.Context, d time.Duration, f func(context.Context) error) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := f(ctx); err != nil {
				log.Print(err)
			}
		}
	}
}

// The operation takes no context: nothing says it does I/O (a known miss,
// documented): silent.
func retryOpaque(op func() error) {
	for {
		if op() == nil {
			return
		}
	}
}

type poller struct {
	fetch func(context.Context) error
}

// An operation in a struct field: its definition is elsewhere and not
// followed: silent.
func (p *poller) run(ctx context.Context) error {
	for {
		if err := p.fetch(ctx); err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// A func variable assigned in two places is not resolved: silent.
func pickDial(tls bool, addr string) net.Conn {
	dial := net.Dial
	if tls {
		dial = func(network, addr string) (net.Conn, error) { return nil, errNotReady }
	}
	for {
		if c, err := dial("tcp", addr); err == nil {
			return c
		}
	}
}

// A runner that drops the operation's errors and never exits on ctx: an
// opaque operation is judged only on how fast it is retried, so neither
// zombie nor nocancel: silent.
func runEvery(ctx context.Context, f func(context.Context) error) {
	for {
		_ = f(ctx)
		time.Sleep(time.Minute)
	}
}

// A supervisor restarting a blocking operation at once when it fails: if
// it fails at start-up, the loop spins. Hot.
func supervise(ctx context.Context, serve func(context.Context) error) {
	go func() {
		for { // want `retries serve at once when it fails`
			err := serve(ctx)
			if ctx.Err() != nil {
				return
			}
			log.Printf("restarting: %v", err)
		}
	}()
}

// The same supervisor pausing before a restart: silent.
func superviseSlowly(ctx context.Context, serve func(context.Context) error) {
	for {
		err := serve(ctx)
		log.Printf("restarting: %v", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
}
