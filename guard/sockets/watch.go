package sockets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxCloseWait is the CLOSE_WAIT threshold when WatcherOptions leaves
// MaxCloseWait at zero.
const DefaultMaxCloseWait = 50

// DefaultInterval is the time between scans when WatcherOptions leaves
// Interval at zero.
const DefaultInterval = 5 * time.Second

// WatcherOptions configure a Watcher. The zero value watches the calling
// process every 5s for more than 50 CLOSE_WAIT sockets.
type WatcherOptions struct {
	// PID is the process to watch; 0 is the calling process.
	PID int
	// Interval is the time between scans (default 5s).
	Interval time.Duration
	// MaxCloseWait is the number of CLOSE_WAIT sockets that may be open
	// before the watcher calls back (default 50; negative disables).
	MaxCloseWait int
	// MaxFDs, if positive, is the number of open descriptors that may be
	// open before the watcher calls back.
	MaxFDs int
	// OnThreshold is called, in its own goroutine, when a count rises above
	// its threshold; it is called again only after the count has come back
	// down to the threshold. At most one call is in flight: a crossing
	// while a call is still running is logged and counted, not queued. A
	// panic in it is recovered and logged.
	OnThreshold func(ThresholdEvent)
	// Logger receives crossings, recoveries and scan errors (default
	// slog.Default()).
	Logger *slog.Logger
}

// ThresholdEvent describes one crossing of a socket or descriptor threshold.
type ThresholdEvent struct {
	Kind     string // "close_wait" or "fds"
	Count    int
	Limit    int
	Snapshot Snapshot
}

// Watcher counts a process's sockets periodically and reports when they pass
// a threshold. Its methods are safe for concurrent use.
type Watcher struct {
	opts WatcherOptions

	mu       sync.Mutex
	last     Snapshot
	scanned  bool
	above    map[string]bool
	crossing map[string]uint64

	busy       atomic.Bool
	scans      atomic.Uint64
	scanErrors atomic.Uint64
	skipped    atomic.Uint64
	panics     atomic.Uint64
}

// NewWatcher checks the options and that sockets can be read on this
// platform: it returns an error wrapping ErrUnsupported where they cannot,
// rather than a watcher that reports nothing.
func NewWatcher(opts WatcherOptions) (*Watcher, error) {
	if opts.Interval < 0 {
		return nil, fmt.Errorf("guard: watcher Interval %v is negative", opts.Interval)
	}
	if opts.Interval == 0 {
		opts.Interval = DefaultInterval
	}
	if opts.MaxCloseWait == 0 {
		opts.MaxCloseWait = DefaultMaxCloseWait
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if _, err := Read(opts.PID); err != nil {
		return nil, err
	}
	return &Watcher{opts: opts, above: map[string]bool{}, crossing: map[string]uint64{}}, nil
}

// Run scans at once and then every Interval until ctx is done, when it
// returns nil. It returns early with the error if the process can no longer
// be read (it exited); other scan errors are logged and counted.
func (w *Watcher) Run(ctx context.Context) error {
	t := time.NewTicker(w.opts.Interval)
	defer t.Stop()
	for {
		if _, err := w.Scan(); err != nil {
			if errors.Is(err, ErrNoProcess) || errors.Is(err, ErrUnsupported) {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Scan takes one snapshot, updates the metrics and checks the thresholds,
// starting OnThreshold for a new crossing.
func (w *Watcher) Scan() (Snapshot, error) {
	snap, err := Read(w.opts.PID)
	if err != nil {
		w.scanErrors.Add(1)
		w.opts.Logger.Warn("guard: socket scan failed", "pid", w.opts.PID, "err", err)
		return Snapshot{}, err
	}
	w.scans.Add(1)
	var events []ThresholdEvent
	w.mu.Lock()
	w.last, w.scanned = snap, true
	check := func(kind string, count, limit int) {
		if limit <= 0 {
			return
		}
		if count <= limit {
			if w.above[kind] {
				w.opts.Logger.Info("guard: back under the threshold", "kind", kind, "count", count, "limit", limit, "pid", snap.PID)
			}
			w.above[kind] = false
			return
		}
		if !w.above[kind] {
			w.above[kind] = true
			w.crossing[kind]++
			events = append(events, ThresholdEvent{Kind: kind, Count: count, Limit: limit, Snapshot: snap})
		}
	}
	check("close_wait", snap.CloseWait(), w.opts.MaxCloseWait)
	check("fds", snap.FDs, w.opts.MaxFDs)
	w.mu.Unlock()
	for _, ev := range events {
		w.report(ev)
	}
	return snap, nil
}

func (w *Watcher) report(ev ThresholdEvent) {
	hint := "a descriptor leak"
	if ev.Kind == "close_wait" {
		hint = "peers closed these connections and this process never did: usually a response body that is never closed (defer resp.Body.Close())"
	}
	w.opts.Logger.Warn("guard: socket threshold exceeded",
		"kind", ev.Kind, "count", ev.Count, "limit", ev.Limit, "pid", ev.Snapshot.PID,
		"top", topGroups(ev.Snapshot, 3), "hint", hint)
	if w.opts.OnThreshold == nil {
		return
	}
	if !w.busy.CompareAndSwap(false, true) {
		w.skipped.Add(1)
		w.opts.Logger.Warn("guard: threshold callback still running; this crossing is not delivered", "kind", ev.Kind, "count", ev.Count)
		return
	}
	go func() {
		defer w.busy.Store(false)
		defer func() {
			if r := recover(); r != nil {
				w.panics.Add(1)
				w.opts.Logger.Error("guard: threshold callback panicked (recovered)", "kind", ev.Kind, "panic", fmt.Sprint(r))
			}
		}()
		w.opts.OnThreshold(ev)
	}()
}

// topGroups names the n largest groups of the snapshot's first state
// groups, for a log line.
func topGroups(s Snapshot, n int) string {
	var parts []string
	for _, g := range s.Groups() {
		if len(parts) == n {
			break
		}
		parts = append(parts, fmt.Sprintf("%d %s %s", g.Count, g.State, g.peer()))
	}
	return strings.Join(parts, ", ")
}

// peer renders the group's peer for people: "10.0.0.9:443", or
// "10.0.0.9 -> :8080" for inbound connections.
func (g Group) peer() string {
	if g.Inbound {
		return fmt.Sprintf("%s -> :%d", g.Remote.Addr(), g.Port)
	}
	return g.Remote.String()
}

// Last returns the most recent successful snapshot, and false before the
// first.
func (w *Watcher) Last() (Snapshot, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last, w.scanned
}

// Skipped is the number of crossings not delivered because the previous
// callback was still running.
func (w *Watcher) Skipped() uint64 { return w.skipped.Load() }

// WriteMetrics writes the watcher's gauges and counters in the Prometheus
// text exposition format (version 0.0.4).
func (w *Watcher) WriteMetrics(out io.Writer) error {
	w.mu.Lock()
	snap := w.last
	crossings := map[string]uint64{"close_wait": w.crossing["close_wait"], "fds": w.crossing["fds"]}
	w.mu.Unlock()

	var b strings.Builder
	b.WriteString("# HELP zombiecheck_guard_sockets TCP sockets held by the process at the last scan, by state.\n")
	b.WriteString("# TYPE zombiecheck_guard_sockets gauge\n")
	for _, s := range States() {
		fmt.Fprintf(&b, "zombiecheck_guard_sockets{state=%q} %d\n", s.String(), snap.ByState[s])
	}
	b.WriteString("# HELP zombiecheck_guard_open_fds Open file descriptors of the process at the last scan.\n")
	b.WriteString("# TYPE zombiecheck_guard_open_fds gauge\n")
	fmt.Fprintf(&b, "zombiecheck_guard_open_fds %d\n", snap.FDs)
	b.WriteString("# HELP zombiecheck_guard_socket_threshold Thresholds the watcher checks (0: not checked).\n")
	b.WriteString("# TYPE zombiecheck_guard_socket_threshold gauge\n")
	fmt.Fprintf(&b, "zombiecheck_guard_socket_threshold{kind=\"close_wait\"} %d\n", max(w.opts.MaxCloseWait, 0))
	fmt.Fprintf(&b, "zombiecheck_guard_socket_threshold{kind=\"fds\"} %d\n", max(w.opts.MaxFDs, 0))
	b.WriteString("# HELP zombiecheck_guard_socket_threshold_crossings_total Times a count rose above its threshold.\n")
	b.WriteString("# TYPE zombiecheck_guard_socket_threshold_crossings_total counter\n")
	fmt.Fprintf(&b, "zombiecheck_guard_socket_threshold_crossings_total{kind=\"close_wait\"} %d\n", crossings["close_wait"])
	fmt.Fprintf(&b, "zombiecheck_guard_socket_threshold_crossings_total{kind=\"fds\"} %d\n", crossings["fds"])
	for _, c := range []struct {
		name, help string
		v          uint64
	}{
		{"zombiecheck_guard_socket_scans_total", "Successful socket scans.", w.scans.Load()},
		{"zombiecheck_guard_socket_scan_errors_total", "Socket scans that failed.", w.scanErrors.Load()},
		{"zombiecheck_guard_socket_callbacks_skipped_total", "Crossings not delivered because the previous callback was still running.", w.skipped.Load()},
		{"zombiecheck_guard_socket_callback_panics_total", "Threshold callbacks that panicked (recovered).", w.panics.Load()},
	} {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", c.name, c.help, c.name, c.name, c.v)
	}
	_, err := io.WriteString(out, b.String())
	return err
}
