package deadlineparam

import (
	"context"
	"net/http"
	"time"
)

// fetchInfo forces a deadline when the caller gave none (go-nostr's
// nip11.Fetch): every request it sends is bounded. Exported, so its
// callers are not known; the test of ctx.Deadline() is what bounds it.
func FetchInfo(ctx context.Context, url string) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 7*time.Second)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same with the test written the other way round.
func FetchInfoElse(ctx context.Context, url string) error {
	var cancel context.CancelFunc
	if _, ok := ctx.Deadline(); ok {
		cancel = func() {}
	} else {
		ctx, cancel = context.WithTimeout(ctx, 7*time.Second)
	}
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The deadline is forced only on some other condition: a caller's
// context without one reaches the send unbounded.
func FetchInfoIfAsked(ctx context.Context, url string, bound bool) error {
	if bound {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 7*time.Second)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The test looks at another context's deadline.
func FetchInfoWrongTest(ctx, other context.Context, url string) error {
	if _, ok := other.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 7*time.Second)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
