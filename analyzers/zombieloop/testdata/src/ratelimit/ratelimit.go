// Package ratelimit waits in a way no analysis can see (through a function
// value); only the policy's zombieloop.backoff list names it.
package ratelimit

var wait = func() {}

// Throttle blocks the caller for a while.
func Throttle() { wait() }
