package sleepctx

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// Test files are left alone: a test helper that polls a server it started
// with a sleep ends with the test. (The driver's test-file policy may
// already skip this file; sleepctx also skips it by itself.)
func waitUp(ctx context.Context, t *testing.T, url string) {
	for i := 0; i < 50; i++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("server never came up")
}

func TestWait(t *testing.T) { waitUp(context.Background(), t, "http://127.0.0.1:1") }
