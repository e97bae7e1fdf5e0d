// Package backoff is a stub of github.com/cenkalti/backoff/v4.
package backoff

import "time"

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type ExponentialBackOff struct {
	InitialInterval time.Duration
	MaxInterval     time.Duration
	MaxElapsedTime  time.Duration
}

func NewExponentialBackOff() *ExponentialBackOff         { return &ExponentialBackOff{} }
func (b *ExponentialBackOff) NextBackOff() time.Duration { return b.InitialInterval }
func (b *ExponentialBackOff) Reset()                     {}

type Operation func() error
type Notify func(error, time.Duration)

func Retry(o Operation, b BackOff) error                 { return o() }
func RetryNotify(o Operation, b BackOff, n Notify) error { return o() }
