// Package websocket is a stub of github.com/coder/websocket.
package websocket

import (
	"context"
	"net/http"
)

type Conn struct{}

type DialOptions struct{ HTTPClient *http.Client }

// Dial performs the handshake; the response body is the live connection.
func Dial(ctx context.Context, u string, opts *DialOptions) (*Conn, *http.Response, error) {
	resp, err := opts.HTTPClient.Get(u)
	return &Conn{}, resp, err
}
