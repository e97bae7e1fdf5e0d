package a

import (
	"context"
	"iter"
	"log"
	"net"
	"net/http"
	"time"
)

// Generics: a generic retry loop with a ctx exit and backoff.
func retryGeneric[T any](ctx context.Context, f func(context.Context) (T, error)) (T, error) {
	d := 10 * time.Millisecond
	for {
		v, err := f(ctx)
		if err == nil {
			return v, nil
		}
		select {
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		case <-time.After(d):
		}
		d = min(d*2, time.Second)
	}
}

var _ = retryGeneric[int]

// Generic type with an endless hot loop.
type pool[T any] struct{ ln net.Listener }

func (p *pool[T]) run() {
	for { // want `retries Listener.Accept at once`
		c, err := p.ln.Accept()
		if err != nil {
			continue
		}
		c.Close()
	}
}

// range-over-func: the body is a synthetic closure, not a loop (a
// documented miss); it must not crash.
func seq(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func rangeFunc(c *http.Client, url string) {
	for range seq(3) {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// A closure capturing ctx that ignores it.
func startWatcher(ctx context.Context, c *http.Client, url string) {
	go func() {
		for { // want `never exits on ctx although it is in scope`
			resp, err := c.Get(url)
			if err != nil {
				log.Print(err)
				time.Sleep(30 * time.Second)
				continue
			}
			resp.Body.Close()
			time.Sleep(time.Minute)
		}
	}()
}

// Loop condition on ctx.Err(): can stop, slow fixed pace: not zombie nor
// fixed. But cancellation waits out the minute's sleep (sleepctx).
func untilCancelled(ctx context.Context, c *http.Client, url string) {
	for ctx.Err() == nil { // want `^pauses with time\.Sleep\(time\.Minute\), a fixed 1m0s, which cancelling ctx does not wake: the loop looks at ctx, but only after the sleep, so cancellation \(and a shutdown that waits for this loop\) waits out the whole sleep; fix: wait with select \{ case <-ctx\.Done\(\): return ctx\.Err\(\); case <-time\.After\(d\): \} \(or a time\.Timer you stop\) instead of time\.Sleep$`
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
		} else {
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// A failure counter that leads to an exit is not persistent.
func failureCounter(c *http.Client, url string) error {
	failures := 0
	for {
		resp, err := c.Get(url)
		if err != nil {
			failures++
			if failures > 5 {
				return err
			}
			continue
		}
		failures = 0
		resp.Body.Close()
		time.Sleep(time.Minute)
	}
}

// A labelled break out of the select on ctx.Done(): exits, no spin.
func labelledBreak(ctx context.Context, c *http.Client, reqs <-chan *http.Request) {
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case req := <-reqs:
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}
	log.Print("done")
}

// A goto loop: no for statement; still judged, reported at its first
// instruction.
func gotoLoop(addr string) net.Conn {
again:
	c, err := net.Dial("tcp", addr) // want `retries net.Dial at once`
	if err != nil {
		goto again
	}
	return c
}

// A websocket-style writer pump: an event loop over a channel with a
// keepalive ticker and discarded write errors. Event-paced, not a fixed
// retry: not a zombie (no ctx in scope). But a dead peer is written to
// for ever: a dropped write (dropwrite).
func writePump(conn net.Conn, send <-chan []byte) {
	ping := time.NewTicker(30 * time.Second)
	for { // want `error from Conn\.Write discarded in a copy loop`
		select {
		case msg := <-send:
			_, _ = conn.Write(msg)
		case <-ping.C:
			_, _ = conn.Write([]byte("ping"))
		}
	}
}

// Wait-for-ready with ctx: polls every 100ms until the dial succeeds.
// While the peer is down it retries at a short fixed interval: fixed.
func waitReady(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	for { // want `retries Dialer.DialContext every 100ms when it fails`
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// The same with capped exponential backoff: silent.
func waitReadyBackoff(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	delay := 100 * time.Millisecond
	for {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// A UDP read loop that logs and continues on every error: once the conn is
// closed it spins. Hot.
func udpServe(pc net.PacketConn) {
	buf := make([]byte, 1500)
	for { // want `retries PacketConn.ReadFrom at once`
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			log.Print(err)
			continue
		}
		_, _ = pc.WriteTo(buf[:n], addr)
	}
}

// Generic closure over a type parameter and range-over-int: no crash.
func fanout[T any](items []T, c *http.Client, url string) {
	for range len(items) {
		go func() {
			for i := range 3 {
				if resp, err := c.Get(url); err == nil {
					resp.Body.Close()
					return
				}
				time.Sleep(time.Duration(i+1) * time.Second)
			}
		}()
	}
}
