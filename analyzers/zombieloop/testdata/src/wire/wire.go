// Package wire frames messages on a connection. Its I/O goes through
// io.ReadFull on a net.Conn, so only the connection argument says it is
// network I/O.
package wire

import (
	"context"
	"encoding/binary"
	"io"
	"net"
)

// Peer wraps a connection.
type Peer struct{ conn net.Conn }

// Frame reads one length-prefixed frame.
func (p *Peer) Frame() ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(p.conn, size[:]); err != nil {
		return nil, err
	}
	body := make([]byte, binary.BigEndian.Uint32(size[:]))
	if _, err := io.ReadFull(p.conn, body); err != nil {
		return nil, err
	}
	return body, nil
}

// Account is a signed-in user.
type Account struct{ Name string }

// API is a remote account service.
type API interface {
	Me(ctx context.Context) (*Account, error)
}
