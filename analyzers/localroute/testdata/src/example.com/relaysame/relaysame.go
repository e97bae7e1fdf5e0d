// Package relaysame is the croc shape with the default in the same
// package: the function that promises a local route is reported itself.
package relaysame

import (
	"errors"
	"net"
)

type Options struct {
	Relay       string
	Local       string
	AllowRemote bool
}

var DefaultOptions = Options{Relay: "relay.example.net:9009", Local: "localhost:9010"}

type Client struct {
	opts    Options
	port    string
	relays  []string
	locals  []string
	fixed   []string
	mirrors []string
	gated   []string
}

func New() *Client { return &Client{opts: DefaultOptions} }

func dial(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func (c *Client) remember(addr string) { c.relays = append(c.relays, addr) }

func (c *Client) candidates() []string {
	var out []string
	for _, r := range c.relays {
		out = append(out, r)
	}
	return out
}

func (c *Client) transferOverLocalRelay() error { // want `\(\*Client\).transferOverLocalRelay promises a local route but, besides the local 127.0.0.1, dials the elements of relays, into which it puts opts.Relay, whose default "relay.example.net:9009" \(composite literal at relaysame.go:16\) is the external host relay.example.net: \(\*Client\).transferOverLocalRelay → \(\*relaysame.Client\).remember \(relaysame.go:\d+:\d+\) puts opts.Relay into relays; then \(\*Client\).transferOverLocalRelay → relaysame.dial \(relaysame.go:\d+:\d+\) → net.Dial \(relaysame.go:\d+:\d+\) .*keep opts.Relay out of relays on the local route`
	c.remember(c.opts.Relay)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.candidates() {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// A public literal appended by the function itself.
func (c *Client) syncOverLocalRelay() error { // want `\(\*Client\).syncOverLocalRelay promises a local route but, besides the local 127.0.0.1, dials the elements of mirrors, into which it puts the external host mirror.example.org: \(\*Client\).syncOverLocalRelay → appends "mirror.example.org:443" to mirrors`
	c.mirrors = append(c.mirrors, "mirror.example.org:443")
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.mirrors {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// ---- negatives ----

// The option's default is local.
func (c *Client) connectOverLocalRelay() error {
	c.locals = append(c.locals, c.opts.Local)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.locals {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// A local literal appended.
func (c *Client) joinOverLocalRelay() error {
	c.fixed = append(c.fixed, "127.0.0.1:9012", "[::1]:9013")
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.fixed {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// The public relay joins the list only when the user opts in, and the
// reconnect over it too.
func (c *Client) openOverLocalRelay() error {
	if c.opts.AllowRemote {
		c.gated = append(c.gated, c.opts.Relay)
	}
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.gated {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// A dial of the relay itself behind the opt-in option.
func (c *Client) pingOverLocalRelay() error {
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	if !c.opts.AllowRemote {
		return errors.New("local relay down")
	}
	return dial(c.opts.Relay)
}

// The name does not promise a local route.
func (c *Client) transferOverRelay() error {
	c.remember(c.opts.Relay)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.candidates() {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}
