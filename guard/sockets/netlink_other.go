//go:build !linux

package sockets

import "fmt"

// netlinkSockets is Linux-only; elsewhere Read already reports
// ErrUnsupported before it is reached.
func netlinkSockets(dst []Socket, _ map[uint64]bool) ([]Socket, error) {
	return dst, fmt.Errorf("netlink sock_diag: %w", ErrUnsupported)
}

// fdSocketInode is Linux-only: elsewhere the caller reads the descriptor's
// link instead.
func fdSocketInode(int) (uint64, bool, bool) { return 0, false, false }
