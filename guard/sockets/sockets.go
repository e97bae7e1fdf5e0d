// Package sockets reads a process's TCP sockets and descriptor count on
// Linux: what guard's Watcher and the zombiecheck sockets command look at
// to catch CLOSE_WAIT sockets piling up before the descriptor table fills.
//
// It imports no network package (addresses are net/netip values), so a
// program that only inspects sockets, such as the zombiecheck command,
// does not link net and with it cgo: under go vet that command starts once
// per package, and a dynamically linked binary took about 0.8 ms longer to
// start each time. Package guard re-exports these names.
package sockets

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrUnsupported is returned (wrapped) by Read and guard.NewWatcher where
// the process's sockets cannot be read: anywhere but Linux with /proc
// mounted. Test for it with errors.Is.
var ErrUnsupported = errors.New("socket inspection is not supported on this platform (it reads Linux /proc/<pid>/net/tcp and /proc/<pid>/fd)")

// ErrNoProcess is returned (wrapped) by Read when the process does not
// exist, or has exited, or its descriptors may not be read by this user.
var ErrNoProcess = errors.New("no such process, or its /proc entries are not readable")

// State is a TCP state as the Linux kernel numbers it in /proc/net/tcp.
type State uint8

// The TCP states, with the kernel's numbers.
const (
	StateEstablished State = 0x01
	StateSynSent     State = 0x02
	StateSynRecv     State = 0x03
	StateFinWait1    State = 0x04
	StateFinWait2    State = 0x05
	StateTimeWait    State = 0x06
	StateClose       State = 0x07
	StateCloseWait   State = 0x08
	StateLastAck     State = 0x09
	StateListen      State = 0x0A
	StateClosing     State = 0x0B
	StateNewSynRecv  State = 0x0C
)

var stateNames = [...]string{
	StateEstablished: "ESTABLISHED",
	StateSynSent:     "SYN_SENT",
	StateSynRecv:     "SYN_RECV",
	StateFinWait1:    "FIN_WAIT1",
	StateFinWait2:    "FIN_WAIT2",
	StateTimeWait:    "TIME_WAIT",
	StateClose:       "CLOSE",
	StateCloseWait:   "CLOSE_WAIT",
	StateLastAck:     "LAST_ACK",
	StateListen:      "LISTEN",
	StateClosing:     "CLOSING",
	StateNewSynRecv:  "NEW_SYN_RECV",
}

// States lists every known state in report order: CLOSE_WAIT first (the
// leak this package exists to catch), then the others by kernel number.
func States() []State {
	out := []State{StateCloseWait}
	for s := StateEstablished; s <= StateNewSynRecv; s++ {
		if s != StateCloseWait {
			out = append(out, s)
		}
	}
	return out
}

// String returns the state's conventional name (as netstat and ss print
// it), or "UNKNOWN_0xNN" for a number this package does not know.
func (s State) String() string {
	if int(s) < len(stateNames) && stateNames[s] != "" {
		return stateNames[s]
	}
	return fmt.Sprintf("UNKNOWN_0x%02X", uint8(s))
}

// rank orders states for reports: CLOSE_WAIT first, then by number.
func (s State) rank() int {
	if s == StateCloseWait {
		return -1
	}
	return int(s)
}

// Socket is one TCP socket from /proc/<pid>/net/tcp or tcp6. IPv4-mapped
// IPv6 addresses are reported as IPv4.
type Socket struct {
	Local, Remote netip.AddrPort
	State         State
	Inode         uint64
}

// Snapshot is what Read saw of one process at one moment.
//
// Only sockets that the process holds a descriptor for are counted:
// /proc/<pid>/net/tcp lists the whole network namespace. TIME_WAIT sockets
// belong to the kernel, not to any process, so they never appear here.
type Snapshot struct {
	PID  int
	Time time.Time
	// FDs is the number of open file descriptors of every kind.
	FDs int
	// Sockets are the process's TCP sockets, sorted by state (CLOSE_WAIT
	// first), remote and local address.
	Sockets []Socket
	// ByState counts Sockets by state.
	ByState map[State]int
	// ByRemote counts Sockets by remote address, leaving out sockets with
	// no peer (LISTEN, and any other with an unspecified remote address).
	ByRemote map[netip.Addr]int
}

// CloseWait is the number of the process's sockets in CLOSE_WAIT: the peer
// has closed, and this process has not. Each one is usually a response body
// or connection that the code never closes.
func (s Snapshot) CloseWait() int { return s.ByState[StateCloseWait] }

// Group is a number of sockets that share a state and a peer.
type Group struct {
	State State
	// Remote is the peer. For an inbound connection (its local port is one
	// the process listens on) only the peer's address is kept, since its
	// port is ephemeral, and Port is the local port that was connected to.
	Remote  netip.AddrPort
	Inbound bool
	Port    uint16 // inbound only: the local listening port
	Count   int
}

// Groups summarises Sockets by state and peer in a deterministic order:
// CLOSE_WAIT first, then by state number; within a state the largest group
// first, then by address. Sockets with no peer (LISTEN) are grouped by
// their local address and port, as Remote.
func (s Snapshot) Groups() []Group {
	listening := map[uint16]bool{}
	for _, so := range s.Sockets {
		if so.State == StateListen {
			listening[so.Local.Port()] = true
		}
	}
	type key struct {
		state   State
		remote  netip.AddrPort
		inbound bool
		port    uint16
	}
	counts := map[key]int{}
	for _, so := range s.Sockets {
		k := key{state: so.State, remote: so.Remote}
		switch {
		case !so.Remote.Addr().IsValid() || so.Remote.Addr().IsUnspecified():
			k.remote = so.Local
		case listening[so.Local.Port()]:
			k.inbound = true
			k.port = so.Local.Port()
			k.remote = netip.AddrPortFrom(so.Remote.Addr(), 0)
		}
		counts[k]++
	}
	out := make([]Group, 0, len(counts))
	for k, n := range counts {
		out = append(out, Group{State: k.state, Remote: k.remote, Inbound: k.inbound, Port: k.port, Count: n})
	}
	slices.SortFunc(out, func(a, b Group) int {
		if c := a.State.rank() - b.State.rank(); c != 0 {
			return c
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if c := a.Remote.Compare(b.Remote); c != 0 {
			return c
		}
		if a.Inbound != b.Inbound {
			if a.Inbound {
				return 1
			}
			return -1
		}
		return int(a.Port) - int(b.Port)
	})
	return out
}

// procRoot is where Read looks for /proc; tests may point it at a
// fake tree.
var procRoot = "/proc"

// Read reads the TCP sockets and the number of open descriptors of
// process pid (0 means the calling process). It returns an error wrapping
// ErrUnsupported where /proc is not available and ErrNoProcess when the
// process does not exist or may not be inspected; it never returns a
// silent, empty Snapshot for a process it could not read.
//
// On Linux the sockets are listed through netlink sock_diag, which asks the
// kernel only for TCP sockets instead of having it format the whole
// namespace's /proc/net/tcp; where netlink is refused (seccomp, no
// inet_diag) or the process lives in another network namespace it reads
// /proc/<pid>/net/tcp and tcp6 instead. Both give the same Snapshot.
func Read(pid int) (Snapshot, error) {
	return readSockets(pid, readAuto)
}

// reader selects how readSockets lists the namespace's TCP sockets.
type reader int

const (
	readAuto    reader = iota // netlink where it applies, else /proc
	readProc                  // /proc/<pid>/net/tcp{,6} only
	readNetlink               // netlink only: an error if it fails
)

func readSockets(pid int, how reader) (Snapshot, error) {
	if runtime.GOOS != "linux" {
		return Snapshot{}, fmt.Errorf("guard: %w (GOOS=%s)", ErrUnsupported, runtime.GOOS)
	}
	if pid == 0 {
		pid = os.Getpid()
	}
	if pid < 0 {
		return Snapshot{}, fmt.Errorf("guard: process %d: %w", pid, ErrNoProcess)
	}
	base := procRoot + "/" + strconv.Itoa(pid)
	snap := Snapshot{PID: pid, Time: time.Now()}

	inodes, fds, err := socketInodes(base + "/fd")
	if err != nil {
		if _, serr := os.Stat(procRoot + "/self/net/tcp"); serr != nil {
			return Snapshot{}, fmt.Errorf("guard: %w: %s/self/net/tcp: %v", ErrUnsupported, procRoot, serr)
		}
		return Snapshot{}, fmt.Errorf("guard: process %d: %w: %v", pid, ErrNoProcess, err)
	}
	snap.FDs = fds

	viaNetlink := false
	switch how {
	case readNetlink:
		snap.Sockets, err = dumpSockets(nil, inodes)
		if err != nil {
			return Snapshot{}, fmt.Errorf("guard: process %d: %w", pid, err)
		}
		viaNetlink = true
	case readAuto:
		// netlink answers for the caller's network namespace; a fake
		// /proc tree (tests) or another namespace needs the tables.
		if procRoot == "/proc" && sameNetns(base) {
			if socks, err := dumpSockets(nil, inodes); err == nil {
				snap.Sockets, viaNetlink = socks, true
			}
		}
	}
	if !viaNetlink {
		if err := readProcTables(&snap, base, inodes); err != nil {
			return Snapshot{}, err
		}
	}
	slices.SortFunc(snap.Sockets, compareSockets)

	snap.ByState = make(map[State]int)
	snap.ByRemote = make(map[netip.Addr]int)
	for _, so := range snap.Sockets {
		snap.ByState[so.State]++
		if a := so.Remote.Addr(); a.IsValid() && !a.IsUnspecified() {
			snap.ByRemote[a]++
		}
	}
	return snap, nil
}

// dumpSockets lists the namespace's sockets through netlink; tests replace
// it to simulate a kernel that refuses.
var dumpSockets = netlinkSockets

// sameNetns reports whether the process whose /proc directory is base is in
// the caller's network namespace; false when either cannot be read.
func sameNetns(base string) bool {
	self, err := os.Readlink(procRoot + "/self/ns/net")
	if err != nil {
		return false
	}
	other, err := os.Readlink(base + "/ns/net")
	return err == nil && self == other
}

// readProcTables appends the owned sockets of base/net/tcp and tcp6.
func readProcTables(snap *Snapshot, base string, inodes map[uint64]bool) error {
	pid := snap.PID
	for _, f := range [...]struct {
		name     string
		optional bool // tcp6 is absent where IPv6 is disabled
	}{{"tcp", false}, {"tcp6", true}} {
		data, err := os.ReadFile(base + "/net/" + f.name)
		if err != nil {
			if f.optional && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("guard: process %d: %w: %v", pid, ErrNoProcess, err)
			}
			return fmt.Errorf("guard: process %d: %v", pid, err)
		}
		snap.Sockets = appendOwned(snap.Sockets, data, inodes)
	}
	return nil
}

func compareSockets(a, b Socket) int {
	if c := a.State.rank() - b.State.rank(); c != 0 {
		return c
	}
	if c := a.Remote.Compare(b.Remote); c != 0 {
		return c
	}
	if c := a.Local.Compare(b.Local); c != 0 {
		return c
	}
	switch {
	case a.Inode < b.Inode:
		return -1
	case a.Inode > b.Inode:
		return 1
	}
	return 0
}

// socketInodes reads the descriptor directory dir and returns the inodes of
// the sockets among them and the number of descriptors. When dir is the
// caller's own, the descriptor used to read it is not counted.
func socketInodes(dir string) (map[uint64]bool, int, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, 0, err
	}
	defer d.Close()
	names, err := d.Readdirnames(-1)
	if err != nil {
		return nil, 0, err
	}
	own := ""
	if dir == procRoot+"/"+strconv.Itoa(os.Getpid())+"/fd" {
		own = strconv.FormatUint(uint64(d.Fd()), 10)
	}
	inodes := make(map[uint64]bool, len(names))
	fds := 0
	for _, name := range names {
		if name == own {
			continue
		}
		fds++
		// Our own descriptors: one fstat costs far less than a readlink
		// through /proc (the inode of a socket is its sockfs inode).
		if own != "" {
			if n, err := strconv.Atoi(name); err == nil {
				if ino, isSock, ok := fdSocketInode(n); ok {
					if isSock {
						inodes[ino] = true
					}
					continue
				}
			}
		}
		// A descriptor closed between Readdirnames and Readlink is
		// simply gone; it is still counted in fds, as it was open.
		target, err := os.Readlink(dir + "/" + name)
		if err != nil {
			continue
		}
		if ino, ok := socketInode(target); ok {
			inodes[ino] = true
		}
	}
	return inodes, fds, nil
}

// socketInode parses a descriptor's link target, "socket:[12345]".
func socketInode(target string) (uint64, bool) {
	rest, ok := strings.CutPrefix(target, "socket:[")
	if !ok {
		return 0, false
	}
	num, ok := strings.CutSuffix(rest, "]")
	if !ok {
		return 0, false
	}
	ino, err := strconv.ParseUint(num, 10, 64)
	return ino, err == nil
}

// appendOwned parses a net/tcp or net/tcp6 table and appends the sockets
// whose inode is in owned. The header and malformed lines are skipped.
func appendOwned(dst []Socket, table []byte, owned map[uint64]bool) []Socket {
	for len(table) > 0 {
		line := table
		if i := bytes.IndexByte(table, '\n'); i >= 0 {
			line, table = table[:i], table[i+1:]
		} else {
			table = nil
		}
		so, ok := parseTCPLine(line)
		if ok && so.Inode != 0 && owned[so.Inode] {
			dst = append(dst, so)
		}
	}
	return dst
}

// parseTCPLine parses one entry of /proc/net/tcp or tcp6:
//
//	sl  local_address rem_address   st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
//	 0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 1000 0 12345 ...
//
// It reports false for the header line and for any malformed line, and never
// panics.
func parseTCPLine(line []byte) (Socket, bool) {
	var f [10][]byte
	n := 0
	for rest := line; n < len(f); {
		rest = bytes.TrimLeft(rest, " \t")
		if len(rest) == 0 {
			break
		}
		end := bytes.IndexAny(rest, " \t")
		if end < 0 {
			end = len(rest)
		}
		f[n], rest = rest[:end], rest[end:]
		n++
	}
	if n < len(f) || !bytes.HasSuffix(f[0], []byte(":")) {
		return Socket{}, false
	}
	local, ok := parseHexAddrPort(f[1])
	if !ok {
		return Socket{}, false
	}
	remote, ok := parseHexAddrPort(f[2])
	if !ok || local.Addr().BitLen() != remote.Addr().BitLen() {
		return Socket{}, false
	}
	st, err := strconv.ParseUint(string(f[3]), 16, 8)
	if err != nil || len(f[3]) != 2 {
		return Socket{}, false
	}
	ino, err := strconv.ParseUint(string(f[9]), 10, 64)
	if err != nil {
		return Socket{}, false
	}
	return Socket{Local: unmap(local), Remote: unmap(remote), State: State(st), Inode: ino}, true
}

func unmap(ap netip.AddrPort) netip.AddrPort {
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
}

// parseHexAddrPort parses "0100007F:1F90" (IPv4) or a 32-digit IPv6 address
// and a port. The kernel prints each 32-bit word of the address as a host
// byte order integer, so the bytes of each word are in native order.
func parseHexAddrPort(b []byte) (netip.AddrPort, bool) {
	i := bytes.IndexByte(b, ':')
	if i < 0 || len(b)-i-1 != 4 {
		return netip.AddrPort{}, false
	}
	hexAddr, hexPort := b[:i], b[i+1:]
	port, err := strconv.ParseUint(string(hexPort), 16, 16)
	if err != nil {
		return netip.AddrPort{}, false
	}
	var raw [16]byte
	switch len(hexAddr) {
	case 8, 32:
	default:
		return netip.AddrPort{}, false
	}
	words := len(hexAddr) / 8
	for w := 0; w < words; w++ {
		v, err := strconv.ParseUint(string(hexAddr[w*8:w*8+8]), 16, 32)
		if err != nil {
			return netip.AddrPort{}, false
		}
		binary.NativeEndian.PutUint32(raw[w*4:], uint32(v))
	}
	var addr netip.Addr
	if words == 1 {
		addr = netip.AddrFrom4([4]byte(raw[:4]))
	} else {
		addr = netip.AddrFrom16(raw)
	}
	return netip.AddrPortFrom(addr, uint16(port)), true
}
