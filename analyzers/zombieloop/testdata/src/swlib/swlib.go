// Package swlib does network I/O on its callers' behalf; some of its
// functions drop every error of it, which only their Swallows fact shows.
package swlib

import (
	"bytes"
	"log"
	"net"
	"net/http"
)

type Agent struct {
	hc  *http.Client
	url string
}

func (a *Agent) send(b []byte) error {
	resp, err := a.hc.Post(a.url, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Heartbeat drops the error of its I/O.
func (a *Agent) Heartbeat() { _ = a.send(nil) }

// Report logs the error: handled.
func (a *Agent) Report() {
	if err := a.send(nil); err != nil {
		log.Print(err)
	}
}

// Notify writes to a unix socket and drops the errors.
func Notify(sock string) {
	c, _ := net.Dial("unix", sock)
	if c != nil {
		c.Write([]byte("WATCHDOG=1"))
		c.Close()
	}
}

// Beat is generic and drops the error.
func Beat[T any](a *Agent, v T) { _ = a.send(nil) }

// Count does in-memory work only.
func Count(b []byte) int { return bytes.Count(b, []byte("\n")) }
