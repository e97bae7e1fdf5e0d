// Package dwlib declares writers used by package dropwrite: one over a
// file, which can fail, and in-memory ones, which cannot.
package dwlib

import (
	"bytes"
	"os"
	"sync"
)

// FileSink appends to a file.
type FileSink struct{ f *os.File }

func OpenSink(name string) (*FileSink, error) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &FileSink{f: f}, nil
}

func (s *FileSink) Write(p []byte) (int, error) { return s.f.Write(p) }

// MemSink keeps everything in memory.
type MemSink struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *MemSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

// Counter counts bytes.
type Counter struct{ N int64 }

func (c *Counter) Write(p []byte) (int, error) {
	c.N += int64(len(p))
	return len(p), nil
}
