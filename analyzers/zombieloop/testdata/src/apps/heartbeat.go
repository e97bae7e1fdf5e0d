package apps

import (
	"net"
	"os"
	"time"
)

// notify sends one datagram to the supervisor's socket.
func notify(msg string) error {
	c, err := net.Dial("unixgram", os.Getenv("SUPERVISOR_SOCKET"))
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte(msg))
	return err
}

// A heartbeat that never stops and drops every notify error, paced by a
// computed interval. The message names the interval as written.
func heartbeat(interval time.Duration) {
	go func() {
		for { // want `loop never exits; error from apps.notify discarded; retries every interval / 3 with no backoff`
			notify("alive")
			time.Sleep(interval / 3)
		}
	}()
}
