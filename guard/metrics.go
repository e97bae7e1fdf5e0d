package guard

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
)

// MetricsWriter is anything that writes Prometheus text exposition metrics:
// a *Guard, or the socket watcher.
type MetricsWriter interface {
	WriteMetrics(w io.Writer) error
}

// MetricsHandler serves the metrics of every source, in order, in the
// Prometheus text exposition format (version 0.0.4). Each source should
// write distinct metric families.
func MetricsHandler(sources ...MetricsWriter) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		for _, s := range sources {
			if s == nil {
				continue
			}
			if err := s.WriteMetrics(w); err != nil {
				return // the client went away or a source failed; the output is truncated
			}
		}
	})
}

// otherHost is the host label for hosts beyond the cardinality cap.
const otherHost = "other"

type metricKey struct {
	decision, host, rule string
}

type metrics struct {
	maxHosts int

	mu       sync.Mutex
	hosts    map[string]bool // the host label values admitted so far
	requests map[metricKey]uint64
	connects map[metricKey]uint64 // connect-time refusals (and would-be refusals)
}

func newMetrics(maxHosts int) *metrics {
	return &metrics{
		maxHosts: maxHosts,
		hosts:    make(map[string]bool),
		requests: make(map[metricKey]uint64),
		connects: make(map[metricKey]uint64),
	}
}

// record counts a check. Allowed connect-time checks are not counted: the
// request was already counted by its name.
func (m *metrics) record(ev Event) {
	if ev.Addr != "" && ev.Allowed {
		return
	}
	decision := "allowed"
	switch {
	case ev.Refused:
		decision = "refused"
	case !ev.Allowed:
		decision = "reported" // report-only: would have been refused
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	host := ev.Host
	if !m.hosts[host] {
		if len(m.hosts) < m.maxHosts {
			m.hosts[host] = true
		} else {
			host = otherHost
		}
	}
	k := metricKey{decision, host, ev.Rule}
	if ev.Addr != "" {
		m.connects[k]++
	} else {
		m.requests[k]++
	}
}

// WriteMetrics writes the guard's counters in the Prometheus text
// exposition format, sorted by labels so the output is deterministic.
func (g *Guard) WriteMetrics(w io.Writer) error {
	m := g.metrics
	m.mu.Lock()
	req := sortedCounts(m.requests)
	con := sortedCounts(m.connects)
	m.mu.Unlock()

	bw := bufio.NewWriter(w)
	writeFamily(bw, "zombiecheck_guard_requests_total",
		"Outgoing requests and dials the guard checked by destination name, by host, deciding policy rule and decision (allowed, refused, reported in report-only mode).", req)
	writeFamily(bw, "zombiecheck_guard_connect_refusals_total",
		"Connections refused (or, in report-only mode, reported) at connect time by resolved address, by address, rule and decision.", con)
	return bw.Flush()
}

type count struct {
	k metricKey
	n uint64
}

func sortedCounts(m map[metricKey]uint64) []count {
	out := make([]count, 0, len(m))
	for k, n := range m {
		out = append(out, count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].k, out[j].k
		if a.decision != b.decision {
			return a.decision < b.decision
		}
		if a.host != b.host {
			return a.host < b.host
		}
		return a.rule < b.rule
	})
	return out
}

func writeFamily(w *bufio.Writer, name, help string, counts []count) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", name, help, name)
	for _, c := range counts {
		fmt.Fprintf(w, "%s{decision=\"%s\",host=\"%s\",rule=\"%s\"} %d\n",
			name, escapeLabel(c.k.decision), escapeLabel(c.k.host), escapeLabel(c.k.rule), c.n)
	}
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
