package readloop

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

func handle(string) {}

// Positives.

func promptLoop(r *bufio.Reader) {
	for { // want `reads Reader\.ReadString again at once when it fails: at EOF or on a closed input it returns at once with nothing, so the loop spins, and its error is discarded; fix: stop on io\.EOF and return \(or break\) on any other read error$`
		line, _ := r.ReadString('\n')
		if line == "" {
			continue
		}
		handle(line)
	}
}

func stdinREPL() {
	r := bufio.NewReader(os.Stdin)
	for { // want `reads Reader\.ReadString again at once when it fails.*, and its error is discarded`
		line, _ := r.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line == "quit" {
			return
		}
		handle(line)
	}
}

func connLoop(conn net.Conn) {
	buf := make([]byte, 1024)
	for { // want `retries Conn\.Read at once when it fails: no wait on the failure path, and its error is discarded`
		n, _ := conn.Read(buf)
		if n == 0 {
			continue
		}
		handle(string(buf[:n]))
	}
}

func readerLoop(r io.Reader) {
	buf := make([]byte, 512)
	for { // want `retries Reader\.Read at once when it fails: no wait on the failure path, and its error is discarded`
		n, _ := r.Read(buf)
		if n == 0 {
			continue
		}
		handle(string(buf[:n]))
	}
}

// Negatives.

func errReturn(r *bufio.Reader) {
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if line == "" {
			continue
		}
		handle(line)
	}
}

func errBreak(conn net.Conn) {
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			break
		}
		if n == 0 {
			continue
		}
		handle(string(buf[:n]))
	}
}

func eofCheck(r *bufio.Reader) {
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) {
			return
		}
		if line == "" {
			continue
		}
		handle(line)
	}
}

func eofEqual(r *bufio.Reader) {
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return
		}
		handle(line)
	}
}

func scanner(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		handle(line)
	}
}

func bounded(r *bufio.Reader) {
	for i := 0; i < 10; i++ {
		line, _ := r.ReadString('\n')
		if line == "" {
			continue
		}
		handle(line)
	}
}

func waits(r *bufio.Reader) {
	for {
		line, _ := r.ReadString('\n')
		if line == "" {
			time.Sleep(time.Second)
			continue
		}
		handle(line)
	}
}

// Stops on empty input: at EOF the zero value leaves the loop.
func stopsOnEmpty(r *bufio.Reader) {
	for {
		line, _ := r.ReadString('\n')
		if line == "" {
			return
		}
		handle(line)
	}
}

func stopsOnZero(conn net.Conn) {
	buf := make([]byte, 64)
	for {
		n, _ := conn.Read(buf)
		if n == 0 {
			break
		}
		handle(string(buf[:n]))
	}
}

// A closure doing the read, called in a loop with its error checked.
func closureChecked(r *bufio.Reader) {
	next := func() (string, error) { return r.ReadString('\n') }
	for {
		line, err := next()
		if err != nil {
			return
		}
		handle(line)
	}
}

type session struct{ r *bufio.Reader }

// A method whose loop checks the error.
func (s *session) run() error {
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return err
		}
		handle(line)
	}
}

func stdinRaw() {
	buf := make([]byte, 256)
	for { // want `reads File\.Read again at once when it fails.*error is discarded`
		n, _ := os.Stdin.Read(buf)
		if n == 0 {
			continue
		}
		handle(string(buf[:n]))
	}
}

// The error is read but the loop goes round again on it: still a spin.
func errContinue(r *bufio.Reader) {
	for { // want `reads Reader\.ReadBytes again at once when it fails: at EOF or on a closed input it returns at once with nothing, so the loop spins; fix: stop on io\.EOF`
		b, err := r.ReadBytes('\n')
		if err != nil {
			continue
		}
		handle(string(b))
	}
}

// A method's loop, in a goroutine closure.
func (s *session) serve() {
	go func() {
		for { // want `reads Reader\.ReadString again at once`
			line, _ := s.r.ReadString('\n')
			if len(line) == 0 {
				continue
			}
			handle(line)
		}
	}()
}

// tail -f: on EOF it waits and tries again; other errors end it.
func follow(f *os.File) error {
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			time.Sleep(500 * time.Millisecond)
			continue
		}
		if err != nil {
			return err
		}
		handle(line)
	}
}

// A ReadWriter promotes Reader's methods; the error is checked.
func readWriter(rw *bufio.ReadWriter) error {
	for {
		line, err := rw.ReadString('\n')
		if err != nil {
			return err
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		handle(line)
	}
}

// A non-empty check after trimming still exits on the zero value.
func trimmedStop(r *bufio.Reader) {
	for {
		line, _ := r.ReadString('\n')
		if strings.TrimSpace(line) == "" {
			return
		}
		handle(line)
	}
}

// A stream read is not remote I/O: an endless prompt loop that waits on
// empty input is no zombie and, with a ctx in scope, no nocancel finding.
func ctxPrompt(ctx context.Context, r *bufio.Reader) {
	for {
		line, _ := r.ReadString('\n')
		if line == "" {
			time.Sleep(time.Second)
			continue
		}
		handle(line)
	}
}

func readLine(r *bufio.Reader) (string, error) { return r.ReadString('\n') }

// Known miss, kept silent on purpose: a stream read behind a helper of
// this package is not followed (stream reads are judged only where they
// are called, so that they never make a function an I/O function in its
// facts). The same loop calling r.ReadString directly is promptLoop.
func viaHelper(r *bufio.Reader) {
	for {
		line, _ := readLine(r)
		if line == "" {
			continue
		}
		handle(line)
	}
}
