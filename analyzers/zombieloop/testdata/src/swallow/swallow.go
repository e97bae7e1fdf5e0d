// Package swallow: loops with no exit that call a helper of this package
// which does network I/O and drops every error of it, so the loop cannot
// see a failure. Positives and the shapes that must stay silent.
package swallow

import (
	"bytes"
	"context"
	"log"
	"net"
	"net/http"
	"time"
)

// --- helpers ---

type Client struct {
	hc  *http.Client
	url string
}

func (c *Client) post(b []byte) error {
	resp, err := c.hc.Post(c.url, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// heartbeat drops the error of its I/O.
func (c *Client) heartbeat() { _ = c.post(nil) }

// notifySock dials and writes, dropping both errors.
func notifySock(sock string) {
	c, _ := net.Dial("unix", sock)
	if c == nil {
		return
	}
	c.Write([]byte("WATCHDOG=1"))
	c.Close()
}

// ping drops the error two helpers down.
func ping(c *Client) { c.heartbeat() }

// logged looks at the error: handled (logged).
func (c *Client) logged() {
	if err := c.post(nil); err != nil {
		log.Print(err)
	}
}

// checked looks at the error and gives up quietly: it is not discarded,
// so it is not judged here (conservative).
func (c *Client) checked() {
	if err := c.post(nil); err != nil {
		return
	}
}

// compute does in-memory work only.
func compute(b []byte) { _ = bytes.Count(b, []byte("x")) }

// generic helper that drops the error.
func beat[T any](c *Client, v T) { _ = c.post(nil) }

type notifier interface{ Notify() }

// --- positives ---

func watchdog(sock string, interval time.Duration) {
	go func() {
		for { // want `loop never exits; swallow.notifySock does I/O and drops its error inside \(notifySock → net.Dial\), so no failure is ever seen; calls it every interval with no backoff`
			time.Sleep(interval)
			notifySock(sock)
		}
	}()
}

func (c *Client) run() {
	for { // want `loop never exits; Client.heartbeat does I/O and drops its error inside \(\(\*Client\).heartbeat → \(\*Client\).post → \(\*net/http.Client\).Post\), so no failure is ever seen; calls it every 5s`
		c.heartbeat()
		time.Sleep(5 * time.Second)
	}
}

func start(c *Client) { go c.run() }

func deep(c *Client) {
	for range time.Tick(time.Minute) { // want `swallow.ping does I/O and drops its error inside \(ping → \(\*Client\).heartbeat → \(\*Client\).post → \(\*net/http.Client\).Post\)`
		ping(c)
	}
}

func closure(c *Client) {
	hb := func() { _ = c.post(nil) }
	go func() {
		for { // want `hb does I/O and drops its error inside \(closure\$1 → \(\*Client\).post → \(\*net/http.Client\).Post\)`
			hb()
			time.Sleep(time.Second)
		}
	}()
}

func generic(c *Client) {
	for { // want `swallow.beat does I/O and drops its error inside \(beat → \(\*Client\).post`
		beat(c, 1)
		time.Sleep(10 * time.Second)
	}
}

// A fast fixed pace is still a zombie.
func ticker(c *Client) {
	t := time.NewTicker(100 * time.Millisecond)
	for range t.C { // want `Client.heartbeat does I/O and drops its error inside`
		c.heartbeat()
	}
}

// --- negatives ---

// The helper logs the error.
func loggedLoop(c *Client) {
	for {
		c.logged()
		time.Sleep(5 * time.Second)
	}
}

// The helper looks at the error.
func checkedLoop(c *Client) {
	for {
		c.checked()
		time.Sleep(5 * time.Second)
	}
}

// The loop can stop on ctx.Done().
func stoppable(ctx context.Context, c *Client) {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.heartbeat()
		}
	}
}

// The loop can stop on a stop channel.
func stopChan(stop chan struct{}, c *Client) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(5 * time.Second):
			c.heartbeat()
		}
	}
}

// The loop returns on some condition.
func bounded(c *Client, n *int) {
	for {
		c.heartbeat()
		if *n > 3 {
			return
		}
		time.Sleep(time.Second)
	}
}

// An event loop, paced by its producer.
func events(jobs chan []byte, c *Client) {
	for b := range jobs {
		_ = b
		c.heartbeat()
	}
}

func eventsForever(jobs chan []byte, c *Client) {
	for {
		<-jobs
		c.heartbeat()
	}
}

// In-memory work only.
func memory(b []byte) {
	for {
		compute(b)
		time.Sleep(time.Second)
	}
}

// An interface call: not resolvable, silent.
func viaInterface(n notifier) {
	for {
		n.Notify()
		time.Sleep(time.Second)
	}
}

// A func value from a parameter: unknown, silent.
func viaFuncValue(f func()) {
	for {
		f()
		time.Sleep(time.Second)
	}
}

// Backoff: an adaptive wait.
func backoff(c *Client) {
	d := time.Second
	for {
		c.heartbeat()
		time.Sleep(d)
		d = min(d*2, time.Minute)
	}
}

// The helper is started as a goroutine, not called: its I/O is not the
// loop's.
func spawner(c *Client) {
	for {
		go c.heartbeat()
		time.Sleep(time.Minute)
	}
}
