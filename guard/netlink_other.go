//go:build !linux

package guard

import "fmt"

// netlinkSockets is Linux-only; elsewhere ReadSockets already reports
// ErrUnsupported before it is reached.
func netlinkSockets(dst []Socket, _ map[uint64]bool) ([]Socket, error) {
	return dst, fmt.Errorf("netlink sock_diag: %w", ErrUnsupported)
}
