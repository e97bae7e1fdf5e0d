// Package daemon is a stand-in for go-systemd's daemon package: SdNotify
// sends a state to the service manager's unix datagram socket.
package daemon

import (
	"net"
	"os"
)

const SdNotifyWatchdog = "WATCHDOG=1"

func SdNotify(unsetEnvironment bool, state string) (bool, error) {
	addr := &net.UnixAddr{Name: os.Getenv("NOTIFY_SOCKET"), Net: "unixgram"}
	if addr.Name == "" {
		return false, nil
	}
	conn, err := net.DialUnix(addr.Net, nil, addr)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(state)); err != nil {
		return false, err
	}
	return true, nil
}
