// Package retry holds retry loops that overwrite the previous attempt's
// response: each positive drops a body on the way round, each negative
// closes it (directly, through a helper, or by returning it).
package retry

import (
	"errors"
	"io"
	"net/http"
	"time"
)

var client = &http.Client{}

func retryable(resp *http.Response, err error) bool {
	return err != nil || resp.StatusCode >= 500
}

// ---- leaks ----

// roundTripOverwrite is the retrying RoundTripper: the response of every
// retried attempt is overwritten by the next RoundTrip.
func roundTripOverwrite(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; ; i++ {
		resp, err = rt.RoundTrip(req) // want `response body from RoundTrip is not closed when the loop continues on the i < 3 branch`
		if retryable(resp, err) && i < 3 {
			continue
		}
		return resp, err
	}
}

// rangeAttemptsSleep retries on 5xx after a sleep, over a range-over-int
// loop; the last response is returned after the loop.
func rangeAttemptsSleep(req *http.Request, n int) (*http.Response, error) {
	var resp *http.Response
	var err error
	for attempt := range n {
		resp, err = client.Do(req) // want `response body from \(\*http.Client\).Do is not closed when the loop continues on the resp.StatusCode >= 500 branch`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			time.Sleep(time.Duration(attempt) * time.Millisecond)
			continue
		}
		break
	}
	return resp, err
}

// getBodyFails closes the old response before retrying, but a failing
// step between the retry decision and the Close returns with it open.
func getBodyFails(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := rt.RoundTrip(req) // want `response body from RoundTrip is closed on some paths but not when the err != nil branch returns \(line \d+\)`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			if req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				req.Body = body
			}
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, errors.New("retries exhausted")
}

// closesOnlyOnSomeRetries closes on the 503 retry but not on the 429 one.
func closesOnlyOnSomeRetries(req *http.Request) (*http.Response, error) {
	for i := 0; i < 5; i++ {
		resp, err := client.Do(req) // want `is closed on some paths but not when the loop continues on the resp.StatusCode == 429 branch`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == 503 {
			resp.Body.Close()
			continue
		}
		if resp.StatusCode == 429 {
			continue
		}
		return resp, nil
	}
	return nil, errors.New("retries exhausted")
}

// ---- fine ----

// closeBeforeContinue closes the attempt it discards.
func closeBeforeContinue(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; ; i++ {
		resp, err = rt.RoundTrip(req)
		if err == nil && resp.StatusCode >= 500 && i < 3 {
			resp.Body.Close()
			continue
		}
		return resp, err
	}
}

// drainCloseBeforeContinue drains then closes, to reuse the connection.
func drainCloseBeforeContinue(req *http.Request, n int) (*http.Response, error) {
	var resp *http.Response
	var err error
	for attempt := range n {
		resp, err = client.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 && attempt < n-1 {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			time.Sleep(time.Millisecond)
			continue
		}
		return resp, nil
	}
	return resp, err
}

func drainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
}

// helperCloses releases the discarded attempt through a helper.
func helperCloses(req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			drainAndClose(resp)
			continue
		}
		return resp, nil
	}
	return nil, errors.New("retries exhausted")
}

// getBodyAfterClose closes first, then rewinds: a GetBody failure leaks
// nothing.
func getBodyAfterClose(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := rt.RoundTrip(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close()
			if req.GetBody != nil {
				body, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				req.Body = body
			}
			continue
		}
		return resp, nil
	}
	return nil, errors.New("retries exhausted")
}

// lastAttemptReturned returns the final attempt to the caller unclosed;
// the earlier ones are closed.
func lastAttemptReturned(req *http.Request, n int) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < n; i++ {
		if resp != nil {
			resp.Body.Close()
		}
		resp, err = client.Do(req)
		if err != nil || resp.StatusCode < 500 {
			return resp, err
		}
	}
	return resp, err
}

// deferClosure closes every attempt through a per-attempt closure.
func deferClosure(req *http.Request) error {
	for i := 0; i < 3; i++ {
		ok := func() bool {
			resp, err := client.Do(req)
			if err != nil {
				return false
			}
			defer resp.Body.Close()
			return resp.StatusCode < 500
		}()
		if ok {
			return nil
		}
	}
	return errors.New("retries exhausted")
}

// retryablehttpStyle mirrors hashicorp/go-retryablehttp's Do: the response
// lives outside the loop, is drained through a method before each retry,
// and is returned or drained after the loop.
type rclient struct {
	HTTPClient *http.Client
	RetryMax   int
	CheckRetry func(*http.Response, error) (bool, error)
}

func (c *rclient) drainBody(body io.ReadCloser) {
	defer body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 4096))
}

func (c *rclient) Do(req *http.Request, rewind func() (io.ReadCloser, error)) (*http.Response, error) {
	var resp *http.Response
	var shouldRetry bool
	var doErr, checkErr error
	for i := 0; ; i++ {
		doErr = nil
		if rewind != nil {
			body, err := rewind()
			if err != nil {
				c.HTTPClient.CloseIdleConnections()
				return resp, err
			}
			req.Body = body
		}
		resp, doErr = c.HTTPClient.Do(req)
		shouldRetry, checkErr = c.CheckRetry(resp, doErr)
		if !shouldRetry {
			break
		}
		if c.RetryMax-i <= 0 {
			break
		}
		if doErr == nil {
			c.drainBody(resp.Body)
		}
		timer := time.NewTimer(time.Millisecond)
		select {
		case <-req.Context().Done():
			timer.Stop()
			return nil, req.Context().Err()
		case <-timer.C:
		}
	}
	if doErr == nil && checkErr == nil && !shouldRetry {
		return resp, nil
	}
	if resp != nil {
		c.drainBody(resp.Body)
	}
	if checkErr != nil {
		return nil, checkErr
	}
	return nil, doErr
}

// wait stands for a rate limiter's Wait.
func wait(req *http.Request) error { return req.Context().Err() }

// cloudflare-go's request loop: a 5xx or 429 continues without closing and
// the next attempt overwrites resp. The success branch closes by defer, and
// after the loop respErr decides; the report names the retry's continue,
// the path that leaks whatever those variables say.
func cloudflareShape(req *http.Request) ([]byte, error) {
	var resp *http.Response
	var respErr error
	var body []byte
	for i := 0; i < 3; i++ {
		if i > 0 {
			time.Sleep(time.Second)
		}
		if err := wait(req); err != nil {
			return nil, err
		}
		resp, respErr = client.Do(req) // want `is closed on some paths but not when the loop continues on the resp.StatusCode == http.StatusTooManyRequests branch`
		if respErr != nil || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			if respErr == nil {
				respErr = errors.New("server error, try again later")
			}
			continue
		} else {
			var err error
			body, err = io.ReadAll(resp.Body)
			defer resp.Body.Close()
			if err != nil {
				return nil, err
			}
			break
		}
	}
	if respErr != nil {
		return nil, respErr
	}
	if resp.StatusCode >= http.StatusBadRequest {
		return nil, errors.New("bad request")
	}
	return body, nil
}

// indigo atproto/auth/oauth session.go: a 401 with a new nonce retries
// without closing; the GetBody check on the way round goes round on both
// arms, so the decision named is the one whose other arm returns.
func nonceRetry(req *http.Request, nonce string) (*http.Response, error) {
	for {
		resp, err := client.Do(req) // want `is not closed when the loop continues on the hdr != nonce branch`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusUnauthorized {
			return resp, nil
		}
		hdr := resp.Header.Get("DPoP-Nonce")
		if hdr == nonce {
			return nil, errors.New("no new nonce")
		}
		nonce = hdr
		retry := req.Clone(req.Context())
		if req.GetBody != nil {
			retry.Body, err = req.GetBody()
			if err != nil {
				return nil, err
			}
		}
		req = retry
	}
}
