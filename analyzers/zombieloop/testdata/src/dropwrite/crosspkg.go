package dropwrite

import (
	"bufio"
	"bytes"
	"dwlib"
	"net"
)

// Reported: a writer type of another package whose Write wraps a file.
func toFileSink(s *dwlib.FileSink, conn net.Conn) {
	buf := make([]byte, 4096)
	for { // want `error from FileSink\.Write discarded in a copy loop`
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		s.Write(buf[:n])
	}
}

// Silent: writers of another package that cannot fail.
func toMemSink(s *dwlib.MemSink, c *dwlib.Counter, conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		s.Write(buf[:n])
		c.Write(buf[:n])
	}
}

type tally struct{ n int }

func (t *tally) Write(p []byte) (int, error) {
	t.n += len(p)
	return len(p), nil
}

// Silent: a writer of this package whose Write always returns nil.
func toTally(t *tally, conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		t.Write(buf[:n])
	}
}

type bufSink struct{ bw *bufio.Writer }

func (s *bufSink) Write(p []byte) (int, error) { return s.bw.Write(p) }

// Reported: a writer of this package over a bufio.Writer: it can fail.
func toBufSink(s *bufSink, conn net.Conn) {
	buf := make([]byte, 4096)
	for { // want `error from bufSink\.Write discarded in a copy loop`
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		s.Write(buf[:n])
	}
}

type memSink struct{ b bytes.Buffer }

func (s *memSink) Write(p []byte) (int, error) { return s.b.Write(p) }

// Silent: a writer of this package over a bytes.Buffer.
func toLocalMem(s *memSink, conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		s.Write(buf[:n])
	}
}
