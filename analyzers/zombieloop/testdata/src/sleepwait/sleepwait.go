// Package sleepwait: loops that do look at their caller's context but
// pause with a long time.Sleep, which cancellation cannot wake (indigo's
// relay slurper and splitter redialers). Positives and the shapes that
// must stay silent.
package sleepwait

import (
	"context"
	"errors"
	"log"
	"math/rand"
	"net"
	"net/http"
	"time"
)

type conn struct{ net.Conn }

func handleConn(ctx context.Context, c net.Conn) error { return c.Close() }

// sleepForBackoff is the slurper's: jitter below ten failures, then 30s.
func sleepForBackoff(b int) time.Duration {
	if b == 0 {
		return 0
	}
	if b < 10 {
		return (time.Duration(b) * 2) + (time.Millisecond * time.Duration(rand.Intn(1000)))
	}
	return time.Second * 30
}

// shortBackoff never sleeps more than 800ms.
func shortBackoff(b int) time.Duration {
	if b > 3 {
		return 800 * time.Millisecond
	}
	return 100 * time.Millisecond
}

// sleepCtx is a sleep helper that wakes on cancellation.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// --- positives ---

// The relay slurper: ctx checked at the top, a backoff up to 30s on the
// failure path.
func subscribe(ctx context.Context, d *net.Dialer, addr string) {
	var backoff int
	for { // want `^pauses with time\.Sleep\(sleepForBackoff\(backoff\)\), a backoff that grows to 30s or more, which cancelling ctx does not wake: the loop looks at ctx, but only after the sleep, so cancellation \(and a shutdown that waits for this loop\) waits out the whole sleep; fix: wait with select \{ case <-ctx\.Done\(\): return ctx\.Err\(\); case <-time\.After\(d\): \} \(or a time\.Timer you stop\) instead of time\.Sleep$`
		select {
		case <-ctx.Done():
			return
		default:
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			log.Printf("dial failed: %v", err)
			time.Sleep(sleepForBackoff(backoff))
			backoff++
			if backoff > 15 {
				return
			}
			continue
		}
		if err := handleConn(ctx, c); err != nil {
			log.Print(err)
		}
		backoff = 0
	}
}

// An uncapped linear backoff (indigo collectiondir's 5+n seconds).
func redial(ctx context.Context, d *net.Dialer, addr string) error {
	var backoff int
	for { // want `time\.Sleep\(time\.Duration\(5 \+ backoff\) \* time\.Second\), a backoff that grows to 6s or more, which cancelling ctx does not wake`
		if ctx.Err() != nil {
			return nil
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			time.Sleep(time.Duration(5+backoff) * time.Second)
			backoff++
			continue
		}
		backoff = 0
		_ = handleConn(ctx, c)
	}
}

// A doubling backoff capped at a minute.
func capped(ctx context.Context, c *http.Client, url string) error {
	wait := time.Second
	for { // want `time\.Sleep\(wait\), a backoff that grows to 1m0s, which cancelling ctx does not wake`
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(wait)
		wait = min(wait*2, time.Minute)
	}
}

// A steady poller checking ctx, with a long interval on the success path.
func poll(ctx context.Context, c *http.Client, url string) {
	for { // want `time\.Sleep\(30 \* time\.Second\), a fixed 30s, which cancelling ctx does not wake`
		select {
		case <-ctx.Done():
			return
		default:
		}
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		} else {
			log.Print(err)
		}
		time.Sleep(30 * time.Second)
	}
}

// A method whose closure captures ctx.
type relay struct {
	d    *net.Dialer
	addr string
}

func (r *relay) start(ctx context.Context) {
	go func() {
		for attempt := 0; ; attempt++ { // want `time\.Sleep\(time\.Duration\(attempt\) \* 10 \* time\.Second\), a backoff that grows`
			if ctx.Err() != nil {
				return
			}
			c, err := r.d.DialContext(ctx, "tcp", r.addr)
			if err == nil {
				_ = handleConn(ctx, c)
				continue
			}
			time.Sleep(time.Duration(attempt) * 10 * time.Second)
		}
	}()
}

// --- negatives ---

// vault/api's remount poll: one second, cancellation waits at most that.
func remount(ctx context.Context, c *http.Client, url string) error {
	for {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return nil
		}
		time.Sleep(1 * time.Second)
	}
}

// indigo tap's resync worker: ctx.Done checked, one-second sleeps.
func worker(ctx context.Context, c *http.Client, url string) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
			req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
			resp, err := c.Do(req)
			if err != nil {
				time.Sleep(time.Second)
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusNoContent {
				time.Sleep(time.Second)
			}
		}
	}
}

// A short constant sleep just under the bound.
func justUnder(ctx context.Context, d *net.Dialer, addr string) error {
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(4 * time.Second)
	}
}

// A backoff whose longest wait is short.
func shortGrowing(ctx context.Context, d *net.Dialer, addr string) error {
	for b := 0; ; b++ {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(shortBackoff(b))
	}
}

// A doubling backoff capped under the bound.
func cappedShort(ctx context.Context, d *net.Dialer, addr string) error {
	wait := 100 * time.Millisecond
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(wait)
		wait = min(wait*2, 2*time.Second)
	}
}

// The fix: a select on ctx.Done() and a timer.
func selects(ctx context.Context, d *net.Dialer, addr string) error {
	wait := time.Second
	for {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, time.Minute)
	}
}

// A sleep helper of this package that waits on ctx.
func helperSleeps(ctx context.Context, d *net.Dialer, addr string) error {
	for b := 0; ; b++ {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		if err := sleepCtx(ctx, sleepForBackoff(b)); err != nil {
			return err
		}
	}
}

// A bounded retry with short sleeps.
func boundedShort(ctx context.Context, d *net.Dialer, addr string) error {
	for i := 0; i < 5; i++ {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(200 * time.Millisecond)
	}
	return errors.New("down")
}

// An interval from a parameter: its length is not known.
func interval(ctx context.Context, c *http.Client, url string, every time.Duration) {
	for {
		if ctx.Err() != nil {
			return
		}
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
		time.Sleep(every)
	}
}

// A long sleep with no I/O in the loop: a pacing loop, not a retry or a
// poll.
func pacing(ctx context.Context, work chan int) {
	for ctx.Err() == nil {
		select {
		case w := <-work:
			_ = w
		default:
		}
		time.Sleep(10 * time.Second)
	}
}

// The context is a local Background(): nobody cancels it.
func background(d *net.Dialer, addr string) {
	ctx := context.Background()
	go func() {
		for b := 0; ; b++ {
			if ctx.Err() != nil {
				return
			}
			c, err := d.DialContext(ctx, "tcp", addr)
			if err == nil {
				_ = c.Close()
				return
			}
			time.Sleep(sleepForBackoff(b))
		}
	}()
}

// An accept loop whose doubling delay is clamped under the bound with an
// if (inbucket pkg/server/smtp/listener.go serve): cancellation waits a
// second at most, and closing the listener is what ends it.
func clampedAccept(ctx context.Context, ln net.Listener, handle func(net.Conn)) {
	var tempDelay time.Duration
	for {
		conn, err := ln.Accept()
		if err != nil {
			if nerr, ok := err.(net.Error); ok && nerr.Timeout() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else {
					tempDelay *= 2
				}
				if maxDelay := 1 * time.Second; tempDelay > maxDelay {
					tempDelay = maxDelay
				}
				time.Sleep(tempDelay)
				continue
			}
			select {
			case <-ctx.Done():
				return
			default:
				return
			}
		}
		tempDelay = 0
		go handle(conn)
	}
}

// The same clamp with the bound on the left, at a minute: reported.
func clampedLong(ctx context.Context, d *net.Dialer, addr string) error {
	wait := time.Second
	for { // want `pauses with time.Sleep\(wait\), a backoff that grows to 1m0s, which cancelling ctx does not wake`
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(wait)
		wait *= 2
		if time.Minute < wait {
			wait = time.Minute
		}
	}
}

// A doubling backoff clamped under the bound with an if: silent.
func clampedShort(ctx context.Context, d *net.Dialer, addr string) error {
	wait := 100 * time.Millisecond
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return c.Close()
		}
		time.Sleep(wait)
		if wait *= 2; wait >= 2*time.Second {
			wait = 2 * time.Second
		}
	}
}

// An accept loop that also dials a backend on every connection: the dial
// is a retry the listener's close does not stop, so it is still reported.
func acceptAndDial(ctx context.Context, ln net.Listener, d *net.Dialer, addr string) {
	for { // want `retries .* with time.Sleep\(time.Second\) as its pause and never looks at ctx`
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		up, err := d.Dial("tcp", addr)
		if err != nil {
			conn.Close()
			time.Sleep(time.Second)
			continue
		}
		go pipe(conn, up)
	}
}

func pipe(a, b net.Conn) { a.Close(); b.Close() }

// A failure count that the loop gives up past, as the sleep's factor
// (syncthing lib/connections/tcp_listen.go): it grows to 10s at most.
func countedAccept(ctx context.Context, ln net.Listener, d *net.Dialer, addr string) error {
	failures := 0
	const maxFailures = 10
	for { // want `pauses with time.Sleep\(time.Duration\(failures\) \* time.Second\), a backoff that grows to 10s, which cancelling ctx does not wake`
		select {
		case <-ctx.Done():
			return nil
		default:
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			failures++
			if failures > maxFailures {
				return err
			}
			time.Sleep(time.Duration(failures) * time.Second)
			continue
		}
		failures = 0
		c.Close()
	}
}

// The same count capped at 3: each sleep is under the bound, silent.
func countedShort(ctx context.Context, d *net.Dialer, addr string) error {
	failures := 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			failures++
			if failures > 3 {
				return err
			}
			time.Sleep(time.Duration(failures) * time.Second)
			continue
		}
		return c.Close()
	}
}

// A test the sleep does not sit behind bounds nothing: reported as before.
func countedElsewhere(ctx context.Context, d *net.Dialer, addr string, log func(int)) error {
	failures := 0
	for { // want `a backoff that grows with no bound in sight`
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			failures++
			if failures > 3 {
				log(failures)
			}
			time.Sleep(time.Duration(failures) * time.Second)
			continue
		}
		return c.Close()
	}
}
