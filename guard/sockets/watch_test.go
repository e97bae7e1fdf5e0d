package sockets

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zombiecheck/zombiecheck/guard/internal/exposition"
)

// syncBuffer is a log sink safe for the callback goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewTextHandler(buf, nil)), buf
}

// eventually polls cond every 10ms until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// setCloseWait rewrites the fake process's table so that n of its sockets
// (inodes 1..4) are in CLOSE_WAIT and the rest ESTABLISHED.
func setCloseWait(t *testing.T, root string, pid, n int) {
	t.Helper()
	var lines []string
	for i := 1; i <= 4; i++ {
		st := StateEstablished
		if i <= n {
			st = StateCloseWait
		}
		lines = append(lines, tcpLine("10.0.0.2:5000"+string(rune('0'+i)), "10.0.0.9:443", st, uint64(i)))
	}
	table := "  sl  local_address rem_address\n" + strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(root, "424243", "net", "tcp"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fakeWatched(t *testing.T) string {
	root := fakeProc(t, 424243, []string{"socket:[1]", "socket:[2]", "socket:[3]", "socket:[4]"}, nil)
	withProcRoot(t, root)
	return root
}

func TestWatcherCallbackPanicsAndBlocks(t *testing.T) {
	skipUnlessLinux(t)
	root := fakeWatched(t)
	setCloseWait(t, root, 424243, 0)
	logger, logs := testLogger()
	release := make(chan struct{})
	calls := make(chan ThresholdEvent, 10)
	var mu sync.Mutex
	mode := "panic"
	w, err := NewWatcher(WatcherOptions{PID: 424243, MaxCloseWait: 2, Logger: logger, OnThreshold: func(ev ThresholdEvent) {
		calls <- ev
		mu.Lock()
		m := mode
		mu.Unlock()
		if m == "panic" {
			panic("callback bug")
		}
		<-release
	}})
	if err != nil {
		t.Fatal(err)
	}
	scan := func(n int) {
		t.Helper()
		setCloseWait(t, root, 424243, n)
		if _, err := w.Scan(); err != nil {
			t.Fatal(err)
		}
	}
	scan(1) // at or under the limit: silent
	scan(2)
	if len(calls) != 0 {
		t.Fatalf("callback fired at the limit (2 <= 2)")
	}
	scan(3) // crossing 1: the callback panics
	ev := <-calls
	if ev.Kind != "close_wait" || ev.Count != 3 || ev.Limit != 2 {
		t.Errorf("event = %+v", ev)
	}
	eventually(t, "the panic to be recovered and logged", func() bool { return strings.Contains(logs.String(), "callback panicked") })
	eventually(t, "the callback slot to free", func() bool { return !w.busy.Load() })
	scan(4) // still above: no new crossing
	if len(calls) != 0 {
		t.Fatalf("callback fired again without coming back under the limit")
	}
	mu.Lock()
	mode = "block"
	mu.Unlock()
	scan(0)
	scan(3) // crossing 2: the callback blocks
	<-calls
	scan(0)
	scan(4) // crossing 3: skipped, the callback is still running
	if w.Skipped() != 1 {
		t.Errorf("Skipped() = %d, want 1", w.Skipped())
	}
	if last, _ := w.Last(); last.CloseWait() != 4 {
		t.Errorf("counting stopped while the callback blocks: last CLOSE_WAIT %d", last.CloseWait())
	}
	close(release)
	eventually(t, "the blocked callback to finish", func() bool { return !w.busy.Load() })

	mfs := parseMetrics(t, w)
	if got := counter(t, mfs, "zombiecheck_guard_socket_threshold_crossings_total", "kind", "close_wait"); got != 3 {
		t.Errorf("crossings = %v, want 3", got)
	}
	if got := counter(t, mfs, "zombiecheck_guard_socket_callback_panics_total", "", ""); got != 1 {
		t.Errorf("panics = %v, want 1", got)
	}
	if got := counter(t, mfs, "zombiecheck_guard_socket_callbacks_skipped_total", "", ""); got != 1 {
		t.Errorf("skipped = %v, want 1", got)
	}
	if got := counter(t, mfs, "zombiecheck_guard_socket_scans_total", "", ""); got != 8 {
		t.Errorf("scans = %v, want 8", got)
	}
}

func TestWatcherOptionsAndErrors(t *testing.T) {
	skipUnlessLinux(t)
	if _, err := NewWatcher(WatcherOptions{Interval: -time.Second}); err == nil {
		t.Error("negative Interval accepted")
	}
	if _, err := NewWatcher(WatcherOptions{PID: 1 << 30}); !errors.Is(err, ErrNoProcess) {
		t.Errorf("absent pid: err = %v", err)
	}
	w, err := NewWatcher(WatcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if w.opts.MaxCloseWait != DefaultMaxCloseWait || w.opts.Interval != DefaultInterval {
		t.Errorf("defaults = %+v", w.opts)
	}
	t.Run("no /proc", func(t *testing.T) {
		withProcRoot(t, filepath.Join(t.TempDir(), "absent"))
		if _, err := NewWatcher(WatcherOptions{}); !errors.Is(err, ErrUnsupported) {
			t.Errorf("err = %v, want ErrUnsupported", err)
		}
	})
}

func TestWatcherRunStopsWithContext(t *testing.T) {
	skipUnlessLinux(t)
	w, err := NewWatcher(WatcherOptions{Interval: 5 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	eventually(t, "three scans", func() bool { return w.scans.Load() >= 3 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop with its context")
	}
}

// TestWatcherSeesCloseWaitLeak is the incident in miniature: a real server
// on loopback closes each connection after responding, the client keeps the
// bodies unread, and the client's sockets sit in CLOSE_WAIT until the bodies
// are closed.
func TestWatcherSeesCloseWaitLeak(t *testing.T) {
	skipUnlessLinux(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		io.WriteString(w, "unread body")
	}))
	defer srv.Close()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	defer client.CloseIdleConnections()

	fired := make(chan ThresholdEvent, 1)
	logger, logs := testLogger()
	w, err := NewWatcher(WatcherOptions{MaxCloseWait: 3, Logger: logger, OnThreshold: func(ev ThresholdEvent) { fired <- ev }})
	if err != nil {
		t.Fatal(err)
	}
	base, err := w.Scan()
	if err != nil {
		t.Fatal(err)
	}
	if base.CloseWait() != 0 {
		t.Fatalf("CLOSE_WAIT before the test: %d", base.CloseWait())
	}
	const leaks = 5
	var bodies []io.Closer
	for range leaks {
		resp, err := client.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, resp.Body) // held, never read
	}
	defer func() {
		for _, b := range bodies {
			b.Close()
		}
	}()
	eventually(t, "CLOSE_WAIT to reach the number of held bodies", func() bool {
		snap, err := w.Scan()
		return err == nil && snap.CloseWait() >= leaks
	})
	select {
	case ev := <-fired:
		if ev.Kind != "close_wait" || ev.Count <= 3 || ev.Limit != 3 {
			t.Errorf("event = %+v", ev)
		}
		if got := ev.Snapshot.ByRemote[ev.Snapshot.Sockets[0].Remote.Addr()]; got < leaks || ev.Snapshot.Sockets[0].Remote.String() != srv.Listener.Addr().String() {
			t.Errorf("the leak is not attributed to the server %s: %+v", srv.Listener.Addr(), ev.Snapshot.Sockets[0])
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the callback did not fire")
	}
	if !strings.Contains(logs.String(), "socket threshold exceeded") || !strings.Contains(logs.String(), "resp.Body.Close") {
		t.Errorf("the crossing is not logged with a hint:\n%s", logs)
	}
	mfs := parseMetrics(t, w)
	if got := counter(t, mfs, "zombiecheck_guard_sockets", "state", "CLOSE_WAIT"); got < leaks {
		t.Errorf("CLOSE_WAIT gauge = %v, want >= %d", got, leaks)
	}

	for _, b := range bodies {
		b.Close()
	}
	bodies = nil
	eventually(t, "CLOSE_WAIT to drain after closing the bodies", func() bool {
		snap, err := w.Scan()
		return err == nil && snap.CloseWait() == 0
	})
	if !strings.Contains(logs.String(), "back under the threshold") {
		t.Errorf("the recovery is not logged:\n%s", logs)
	}
	if got := counter(t, parseMetrics(t, w), "zombiecheck_guard_sockets", "state", "CLOSE_WAIT"); got != 0 {
		t.Errorf("CLOSE_WAIT gauge after closing = %v, want 0", got)
	}
}

func parseMetrics(t *testing.T, w *Watcher) map[string]*exposition.Family {
	t.Helper()
	var buf bytes.Buffer
	if err := w.WriteMetrics(&buf); err != nil {
		t.Fatal(err)
	}
	mfs, err := exposition.Parse(&buf)
	if err != nil {
		t.Fatalf("not valid Prometheus text: %v\n%s", err, buf.String())
	}
	return mfs
}

// counter returns the value of the gauge or counter name{label="value"}
// (label "" for an unlabelled series).
func counter(t *testing.T, mfs map[string]*exposition.Family, name, label, value string) float64 {
	t.Helper()
	mf, ok := mfs[name]
	if !ok {
		t.Fatalf("metric %s missing", name)
	}
	for _, m := range mf.GetMetric() {
		match := label == "" && len(m.GetLabel()) == 0
		for _, l := range m.GetLabel() {
			if l.GetName() == label && l.GetValue() == value {
				match = true
			}
		}
		if !match {
			continue
		}
		switch mf.GetType() {
		case exposition.Counter:
			return m.Value
		case exposition.Gauge:
			return m.Value
		}
	}
	t.Fatalf("no series %s{%s=%q}", name, label, value)
	return 0
}

func TestWriteMetricsFormat(t *testing.T) {
	skipUnlessLinux(t)
	root := fakeWatched(t)
	setCloseWait(t, root, 424243, 3)
	w, err := NewWatcher(WatcherOptions{PID: 424243, MaxCloseWait: 10, MaxFDs: 100, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Scan(); err != nil {
		t.Fatal(err)
	}
	mfs := parseMetrics(t, w)
	for name, typ := range map[string]exposition.Type{
		"zombiecheck_guard_sockets":                          exposition.Gauge,
		"zombiecheck_guard_open_fds":                         exposition.Gauge,
		"zombiecheck_guard_socket_threshold":                 exposition.Gauge,
		"zombiecheck_guard_socket_threshold_crossings_total": exposition.Counter,
		"zombiecheck_guard_socket_scans_total":               exposition.Counter,
	} {
		if mfs[name].GetType() != typ || mfs[name].GetHelp() == "" {
			t.Errorf("%s: type %v help %q, want %v with help", name, mfs[name].GetType(), mfs[name].GetHelp(), typ)
		}
	}
	if n := len(mfs["zombiecheck_guard_sockets"].GetMetric()); n != len(States()) {
		t.Errorf("%d state series, want one per state (%d)", n, len(States()))
	}
	for state, want := range map[string]float64{"CLOSE_WAIT": 3, "ESTABLISHED": 1, "LISTEN": 0} {
		if got := counter(t, mfs, "zombiecheck_guard_sockets", "state", state); got != want {
			t.Errorf("sockets{state=%s} = %v, want %v", state, got, want)
		}
	}
	if got := counter(t, mfs, "zombiecheck_guard_open_fds", "", ""); got != 4 {
		t.Errorf("open_fds = %v, want 4", got)
	}
	if got := counter(t, mfs, "zombiecheck_guard_socket_threshold", "kind", "fds"); got != 100 {
		t.Errorf("fds threshold = %v", got)
	}
	// Deterministic output.
	var a, b bytes.Buffer
	w.WriteMetrics(&a)
	w.WriteMetrics(&b)
	if a.String() != b.String() {
		t.Error("WriteMetrics output differs between calls")
	}
}
