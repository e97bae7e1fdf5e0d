package a

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/coder/websocket"
)

// ---- the prometheus shape: an interface whose implementations here read
// and close the body before returning the response ----

type queryClient interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, error)
}

type queryClientImpl struct{ c *http.Client }

func (q *queryClientImpl) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	resp, err := q.c.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp, nil
}

func usesConsumingInterface(q queryClient, req *http.Request) (int, error) {
	resp, err := q.Do(context.Background(), req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// ---- error and response kept in cells (named results, captured) ----

func namedResultErr(u string) (n int, err error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, resp.Body.Close()) }()
	return resp.StatusCode, nil
}

func capturedRespNilChecks(u string) error {
	resp, err := returnsResponse(u)
	if err != nil {
		return err
	}
	if resp == nil || resp.Body == nil {
		return errors.New("invalid response")
	}
	defer func() { resp.Body.Close() }()
	return nil
}

func closesOnlyNonNilBody(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		if resp.Body != nil {
			_ = resp.Body.Close()
		}
		return errors.New("redirect")
	}
	return resp.Body.Close()
}

// ---- websocket handshakes: the body is the connection ----

func websocketDial(ctx context.Context, u string) (*websocket.Conn, error) {
	conn, resp, err := websocket.Dial(ctx, u, &websocket.DialOptions{HTTPClient: client})
	if err != nil {
		return nil, err
	}
	_ = resp.StatusCode
	return conn, nil
}

func dialWrapper(ctx context.Context, u string) (*websocket.Conn, *http.Response, error) {
	return websocket.Dial(ctx, u, &websocket.DialOptions{HTTPClient: client})
}

func websocketViaWrapper(ctx context.Context, u string) error {
	_, resp, err := dialWrapper(ctx, u)
	if err != nil {
		return err
	}
	_ = resp.Header
	return nil
}

// ---- read error returned before the deferred Close (a real leak seen in
// langchaingo's zapier client) ----

func readErrorBeforeDefer(req *http.Request) ([]byte, error) {
	resp, err := client.Do(req) // want `is closed on some paths but not when the err != nil branch returns`
	if err != nil {
		return nil, err
	}
	b := make([]byte, 10)
	_, err = resp.Body.Read(b)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return b, nil
}

// ---- a test stub implementing a Doer interface proves nothing: the
// go-openai shape, whose real HTTPDoer is supplied by the user ----

type httpDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

type failingDoer struct{}

func (failingDoer) Do(*http.Request) (*http.Response, error) { return nil, errors.New("no") }

func sendWithDoer(d httpDoer, req *http.Request) error {
	resp, err := d.Do(req) // want `response body from Do is closed on some paths but not when the resp.StatusCode >= 400 branch returns`
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return errors.New("failed")
	}
	return resp.Body.Close()
}

// ---- the prometheus v1 shape: the implementation returns a response it
// got together with the body's bytes ----

type rawClient interface {
	Do(ctx context.Context, req *http.Request) (*http.Response, []byte, error)
}

type v1Client interface {
	Do(ctx context.Context, req *http.Request, into any) (*http.Response, error)
}

type v1ClientImpl struct{ raw rawClient }

func (h *v1ClientImpl) Do(ctx context.Context, req *http.Request, into any) (*http.Response, error) {
	resp, body, err := h.raw.Do(ctx, req)
	if err != nil {
		return resp, err
	}
	_ = body
	return resp, nil
}

func usesV1(c v1Client, req *http.Request) error {
	_, err := c.Do(context.Background(), req, nil)
	return err
}

// ---- a project function that returns the body's bytes with the response
// and leaves the body open only when its caller asks to stream it
// (mautrix's federation MakeFullRequest with DontReadBody): bytes alongside
// mean read and closed, so callers that discard the response are fine ----

type fullRequestParams struct{ DontReadBody bool }

func makeFullRequest(c *http.Client, req *http.Request, p fullRequestParams) ([]byte, *http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	if !p.DontReadBody {
		defer resp.Body.Close()
	}
	if p.DontReadBody {
		return nil, resp, nil
	}
	body, err := io.ReadAll(resp.Body)
	return body, resp, err
}

func discardsFullRequestResponse(c *http.Client, req *http.Request) error {
	_, _, err := makeFullRequest(c, req, fullRequestParams{})
	return err
}

func usesFullRequestStatus(c *http.Client, req *http.Request) (int, error) {
	_, resp, err := makeFullRequest(c, req, fullRequestParams{})
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
