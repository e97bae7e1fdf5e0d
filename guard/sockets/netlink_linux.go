//go:build linux

package sockets

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// Linux sock_diag constants (linux/netlink.h, linux/sock_diag.h,
// linux/inet_diag.h). The syscall package does not define the diag ones.
const (
	netlinkSockDiag   = 4  // NETLINK_SOCK_DIAG
	sockDiagByFamily  = 20 // SOCK_DIAG_BY_FAMILY
	nlmsgHdrLen       = 16 // struct nlmsghdr
	inetDiagReqV2Len  = 56 // struct inet_diag_req_v2
	inetDiagMsgLen    = 72 // struct inet_diag_msg
	netlinkRecvBuffer = 64 << 10
)

// netlinkSockets dumps the TCP sockets of the caller's network namespace
// through NETLINK_SOCK_DIAG (AF_INET, then AF_INET6, every state) and
// appends those whose inode is in owned. It fails, rather than returning a
// partial list, when the kernel refuses the socket or the dump (EPERM under
// seccomp, EPROTONOSUPPORT without the inet_diag module); the caller then
// falls back to /proc/<pid>/net/tcp.
func netlinkSockets(dst []Socket, owned map[uint64]bool) ([]Socket, error) {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW|syscall.SOCK_CLOEXEC, netlinkSockDiag)
	if err != nil {
		return dst, fmt.Errorf("netlink sock_diag socket: %w", err)
	}
	defer syscall.Close(fd)
	// A kernel that never answers must not hang the watcher.
	tv := syscall.Timeval{Sec: 2}
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &tv); err != nil {
		return dst, fmt.Errorf("netlink sock_diag timeout: %w", err)
	}
	buf := make([]byte, netlinkRecvBuffer)
	for i, family := range [...]uint8{syscall.AF_INET, syscall.AF_INET6} {
		seq := uint32(i + 1)
		req := diagRequest(family, seq)
		if err := syscall.Sendto(fd, req, 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
			return dst, fmt.Errorf("netlink sock_diag request: %w", err)
		}
		for done := false; !done; {
			n, _, err := syscall.Recvfrom(fd, buf, 0)
			if err != nil {
				if errors.Is(err, syscall.EINTR) {
					continue
				}
				return dst, fmt.Errorf("netlink sock_diag receive: %w", err)
			}
			dst, done, err = parseDiagDump(dst, buf[:n], seq, owned)
			if err != nil {
				return dst, err
			}
		}
	}
	return dst, nil
}

// diagRequest builds a SOCK_DIAG_BY_FAMILY dump request (nlmsghdr followed
// by inet_diag_req_v2) for TCP sockets of family in every state.
func diagRequest(family uint8, seq uint32) []byte {
	b := make([]byte, nlmsgHdrLen+inetDiagReqV2Len)
	ne := binary.NativeEndian
	ne.PutUint32(b[0:], uint32(len(b)))
	ne.PutUint16(b[4:], sockDiagByFamily)
	ne.PutUint16(b[6:], syscall.NLM_F_REQUEST|syscall.NLM_F_DUMP)
	ne.PutUint32(b[8:], seq)
	// b[12:16] pid 0: the kernel assigns the port id.
	r := b[nlmsgHdrLen:]
	r[0] = family
	r[1] = syscall.IPPROTO_TCP
	// r[2] idiag_ext 0: no extensions, r[3] padding.
	ne.PutUint32(r[4:], 0xFFFFFFFF) // idiag_states: all
	// The socket id (r[8:56]) stays zero: no filter.
	return b
}

// errDiagMalformed marks a sock_diag reply that cannot be parsed.
var errDiagMalformed = errors.New("netlink sock_diag: malformed reply")

// parseDiagDump parses one datagram of a sock_diag dump reply with sequence
// number seq, appending the TCP sockets whose inode is in owned (all of
// them when owned is nil). done reports the end of the dump (NLMSG_DONE).
// Truncated or inconsistent messages give an error, never a panic.
func parseDiagDump(dst []Socket, b []byte, seq uint32, owned map[uint64]bool) (_ []Socket, done bool, _ error) {
	ne := binary.NativeEndian
	for len(b) > 0 {
		if len(b) < nlmsgHdrLen {
			return dst, false, fmt.Errorf("%w: %d trailing bytes, shorter than a message header", errDiagMalformed, len(b))
		}
		mlen := int(ne.Uint32(b[0:]))
		typ := ne.Uint16(b[4:])
		mseq := ne.Uint32(b[8:])
		if mlen < nlmsgHdrLen || mlen > len(b) {
			return dst, false, fmt.Errorf("%w: message length %d with %d bytes left", errDiagMalformed, mlen, len(b))
		}
		body := b[nlmsgHdrLen:mlen]
		// Messages are padded to 4 bytes; the last one may not be.
		next := (mlen + 3) &^ 3
		if next > len(b) {
			next = len(b)
		}
		b = b[next:]
		if mseq != seq {
			continue // a stale reply to an earlier request
		}
		switch typ {
		case syscall.NLMSG_DONE:
			return dst, true, nil
		case syscall.NLMSG_ERROR:
			if len(body) < 4 {
				return dst, false, fmt.Errorf("%w: short error message", errDiagMalformed)
			}
			if e := int32(ne.Uint32(body)); e != 0 {
				return dst, false, fmt.Errorf("netlink sock_diag: %w", syscall.Errno(-e))
			}
			continue // an acknowledgement
		case sockDiagByFamily:
		default:
			continue
		}
		so, ok := parseDiagMsg(body)
		if !ok {
			return dst, false, fmt.Errorf("%w: inet_diag_msg of %d bytes", errDiagMalformed, len(body))
		}
		if so.Inode != 0 && (owned == nil || owned[so.Inode]) {
			dst = append(dst, so)
		}
	}
	return dst, false, nil
}

// parseDiagMsg parses a struct inet_diag_msg:
//
//	u8 family, state, timer, retrans
//	inet_diag_sockid: be16 sport, dport; be32 src[4], dst[4]; u32 if; u32 cookie[2]
//	u32 expires, rqueue, wqueue, uid, inode
//
// Addresses and ports are in network byte order; the rest in host order.
func parseDiagMsg(m []byte) (Socket, bool) {
	if len(m) < inetDiagMsgLen {
		return Socket{}, false
	}
	family, state := m[0], m[1]
	id := m[4:52]
	sport := binary.BigEndian.Uint16(id[0:])
	dport := binary.BigEndian.Uint16(id[2:])
	var local, remote netip.Addr
	switch family {
	case syscall.AF_INET:
		local = netip.AddrFrom4([4]byte(id[4:8]))
		remote = netip.AddrFrom4([4]byte(id[20:24]))
	case syscall.AF_INET6:
		local = netip.AddrFrom16([16]byte(id[4:20])).Unmap()
		remote = netip.AddrFrom16([16]byte(id[20:36])).Unmap()
	default:
		return Socket{}, false
	}
	ino := binary.NativeEndian.Uint32(m[68:])
	return Socket{
		Local:  netip.AddrPortFrom(local, sport),
		Remote: netip.AddrPortFrom(remote, dport),
		State:  State(state),
		Inode:  uint64(ino),
	}, true
}

func nativeEndian() binary.ByteOrder { return binary.NativeEndian }

// fdSocketInode reports, for descriptor fd of the calling process, whether
// it is a socket and its inode (the number /proc/<pid>/fd shows in
// "socket:[N]" and sock_diag reports). ok is false when fstat fails (the
// descriptor was closed meanwhile); the caller then falls back to readlink.
func fdSocketInode(fd int) (ino uint64, isSock, ok bool) {
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return 0, false, false
	}
	return st.Ino, st.Mode&syscall.S_IFMT == syscall.S_IFSOCK, true
}
