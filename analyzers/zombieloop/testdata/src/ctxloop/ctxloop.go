// Package ctxloop: loops that pass ctx to their calls and can leave on
// other conditions (bad data, success), but never on ctx: once ctx is
// cancelled the call fails at once every time and the failure path goes
// round again (indigo's automod/consumer/ozone.go poller). Positives and
// the shapes that must stay silent.
package ctxloop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

type event struct{ At int64 }

type poller struct {
	hc  *http.Client
	url string
	ctx context.Context
}

// query does network I/O with ctx.
func (p *poller) query(ctx context.Context, since int64) ([]event, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s?since=%d", p.url, since), nil)
	if err != nil {
		return nil, err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var evs []event
	return evs, json.NewDecoder(resp.Body).Decode(&evs)
}

func handle(event) {}

// --- positives ---

// The ozone poller: returns only on bad data; on error it logs, sleeps and
// retries, for ever once ctx is cancelled.
func (p *poller) Run(ctx context.Context) error {
	var since int64
	period := 5 * time.Second
	for { // want `^never exits on ctx although it is in scope; it passes ctx to poller\.query, but once ctx is cancelled that call fails at once every time and nothing on its failure path leaves the loop, so it goes on retrying every 5s for ever; fix: return when ctx\.Err\(\) != nil on the failure path \(or select on ctx\.Done\(\) in the wait\)$`
		evs, err := p.query(ctx, since)
		if err != nil {
			log.Printf("query failed, retrying in %s: %v", period, err)
			time.Sleep(period)
			continue
		}
		for _, e := range evs {
			if e.At < since {
				return errors.New("out of order event")
			}
			handle(e)
			since = e.At
		}
		if len(evs) == 0 {
			time.Sleep(period)
		}
	}
}

// A redial loop that leaves on success, with a backoff: the backoff grows,
// but after cancellation DialContext fails at once and it never stops.
func dialUp(ctx context.Context, addr string) net.Conn {
	var d net.Dialer
	wait := time.Second
	for { // want `never exits on ctx although it is in scope; it passes ctx to Dialer\.DialContext, .* so it goes on retrying after time\.Sleep\(wait\) for ever`
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn
		}
		time.Sleep(wait)
		wait = min(wait*2, time.Minute)
	}
}

// A derived context and a request built with it, in a closure.
func (p *poller) start(ctx context.Context) {
	go func() {
		for { // want `never exits on ctx although it is in scope; it passes ctx to Client\.Do`
			rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			req, _ := http.NewRequestWithContext(rctx, "GET", p.url, nil)
			resp, err := p.hc.Do(req)
			cancel()
			if err != nil {
				time.Sleep(3 * time.Second)
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusGone {
				return
			}
			time.Sleep(time.Minute)
		}
	}()
}

// A context kept in a field.
func (p *poller) loopField() error {
	for { // want `never exits on p\.ctx although it is in scope; it passes p\.ctx to poller\.query`
		evs, err := p.query(p.ctx, 0)
		if err != nil {
			time.Sleep(2 * time.Second)
			continue
		}
		if len(evs) > 100 {
			return errors.New("too many")
		}
		time.Sleep(time.Minute)
	}
}

// --- negatives ---

// Returns when ctx is done on the failure path: not nocancel. But the
// five-second sleep after the check is not woken by cancellation
// (sleepctx).
func (p *poller) errChecked(ctx context.Context) error {
	for { // want `^pauses with time\.Sleep\(5 \* time\.Second\), a fixed 5s, which cancelling ctx does not wake`
		evs, err := p.query(ctx, 0)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			time.Sleep(5 * time.Second)
			continue
		}
		if len(evs) == 0 {
			return nil
		}
	}
}

// The fix: a select on ctx.Done() in the wait.
func (p *poller) selectWait(ctx context.Context) error {
	for {
		evs, err := p.query(ctx, 0)
		if err == nil && len(evs) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Second):
		}
	}
}

// The failure path returns on a cancellation error.
func (p *poller) canceledErr(ctx context.Context) error {
	for {
		_, err := p.query(ctx, 0)
		if errors.Is(err, context.Canceled) {
			return err
		}
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// The failure path may return (a permanent error): not persistent.
func (p *poller) permanent(ctx context.Context) error {
	for {
		_, err := p.query(ctx, 0)
		if err != nil && isPermanent(err) {
			return err
		}
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
}

func isPermanent(err error) bool { return errors.Is(err, net.ErrClosed) }

// A bounded retry: its condition leaves the loop while the call fails.
func (p *poller) bounded(ctx context.Context) error {
	for i := 0; i < 5; i++ {
		if _, err := p.query(ctx, 0); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("down")
}

// The call is given a background context, never cancelled: nothing to
// stop on (and nothing fails because of it).
func (p *poller) background() error {
	ctx := context.Background()
	for {
		evs, err := p.query(ctx, 0)
		if err != nil {
			time.Sleep(5 * time.Second)
			continue
		}
		if len(evs) == 0 {
			return nil
		}
	}
}

// The call does not take ctx: after cancellation it may still succeed and
// leave; not nocancel's claim (sleepctx's: ctx is never looked at).
func noCtxPassed(ctx context.Context, url string) error {
	for { // want `^retries http\.Get with time\.Sleep\(5 \* time\.Second\) as its pause and never looks at ctx`
		resp, err := http.Get(url)
		if err != nil {
			time.Sleep(5 * time.Second)
			continue
		}
		resp.Body.Close()
		return nil
	}
}

// The failure path waits for an event: paced by its producer.
func (p *poller) eventPaced(ctx context.Context, kick chan struct{}) error {
	for {
		evs, err := p.query(ctx, 0)
		if err != nil {
			<-kick
			continue
		}
		if len(evs) == 0 {
			return nil
		}
	}
}

// A stop channel ends it.
func (p *poller) stopChan(ctx context.Context, stop chan struct{}) error {
	for {
		evs, err := p.query(ctx, 0)
		if err != nil {
			select {
			case <-stop:
				return nil
			case <-time.After(5 * time.Second):
			}
			continue
		}
		if len(evs) == 0 {
			return nil
		}
	}
}

// A background context captured by a goroutine: never cancelled.
func (p *poller) backgroundClosure() {
	ctx := context.Background()
	go func() {
		for {
			evs, err := p.query(ctx, 0)
			if err != nil {
				time.Sleep(5 * time.Second)
				continue
			}
			if len(evs) == 0 {
				return
			}
		}
	}()
}
