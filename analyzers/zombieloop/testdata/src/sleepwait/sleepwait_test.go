package sleepwait

import (
	"context"
	"net"
	"testing"
	"time"
)

// Test files are skipped by the default policy (tests: skip).
func waitListening(ctx context.Context, t *testing.T, addr string) {
	var d net.Dialer
	for b := 0; ; b++ {
		if ctx.Err() != nil {
			t.Fatal(ctx.Err())
		}
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(sleepForBackoff(b))
	}
}

func TestWait(t *testing.T) { _ = waitListening }
