// Package wdapp runs watchdogs and heartbeats whose I/O sits behind
// project functions: in another package of the module (wdlib), behind a
// method on a struct field, an interface implemented here, or a closure.
package wdapp

import (
	"context"
	"log"
	"net"
	"time"

	"github.com/coreos/go-systemd/v22/daemon"
	"wdlib"
)

type service struct {
	n    *wdlib.Notifier
	hb   beater
	sock string
}

type beater interface{ Beat() error }

// store has an in-memory implementation besides the network one: a call
// through it is not known to do I/O.
type store interface{ Save() error }

type memStore struct{ n int }

func (m *memStore) Save() error { m.n++; return nil }

type netStore struct{ addr string }

func (s netStore) Save() error {
	c, err := net.Dial("tcp", s.addr)
	if err != nil {
		return err
	}
	return c.Close()
}

// unixBeater implements beater with a unix socket write.
type unixBeater struct{ sock string }

func (u *unixBeater) Beat() error {
	c, err := net.Dial("unix", u.sock)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("beat"))
	return err
}

// --- positives ---

func watchdog(sock string) {
	go func() {
		for { // want `^loop never exits; error from wdlib\.Notify discarded; retries every 10s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
			_ = wdlib.Notify(sock, "WATCHDOG=1")
			time.Sleep(10 * time.Second)
		}
	}()
}

func (s *service) fieldMethod() {
	for { // want `^loop never exits; error from Notifier\.Ping discarded; retries every 15s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
		s.n.Ping()
		time.Sleep(15 * time.Second)
	}
}

func (s *service) viaInterface() {
	for { // want `^loop never exits; error from beater\.Beat discarded; retries every 15s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
		s.hb.Beat()
		time.Sleep(15 * time.Second)
	}
}

func closure(sock string) {
	notify := func() error { return wdlib.Notify(sock, "WATCHDOG=1") }
	go func() {
		for range time.Tick(30 * time.Second) { // want `^loop never exits; error from notify discarded; retries every 30s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
			notify()
		}
	}()
}

func systemd() {
	for { // want `^loop never exits; error from daemon\.SdNotify discarded; retries every 5s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
		daemon.SdNotify(false, daemon.SdNotifyWatchdog)
		time.Sleep(5 * time.Second)
	}
}

func unixConn(c *net.UnixConn) {
	for { // want `^loop never exits; error from conn\.Write discarded; retries every 5s with no backoff; fix: back off exponentially with a cap and jitter, reset on success \(cenkalti/backoff/v5 Retry, k8s wait\.Backoff, or a min\(d\*2, max\) timer\); handle the error$`
		c.Write([]byte("WATCHDOG=1"))
		time.Sleep(5 * time.Second)
	}
}

// --- negatives ---

func logged(ctx context.Context, sock string) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := wdlib.Notify(sock, "WATCHDOG=1"); err != nil {
				log.Printf("watchdog: %v", err)
			}
		}
	}
}

func pure(state string) {
	for {
		_ = wdlib.Validate(state)
		time.Sleep(10 * time.Second)
	}
}

func bounded(sock string) {
	for i := 0; i < 3; i++ {
		_ = wdlib.Notify(sock, "READY=1")
		time.Sleep(time.Second)
	}
}

func saver(s store) {
	for {
		s.Save()
		time.Sleep(15 * time.Second)
	}
}
