// Package relaylib is croc's shape: a client that first dials a local
// relay and then reconnects over a list of relay addresses it keeps in a
// field, filled from its options. The options' defaults are set by the
// program that uses it (relayapp), not here: this package reports
// nothing, it exports what its functions dial.
package relaylib

import (
	"errors"
	"log"
	"net"
)

type Options struct {
	RelayAddress string // dialled by transferOverLocalRelay via relays
	DirectRelay  string // dialled directly by syncLocally
	LocalRelay   string // dialled via localRelays by connectOverLocalRelay
	EmptyRelay   string // dialled via emptyRelays by joinOverLocalRelay
	SocketRelay  string // dialled directly by attachLocally
	PlainRelay   string // dialled via plainRelays by transferOverRelay
	LogRelay     string // only logged, by announceOverLocalRelay
	GatedRelay   string // behind AllowRemote, in openOverLocalRelay
	FirstRelay   string // dialled before the local one, by sendOverLocal
	AllowRemote  bool
	OnlyLocal    bool
}

type Client struct {
	Options     Options
	port        string
	relays      []string
	localRelays []string
	emptyRelays []string
	plainRelays []string
	seen        []string
	gated       []string
}

func dial(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func (c *Client) remember(addr string) {
	for _, r := range c.relays {
		if r == addr {
			return
		}
	}
	c.relays = append(c.relays, addr)
}

func (c *Client) candidates() []string {
	var out []string
	for _, r := range c.relays {
		out = append(out, r)
	}
	return out
}

func (c *Client) reconnect() error {
	for _, a := range c.candidates() {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// The croc lie: the public relay goes into the reconnect list unless the
// user asked for OnlyLocal (the default is false: remote by default).
func (c *Client) transferOverLocalRelay() error {
	if !c.Options.OnlyLocal {
		c.remember(c.Options.RelayAddress)
	}
	if err := dial("127.0.0.1:" + c.port); err != nil {
		return err
	}
	retry := func() error { return c.reconnect() }
	return retry()
}

// Dials the field directly after the local address.
func (c *Client) syncLocally() error {
	if dial("localhost:7000") == nil {
		return nil
	}
	return dial(c.Options.DirectRelay)
}

func (c *Client) connectOverLocalRelay() error {
	c.localRelays = append(c.localRelays, c.Options.LocalRelay)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.localRelays {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

func (c *Client) joinOverLocalRelay() error {
	c.emptyRelays = append(c.emptyRelays, c.Options.EmptyRelay)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.emptyRelays {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

func (c *Client) attachLocally() error {
	if dial("127.0.0.1:7001") == nil {
		return nil
	}
	conn, err := net.Dial("unix", c.Options.SocketRelay)
	if err != nil {
		return err
	}
	return conn.Close()
}

// The name does not promise a local route.
func (c *Client) transferOverRelay() error {
	c.plainRelays = append(c.plainRelays, c.Options.PlainRelay)
	if err := dial("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	for _, a := range c.plainRelays {
		if dial(a) == nil {
			return nil
		}
	}
	return errors.New("no relay")
}

// The list is only logged, never dialled.
func (c *Client) announceOverLocalRelay() error {
	c.seen = append(c.seen, c.Options.LogRelay)
	if err := dial("127.0.0.1:" + c.port); err != nil {
		return err
	}
	for _, s := range c.seen {
		log.Println("known relay", s)
	}
	return nil
}

// The remote relay joins the list only when the user opts in.
func (c *Client) openOverLocalRelay() error {
	if c.Options.AllowRemote {
		c.gated = append(c.gated, c.Options.GatedRelay)
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

// Public first, local as the fallback: the local route is the fallback
// the name describes.
func (c *Client) sendOverLocal() error {
	if dial(c.Options.FirstRelay) == nil {
		return nil
	}
	return dial("127.0.0.1:" + c.port)
}

// Run is the entry point.
func (c *Client) Run() error {
	for _, f := range []func() error{c.transferOverLocalRelay, c.syncLocally, c.connectOverLocalRelay, c.joinOverLocalRelay,
		c.attachLocally, c.transferOverRelay, c.announceOverLocalRelay, c.openOverLocalRelay, c.sendOverLocal} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}
