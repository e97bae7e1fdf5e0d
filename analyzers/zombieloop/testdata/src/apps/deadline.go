package apps

import (
	"context"
	"net"
	"time"
)

// listenReplies reads UDP replies until ctx ends. Each read is bounded by
// a deadline set in the same iteration, so a timeout error comes back only
// after 250ms: the failure path waits (as in syncthing's UPnP discovery).
func listenReplies(ctx context.Context, socket *net.UDPConn, timeout time.Duration) (replies []string) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	buf := make([]byte, 65536)
loop:
	for {
		if err := socket.SetDeadline(time.Now().Add(250 * time.Millisecond)); err != nil {
			break
		}
		n, _, err := socket.ReadFromUDP(buf)
		if err != nil {
			select {
			case <-ctx.Done():
				break loop
			default:
			}
			if e, ok := err.(net.Error); ok && e.Timeout() {
				continue
			}
			break
		}
		replies = append(replies, string(buf[:n]))
	}
	return replies
}

// readFrames sets a read deadline on the connection it reads: the same
// pacing with SetReadDeadline.
func readFrames(ctx context.Context, conn net.Conn, out chan<- []byte) {
	buf := make([]byte, 4096)
	for ctx.Err() == nil {
		_ = conn.SetReadDeadline(time.Now().Add(time.Second))
		n, err := conn.Read(buf)
		if err != nil {
			continue
		}
		out <- buf[:n]
	}
}

// redialWithDeadlineElsewhere sets a deadline on a different connection
// than the one whose call fails: the failing Dial is still retried at once.
func redialWithDeadlineElsewhere(ctrl net.Conn, addr string) net.Conn {
	for { // want `retries net.Dial at once when it fails`
		_ = ctrl.SetDeadline(time.Now().Add(time.Second))
		c, err := net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		return c
	}
}
