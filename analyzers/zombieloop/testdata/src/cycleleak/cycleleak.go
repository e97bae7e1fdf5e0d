// Package cycleleak holds long-running loops that acquire a context's
// cancel func or a connection on every iteration and must release it
// before the next one.
package cycleleak

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

func start(ctx context.Context) error { return nil }

// cancel() is skipped when the request fails: every failing cycle leaves
// a context and its timer behind until the deadline passes (go vet's
// lostcancel only looks at paths to a return, and this loop returns only
// on ctx.Done()).
func pingEvery(ctx context.Context, c *http.Client, url string) {
	for { // want `the cancel func of context.WithTimeout is not called on some iteration: each such cycle leaves a context and its timer alive until the deadline passes`
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		req, _ := http.NewRequestWithContext(rctx, "GET", url, nil)
		resp, err := c.Do(req)
		if err != nil {
			log.Print(err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Minute):
			}
			continue
		}
		resp.Body.Close()
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// The same calling cancel() on both paths: silent.
func pingEveryCancelled(ctx context.Context, c *http.Client, url string) {
	for {
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		req, _ := http.NewRequestWithContext(rctx, "GET", url, nil)
		resp, err := c.Do(req)
		cancel()
		if err == nil {
			resp.Body.Close()
		} else {
			log.Print(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// A restart loop that cancels the worker's context only when it fails to
// start: on every successful restart the old one stays alive.
func restarter(ctx context.Context, restart <-chan struct{}) {
	for { // want `the cancel func of context.WithCancel is not called on some iteration: each such cycle leaves a context alive until the parent ends`
		wctx, cancel := context.WithCancel(ctx)
		if err := start(wctx); err != nil {
			cancel()
			log.Print(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-restart:
		}
	}
}

// The previous iteration's cancel is called by the next one: it is
// handed on, silent.
func restarterChained(ctx context.Context, restart <-chan struct{}) {
	var stop context.CancelFunc
	for {
		if stop != nil {
			stop()
		}
		wctx, cancel := context.WithCancel(ctx)
		stop = cancel
		if err := start(wctx); err != nil {
			log.Print(err)
		}
		select {
		case <-ctx.Done():
			stop()
			return
		case <-restart:
		}
	}
}

// cancel handed to the goroutine that owns the context: silent.
func spawnEach(ctx context.Context, jobs <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			jctx, cancel := context.WithTimeout(ctx, time.Minute)
			go func() {
				defer cancel()
				_ = start(jctx)
				log.Print(j)
			}()
		}
	}
}

// Each iteration in its own function with a defer: silent.
func perIterationFunc(ctx context.Context, c *http.Client, url string) {
	for {
		func() {
			rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			req, _ := http.NewRequestWithContext(rctx, "GET", url, nil)
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// A defer in the loop is the defer rule's finding; it is not reported a
// second time as a cycle leak.
func deferredCancel(ctx context.Context, c *http.Client, url string) {
	for { // want `^defer inside the loop \(a function value\) runs only when the function returns, so each iteration piles one up; fix: release per-iteration resources inside the iteration \(close bodies, call cancel, share one client\)$`
		rctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(rctx, "GET", url, nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// A bounded retry that skips cancel() on continue is go vet lostcancel's
// concern, not a long-running loop: silent.
func boundedRetry(ctx context.Context) error {
	for i := 0; i < 3; i++ {
		rctx, cancel := context.WithTimeout(ctx, time.Second)
		if err := start(rctx); err != nil {
			time.Sleep(time.Second)
			continue
		}
		cancel()
		return nil
	}
	return nil
}

// The incident's socket leak: a heartbeat that redials every minute and
// skips Close when the write fails, leaving one socket per failure.
func heartbeat(ctx context.Context, addr string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for { // want `^the connection from net.Dial is not closed on some iteration: each such cycle leaves a socket open`
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c, err := net.Dial("tcp", addr)
		if err != nil {
			log.Print(err)
			continue
		}
		if _, err := c.Write([]byte("ping")); err != nil {
			log.Print(err)
			continue
		}
		c.Close()
	}
}

// The same closing on both paths: silent.
func heartbeatClosed(ctx context.Context, addr string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c, err := net.Dial("tcp", addr)
		if err != nil {
			log.Print(err)
			continue
		}
		_, err = c.Write([]byte("ping"))
		c.Close()
		if err != nil {
			log.Print(err)
		}
	}
}

// Writes and reads through std helpers and never closes: leak.
func probe(ctx context.Context, d *net.Dialer, addr string, out chan<- string) {
	for { // want `the connection from Dialer.DialContext is not closed on some iteration`
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			fmt.Fprintf(c, "STATUS\r\n")
			line, _ := bufio.NewReader(c).ReadString('\n')
			out <- line
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(10 * time.Second):
		}
	}
}

// The connection handed to a goroutine that owns it: silent.
func dialAndServe(ctx context.Context, addr string, serve func(net.Conn)) {
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			go serve(c)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// The connection kept for later: silent.
type pool struct{ conns chan net.Conn }

func (p *pool) fill(ctx context.Context, addr string) {
	for {
		c, err := tls.Dial("tcp", addr, nil)
		if err != nil {
			log.Print(err)
		} else {
			p.conns <- c
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// A concrete connection closed through its method on every path: silent.
func udpBeacon(ctx context.Context, raddr *net.UDPAddr) {
	for {
		c, err := net.DialUDP("udp", nil, raddr)
		if err == nil {
			if _, err := c.Write([]byte("beacon")); err != nil {
				log.Print(err)
			}
			c.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

// A bounded dial loop: silent whatever it leaks.
func dialN(addr string, n int) {
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		fmt.Fprintln(c, i)
	}
}
