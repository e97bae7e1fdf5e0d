// Package helpers closes and reads bodies for other packages.
package helpers

import (
	"io"
	"net/http"
)

// CloseBody closes a body (the errcheck-friendly helper).
func CloseBody(c io.Closer) { _ = c.Close() }

// CloseResponse closes a response's body.
func CloseResponse(r *http.Response) {
	defer r.Body.Close()
}

// Drain reads a body without closing it.
func Drain(r io.Reader) { io.Copy(io.Discard, r) }

// Fetch returns an open response: its callers own it.
func Fetch(u string) (*http.Response, error) { return http.DefaultClient.Get(u) }

// Keeper keeps responses for later.
type Keeper struct{ kept []*http.Response }

// Keep stores r.
func (k *Keeper) Keep(r *http.Response) { k.kept = append(k.kept, r) }

// CloseAll closes any number of closers.
func CloseAll(cs ...io.Closer) {
	for _, c := range cs {
		c.Close()
	}
}

// Release hands bodies to a pool that closes them later, in a way no
// analysis can follow; the directive says so.
//
//zombiecheck:handled respclose the reaper closes every body it is given
func Release(r *http.Response) { register(r.StatusCode) }

// Inspect looks at a response and keeps nothing.
func Inspect(r *http.Response) { register(r.StatusCode) }

func register(int) {}

var parked []any

// Park keeps anything it is given.
func Park(v any) { parked = append(parked, v) }
