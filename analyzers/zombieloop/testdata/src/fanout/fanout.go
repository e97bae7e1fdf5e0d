// Package fanout: event loops that hand each message to every subscriber
// once. A subscriber whose send fails is not retried: the loop goes on to
// the next one, and once the map is done it waits for the next message.
package fanout

import (
	"net"
	"time"
)

type writer interface {
	Send(msg []byte) error
	Flush() error
}

type subscription struct {
	w      writer
	topics []string
}

type joe struct {
	subs    map[chan error]subscription
	message chan []byte
	unsub   chan chan error
	done    chan struct{}
}

func (j *joe) remove(done chan error) {
	if _, ok := j.subs[done]; ok {
		delete(j.subs, done)
		close(done)
	}
}

// Silent: tmaxmax/go-sse v0.12.0 joe.go:226, reduced. The error tested
// after the flush is Send's own error when Send fails (a φ of Send's and
// Flush's errors, where Flush runs only when Send succeeded).
func (j *joe) start() {
	for {
		select {
		case msg := <-j.message:
			for done, sub := range j.subs {
				err := sub.w.Send(msg)
				if err == nil {
					err = sub.w.Flush()
				}
				if err != nil {
					done <- err
					j.remove(done)
				}
			}
		case done := <-j.unsub:
			j.remove(done)
		case <-j.done:
			return
		}
	}
}

// Silent: the same fan-out dropping a failing subscriber without telling
// anyone: each one is tried once per message.
func (j *joe) startQuiet() {
	for {
		select {
		case msg := <-j.message:
			for done, sub := range j.subs {
				if err := sub.w.Send(msg); err != nil {
					delete(j.subs, done)
				}
			}
		case <-j.done:
			return
		}
	}
}

// Not hot: fan-out over a slice of connections, paced by the message
// channel. But its write errors are dropped, so a dead connection is
// written to for ever: dropwrite.
func broadcast(conns []net.Conn, in <-chan []byte) {
	for msg := range in { // want `error from Conn\.Write discarded in a copy loop`
		for _, c := range conns {
			_, _ = c.Write(msg)
		}
	}
}

// Reported: the real hot shape beside it. With no message to wait for, the
// loop goes round the subscriber map again at once, so a dead subscriber
// is retried at full speed.
func (j *joe) spin(msg []byte) {
	for { // want `retries writer\.Send at once when it fails`
		for done, sub := range j.subs {
			err := sub.w.Send(msg)
			if err == nil {
				err = sub.w.Flush()
			}
			if err != nil {
				j.remove(done)
			}
		}
	}
}

// Reported: a retry that merges the errors of two steps; the merged error
// is the first step's while it fails, and the loop goes round at once.
func pushUntilDone(w writer, msg []byte) {
	for { // want `retries writer\.Send at once when it fails`
		err := w.Send(msg)
		if err == nil {
			err = w.Flush()
		}
		if err == nil {
			return
		}
	}
}

// Reported: a counted retry inside the event loop is a retry loop, not a
// fan-out: the same subscriber is sent the message again at once.
func (j *joe) resend(w writer) {
	for { // want `retries writer\.Send at once when it fails`
		select {
		case msg := <-j.message:
			for i := 0; i < 3; i++ {
				if err := w.Send(msg); err == nil {
					break
				}
			}
		case <-j.done:
			return
		}
	}
}

type replicas struct {
	nodes [3]writer
}

// Silent: a fixed set of replicas each sent one heartbeat per tick, in a
// closure run as a goroutine; a dead replica is retried on the next tick.
func (r *replicas) heartbeat(msg []byte) {
	t := time.NewTicker(5 * time.Second)
	go func() {
		for range t.C {
			for _, n := range r.nodes {
				if err := n.Send(msg); err != nil {
					continue
				}
				_ = n.Flush()
			}
		}
	}()
}
