// Package libs pins the recognition of backoff and rate libraries.
package libs

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/avast/retry-go/v4"
	"golang.org/x/time/rate"
	"k8s.io/apimachinery/pkg/util/wait"
)

// client-go style: the delay comes from wait.Backoff.Step(): adaptive.
func reflector(ctx context.Context, c *http.Client, url string) {
	bo := &wait.Backoff{Duration: 800 * time.Millisecond, Factor: 2, Jitter: 1, Steps: 10, Cap: 30 * time.Second}
	for {
		resp, err := c.Get(url)
		if err != nil {
			select {
			case <-ctx.Done():
				return
			case <-time.After(bo.Step()):
			}
			continue
		}
		resp.Body.Close()
	}
}

// avast/retry-go paces the loop: silent.
func retryForever(c *http.Client, url string) {
	for {
		_ = retry.Do(func() error {
			resp, err := c.Get(url)
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
}

// A rate limiter paces the loop, and its error (cancellation) returns.
func limited(ctx context.Context, lim *rate.Limiter, c *http.Client, url string) {
	for {
		if err := lim.Wait(ctx); err != nil {
			return
		}
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			continue
		}
		resp.Body.Close()
	}
}

// Allow is not a wait: the failure path spins.
func allowOnly(lim *rate.Limiter, c *http.Client, url string) {
	for { // want `retries Client.Get at once`
		if !lim.Allow() {
			time.Sleep(time.Second)
			continue
		}
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}
