package guard

import (
	"context"
	"net"
	"syscall"
	"time"
)

// DialControl is a net.Dialer.Control hook: the dialer calls it after name
// resolution with the resolved ip:port, before connecting. It refuses an
// address the policy forbids (egress.deny CIDRs and addresses; in
// local-only mode, any address that is not local; and an address on no list
// when egress.default is deny). Unix sockets are always allowed.
//
// It sees only the address. To check the name as well, and to let names in
// egress.allow resolve to any address egress.deny does not forbid, use
// DialContext.
func (g *Guard) DialControl(network, address string, _ syscall.RawConn) error {
	return g.control(false)(network, address, nil)
}

func (g *Guard) control(nameChecked bool) func(string, string, syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		switch network {
		case "unix", "unixgram", "unixpacket":
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			host = address
		}
		return g.check(context.Background(), host, address, nameChecked)
	}
}

// Dialer returns a copy of base (if nil, a dialer with the 30s timeout and
// keep-alive of http.DefaultTransport) whose Control
// applies DialControl before any existing Control. Use it for gRPC,
// websockets and raw TCP.
func (g *Guard) Dialer(base *net.Dialer) *net.Dialer {
	return g.dialer(base, false)
}

func (g *Guard) dialer(base *net.Dialer, nameChecked bool) *net.Dialer {
	var d net.Dialer
	if base != nil {
		d = *base
	} else {
		d = net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	}
	inner := d.Control
	check := g.control(nameChecked)
	d.ControlContext = nil
	if base != nil && base.ControlContext != nil {
		innerCtx := base.ControlContext
		d.ControlContext = func(ctx context.Context, network, address string, c syscall.RawConn) error {
			if err := check(network, address, c); err != nil {
				return err
			}
			return innerCtx(ctx, network, address, c)
		}
		return &d
	}
	d.Control = func(network, address string, c syscall.RawConn) error {
		if err := check(network, address, c); err != nil {
			return err
		}
		if inner != nil {
			return inner(network, address, c)
		}
		return nil
	}
	return &d
}

// DialContext returns a dial function (for http.Transport.DialContext, gRPC
// dialers and the like) that checks the destination name before resolving
// it, and the resolved address at connect time.
func (g *Guard) DialContext(base *net.Dialer) func(ctx context.Context, network, address string) (net.Conn, error) {
	return g.dialContext(base, true)
}

func (g *Guard) dialContext(base *net.Dialer, checkName bool) func(ctx context.Context, network, address string) (net.Conn, error) {
	d := g.dialer(base, true)
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		if checkName {
			switch network {
			case "unix", "unixgram", "unixpacket":
			default:
				if err := g.check(ctx, address, "", false); err != nil {
					return nil, err
				}
			}
		}
		return d.DialContext(ctx, network, address)
	}
}
