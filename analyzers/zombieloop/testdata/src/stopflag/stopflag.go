// Package stopflag: accept loops whose only way out is a flag that Close
// sets. While Accept keeps failing (too many open files), the flag stays
// unset and the loop goes round again at once.
package stopflag

import (
	"log"
	"net"
	"sync/atomic"
	"time"
)

type Server struct {
	ln       net.Listener
	closed   atomic.Bool
	stopping bool
	ready    bool
}

func handle(net.Conn) {}

func (s *Server) Serve() error {
	for { // want `retries Listener\.Accept at once when it fails: no wait on the failure path`
		conn, err := s.ln.Accept()
		if err != nil {
			if s.closed.Load() {
				return nil
			}
			log.Printf("accept: %v", err)
			continue
		}
		go handle(conn)
	}
}

// The flag tested before the error (anacrolix/torrent's acceptConnections).
func (s *Server) serveFlagFirst() {
	for { // want `retries Listener\.Accept at once when it fails`
		conn, err := s.ln.Accept()
		if s.stopping {
			return
		}
		if err != nil {
			continue
		}
		go handle(conn)
	}
}

func (s *Server) IsClosed() bool { return s.closed.Load() }

func (s *Server) serveMethod() {
	for { // want `retries Listener\.Accept at once when it fails`
		conn, err := s.ln.Accept()
		if err != nil {
			if s.IsClosed() {
				return
			}
			continue
		}
		go handle(conn)
	}
}

// A sleep on the failure path paces it: silent, as net/http's Serve.
func (s *Server) serveWithPause() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if s.closed.Load() {
				return
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		go handle(conn)
	}
}

// A flag whose name says nothing of stopping is a way out like any
// other: the loop can leave while Accept fails, so it is not judged.
func (s *Server) serveUntilReady() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if s.ready {
				return
			}
			continue
		}
		go handle(conn)
	}
}

// Returning on the error: silent.
func (s *Server) serveOnce() error {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}
