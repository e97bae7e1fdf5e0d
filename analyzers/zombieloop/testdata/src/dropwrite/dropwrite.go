// Package dropwrite: copy and stream loops that discard the write's error.
package dropwrite

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
)

// Reported: a download whose file write fails keeps reading to the end.
func download(resp *http.Response, f *os.File) error {
	buf := make([]byte, 32<<10)
	for { // want `error from File\.Write discarded in a copy loop`
		n, err := resp.Body.Read(buf)
		if n > 0 {
			f.Write(buf[:n])
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Reported: a proxy pump from one conn to another, `_, _ =` form.
func pump(dst, src net.Conn) {
	buf := make([]byte, 4096)
	for { // want `error from Conn\.Write discarded in a copy loop`
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		_, _ = dst.Write(buf[:n])
	}
}

// Reported: lines copied through a helper writer parameter with
// io.WriteString.
func copyLines(w io.Writer, r *bufio.Reader) {
	for { // want `error from io\.WriteString discarded in a copy loop`
		line, err := r.ReadString('\n')
		io.WriteString(w, line)
		if err != nil {
			return
		}
	}
}

// Reported: a closure bridging a channel to a conn never stops.
func bridge(c net.Conn, events <-chan []byte) {
	go func() {
		for { // want `error from Conn\.Write discarded in a copy loop: when the write fails \(a full disk, a closed peer\) the loop goes on for ever`
			ev := <-events
			c.Write(ev)
		}
	}()
}

type sink struct{ conn net.Conn }

// Reported: a method streaming scanner lines to its conn.
func (s *sink) forward(sc *bufio.Scanner) {
	for sc.Scan() { // want `error from Conn\.Write discarded`
		s.conn.Write(sc.Bytes())
	}
}

// Reported: a server streaming a channel to a client with no way to see
// the client go.
func stream(w http.ResponseWriter, events <-chan string) {
	for ev := range events { // want `error from ResponseWriter\.Write discarded`
		w.Write([]byte("data: " + ev + "\n\n"))
		w.(http.Flusher).Flush()
	}
}

// Reported: generic over the writer; the write goes through the type
// parameter's method.
func fanIn[W io.Writer](w W, r io.Reader) {
	buf := make([]byte, 512)
	for { // want `error from Writer\.Write discarded`
		n, err := r.Read(buf)
		w.Write(buf[:n])
		if err != nil {
			return
		}
	}
}

// Silent: the same download, write error checked.
func downloadChecked(resp *http.Response, f *os.File) error {
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := f.Write(buf[:n]); werr != nil {
				return werr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// Silent: writers that cannot fail.
func collect(r io.Reader) (string, []byte, []byte) {
	var b bytes.Buffer
	var sb strings.Builder
	h := sha256.New()
	buf := make([]byte, 512)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		sb.Write(buf[:n])
		h.Write(buf[:n])
		if err != nil {
			return sb.String(), b.Bytes(), h.Sum(nil)
		}
	}
}

// Silent: a bufio.Writer keeps the error, and Flush's is checked.
func buffered(conn net.Conn, r *bufio.Reader) error {
	bw := bufio.NewWriter(conn)
	for {
		line, err := r.ReadString('\n')
		bw.WriteString(line)
		if err != nil {
			break
		}
	}
	return bw.Flush()
}

// Reported: the same bufio.Writer, Flush's error dropped too.
func bufferedLost(conn net.Conn, r *bufio.Reader) {
	bw := bufio.NewWriter(conn)
	for { // want `error from Writer\.WriteString discarded`
		line, err := r.ReadString('\n')
		bw.WriteString(line)
		if err != nil {
			break
		}
	}
	bw.Flush()
}

// Silent: a CLI's output; a closed stdout kills the process with SIGPIPE.
func cat(conn net.Conn) {
	buf := make([]byte, 512)
	for {
		n, err := conn.Read(buf)
		os.Stdout.Write(buf[:n])
		if err != nil {
			return
		}
	}
}

// Silent: an echo server: a failed write on the conn makes its next read
// fail, and the loop returns then.
func echo(c net.Conn) {
	buf := make([]byte, 512)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return
		}
		c.Write(buf[:n])
	}
}

// Silent: a short write ends the loop.
func shortWrite(dst, src net.Conn) {
	buf := make([]byte, 512)
	for {
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		if m, _ := dst.Write(buf[:n]); m < n {
			return
		}
	}
}

// Silent: a server streaming to a client that stops when the request's
// context is cancelled, which net/http does when the client goes away.
func streamCtx(w http.ResponseWriter, r *http.Request, events <-chan string) {
	for {
		select {
		case ev := <-events:
			w.Write([]byte(ev))
		case <-r.Context().Done():
			return
		}
	}
}

// Silent: the write error is logged-and-returned by a helper.
func copyHelper(dst io.Writer, src io.Reader) error {
	buf := make([]byte, 512)
	for {
		n, err := src.Read(buf)
		if werr := write(dst, buf[:n]); werr != nil {
			return werr
		}
		if err != nil {
			return nil
		}
	}
}

func write(w io.Writer, p []byte) error {
	_, err := w.Write(p)
	return err
}

// Silent: io.Copy with its error checked, once per file.
func concat(w io.Writer, files []*os.File) error {
	for _, f := range files {
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	return nil
}

// Reported: io.Copy with its error dropped, once per file: a failed
// destination goes on to the next file.
func concatLost(w net.Conn, files []*os.File) {
	for _, f := range files { // want `error from io\.Copy discarded`
		io.Copy(w, f)
	}
}

// Silent: a write that is not of read data (a keep-alive ping) is not a
// copy loop; the ticker paces it and its fate is the zombie rule's.
func pings(ctx context.Context, c net.Conn, tick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			c.Write([]byte("ping"))
		}
	}
}

// Silent: draining each failed attempt's body into io.Discard, which
// cannot fail (slack-go/slack v0.35.0 retry.go:234).
func drainAttempts(c *http.Client, req *http.Request) {
	for range 3 {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
}

// A websocket-style per-message writer (gorilla/websocket examples/chat
// writePump): the writes' errors are kept by the writer and returned by
// its Close, which is checked. Silent.
type msgConn interface {
	NextWriter(kind int) (io.WriteCloser, error)
}

func writePumpClosed(c msgConn, send chan []byte) {
	for {
		message, ok := <-send
		if !ok {
			return
		}
		w, err := c.NextWriter(1)
		if err != nil {
			return
		}
		w.Write(message)
		for i := 0; i < len(send); i++ {
			w.Write(<-send)
		}
		if err := w.Close(); err != nil {
			return
		}
	}
}

// The same pump that discards Close's error too: nothing sees a failure.
func writePumpUnchecked(c msgConn, send chan []byte) {
	for { // want `error from Writer\.Write discarded in a copy loop`
		message, ok := <-send
		if !ok {
			return
		}
		w, err := c.NextWriter(1)
		if err != nil {
			return
		}
		w.Write(message)
		w.Close()
	}
}
