package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
)

var client = &http.Client{}

// ---- leaks ----

func earlyReturnOnStatus(u string) error {
	resp, err := client.Get(u) // want `response body from \(\*http.Client\).Get is closed on some paths but not when the resp.StatusCode != 200 branch returns \(line \d+\)`
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New("bad status")
	}
	resp.Body.Close()
	return nil
}

func neverClosed(u string) (int, error) {
	resp, err := client.Get(u) // want `response body from \(\*http.Client\).Get is not closed when returning at line \d+`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func closeInOneBranchOnly(req *http.Request) {
	resp, err := client.Do(req) // want `is closed on some paths but not when`
	if err != nil {
		return
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
	}
}

func deferInsideBranch(req *http.Request) error {
	resp, err := client.Do(req) // want `is closed on some paths`
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		return errors.New("failed")
	}
	return nil
}

func continueOnStatusInLoop(urls []string) {
	for _, u := range urls {
		resp, err := client.Get(u) // want `is closed on some paths but not when the loop continues on the resp.StatusCode != 200 branch`
		if err != nil {
			continue
		}
		if resp.StatusCode != 200 {
			continue
		}
		resp.Body.Close()
	}
}

func readAllIsNotClose(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `is not closed when`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func readAllErrorReturnedBeforeDefer(u string) ([]byte, error) {
	resp, err := client.Get(u) // want `is closed on some paths but not when the err != nil branch returns`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return b, nil
}

func maxBytesReaderDoesNotClose(u string) {
	resp, err := client.Get(u) // want `is not closed`
	if err != nil {
		return
	}
	r := http.MaxBytesReader(nil, resp.Body, 1<<20)
	io.Copy(io.Discard, r)
}

func roundTripperLeak(rt http.RoundTripper, req *http.Request) int {
	resp, err := rt.RoundTrip(req) // want `response body from RoundTrip is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func interfaceDoerLeak(d doer, req *http.Request) int {
	resp, err := d.Do(req) // want `response body from Do is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// retryDropsFirstAttempt returns its response (a transfer), but the
// attempts it retries are never closed.
func retryDropsFirstAttempt(req *http.Request) (*http.Response, error) {
	for i := 0; ; i++ {
		resp, err := client.Do(req) // want `is not closed when the loop continues on the i < 3 branch`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 && i < 3 {
			continue
		}
		return resp, nil
	}
}

func twoResponsesOnlySecondClosed(u string) {
	r1, err := client.Get(u) // want `is not closed`
	if err != nil {
		return
	}
	_ = r1.StatusCode
	r2, err := client.Get(u)
	if err != nil {
		return
	}
	r2.Body.Close()
}

func leakInGoroutine(u string) {
	go func() {
		resp, err := client.Get(u) // want `is not closed`
		if err != nil {
			return
		}
		fmt.Println(resp.Status)
	}()
}

func receivedFromChannel(ch chan *http.Response) int {
	resp := <-ch // want `response body from a channel receive is not closed`
	return resp.StatusCode
}

// ---- fine ----

func deferAfterErrCheck(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return errors.New("bad status")
	}
	var v any
	return json.NewDecoder(resp.Body).Decode(&v)
}

func closedOnEveryPath(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
		return errors.New("bad status")
	}
	resp.Body.Close()
	return nil
}

func closeAsArgumentOfAnotherCall(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return errors.Join(nil, resp.Body.Close())
}

func deferredClosureCaptures(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	return nil
}

func deferredClosureWithParam(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) {
		if err := b.Close(); err != nil {
			fmt.Println(err)
		}
	}(resp.Body)
	return nil
}

func localClosureHelper(u string) {
	closeIt := func(c io.Closer) { c.Close() }
	res, err := client.Get(u)
	if err != nil {
		return
	}
	closeIt(res.Body)
}

func returnsResponse(u string) (*http.Response, error) {
	return client.Get(u)
}

func returnsBody(u string) (io.ReadCloser, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func callerCloses(u string) {
	resp, err := returnsResponse(u)
	if err != nil {
		return
	}
	defer resp.Body.Close()
}

func callerLeaks(u string) int {
	resp, err := returnsResponse(u) // want `response body from a.returnsResponse is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func callerClosesBody(u string) {
	body, err := returnsBody(u)
	if err != nil {
		return
	}
	body.Close()
}

func callerLeaksBody(u string) {
	body, err := returnsBody(u) // want `response body from a.returnsBody is not closed`
	if err != nil {
		return
	}
	io.ReadAll(body)
}

func assignedInBothArms(u string, post bool) error {
	var resp *http.Response
	var err error
	if post {
		resp, err = client.Post(u, "text/plain", nil)
	} else {
		resp, err = client.Get(u)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func bodyAliasedToOuterVar(u string) {
	var rc io.ReadCloser
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	if resp.StatusCode == 200 {
		rc = resp.Body
	} else {
		rc = resp.Body
	}
	defer rc.Close()
}

type holder struct{ resp *http.Response }

func storedInField(h *holder, u string) {
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	h.resp = resp
}

func sentOnChannel(ch chan<- *http.Response, u string) {
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	ch <- resp
}

func appendedAndReturned(urls []string) []*http.Response {
	var out []*http.Response
	for _, u := range urls {
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		out = append(out, resp)
	}
	return out
}

func nilCheckedClose(u string) {
	resp, err := client.Get(u)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return
	}
}

func recorderResult() int {
	rec := httptest.NewRecorder()
	return rec.Result().StatusCode // not a source
}

func dumpThenDefer(u string) {
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	httputil.DumpResponse(resp, true)
}

func panicsOnBadStatus(u string) {
	resp, err := client.Get(u)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != 200 {
		panic("bad status") // not a leak the caller can observe
	}
	resp.Body.Close()
}

type apiClient interface {
	Do(req *http.Request) (*http.Response, []byte, error)
}

// bytesReturnedWithResponse: the callee already read and closed the body
// (prometheus' api.Client.Do shape).
func bytesReturnedWithResponse(c apiClient, req *http.Request) int {
	resp, body, err := c.Do(req)
	if err != nil {
		return 0
	}
	_ = body
	return resp.StatusCode
}

func nopCloserSwap(u string) (*http.Response, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(nil)
	_ = b
	return resp, nil
}

func ignored(u string) int {
	resp, err := client.Get(u) //zombiecheck:ignore respclose the body is drained by the reaper goroutine
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// ---- generics and method values ----

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func genericMustClosed(u string) {
	resp := must(client.Get(u))
	defer resp.Body.Close()
}

func genericMustLeaks(u string) int {
	resp := must(client.Get(u)) // want `is not closed`
	return resp.StatusCode
}

func methodValueClose(u string) {
	resp, err := client.Get(u)
	if err != nil {
		return
	}
	closeBody := resp.Body.Close
	defer closeBody()
}

// A function that falls off its end has no return statement to cite: the
// message names the end of the function, never "line 0".
func fallsOffEndOnBranch(client *http.Client, u string) {
	resp, err := client.Get(u) // want `is closed on some paths but not when the resp.StatusCode != 200 branch reaches the end of the function: `
	if err != nil {
		return
	}
	if resp.StatusCode != 200 {
		println("bad status")
	} else {
		resp.Body.Close()
	}
}

func fallsOffEnd(client *http.Client, u string) {
	resp, _ := client.Get(u) // want `is not closed when the function reaches its end: `
	println(resp.StatusCode)
}

// Tests that can only hold when err is not nil need no close on their
// branch (indigo atproto/identity/did.go): errors.As, errors.Is with a
// sentinel, a comma-ok assertion on err, and their negations.
type dnsError struct{ name string }

func (e *dnsError) Error() string { return e.name }

var errStop = errors.New("stop")

func errorsAsFirst(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	var de *dnsError
	if errors.As(err, &de) {
		return de
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func errorsIsFirst(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if errors.Is(err, errStop) {
		return nil
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notErrorsIs(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if !errors.Is(err, errStop) {
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
	return nil
}

func assertFirst(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req)
	if de, ok := err.(*dnsError); ok {
		return de
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Still leaks: errors.As only excuses its own branch; the success path
// returns without closing.
func errorsAsThenLeak(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) // want `is not closed when returning at line \d+`
	var de *dnsError
	if errors.As(err, &de) {
		return de
	}
	println(resp.StatusCode)
	return nil
}

// errors.Is(err, nil) holds when err is nil: the body is open there.
func errorsIsNil(client *http.Client, req *http.Request) error {
	resp, err := client.Do(req) // want `is closed on some paths but not when the errors.Is\(err, nil\) branch returns`
	if errors.Is(err, nil) {
		return nil
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The false arm of a comparison is named by its opposite.
func falseArmOfEquality(client *http.Client, u string) {
	resp, err := client.Get(u) // want `is closed on some paths but not when the resp.StatusCode != 200 branch reaches the end of the function: `
	if err != nil {
		return
	}
	if resp.StatusCode == 200 {
		resp.Body.Close()
	} else {
		println("bad status")
	}
}
