package sockets

import (
	"net"
	"runtime"
	"testing"
)

// BenchmarkReadSockets1000 measures one scan of a process holding 1,000
// TCP sockets (500 loopback connections, both ends in this process).
// Target: under 10 ms per scan, cheap enough to run every few seconds.
func BenchmarkReadSockets1000(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("reads /proc: Linux only")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 500 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Skipf("cannot open 1,000 sockets here: %v", err)
		}
		s, err := ln.Accept()
		if err != nil {
			b.Fatal(err)
		}
		conns = append(conns, c, s)
	}
	snap, err := Read(0)
	if err != nil {
		b.Fatal(err)
	}
	if n := len(snap.Sockets); n < 1000 {
		b.Fatalf("scan saw %d sockets, want at least 1,000", n)
	}
	for _, r := range []struct {
		name string
		how  reader
	}{{"auto", readAuto}, {"netlink", readNetlink}, {"proc", readProc}} {
		b.Run(r.name, func(b *testing.B) {
			if _, err := readSockets(0, r.how); err != nil {
				b.Skipf("%s reader unavailable: %v", r.name, err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := readSockets(0, r.how); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
