// Package fielddefault: functions whose names promise a local route (or a
// local model) dial a local address, then an address kept in a struct
// field whose default is a public host (croc's relay shape).
package fielddefault

import (
	"flag"
	"net"
	"net/http"
	"strings"
)

// Options is the client's configuration; DefaultOptions is what runs when
// the user configures nothing.
type Options struct {
	RelayAddress string
	LocalRelay   string
	OnlyLocal    bool
}

// DefaultOptions: the relay defaults to a public host; the local relay to
// loopback.
var DefaultOptions = Options{RelayAddress: "relay.example.net:9009", LocalRelay: "localhost:9010"}

type Client struct {
	Options Options
	port    string
}

func New(o Options) *Client { return &Client{Options: o} }

// ---- positives ----

// Local first, then the relay from the options (the default is public).
func (c *Client) transferOverLocalRelay() error { // want `\(\*Client\).transferOverLocalRelay promises a local route but, besides the local 127.0.0.1, dials Options.RelayAddress, whose default "relay.example.net:9009" \(composite literal at fielddefault.go:23\) is the external host relay.example.net: .*net.Dial \(fielddefault.go:\d+:\d+\) → default of Options.RelayAddress`
	conn, err := net.Dial("tcp", "127.0.0.1:"+c.port)
	if err == nil {
		return conn.Close()
	}
	conn, err = net.Dial("tcp", c.Options.RelayAddress)
	if err != nil {
		return err
	}
	return conn.Close()
}

// Peer's relay is set by its constructor, and dialled through a helper.
type Peer struct{ relay string }

func NewPeer() *Peer {
	p := &Peer{}
	p.relay = "relay2.example.net:9009"
	return p
}

func dialTo(addr string) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return conn.Close()
}

func (p *Peer) connectLocalPeer() error { // want `\(\*Peer\).connectLocalPeer promises a local route but, besides the local localhost, dials relay, whose default "relay2.example.net:9009" \(assignment at fielddefault.go:\d+\)`
	if err := dialTo("localhost:9009"); err == nil {
		return nil
	}
	return dialTo(p.relay)
}

// Config's server comes from a flag whose default is public.
type Config struct{ Server string }

func parseFlags() *Config {
	cfg := &Config{}
	flag.StringVar(&cfg.Server, "server", "sync.example.org:443", "sync server")
	flag.Parse()
	return cfg
}

func (c *Config) syncLocally() error { // want `\(\*Config\).syncLocally promises a local route .*dials Server, whose default "sync.example.org:443" \(flag "server" default at`
	if err := dialTo("127.0.0.1:8443"); err == nil {
		return nil
	}
	return dialTo(c.Server)
}

// Tun's address comes from *flag.String.
type Tun struct{ Addr string }

func tunFromFlags() Tun {
	addr := flag.String("tunnel", "tun.example.org:22", "tunnel host")
	flag.Parse()
	return Tun{Addr: *addr}
}

func (t Tun) openLocalTunnel() error { // want `\(Tun\).openLocalTunnel promises a local route .*"tun.example.org:22" \(flag "tunnel" default at fielddefault.go:92\)`
	if err := dialTo("[::1]:2222"); err == nil {
		return nil
	}
	return dialTo(t.Addr)
}

// A model promise through a field default: the base URL defaults to a
// hosted API.
type LLM struct{ BaseURL string }

var defaultLLM = LLM{BaseURL: "https://api.openai.com/v1"}

func (l *LLM) askLocalLLM(q string) error { // want `\(\*LLM\).askLocalLLM promises a local model but reaches api.openai.com: .*default of BaseURL: "https://api.openai.com/v1"`
	resp, err := http.Post(l.BaseURL+"/chat/completions", "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ---- negatives ----

// The field's default is local: the route stays local.
func (c *Client) connectLocalRelay() error {
	if err := dialTo("127.0.0.1:9010"); err == nil {
		return nil
	}
	return dialTo(c.Options.LocalRelay)
}

// Same shape, but the name does not promise a local route.
func (c *Client) transferOverRelay() error {
	if err := dialTo("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	return dialTo(c.Options.RelayAddress)
}

// The name admits the relay.
func (c *Client) connectLocalOrRelay() error {
	if err := dialTo("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	return dialTo(c.Options.RelayAddress)
}

// Public first, local as the fallback: the local dial is what the name
// describes, and it is only the fallback.
func (c *Client) sendOverLocal() error {
	if err := dialTo(c.Options.RelayAddress); err == nil {
		return nil
	}
	return dialTo("127.0.0.1:" + c.port)
}

// No local dial at all: "local" here is not shown to mean this machine.
func (c *Client) dialLocalServer() error {
	return dialTo(c.Options.RelayAddress)
}

// A helper that dials the relay does not promise anything.
func (c *Client) relayDial() error { return dialTo(c.Options.RelayAddress) }

// Not a route verb: a status query about the local relay.
func (c *Client) localRelayStatus() error {
	if err := dialTo("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	return c.relayDial()
}

// Data about the route, not the route.
func (c *Client) sendLocalAddr() error {
	if err := dialTo("127.0.0.1:" + c.port); err == nil {
		return nil
	}
	return dialTo(c.Options.RelayAddress)
}

// User's relay is only ever set from an argument: no constant default.
type User struct{ Relay string }

func NewUser(relay string) *User { return &User{Relay: relay} }

func (u *User) transferOverLocalRelay() error {
	if err := dialTo("127.0.0.1:9009"); err == nil {
		return nil
	}
	return dialTo(u.Relay)
}

// A closure in a non-promising function: not the promising function's
// route.
func (c *Client) Run() error {
	f := func() error { return dialTo(c.Options.RelayAddress) }
	return f()
}
