// Package eofonly holds read loops whose only way out is io.EOF: every
// other error of a connection (a reset, a closed conn, a timeout) or of
// os.Stdin comes back at once, and the loop goes round again.
package eofonly

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"time"
)

func handle([]byte)             {}
func publish(string)            {}
func backoff(int) time.Duration { return time.Second }

// Positives.

// eclipse/paho.mqtt.golang cmd/stdinpub: a read of os.Stdin through bufio
// that stops only on io.EOF.
func stdinPub() {
	stdin := bufio.NewReader(os.Stdin)
	for { // want `only io\.EOF stops the loop: any other error from Reader\.ReadString \(a reset or closed connection, a timeout, EIO on a hung-up terminal\) comes back at once on every call, and the loop goes round again with no wait; fix: stop on every error, not only io\.EOF \(.if err != nil \{ return \}., with errors\.Is\(err, io\.EOF\) as the clean end\)$`
		message, err := stdin.ReadString('\n')
		if err == io.EOF {
			os.Exit(0)
		}
		publish(message)
	}
}

func connRead(conn net.Conn) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from Conn\.Read .*; fix: stop on every error, not only io\.EOF`
		n, err := conn.Read(buf)
		if err == io.EOF {
			return
		}
		handle(buf[:n])
	}
}

// *net.TCPConn's Read is promoted from net's conn: named conn.Read.
func connErrorsIs(conn *net.TCPConn) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from conn\.Read`
		n, err := conn.Read(buf)
		if errors.Is(err, io.EOF) {
			break
		}
		handle(buf[:n])
	}
}

func bufferedConn(conn net.Conn) {
	r := bufio.NewReader(conn)
	for { // want `only io\.EOF stops the loop: any other error from Reader\.ReadBytes`
		line, err := r.ReadBytes('\n')
		if err == io.EOF {
			return
		}
		handle(line)
	}
}

// Other errors are logged and the loop goes on at once.
func logsOthers(conn net.Conn) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from Conn\.Read`
		n, err := conn.Read(buf)
		if err != nil {
			if err == io.EOF {
				return
			}
			log.Printf("read: %v", err)
			continue
		}
		handle(buf[:n])
	}
}

func switchOnErr(conn net.Conn) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from Conn\.Read`
		n, err := conn.Read(buf)
		switch err {
		case nil:
			handle(buf[:n])
		case io.EOF:
			return
		default:
			log.Println(err)
		}
	}
}

func notEOF(conn net.Conn) {
	buf := make([]byte, 1024)
	for { // want `only io\.EOF stops the loop: any other error from Conn\.Read`
		n, err := conn.Read(buf)
		if !errors.Is(err, io.EOF) {
			handle(buf[:n])
			continue
		}
		return
	}
}

type wsConn interface {
	ReadMessage() (int, []byte, error)
}

func websocketLoop(ws wsConn) {
	for { // want `only io\.EOF stops the loop: any other error from wsConn\.ReadMessage`
		_, msg, err := ws.ReadMessage()
		if err == io.EOF {
			return
		}
		handle(msg)
	}
}

// Negatives.

func eofThenOthers(conn net.Conn) error {
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			if err == io.EOF {
				break
			}
			return err
		}
		handle(buf[:n])
	}
	return nil
}

func eofElseBackoff(conn net.Conn) {
	buf := make([]byte, 1024)
	for attempt := 0; ; attempt++ {
		n, err := conn.Read(buf)
		if err == io.EOF {
			break
		} else if err != nil {
			log.Println(err)
			time.Sleep(backoff(attempt))
			continue
		}
		handle(buf[:n])
	}
}

func eofElseSleep(conn net.Conn) {
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err == io.EOF {
			break
		} else if err != nil {
			log.Println(err)
			time.Sleep(2 * time.Second)
			continue
		}
		handle(buf[:n])
	}
}

func eofOrClosed(conn net.Conn) error {
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if errors.Is(err, io.EOF) || errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			log.Println(err)
			return err
		}
		handle(buf[:n])
	}
}

// A poll with a deadline: a timeout is waited for; EOF and other errors
// end the loop.
func deadlinePoll(conn net.Conn) error {
	buf := make([]byte, 1024)
	for {
		conn.SetReadDeadline(time.Now().Add(250 * time.Millisecond))
		n, err := conn.Read(buf)
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
		handle(buf[:n])
	}
}

func scanner(conn net.Conn) {
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		handle(sc.Bytes())
	}
}

// In-memory readers fail only with io.EOF.
func inMemory(s string) {
	r := bufio.NewReader(strings.NewReader(s))
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return
		}
		publish(line)
	}
}

func bytesReader(b []byte) {
	var r io.Reader = bytes.NewReader(b)
	buf := make([]byte, 16)
	for {
		n, err := r.Read(buf)
		if err == io.EOF {
			return
		}
		handle(buf[:n])
	}
}

func stringsReader(s string) {
	r := strings.NewReader(s)
	for {
		c, err := r.ReadByte()
		if err == io.EOF {
			return
		}
		handle([]byte{c})
	}
}

// A failing read returns n == 0, and the loop stops on it.
func zeroStops(conn net.Conn) {
	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if n == 0 {
			break
		}
		if err == io.EOF {
			return
		}
		handle(buf[:n])
	}
}

// A *bufio.Reader of unknown source is judged at EOF, where it stops.
func unknownSource(r *bufio.Reader) {
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return
		}
		publish(line)
	}
}

// A bounded number of reads.
func bounded(conn net.Conn) {
	buf := make([]byte, 64)
	for i := 0; i < 3; i++ {
		n, err := conn.Read(buf)
		if err == io.EOF {
			return
		}
		handle(buf[:n])
	}
}

// A file of unknown kind through bufio, sleeping on EOF (tail -f): its
// other errors end it.
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
		publish(line)
	}
}

type session struct {
	conn net.Conn
}

// A method that returns on any error but EOF, which it treats as the
// clean end.
func (s *session) serve() error {
	buf := make([]byte, 512)
	for {
		n, err := s.conn.Read(buf)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		handle(buf[:n])
	}
}

// A closure in a goroutine that stops on every error.
func (s *session) pump(out chan<- []byte) {
	go func() {
		r := bufio.NewReader(s.conn)
		for {
			line, err := r.ReadBytes('\n')
			if err != nil {
				if err != io.EOF {
					log.Println(err)
				}
				close(out)
				return
			}
			out <- line
		}
	}()
}

type msg struct{ Body string }

// Reported: a json.Decoder over a conn stops only on io.EOF; its errors
// are sticky, so one bad byte spins the loop for ever.
func decodeConn(conn net.Conn) {
	dec := json.NewDecoder(conn)
	for { // want `only io\.EOF stops the loop: any other error from Decoder\.Decode \(malformed input, which the decoder keeps returning, or a failed read\) comes back at once`
		var m msg
		err := dec.Decode(&m)
		if err == io.EOF {
			return
		}
		publish(m.Body)
	}
}

// Reported: the error of a Decoder of unknown source is dropped: at EOF
// it fails at once, every time.
func decodeDropped(dec *json.Decoder) {
	for { // want `reads Decoder\.Decode again at once when it fails: at EOF or on a closed input it returns at once with nothing, so the loop spins, and its error is discarded`
		var m msg
		dec.Decode(&m)
		publish(m.Body)
	}
}

// Silent: every error ends the loop.
func decodeChecked(conn net.Conn) error {
	dec := json.NewDecoder(conn)
	for {
		var m msg
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		publish(m.Body)
	}
}

// Reported: a json.Decoder of unknown source that stops only on io.EOF:
// a syntax error is kept and returned at once on every call.
func decodeUntilEOF(dec *json.Decoder) {
	for { // want `only io\.EOF stops the loop: any other error from Decoder\.Decode \(malformed input`
		var m msg
		if err := dec.Decode(&m); err == io.EOF {
			return
		}
		publish(m.Body)
	}
}

// Silent: More ends the loop on EOF and on errors.
func decodeMore(dec *json.Decoder) {
	for dec.More() {
		var m msg
		dec.Decode(&m)
		publish(m.Body)
	}
}

// Reported: a decoder over memory still meets malformed input.
func decodeMemory(b []byte) {
	dec := json.NewDecoder(bytes.NewReader(b))
	for { // want `only io\.EOF stops the loop: any other error from Decoder\.Decode`
		var m msg
		if err := dec.Decode(&m); err == io.EOF {
			return
		}
		publish(m.Body)
	}
}

// Silent: a gob.Decoder of unknown source is judged at EOF, where it
// stops.
func gobUntilEOF(dec *gob.Decoder) {
	for {
		var m msg
		if err := dec.Decode(&m); err == io.EOF {
			return
		}
		publish(m.Body)
	}
}
