package eofonly

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strings"
)

// streamChat reads a server-sent event stream from a response body and
// stops only at io.EOF: after a reset or the client's timeout the body
// returns the same error on every read, and the loop spins.
func streamChat(c *http.Client, req *http.Request, out chan<- []byte) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	reader := bufio.NewReader(resp.Body)
	for { // want `only io\.EOF stops the loop: any other error from Reader\.ReadBytes`
		line, err := reader.ReadBytes('\n')
		if err != nil {
			if err == io.EOF {
				return nil
			}
			continue
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			out <- line
		}
	}
}

// streamChecked stops on every error: silent.
func streamChecked(resp *http.Response, out chan<- []byte) error {
	reader := bufio.NewReader(resp.Body)
	for {
		line, err := reader.ReadBytes('\n')
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		out <- line
	}
}

// eventStream keeps a reader over a response body for its Recv method, the
// shape of an LLM SDK's stream type.
type eventStream struct {
	reader *bufio.Reader
	resp   *http.Response
}

func newEventStream(resp *http.Response) *eventStream {
	return &eventStream{reader: bufio.NewReader(resp.Body), resp: resp}
}

func (s *eventStream) Recv() ([]byte, error) {
	for { // want `only io\.EOF stops the loop: any other error from Reader\.ReadBytes`
		line, err := s.reader.ReadBytes('\n')
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			continue
		}
		if bytes.HasPrefix(line, []byte("data: ")) {
			return line[6:], nil
		}
	}
}

// replayStream's reader is a response body in one place and an in-memory
// transcript in another: its source is not known to fail beyond EOF.
type replayStream struct {
	reader *bufio.Reader
}

func newReplayStream(resp *http.Response) *replayStream {
	return &replayStream{reader: bufio.NewReader(resp.Body)}
}

func newTranscript(s string) *replayStream {
	return &replayStream{reader: bufio.NewReader(strings.NewReader(s))}
}

func (s *replayStream) Recv() ([]byte, error) {
	for {
		line, err := s.reader.ReadBytes('\n')
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			continue
		}
		return line, nil
	}
}

// PublicStream's Reader is exported: another package may store any
// reader in it, so its source is unknown.
type PublicStream struct {
	Reader *bufio.Reader
}

func NewPublicStream(resp *http.Response) *PublicStream {
	return &PublicStream{Reader: bufio.NewReader(resp.Body)}
}

func (s *PublicStream) Recv() ([]byte, error) {
	for {
		line, err := s.Reader.ReadBytes('\n')
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			continue
		}
		return line, nil
	}
}
