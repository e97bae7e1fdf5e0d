package apps

import (
	"log"
	"net"
	"time"
)

// The error lives in a variable a deferred closure reads, so SSA keeps it
// in memory: `err = ...` is a store and `if err != nil` a load. The loop
// still redials at once until the dial succeeds.
func dialCaptured(addr string) (c net.Conn) {
	var err error
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	for { // want `retries net.Dial at once when it fails`
		c, err = net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		return c
	}
}

// The same with a growing delay on failure: silent.
func dialCapturedBackoff(addr string) (c net.Conn) {
	var err error
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	d := 10 * time.Millisecond
	for {
		c, err = net.Dial("tcp", addr)
		if err != nil {
			time.Sleep(d)
			d = min(2*d, time.Second)
			continue
		}
		return c
	}
}

// A second store to the variable sits between the dial and the test, so
// the test is not about the dial's error: the dial is not judged on it.
// Returns once the check passes, so the loop is not persistent either way.
func dialCapturedOverwritten(addr string, check func() error) (c net.Conn) {
	var err error
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	for {
		c, err = net.Dial("tcp", addr)
		err = check()
		if err != nil {
			continue
		}
		return c
	}
}
