// Package failover: a loop that tries each candidate once and stops early
// on cancellation is failover, not a retry loop, even when its ctx.Err()
// break jumps to the same block as the range running out.
package failover

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

type checker struct{ c *http.Client }

func (h *checker) probe(ctx context.Context, host string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+host+"/health", nil)
	if err != nil {
		return false, err
	}
	resp, err := h.c.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Silent: each seed is tried once; the range ends the loop.
func (h *checker) anySeed(ctx context.Context, seeds []string) (bool, error) {
	var lastErr error
	for _, s := range seeds {
		if s == "" {
			lastErr = errors.New("empty seed")
			continue
		}
		ok, err := h.probe(ctx, s)
		if ok {
			return true, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return false, lastErr
}

// Silent: a counted loop ends on its own too.
func (h *checker) firstN(ctx context.Context, host string, n int) error {
	var lastErr error
	for i := 0; i < n; i++ {
		if _, err := h.probe(ctx, host); err != nil {
			lastErr = err
			if ctx.Err() != nil {
				break
			}
			continue
		}
		return nil
	}
	return lastErr
}

// Reported: the same body around one host, for ever; only cancellation
// ends it, and it goes round again at once on failure.
func (h *checker) untilUp(ctx context.Context, host string) error {
	for { // want `retries checker\.probe at once when it fails`
		ok, _ := h.probe(ctx, host)
		if ok {
			return nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return ctx.Err()
}

// Silent: a wait-until-reachable poll that ends at its own deadline
// (go-redis multidb/e2e AwaitTCPReachable).
func awaitReachable(ctx context.Context, addr string, wait time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	for {
		if conn, err := net.DialTimeout("tcp", addr, 250*time.Millisecond); err == nil {
			_ = conn.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Reported: the same poll on the caller's ctx has no end of its own, and
// fails faster than it succeeds.
func awaitForever(ctx context.Context, addr string) error {
	for { // want `retries net\.DialTimeout every 100ms when it fails`
		if conn, err := net.DialTimeout("tcp", addr, 250*time.Millisecond); err == nil {
			_ = conn.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

type sub struct{ c net.Conn }

type hub struct {
	subs     map[chan error]sub
	messages chan []byte
	done     chan struct{}
}

// Silent: an event loop that sends each message to every subscriber once
// (tmaxmax/go-sse's Joe.start): a failing subscriber is dropped, and the
// loop then waits for the next message.
func (h *hub) run() {
	for {
		select {
		case msg := <-h.messages:
			for done, s := range h.subs {
				if _, err := s.c.Write(msg); err != nil {
					done <- err
					delete(h.subs, done)
				}
			}
		case <-h.done:
			return
		}
	}
}

// Silent: n attempts over an integer range, each against its own replica.
func (h *checker) replicas(ctx context.Context, hosts []string) bool {
	for i := range len(hosts) {
		if ok, _ := h.probe(ctx, hosts[i]); ok {
			return true
		}
	}
	return false
}

// Reported: going round the seed list again and again with no wait spins
// once every seed is down.
func (h *checker) untilAnySeed(ctx context.Context, seeds []string) {
	for { // want `retries checker\.probe at once when it fails`
		for _, s := range seeds {
			if ok, _ := h.probe(ctx, s); ok {
				return
			}
		}
	}
}
