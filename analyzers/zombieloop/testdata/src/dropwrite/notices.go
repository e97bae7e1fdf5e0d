package dropwrite

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
)

type update struct{ line []byte }

// forwardUpdates forwards each update line to ch, guarded by ctx, and
// writes the odd notice line to w for a human, dropping that write's
// error (livekit's cloudagents build stream). The loop's output is the
// channel; a notice lost to a failed terminal does not make the loop run
// on unseen, since every other line still stops it on cancellation.
func forwardUpdates(ctx context.Context, r io.Reader, w io.Writer, ch chan<- *update) error {
	sc := bufio.NewScanner(r)
	var last string
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte("NOTICE ")) {
			if msg := string(line[7:]); msg != last {
				last = msg
				_, _ = w.Write(line)
				fmt.Fprintln(w, msg)
			}
			continue
		}
		select {
		case ch <- &update{line: line}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return sc.Err()
}

// teeUpdates writes every line to w, dropping the error, and then
// forwards it: the write is on every iteration's path, so w is a copy
// destination that fails unseen.
func teeUpdates(ctx context.Context, r io.Reader, w io.Writer, ch chan<- *update) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() { // want `error from Writer\.Write discarded in a copy loop`
		line := sc.Bytes()
		w.Write(line)
		select {
		case ch <- &update{line: line}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return sc.Err()
}

// noticesUnguarded forwards the other lines with a plain send that no
// cancellation can interrupt: nothing but the source's end stops it, so
// the dropped notice writes are reported as before.
func noticesUnguarded(r io.Reader, w io.Writer, ch chan<- *update) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() { // want `error from Writer\.Write discarded in a copy loop`
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte("NOTICE ")) {
			w.Write(line)
			continue
		}
		ch <- &update{line: line}
	}
	return sc.Err()
}

// noticesAfterSend writes the notice after the guarded send of the same
// iteration: the send does not make the write a side output of another
// path, it is the same path.
func noticesAfterSend(ctx context.Context, r io.Reader, w io.Writer, ch chan<- *update) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() { // want `error from Writer\.Write discarded in a copy loop`
		line := sc.Bytes()
		select {
		case ch <- &update{line: line}:
		case <-ctx.Done():
			return ctx.Err()
		}
		if bytes.HasPrefix(line, []byte("NOTICE ")) {
			w.Write(line)
		}
	}
	return sc.Err()
}
