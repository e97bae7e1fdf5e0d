package digestio // want package:"Relevant"

// Package digestio writes through an io.Writer, which can fail: that is
// I/O, and the package is relevant to its importers.

import (
	"io"
	"net"
)

const Len = net.IPv4len

func Send(w io.Writer, parts [][]byte) error { // want Send:`LoopSum\(io=true, waits=false, adaptive=false\)`
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}
