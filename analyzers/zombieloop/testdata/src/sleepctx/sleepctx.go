package sleepctx

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

func handle(*http.Response) {}

// Positives: a caller's ctx is in scope, the loop retries or polls I/O,
// pauses with time.Sleep and never looks at ctx.

func retryGet(ctx context.Context, url string) (*http.Response, error) {
	for { // want `retries http\.Get with time\.Sleep\(2 \* time\.Second\) as its pause and never looks at ctx although it is in scope: cancelling ctx neither wakes the sleep nor stops the retries, so the loop keeps doing I/O after its caller gave up; fix: wait with select \{ case <-ctx\.Done\(\): return ctx\.Err\(\); case <-time\.After\(d\): \} \(or a time\.Timer\) instead of time\.Sleep, and pass ctx to the calls$`
		resp, err := http.Get(url)
		if err == nil {
			return resp, nil
		}
		time.Sleep(2 * time.Second)
	}
}

func boundedIgnoringCtx(ctx context.Context, c *http.Client, url string) error {
	for i := 0; i < 5; i++ { // want `retries Client\.Get with time\.Sleep\(time\.Second\) as its pause and never looks at ctx`
		resp, err := c.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("down")
}

func plainRequestInLoop(ctx context.Context, c *http.Client, url string) error {
	for { // want `retries Client\.Do with time\.Sleep\(backoff\) as its pause and never looks at ctx`
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(backoff)
	}
}

var backoff = 3 * time.Second

func dialUntilUp(ctx context.Context, addr string) (net.Conn, error) {
	for { // want `retries net\.Dial with time\.Sleep\(2 \* time\.Second\) as its pause and never looks at ctx`
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn, nil
		}
		time.Sleep(2 * time.Second)
	}
}

// A failure retried at a short fixed pace is fixed's finding: one finding
// per loop, the sleepctx part is not added.
func dialFast(ctx context.Context, addr string) (net.Conn, error) {
	for { // want `^retries net\.Dial every 500ms when it fails, with no backoff and faster than on success; fix: back off exponentially`
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn, nil
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// A closure retrying with the enclosing function's ctx captured but unused.
func inClosure(ctx context.Context, url string) func() error {
	return func() error {
		_ = ctx
		for { // want `retries http\.Get with time\.Sleep\(time\.Second\) as its pause and never looks at ctx`
			resp, err := http.Get(url)
			if err == nil {
				resp.Body.Close()
				return nil
			}
			time.Sleep(time.Second)
		}
	}
}

type poller struct{ c *http.Client }

func (p *poller) waitReady(ctx context.Context, url string) error {
	for { // want `retries Client\.Get with time\.Sleep\(time\.Second\) as its pause and never looks at ctx`
		resp, err := p.c.Get(url)
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return nil
		}
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
}

// The error variable declared before the loop: the finding is still at
// the for keyword, not at the declaration.
func declaredBefore(ctx context.Context, c *http.Client, url string) error {
	var err error
	for i := 0; i < 5; i++ { // want `retries Client\.Get with time\.Sleep\(time\.Second\) as its pause and never looks at ctx`
		var resp *http.Response
		resp, err = c.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Negatives.

// select on ctx.Done with a timer: the fix.
func selectDone(ctx context.Context, url string) error {
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// ctx.Err checked every round.
func errChecked(ctx context.Context, url string) error {
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
}

// ctx passed to the request and the error returns: cancellation ends the
// loop after one sleep at most.
func ctxPassed(ctx context.Context, c *http.Client, url string) error {
	for i := 0; i < 3; i++ {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}

// A request built with ctx outside the loop, reused inside.
func requestBuiltOutside(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	for {
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		if errors.Is(err, context.Canceled) {
			return err
		}
		time.Sleep(time.Second)
	}
}

// A dialer that takes ctx, and no other way out than success: once ctx is
// cancelled DialContext fails at once every time, so the loop never ends
// (nocancel, not sleepctx).
func dialCtx(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	for { // want `^never exits on ctx although it is in scope; it passes ctx to Dialer\.DialContext, but once ctx is cancelled that call fails at once every time and nothing on its failure path leaves the loop, so it goes on retrying every 1s for ever`
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn, nil
		}
		time.Sleep(time.Second)
	}
}

// A closure that captures ctx, called in the loop, may observe it.
func helperClosure(ctx context.Context, c *http.Client, url string) error {
	try := func() error {
		req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	for {
		if err := try(); err == nil {
			return nil
		}
		resp, err := c.Get(url)
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
}

// An opaque func value may take ctx itself.
func opaqueOp(ctx context.Context, op func() error, url string) error {
	for {
		if err := op(); err == nil {
			return nil
		}
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
}

// No ctx in scope: existing rules decide (a bounded retry is fine).
func noCtx(url string) error {
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("down")
}

// A locally created background context is nobody's cancellation.
func localBackground(url string) func() error {
	ctx := context.Background()
	return func() error {
		_ = ctx
		for {
			resp, err := http.Get(url)
			if err == nil {
				resp.Body.Close()
				return nil
			}
			time.Sleep(time.Second)
		}
	}
}

// A sleep with no I/O in the loop: a pacing loop, not a retry.
func pacing(ctx context.Context, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
		time.Sleep(time.Millisecond)
	}
	return s
}

// The pause is a select with a timer, not time.Sleep, and no ctx: other
// rules' business, not this one's.
func timerPause(ctx context.Context, url string) error {
	for i := 0; i < 3; i++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		<-time.After(time.Second)
	}
	return errors.New("down")
}

// A loop that never exits is nocancel's finding; it is not reported twice.
func forever(ctx context.Context, url string) {
	for { // want `never exits on ctx although it is in scope`
		resp, err := http.Get(url)
		if err == nil {
			handle(resp)
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}
