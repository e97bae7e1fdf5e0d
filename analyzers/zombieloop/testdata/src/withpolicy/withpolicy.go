// Package withpolicy is judged under its own .zombiecheck.yaml: short is
// 2s, and ratelimit.Throttle is a backoff helper.
package withpolicy

import (
	"net"
	"time"

	"ratelimit"
)

// Paced by a helper the policy names: silent.
func throttled(addr string) net.Conn {
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			return c
		}
		ratelimit.Throttle()
	}
}

// 1.5s is short under this policy, and success waits a minute.
func fixedUnderPolicy(ln net.Listener) {
	for { // want `retries Listener.Accept every 1.5s when it fails`
		c, err := ln.Accept()
		if err != nil {
			time.Sleep(1500 * time.Millisecond)
			continue
		}
		c.Close()
		time.Sleep(time.Minute)
	}
}
