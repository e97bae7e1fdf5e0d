package main

import (
	"context"
	"log"
	"net"
	"time"
)

// indigo cmd/tap's firehose consumer: ctx checked at the top, a backoff of
// up to ten seconds on dial failures. Silent in package main: tap's main
// shuts its server down and returns without waiting for this loop, and
// the process ends the sleep.
func runConsumer(ctx context.Context, d *net.Dialer, addr string) error {
	var retries int
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			log.Print(err)
			time.Sleep(min(time.Second<<retries, 10*time.Second))
			retries++
			continue
		}
		retries = 0
		c.Close()
	}
}

// The ozone poller's shape in package main: nocancel is off here too.
func poller(ctx context.Context, d *net.Dialer, addr string) error {
	for {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			time.Sleep(5 * time.Second)
			continue
		}
		if c.RemoteAddr() == nil {
			return nil
		}
		c.Close()
	}
}
