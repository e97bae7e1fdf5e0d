package a

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"math/rand"
	"net"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// F2: the incident. An agent posts every 3 minutes, forever, with a new
// Transport each time, discarding the error and never closing the body.
func incident(url string) {
	for { // want `loop never exits.*error from Client.Post discarded; retries every 3m0s with no backoff.*new http.Transport.*response body left open`
		client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second}
		resp, _ := client.Post(url, "application/json", bytes.NewReader(nil))
		log.Println(resp.StatusCode)
		time.Sleep(3 * time.Minute)
	}
}

// N4: the incident fix: error counter, capped exponential backoff, longer
// sleep when idle, reset on success, clean exit on cancellation.
func incidentFixed(ctx context.Context, client *http.Client, url string) {
	delay := time.Second
	for {
		resp, err := client.Post(url, "application/json", bytes.NewReader(nil))
		wait := 5 * time.Minute
		if err != nil {
			log.Printf("post: %v", err)
			wait = delay
			delay = min(delay*2, 15*time.Minute)
		} else {
			resp.Body.Close()
			delay = time.Second
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait + time.Duration(rand.Int63n(int64(time.Second)))):
		}
	}
}

// F1: an accept loop that logs and continues.
func acceptHot(ln net.Listener) {
	for { // want `retries Listener.Accept at once when it fails`
		conn, err := ln.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go handle(conn)
	}
}

func handle(c net.Conn) { c.Close() }

// N1: net/http's (*Server).Serve: temporary errors back off from 5ms,
// doubling, capped at 1s, reset on success; other errors return.
func serveLikeNetHTTP(ln net.Listener) error {
	var tempDelay time.Duration
	for {
		conn, err := ln.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else {
					tempDelay *= 2
				}
				if max := 1 * time.Second; tempDelay > max {
					tempDelay = max
				}
				log.Printf("accept error: %v; retrying in %v", err, tempDelay)
				time.Sleep(tempDelay)
				continue
			}
			return err
		}
		tempDelay = 0
		go handle(conn)
	}
}

// F7: redial until success, with no sleep.
func redial(addr string) net.Conn {
	for { // want `retries net.Dial at once when it fails`
		c, err := net.Dial("tcp", addr)
		if err == nil {
			return c
		}
	}
}

// F3: ctx ignored, failures retried every 100ms while success waits a
// minute.
func sendFixed(ctx context.Context, c *http.Client, req *http.Request) {
	for { // want `retries Client.Do every 100ms when it fails.*never exits on ctx`
		resp, err := c.Do(req.WithContext(ctx))
		if err != nil {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		resp.Body.Close()
		time.Sleep(time.Minute)
	}
}

// A poller that sleeps 500ms at the top of every iteration retries failures
// no faster than it polls: not fixed. (No ctx in scope.)
func fastPoller(c *http.Client, req *http.Request) {
	for {
		time.Sleep(500 * time.Millisecond)
		resp, err := c.Do(req)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

type Subscription interface {
	Receive(ctx context.Context) ([]byte, error)
}

// F4: Receive(ctx) error → continue: spins after cancel.
func receiveLoop(ctx context.Context, sub Subscription) {
	for { // want `retries Subscription.Receive at once.*never exits on ctx`
		msg, err := sub.Receive(ctx)
		if err != nil {
			continue
		}
		log.Println(len(msg))
	}
}

// F5: for range time.Tick with the error discarded and the body left open.
func tickZombie(url string) {
	for range time.Tick(time.Minute) { // want `loop never exits.*error from http.Get discarded; retries every 1m0s.*response body left open`
		resp, _ := http.Get(url)
		log.Println(resp.Status)
	}
}

// F6: defers in an endless loop.
func deferLeak(ctx context.Context, c *http.Client, url string) {
	for { // want `^defer inside the loop \(a function value, Close\) runs only when the function returns`
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(cctx, "GET", url, nil)
		resp, err := c.Do(req)
		if err != nil {
			log.Print(err)
		} else {
			defer resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
		}
	}
}

type cache struct{ url string }

func (c *cache) refresh() error {
	resp, err := http.Get(c.url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// F8: a constructor's goroutine runs `_ = c.refresh()`, the I/O one call
// deep.
func newCache(url string) *cache {
	c := &cache{url: url}
	go func() {
		for { // want `loop never exits.*error from cache.refresh discarded; retries every 30s`
			_ = c.refresh()
			time.Sleep(30 * time.Second)
		}
	}()
	return c
}

// N2: a Prometheus-style ticker poller with ctx exit and errors as data.
func scrapeLoop(ctx context.Context, c *http.Client, req *http.Request, errc chan<- error) {
	ticker := time.NewTicker(15 * time.Second)
	defer ticker.Stop()
	for {
		resp, err := c.Do(req)
		if err != nil {
			errc <- err
		} else {
			resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// N3: PushProx: backoff.RetryNotify in an endless loop (in a library, no
// ctx in scope).
func pushProxLoop(c *http.Client, req *http.Request) {
	bo := backoff.NewExponentialBackOff()
	bo.MaxElapsedTime = 0
	for {
		_ = backoff.RetryNotify(func() error {
			resp, err := c.Do(req)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		}, bo, func(err error, d time.Duration) { log.Print(err) })
	}
}

// N5: a bounded retry with 1<<attempt backoff.
func boundedRetry(c *http.Client, req *http.Request) (*http.Response, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var resp *http.Response
		resp, err = c.Do(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Duration(1<<attempt) * 100 * time.Millisecond)
	}
	return nil, err
}

// A bounded retry without any sleep: still bounded, not reported.
func boundedHot(addr string) (net.Conn, error) {
	var err error
	for i := 0; i < 3; i++ {
		var c net.Conn
		if c, err = net.Dial("tcp", addr); err == nil {
			return c, nil
		}
	}
	return nil, err
}

// N6: a worker over a job channel.
func worker(ctx context.Context, c *http.Client, jobs <-chan string) {
	for url := range jobs {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			continue
		}
		resp, err := c.Do(req)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

// An event loop selecting on channels, with a ctx exit.
func eventLoop(ctx context.Context, c *http.Client, reqs <-chan *http.Request) {
	for {
		select {
		case <-ctx.Done():
			return
		case req := <-reqs:
			resp, err := c.Do(req)
			if err != nil {
				log.Print(err)
				continue
			}
			resp.Body.Close()
		}
	}
}

// N7: a one-minute tick with logged errors, in a function with no ctx.
func minutePoller(c *http.Client, url string) {
	for range time.Tick(time.Minute) {
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

// Crash-only: log.Fatal on error.
func crashOnly(c *http.Client, url string) {
	for {
		resp, err := c.Get(url)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		time.Sleep(10 * time.Millisecond)
	}
}

// panic(err) on error.
func panicOnError(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		go handle(conn)
	}
}

// A ctx-break select: the break leaves only the select, so the loop spins
// after cancellation (MetaCubeX/mihomo#2964).
func breakInSelect(ctx context.Context, c *http.Client, reqs <-chan *http.Request) {
	for { // want `ctx.Done\(\) case falls back into the loop.*never exits on ctx`
		select {
		case <-ctx.Done():
			break
		case req := <-reqs:
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}
}

// A conn.Read loop that continues on every error, EOF included.
func readAll(conn net.Conn, out chan<- []byte) {
	buf := make([]byte, 1024)
	for { // want `retries Conn.Read at once when it fails`
		n, err := conn.Read(buf)
		if err != nil {
			continue
		}
		out <- buf[:n]
	}
}

// The same loop returning on EOF: every other error (a reset, a closed
// conn) still goes round at once.
func readUntilEOF(conn net.Conn, out chan<- []byte) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from Conn\.Read`
		n, err := conn.Read(buf)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			continue
		}
		out <- buf[:n]
	}
}

// A backoff helper in the same package: silent.
func sleepBackoff(attempt int) {
	time.Sleep(min(time.Duration(1<<attempt)*time.Second, time.Minute))
}

func redialWithHelper(addr string) net.Conn {
	attempt := 0
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			return c
		}
		sleepBackoff(attempt)
		attempt++
	}
}

// for range ticker.C with a discarded Write error: zombie.
func tickerWrite(conn net.Conn) {
	ticker := time.NewTicker(10 * time.Second)
	for range ticker.C { // want `loop never exits.*error from Conn.Write discarded; retries every 10s`
		_, _ = conn.Write([]byte("ping"))
	}
}

// A non-blocking ctx check before a hot retry: still hot.
func defaultSelectHot(ctx context.Context, addr string) net.Conn {
	var d net.Dialer
	for { // want `retries Dialer.DialContext at once when it fails`
		select {
		case <-ctx.Done():
			return nil
		default:
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			continue
		}
		return c
	}
}

// A cancellable ticker loop with a defer inside: leak.
func tickerDefer(ctx context.Context, c *http.Client, url string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for { // want `^defer inside the loop \(Close\)`
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			continue
		}
		defer resp.Body.Close()
	}
}

// A stop-channel loop that closes the body: silent.
func stopChan(stop <-chan struct{}, c *http.Client, url string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

// client-go-style backoff: a delay from a backoff object, ctx exit.
func reflectorLike(ctx context.Context, c *http.Client, url string) {
	bo := backoff.NewExponentialBackOff()
	for {
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			timer := time.NewTimer(bo.NextBackOff())
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case <-timer.C:
			}
			continue
		}
		bo.Reset()
		resp.Body.Close()
	}
}

// A grpc-style accept loop: min(tempDelay, 1s) timer in a select with quit.
func grpcServe(ln net.Listener, quit <-chan struct{}) error {
	var tempDelay time.Duration
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ne, ok := err.(interface{ Temporary() bool }); ok && ne.Temporary() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else {
					tempDelay *= 2
				}
				tempDelay = min(tempDelay, time.Second)
				timer := time.NewTimer(tempDelay)
				select {
				case <-timer.C:
				case <-quit:
					timer.Stop()
					return nil
				}
				continue
			}
			return err
		}
		tempDelay = 0
		go handle(conn)
	}
}

// An accept loop that logs temporary errors but returns once the listener
// is closed: the failure path can return, so it is not persistent.
func acceptUntilClosed(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			log.Print(err)
			continue
		}
		go handle(conn)
	}
}

// Errors discarded, but the loop exits on ctx and ticks every minute:
// not a zombie.
func tickerDiscardCtx(ctx context.Context, c *http.Client, url string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if resp, err := c.Get(url); err == nil {
			resp.Body.Close()
		}
	}
}

// A stream read until EOF or error: the loop returns on every error.
func recvUntilError(conn net.Conn) error {
	buf := make([]byte, 512)
	for {
		if _, err := conn.Read(buf); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
