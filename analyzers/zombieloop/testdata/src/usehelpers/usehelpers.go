package usehelpers

import (
	"log"
	"net"
	"time"

	"helpers"
)

var _ net.Conn

// F8 across packages: the I/O is in another package, known by its fact.
func refresher(url string) {
	go func() {
		for { // want `loop never exits.*error from helpers.Refresh discarded; retries every 30s`
			_ = helpers.Refresh(url)
			time.Sleep(30 * time.Second)
		}
	}()
}

// Hot through the fact.
func hotRefresh(url string) {
	for { // want `retries helpers.Refresh at once`
		if err := helpers.Refresh(url); err != nil {
			log.Print(err)
			continue
		}
		time.Sleep(time.Minute)
	}
}

// A backoff helper in another package, known to wait by its fact: silent.
func pacedRefresh(url string) {
	for attempt := 0; ; attempt++ {
		if err := helpers.Refresh(url); err == nil {
			return
		}
		helpers.Pace(attempt)
	}
}

// A dependency's helper named for waiting counts as an adaptive wait, also
// when the dependency's path has no dot (as "helpers" here): a dot-free
// path is not the standard library. Silent.
func redialNamedBackoff(addr string) net.Conn {
	for attempt := 0; ; attempt++ {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			return c
		}
		helpers.WaitBackoff(attempt)
	}
}

// The same loop with a helper whose name says nothing: hot.
func redialNotify(addr string) net.Conn {
	for attempt := 0; ; attempt++ { // want `retries net.Dial at once`
		c, err := net.Dial("tcp", addr)
		if err == nil {
			return c
		}
		helpers.Notify(attempt)
	}
}
