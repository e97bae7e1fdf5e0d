// Package swapp loops on swlib's helpers: the I/O and the dropped errors
// are in another package, known by facts.
package swapp

import (
	"context"
	"time"

	"swlib"
)

func heartbeats(a *swlib.Agent) {
	go func() {
		for { // want `loop never exits; Agent.Heartbeat does I/O and drops its error inside \(\(\*swlib.Agent\).Heartbeat → \(\*swlib.Agent\).send → \(\*net/http.Client\).Post\)`
			a.Heartbeat()
			time.Sleep(30 * time.Second)
		}
	}()
}

func watchdog(sock string) {
	for range time.Tick(10 * time.Second) { // want `swlib.Notify does I/O and drops its error inside \(swlib.Notify → net.Dial\)`
		swlib.Notify(sock)
	}
}

func generic(a *swlib.Agent) {
	for { // want `swlib.Beat does I/O and drops its error inside \(swlib.Beat → \(\*swlib.Agent\).send`
		swlib.Beat(a, "x")
		time.Sleep(time.Minute)
	}
}

// Silent: the helper logs.
func reports(a *swlib.Agent) {
	for {
		a.Report()
		time.Sleep(30 * time.Second)
	}
}

// Silent: in-memory helper.
func counts(b []byte) {
	for {
		_ = swlib.Count(b)
		time.Sleep(time.Second)
	}
}

// Silent: stops on ctx.Done().
func stoppable(ctx context.Context, a *swlib.Agent) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			a.Heartbeat()
		}
	}
}

// Silent: event loop.
func events(ch chan int, a *swlib.Agent) {
	for range ch {
		a.Heartbeat()
	}
}
