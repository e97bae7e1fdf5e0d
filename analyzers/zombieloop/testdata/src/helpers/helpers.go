// Package helpers does I/O and waits on its callers' behalf; its LoopSum
// facts carry that to other packages.
package helpers

import (
	"net/http"
	"time"
)

// Refresh does I/O one call deep (not context-first, so only the fact
// shows it).
func Refresh(url string) error { return get(url) }

func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Pace waits longer after each failure: an adaptive wait, by fact.
func Pace(attempt int) {
	time.Sleep(min(time.Duration(1<<attempt)*time.Second, time.Minute))
}

var hook = func(int) {}

// WaitBackoff waits through a hook its body does not show, so no fact
// says it waits: only its name does.
func WaitBackoff(attempt int) { hook(attempt) }

// Notify neither waits nor says so.
func Notify(attempt int) { hook(attempt) }
