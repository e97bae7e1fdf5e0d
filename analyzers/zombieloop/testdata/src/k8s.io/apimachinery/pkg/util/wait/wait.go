// Package wait is a stub of k8s.io/apimachinery/pkg/util/wait.
package wait

import (
	"context"
	"time"
)

type Backoff struct {
	Duration time.Duration
	Factor   float64
	Jitter   float64
	Steps    int
	Cap      time.Duration
}

func (b *Backoff) Step() time.Duration { return b.Duration }

func UntilWithContext(ctx context.Context, f func(context.Context), period time.Duration) {}
