package sockets

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// littleEndian reports whether the kernel's hex words are byte-swapped
// relative to network order on this machine (true on amd64 and arm64).
func littleEndian() bool {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	return b[0] == 1
}

// hexAddr formats an address the way the kernel does in /proc/net/tcp*.
func hexAddr(ap netip.AddrPort) string {
	raw := ap.Addr().AsSlice()
	var sb strings.Builder
	for w := 0; w < len(raw); w += 4 {
		fmt.Fprintf(&sb, "%08X", binary.NativeEndian.Uint32(raw[w:w+4]))
	}
	fmt.Fprintf(&sb, ":%04X", ap.Port())
	return sb.String()
}

func tcpLine(local, remote string, state State, inode uint64) string {
	return fmt.Sprintf("   3: %s %s %02X 00000000:00000000 00:00000000 00000000  1000        0 %d 1 0000000000000000 20 4 30 10 -1",
		hexAddr(netip.MustParseAddrPort(local)), hexAddr(netip.MustParseAddrPort(remote)), uint8(state), inode)
}

func TestParseTCPLineKernelText(t *testing.T) {
	if !littleEndian() {
		t.Skip("fixture lines are from a little-endian kernel")
	}
	// Lines as a little-endian Linux prints them.
	for _, tc := range []struct {
		line          string
		local, remote string
		state         State
		inode         uint64
	}{
		{
			"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1 0000000000000000 100 0 0 10 0",
			"127.0.0.1:8080", "0.0.0.0:0", StateListen, 43120,
		},
		{
			"  12: 0F02000A:D3A2 5DB8D822:01BB 08 00000000:00000001 00:00000000 00000000  1000        0 99 1 0000000000000000 20 4 30 10 -1",
			"10.0.2.15:54178", "34.216.184.93:443", StateCloseWait, 99,
		},
		{
			"   1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:A4B2 01 00000000:00000000 00:00000000 00000000  1000        0 7 1 0000000000000000 20 4 30 10 -1",
			"[::1]:8080", "[::1]:42162", StateEstablished, 7,
		},
		{
			// IPv4-mapped IPv6 is reported as IPv4.
			"   2: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:A4B3 06 00000000:00000000 03:00001234 00000000     0        0 0 3 0000000000000000",
			"127.0.0.1:8080", "127.0.0.1:42163", StateTimeWait, 0,
		},
		{
			"   3: B80D0120000000000000000001000000:0050 B80D0120000000000000000002000000:C000 08 00000000:00000000 00:00000000 00000000  1000        0 8 1 0000000000000000 20 4 30 10 -1",
			"[2001:db8::1]:80", "[2001:db8::2]:49152", StateCloseWait, 8,
		},
	} {
		so, ok := parseTCPLine([]byte(tc.line))
		if !ok {
			t.Errorf("parseTCPLine(%q) failed", tc.line)
			continue
		}
		want := Socket{Local: netip.MustParseAddrPort(tc.local), Remote: netip.MustParseAddrPort(tc.remote), State: tc.state, Inode: tc.inode}
		if so != want {
			t.Errorf("parseTCPLine(%q) = %+v, want %+v", tc.line, so, want)
		}
	}
}

func TestParseTCPLineRoundTrip(t *testing.T) {
	for _, tc := range []struct{ local, remote string }{
		{"127.0.0.1:1", "192.168.1.200:65535"},
		{"[fe80::1:2:3:4]:22", "[2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff]:443"},
	} {
		line := tcpLine(tc.local, tc.remote, StateCloseWait, 1234)
		so, ok := parseTCPLine([]byte(line))
		if !ok || so.Local.String() != tc.local || so.Remote.String() != tc.remote || so.State != StateCloseWait || so.Inode != 1234 {
			t.Errorf("parseTCPLine(%q) = %+v, %v", line, so, ok)
		}
	}
}

func TestParseTCPLineMalformed(t *testing.T) {
	good := "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1"
	if _, ok := parseTCPLine([]byte(good)); !ok {
		t.Fatalf("the base line must parse")
	}
	for _, line := range []string{
		"",
		"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
		"   0: 0100007F:1F90 00000000:0000 0A", // truncated
		"   0 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                    // no "sl:"
		"   0: 0100007F1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                    // no colon
		"   0: 0100007G:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                   // bad hex
		"   0: 0100007F:1F9 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                    // short port
		"   0: 0100007F:1F90 00000000:0000 0A0 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                  // long state
		"   0: 0100007F:1F90 00000000:0000 ZZ 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                   // bad state
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 -1 1",                      // bad inode
		"   0: 0100007F:1F90 00000000000000000000000000000000:0000 0A 0:0 00:0 0 1000 0 1 1",                                   // mixed families
		"   0: 010000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                     // odd length
		"   0: +100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                   // sign
		"   0: 0100007F:+F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1",                   // sign in port
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 99999999999999999999999 1", // overflow
	} {
		if so, ok := parseTCPLine([]byte(line)); ok {
			t.Errorf("parseTCPLine(%q) = %+v, want rejection", line, so)
		}
	}
}

func FuzzParseTCPLine(f *testing.F) {
	f.Add([]byte("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 43120 1"))
	f.Add([]byte("   1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:A4B2 01 00000000:00000000 00:00000000 00000000  1000        0 7 1"))
	f.Add([]byte("  sl  local_address rem_address   st"))
	f.Add([]byte(":::: : : :"))
	f.Fuzz(func(t *testing.T, line []byte) {
		so, ok := parseTCPLine(line)
		if !ok {
			return
		}
		if !so.Local.IsValid() || !so.Remote.IsValid() {
			t.Fatalf("accepted %q with invalid addresses %+v", line, so)
		}
		// Whole tables must not panic either.
		appendOwned(nil, append(append([]byte(nil), line...), '\n'), map[uint64]bool{so.Inode: true})
	})
}

func TestStateNames(t *testing.T) {
	for s, want := range map[State]string{
		StateEstablished: "ESTABLISHED", StateCloseWait: "CLOSE_WAIT", StateTimeWait: "TIME_WAIT",
		StateListen: "LISTEN", StateFinWait2: "FIN_WAIT2", 0: "UNKNOWN_0x00", 0xFF: "UNKNOWN_0xFF",
	} {
		if got := s.String(); got != want {
			t.Errorf("State(%#x).String() = %q, want %q", uint8(s), got, want)
		}
	}
	if st := States(); st[0] != StateCloseWait || len(st) != 12 {
		t.Errorf("States() = %v, want CLOSE_WAIT first and 12 states", st)
	}
}

func TestSocketInode(t *testing.T) {
	for target, want := range map[string]uint64{"socket:[12345]": 12345, "socket:[0]": 0} {
		if got, ok := socketInode(target); !ok || got != want {
			t.Errorf("socketInode(%q) = %d, %v", target, got, ok)
		}
	}
	for _, target := range []string{"pipe:[123]", "socket:[", "socket:[12", "socket:[x]", "/dev/null", "anon_inode:[eventpoll]"} {
		if got, ok := socketInode(target); ok {
			t.Errorf("socketInode(%q) = %d, want rejection", target, got)
		}
	}
}

// fakeProc builds a /proc tree for pid whose fd directory holds links to
// the given targets and whose net/tcp holds lines.
func fakeProc(t *testing.T, pid int, targets []string, tcp []string) string {
	t.Helper()
	root := t.TempDir()
	base := filepath.Join(root, fmt.Sprint(pid))
	for _, d := range []string{"fd", "net"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i, target := range targets {
		if err := os.Symlink(target, filepath.Join(base, "fd", fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	table := "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" + strings.Join(tcp, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(base, "net", "tcp"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func withProcRoot(t *testing.T, root string) {
	old := procRoot
	procRoot = root
	t.Cleanup(func() { procRoot = old })
}

func skipUnlessLinux(t testing.TB) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("socket inspection reads Linux /proc; not available on %s", runtime.GOOS)
	}
}

func TestReadOnlyOwnSockets(t *testing.T) {
	skipUnlessLinux(t)
	const pid = 424242
	root := fakeProc(t, pid,
		[]string{"socket:[11]", "socket:[12]", "socket:[13]", "socket:[14]", "/dev/null", "pipe:[99]"},
		[]string{
			tcpLine("127.0.0.1:8080", "0.0.0.0:0", StateListen, 11),
			tcpLine("127.0.0.1:8080", "127.0.0.1:50000", StateEstablished, 12), // inbound
			tcpLine("10.0.0.2:50001", "10.0.0.9:443", StateCloseWait, 13),
			tcpLine("10.0.0.2:50002", "10.0.0.9:443", StateCloseWait, 14),
			tcpLine("10.0.0.2:50003", "10.0.0.9:443", StateCloseWait, 15), // another process's
			tcpLine("10.0.0.2:50004", "10.0.0.9:443", StateTimeWait, 0),   // the kernel's
			"   9: garbage that must be skipped",
		})
	withProcRoot(t, root)
	snap, err := Read(pid)
	if err != nil {
		t.Fatal(err)
	}
	if snap.FDs != 6 || len(snap.Sockets) != 4 {
		t.Fatalf("FDs=%d sockets=%d, want 6 and 4: %+v", snap.FDs, len(snap.Sockets), snap.Sockets)
	}
	if snap.CloseWait() != 2 || snap.ByState[StateListen] != 1 || snap.ByState[StateEstablished] != 1 || snap.ByState[StateTimeWait] != 0 {
		t.Errorf("ByState = %v", snap.ByState)
	}
	if snap.Sockets[0].State != StateCloseWait {
		t.Errorf("CLOSE_WAIT must sort first: %+v", snap.Sockets)
	}
	if n := snap.ByRemote[netip.MustParseAddr("10.0.0.9")]; n != 2 || len(snap.ByRemote) != 2 {
		t.Errorf("ByRemote = %v, want 10.0.0.9:2 and 127.0.0.1:1", snap.ByRemote)
	}
	groups := snap.Groups()
	want := []Group{
		{State: StateCloseWait, Remote: netip.MustParseAddrPort("10.0.0.9:443"), Count: 2},
		{State: StateEstablished, Remote: netip.MustParseAddrPort("127.0.0.1:0"), Inbound: true, Port: 8080, Count: 1},
		{State: StateListen, Remote: netip.MustParseAddrPort("127.0.0.1:8080"), Count: 1},
	}
	if fmt.Sprint(groups) != fmt.Sprint(want) {
		t.Errorf("Groups() =\n%v\nwant\n%v", groups, want)
	}
}

func TestReadErrors(t *testing.T) {
	skipUnlessLinux(t)
	t.Run("no such process", func(t *testing.T) {
		// PIDs are below 2^22 on Linux.
		_, err := Read(1 << 30)
		if !errors.Is(err, ErrNoProcess) || errors.Is(err, ErrUnsupported) {
			t.Errorf("err = %v, want ErrNoProcess", err)
		}
		if _, err := Read(-5); !errors.Is(err, ErrNoProcess) {
			t.Errorf("negative pid: err = %v, want ErrNoProcess", err)
		}
	})
	t.Run("no /proc", func(t *testing.T) {
		withProcRoot(t, filepath.Join(t.TempDir(), "absent"))
		_, err := Read(0)
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "not supported on this platform") {
			t.Errorf("err = %v, want ErrUnsupported", err)
		}
	})
}

func TestReadSelf(t *testing.T) {
	skipUnlessLinux(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	before, err := Read(0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, err := Read(0)
	if err != nil {
		t.Fatal(err)
	}
	if d := after.ByState[StateEstablished] - before.ByState[StateEstablished]; d != 2 {
		t.Errorf("ESTABLISHED grew by %d, want 2 (both ends are ours)", d)
	}
	if after.ByState[StateListen] < 1 {
		t.Errorf("the listener is missing: %v", after.ByState)
	}
	if d := after.FDs - before.FDs; d != 2 {
		t.Errorf("FDs grew by %d, want 2", d)
	}
	found := false
	for _, so := range after.Sockets {
		if so.Remote.String() == ln.Addr().String() && so.State == StateEstablished {
			found = true
		}
	}
	if !found {
		t.Errorf("no ESTABLISHED socket to %s in %+v", ln.Addr(), after.Sockets)
	}
}
