// Package embedcopy holds copies of *http.DefaultClient kept by value in a
// struct field, embedded or named, the way mattn/go-mastodon's NewClient
// does (mastodon.go:162): every request goes through the copy, which has no
// Timeout.
package embedcopy

import (
	"net/http"
	"time"
)

// Client embeds an http.Client by value; its methods send through it.
type Client struct {
	http.Client
	Server string
}

func (c *Client) Fetch(path string) error {
	resp, err := c.Get(c.Server + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func NewClient(server string) *Client {
	return &Client{
		Client: *http.DefaultClient, // want `http.Client created here has no Timeout: a server that stalls blocks its requests forever \(it is stored or passed on still unbounded at line 28; first used at embedcopy.go:19 by \(\*Client\).Fetch\)`
		Server: server,
	}
}

// Named holds the copy in a named value field.
type Named struct {
	hc http.Client
}

func (n *Named) ping(u string) { n.hc.Get(u) }

func newNamed() *Named {
	n := &Named{}
	n.hc = *http.DefaultClient // want `http.Client created here has no Timeout: .*stored or passed on still unbounded at line 42; first used at embedcopy.go:38 by \(\*Named\).ping\)`
	return n
}

// A local struct that sends through its copy right away.
func local(u string) {
	var s struct{ http.Client }
	s.Client = *http.DefaultClient // want `http.Client created here has no Timeout: a server that stalls blocks its requests forever \(it sends a request at line 50\)`
	s.Get(u)
}

// A Timeout set on one branch only leaves the other unbounded.
func someBranch(server string, fast bool) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server} // want `http.Client created here has no Timeout`
	if fast {
		c.Timeout = time.Second
	}
	return c
}

// ---- negatives ----

// The Timeout is set through the embedding right after the copy.
func newPromoted(server string) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	c.Timeout = 30 * time.Second
	return c
}

// The same through the field's name.
func newExplicit(server string) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	c.Client.Timeout = 30 * time.Second
	return c
}

// The named field.
func newNamedBounded() *Named {
	n := &Named{hc: *http.DefaultClient}
	n.hc.Timeout = time.Minute
	return n
}

// A Timeout in the literal, and a copy bounded before it is stored.
func newLiteral(server string) *Client {
	return &Client{Client: http.Client{Timeout: 10 * time.Second}, Server: server}
}

func newCopyBounded(server string) *Client {
	hc := *http.DefaultClient
	hc.Timeout = 10 * time.Second
	return &Client{Client: hc, Server: server}
}

// A Timeout from configuration counts.
func newConfigured(server string, d time.Duration) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	c.Timeout = d
	return c
}

// Options may set the Timeout: the struct is handed to code not followed.
type Option func(*Client)

func newWithOptions(server string, opts ...Option) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	for _, o := range opts {
		o(c)
	}
	return c
}

// A method that may bound it.
func (c *Client) setTimeout(d time.Duration) { c.Timeout = d }

func newViaMethod(server string) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	c.setTimeout(time.Minute)
	return c
}

// A Transport that bounds the exchange.
func newBoundedTransport(server string, rt http.RoundTripper) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	c.Transport = rt
	return c
}

// A zero Timeout is no bound, but a copy that is set afterwards on every
// path is.
func newBothBranches(server string, fast bool) *Client {
	c := &Client{Client: *http.DefaultClient, Server: server}
	if fast {
		c.Timeout = time.Second
	} else {
		c.Timeout = time.Minute
	}
	return c
}
