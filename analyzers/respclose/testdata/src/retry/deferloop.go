package retry

import (
	"encoding/json"
	"net/http"
	"time"
)

// executeRetrying defers each attempt's Close and goes round again on a
// 429 (spotify's execute): every retried response stays open until the
// function returns.
func executeRetrying(c *http.Client, req *http.Request, v any) error {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close() // want `response body's Close is deferred inside a loop: deferred calls run only when the function returns`
		if resp.StatusCode == http.StatusTooManyRequests {
			select {
			case <-req.Context().Done():
				return req.Context().Err()
			case <-time.After(time.Second):
				continue
			}
		}
		return json.NewDecoder(resp.Body).Decode(v)
	}
}

// fetchAll defers in a range loop: every body stays open to the end.
func fetchAll(c *http.Client, urls []string) (n int, err error) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return n, err
		}
		defer resp.Body.Close() // want `response body's Close is deferred inside a loop`
		n++
	}
	return n, nil
}

// deferThenReturn defers and returns on every path after it: the loop
// never goes round with the Close pending.
func deferThenReturn(c *http.Client, req *http.Request, v any) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(v)
	}
	return nil
}

// perIteration moves the body into a closure that defers: each Close runs
// at the end of its iteration.
func perIteration(c *http.Client, urls []string) error {
	for _, u := range urls {
		err := func() error {
			resp, err := c.Get(u)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			return nil
		}()
		if err != nil {
			return err
		}
	}
	return nil
}
