//go:build linux

package sockets

import (
	"errors"
	"io"
	"net"
	"os"
	"reflect"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestNetlinkMatchesProc runs both readers over the same live loopback
// sockets (listeners, established pairs, and client ends left in
// CLOSE_WAIT after the server closed) and requires identical Snapshots.
func TestNetlinkMatchesProc(t *testing.T) {
	if _, err := netlinkSockets(nil, nil); err != nil {
		t.Skipf("netlink sock_diag unavailable here: %v", err)
	}
	var closers []io.Closer
	t.Cleanup(func() {
		for _, c := range closers {
			c.Close()
		}
	})
	for _, network := range []string{"tcp4", "tcp6"} {
		addr := "127.0.0.1:0"
		if network == "tcp6" {
			addr = "[::1]:0"
		}
		ln, err := net.Listen(network, addr)
		if err != nil {
			if network == "tcp6" {
				continue // no IPv6 loopback here
			}
			t.Fatal(err)
		}
		closers = append(closers, ln)
		for i := range 6 {
			c, err := net.Dial(network, ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			s, err := ln.Accept()
			if err != nil {
				t.Fatal(err)
			}
			closers = append(closers, c)
			if i%2 == 0 {
				s.Close() // c goes to CLOSE_WAIT
			} else {
				closers = append(closers, s)
			}
		}
	}
	// A dual-stack listener: tcp6 table, possibly v4-mapped peers.
	if ln, err := net.Listen("tcp", ":0"); err == nil {
		closers = append(closers, ln)
		c, err := net.Dial("tcp4", "127.0.0.1:"+portOf(ln.Addr()))
		if err == nil {
			closers = append(closers, c)
			if s, err := ln.Accept(); err == nil {
				closers = append(closers, s)
			}
		}
	}
	var proc, nl Snapshot
	var err error
	for try := 0; ; try++ {
		time.Sleep(20 * time.Millisecond) // let the FINs land
		if proc, err = readSockets(0, readProc); err != nil {
			t.Fatal(err)
		}
		if nl, err = readSockets(0, readNetlink); err != nil {
			t.Fatal(err)
		}
		if reflect.DeepEqual(proc.Sockets, nl.Sockets) || try == 5 {
			break
		}
	}
	if proc.CloseWait() < 3 {
		t.Fatalf("want at least 3 CLOSE_WAIT sockets, proc reader saw %d: %v", proc.CloseWait(), proc.ByState)
	}
	if !reflect.DeepEqual(proc.Sockets, nl.Sockets) {
		t.Errorf("netlink and /proc readers disagree:\nproc    %v\nnetlink %v", proc.Sockets, nl.Sockets)
	}
	if !reflect.DeepEqual(proc.ByState, nl.ByState) || !reflect.DeepEqual(proc.ByRemote, nl.ByRemote) {
		t.Errorf("counts disagree: proc %v %v, netlink %v %v", proc.ByState, proc.ByRemote, nl.ByState, nl.ByRemote)
	}
	if proc.FDs != nl.FDs {
		t.Errorf("FDs: proc %d, netlink %d", proc.FDs, nl.FDs)
	}
	auto, err := Read(0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(auto.Sockets, nl.Sockets) {
		t.Errorf("Read disagrees with the netlink reader:\nauto    %v\nnetlink %v", auto.Sockets, nl.Sockets)
	}
}

func portOf(a net.Addr) string {
	_, p, _ := net.SplitHostPort(a.String())
	return p
}

// TestParseDiagDump checks the sock_diag reply parser on a well-formed
// dump and on truncated and inconsistent ones: errors, never a panic.
func TestParseDiagDump(t *testing.T) {
	msg := func(typ uint16, seq uint32, body []byte) []byte {
		b := make([]byte, nlmsgHdrLen+len(body))
		ne := nativeEndian()
		ne.PutUint32(b[0:], uint32(len(b)))
		ne.PutUint16(b[4:], typ)
		ne.PutUint32(b[8:], seq)
		copy(b[nlmsgHdrLen:], body)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	diag := make([]byte, inetDiagMsgLen)
	diag[0], diag[1] = syscall.AF_INET, byte(StateCloseWait)
	diag[4], diag[5] = 0x1F, 0x90 // sport 8080
	diag[6], diag[7] = 0x00, 0x50 // dport 80
	copy(diag[8:], []byte{127, 0, 0, 1})
	copy(diag[24:], []byte{10, 0, 0, 2})
	nativeEndian().PutUint32(diag[68:], 4242)
	good := append(msg(sockDiagByFamily, 1, diag), msg(syscall.NLMSG_DONE, 1, make([]byte, 4))...)

	got, done, err := parseDiagDump(nil, good, 1, nil)
	if err != nil || !done || len(got) != 1 {
		t.Fatalf("good dump: %v done=%v err=%v", got, done, err)
	}
	if s := got[0]; s.State != StateCloseWait || s.Inode != 4242 || s.Local.String() != "127.0.0.1:8080" || s.Remote.String() != "10.0.0.2:80" {
		t.Errorf("parsed %+v", s)
	}
	if got, _, _ := parseDiagDump(nil, good, 1, map[uint64]bool{1: true}); len(got) != 0 {
		t.Errorf("unowned socket kept: %v", got)
	}
	if _, done, err := parseDiagDump(nil, good, 2, nil); done || err != nil {
		t.Errorf("stale sequence number: done=%v err=%v, want both ignored", done, err)
	}
	errMsg := make([]byte, 4)
	nativeEndian().PutUint32(errMsg, uint32(0x100000000-int64(syscall.EPERM)))
	if _, _, err := parseDiagDump(nil, msg(syscall.NLMSG_ERROR, 1, errMsg), 1, nil); !errors.Is(err, syscall.EPERM) {
		t.Errorf("NLMSG_ERROR EPERM: err=%v", err)
	}
	first := len(msg(sockDiagByFamily, 1, diag))
	for n := 1; n < first; n++ { // cut inside the first message
		if _, _, err := parseDiagDump(nil, good[:n], 1, nil); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	bad := append([]byte(nil), good...)
	nativeEndian().PutUint32(bad[0:], 8) // length below the header
	if _, _, err := parseDiagDump(nil, bad, 1, nil); !errors.Is(err, errDiagMalformed) {
		t.Errorf("length 8: err=%v", err)
	}
	short := msg(sockDiagByFamily, 1, diag[:40])
	if _, _, err := parseDiagDump(nil, short, 1, nil); !errors.Is(err, errDiagMalformed) {
		t.Errorf("short inet_diag_msg: err=%v", err)
	}
}

// FuzzParseDiagDump: any datagram parses or errors, never panics.
func FuzzParseDiagDump(f *testing.F) {
	f.Add([]byte{})
	f.Add(make([]byte, nlmsgHdrLen+inetDiagMsgLen))
	f.Fuzz(func(t *testing.T, b []byte) {
		parseDiagDump(nil, b, 0, nil)
	})
}

// TestFstatInodeMatchesReadlink: for the process's own descriptors the
// fstat shortcut must give exactly what readlink of /proc/self/fd/N gives.
func TestFstatInodeMatchesReadlink(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	f, err := os.CreateTemp(t.TempDir(), "plain") // a descriptor that is not a socket
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip(err)
	}
	sockets, others := 0, 0
	for _, e := range names {
		n, err := strconv.Atoi(e.Name())
		if err != nil {
			t.Fatalf("fd name %q", e.Name())
		}
		target, lerr := os.Readlink("/proc/self/fd/" + e.Name())
		ino, isSock, ok := fdSocketInode(n)
		if lerr != nil || !ok {
			continue // the ReadDir descriptor itself, already closed
		}
		want, wantSock := socketInode(target)
		if isSock != wantSock || (isSock && ino != want) {
			t.Errorf("fd %d -> %q: fstat says socket=%v inode=%d", n, target, isSock, ino)
		}
		if isSock {
			sockets++
		} else {
			others++
		}
	}
	if sockets < 2 || others < 1 {
		t.Errorf("checked %d sockets and %d other descriptors, want at least 2 and 1", sockets, others)
	}
}

// TestReadFallsBackWhenNetlinkFails: a refused netlink socket
// (seccomp's EPERM) must give the /proc reader's Snapshot, not an error.
func TestReadFallsBackWhenNetlinkFails(t *testing.T) {
	old := dumpSockets
	t.Cleanup(func() { dumpSockets = old })
	called := false
	dumpSockets = func(dst []Socket, _ map[uint64]bool) ([]Socket, error) {
		called = true
		return dst, syscall.EPERM
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got, err := Read(0)
	if err != nil {
		t.Fatalf("Read with netlink refused: %v", err)
	}
	if !called {
		t.Fatal("Read did not try netlink first")
	}
	if got.ByState[StateListen] < 1 {
		t.Errorf("fallback saw no LISTEN socket: %v", got.ByState)
	}
	if _, err := readSockets(0, readNetlink); !errors.Is(err, syscall.EPERM) {
		t.Errorf("netlink-only reader: err=%v, want EPERM", err)
	}
}
