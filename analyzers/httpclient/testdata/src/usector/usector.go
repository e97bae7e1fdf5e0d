// Package usector uses constructors from package ctor: the facts cross the
// package boundary.
package usector

import (
	"ctor"
	"time"
)

func unbounded(u string) {
	c := ctor.New() // want `http.Client returned by ctor.New has no Timeout`
	c.Get(u)
}

func viaMethod(u string) {
	c := ctor.Factory{}.Client() // want `http.Client returned by \(ctor.Factory\).Client has no Timeout`
	c.Get(u)
}

func setsTimeout(u string) {
	c := ctor.New()
	c.Timeout = 5 * time.Second
	c.Get(u)
}

func bounded(u string) {
	ctor.NewBounded().Get(u)
}
