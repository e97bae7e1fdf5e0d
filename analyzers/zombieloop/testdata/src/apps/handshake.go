// Package apps holds loop shapes seen in application code: waits for a
// peer's greeting, sign-in polls, retry loops.
package apps

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"

	"wire"
)

var greeting = []byte("ready")

type session struct{ ctx context.Context }

// stopped is a cancellation check wrapped in a helper: its only non-nil
// result is ctx.Err().
func (s *session) stopped() error {
	select {
	case <-s.ctx.Done():
		return s.ctx.Err()
	default:
		return nil
	}
}

// Waits for the peer's greeting and drops the read error. Once the
// connection is dead, Frame fails at once and returns no data, so the
// greeting never matches: the loop spins until the context is cancelled.
func (s *session) awaitGreeting(p *wire.Peer) error {
	for { // want `retries Peer.Frame at once when it fails: no wait on the failure path, and its error is discarded`
		if err := s.stopped(); err != nil {
			return err
		}
		msg, _ := p.Frame()
		if bytes.Equal(msg, greeting) {
			break
		}
		log.Printf("unexpected %q", msg)
	}
	return nil
}

// The same wait that gives up on a read error: silent.
func (s *session) awaitGreetingChecked(p *wire.Peer) error {
	for {
		if err := s.stopped(); err != nil {
			return err
		}
		msg, err := p.Frame()
		if err != nil {
			return err
		}
		if bytes.Equal(msg, greeting) {
			return nil
		}
	}
}

// Drops the error but leaves when no data comes back, which is what a
// failing read returns: silent.
func (s *session) drainUntilEmpty(p *wire.Peer, out chan<- []byte) {
	for {
		msg, _ := p.Frame()
		if len(msg) == 0 {
			return
		}
		out <- msg
	}
}

// Reads until EOF through a raw connection reader: the zero-valued count
// decides nothing here, the error test does. Silent.
func copyUntilEOF(r io.Reader, w io.Writer) error {
	buf := make([]byte, 512)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
