// Package silenced: loops with no exit that test an I/O call's error only
// to wait and go round again, so no one ever sees the failure (the
// incident's "no error handling, no backoff, no exit").
package silenced

import (
	"errors"
	"log"
	"net/http"
	"time"
)

type feed struct {
	c        *http.Client
	url      string
	failures int
}

func (f *feed) poll() ([]byte, error) {
	resp, err := f.c.Get(f.url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return nil, nil
}

func handle([]byte) {}

// subscribe waits a fixed second on failure and tells no one.
func (f *feed) subscribe() {
	go func() {
		for { // want `loop never exits; error from feed\.poll looked at but dropped: its failure path only waits; retries every 1s with no backoff`
			b, err := f.poll()
			if err != nil {
				time.Sleep(time.Second)
				continue
			}
			handle(b)
			time.Sleep(time.Minute)
		}
	}()
}

// refresh handles success only and sleeps either way.
func (f *feed) refresh() {
	for { // want `loop never exits; error from feed\.poll looked at but dropped: its failure path only waits; retries every 30s with no backoff`
		b, err := f.poll()
		if err == nil {
			handle(b)
		}
		time.Sleep(30 * time.Second)
	}
}

// logged: the failure is seen.
func (f *feed) logged() {
	for {
		b, err := f.poll()
		if err != nil {
			log.Printf("poll %s: %v", f.url, err)
			time.Sleep(time.Second)
			continue
		}
		handle(b)
	}
}

// loggedWithoutErr: the failure is seen, even if its error is not.
func (f *feed) loggedWithoutErr() {
	for {
		b, err := f.poll()
		if err != nil {
			log.Print("poll failed")
			time.Sleep(time.Second)
			continue
		}
		handle(b)
	}
}

// counted: the failure is recorded in a field that someone reads.
func (f *feed) counted() {
	for {
		b, err := f.poll()
		if err != nil {
			f.failures++
			time.Sleep(time.Second)
			continue
		}
		handle(b)
	}
}

// classified: the error's kind decides what happens.
func (f *feed) classified() {
	for {
		b, err := f.poll()
		if errors.Is(err, http.ErrHandlerTimeout) {
			time.Sleep(time.Second)
			continue
		}
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		handle(b)
	}
}

// backoff: the failure wait grows.
func (f *feed) backoff() {
	d := time.Second
	for {
		b, err := f.poll()
		if err != nil {
			time.Sleep(d)
			d = min(d*2, time.Minute)
			continue
		}
		d = time.Second
		handle(b)
	}
}

// stoppable: the loop has a way out, so it is not a zombie.
func (f *feed) stoppable(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		b, err := f.poll()
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		handle(b)
	}
}
