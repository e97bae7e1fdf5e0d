// Package wdlib notifies a supervisor over a unix socket and returns the
// errors: whether they are looked at is its callers' business.
package wdlib

import (
	"errors"
	"net"
	"strings"
)

// Notify dials the supervisor's socket and writes one datagram.
func Notify(sock, state string) error {
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte(state))
	return err
}

// Notifier keeps the socket's address.
type Notifier struct{ Sock string }

// Ping notifies through a method.
func (n *Notifier) Ping() error { return Notify(n.Sock, "WATCHDOG=1") }

// Validate is pure computation.
func Validate(state string) error {
	if !strings.Contains(state, "=") {
		return errors.New("bad state")
	}
	return nil
}
