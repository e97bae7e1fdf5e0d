package guard_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/guard/internal/exposition"

	"github.com/zombiecheck/zombiecheck/guard"
)

// parse reads text exposition format with Prometheus's own parser.
func parse(t *testing.T, r io.Reader) map[string]*exposition.Family {
	t.Helper()
	fams, err := exposition.Parse(r)
	if err != nil {
		t.Fatalf("exposition parser rejected the output: %v", err)
	}
	return fams
}

// counter returns the value of the counter with exactly these labels.
func counter(fams map[string]*exposition.Family, name string, labels map[string]string) (float64, bool) {
	f := fams[name]
	if f == nil {
		return 0, false
	}
	for _, m := range f.GetMetric() {
		got := map[string]string{}
		for _, l := range m.GetLabel() {
			got[l.GetName()] = l.GetValue()
		}
		if fmt.Sprint(got) == fmt.Sprint(labels) {
			return m.Value, true
		}
	}
	return 0, false
}

func TestMetrics(t *testing.T) {
	g, err := guard.Load(writePolicy(t, denyPolicy))
	if err != nil {
		t.Fatal(err)
	}
	_ = g.Check("openrouter.ai")
	_ = g.Check("openrouter.ai:443")
	_ = g.Check("api.anthropic.com")
	_ = g.Check("localhost:11434")
	_, _ = g.Dialer(nil).Dial("tcp", "169.254.169.254:80") // refused by Control before any packet leaves

	srv := httptest.NewServer(guard.MetricsHandler(g))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("Content-Type = %q", ct)
	}
	fams := parse(t, resp.Body)
	if f := fams["zombiecheck_guard_requests_total"]; f == nil || f.GetType() != exposition.Counter {
		t.Fatalf("requests family missing or not a counter: %v", f)
	}
	want := []struct {
		name                 string
		decision, host, rule string
		n                    float64
	}{
		{"zombiecheck_guard_requests_total", "refused", "openrouter.ai", "egress.deny", 2},
		{"zombiecheck_guard_requests_total", "allowed", "api.anthropic.com", "egress.allow", 1},
		{"zombiecheck_guard_requests_total", "allowed", "localhost", "builtin-local", 1},
		{"zombiecheck_guard_connect_refusals_total", "refused", "169.254.169.254", "egress.deny", 1},
	}
	for _, w := range want {
		n, ok := counter(fams, w.name, map[string]string{"decision": w.decision, "host": w.host, "rule": w.rule})
		if !ok || n != w.n {
			t.Errorf("%s{%s,%s,%s} = %v (found %v), want %v", w.name, w.decision, w.host, w.rule, n, ok, w.n)
		}
	}
}

func TestMetricsCardinalityAndEscaping(t *testing.T) {
	g, err := guard.New(guard.Options{PolicyFile: writePolicy(t, "version: 1\negress:\n  default: deny\n"), MaxHosts: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		_ = g.Check(fmt.Sprintf("h%d.example.com", i))
	}
	_ = g.Check(`we"ird\host`) // not a valid host; must still be escaped correctly
	var b strings.Builder
	if err := g.WriteMetrics(&b); err != nil {
		t.Fatal(err)
	}
	fams := parse(t, strings.NewReader(b.String()))
	hosts := map[string]bool{}
	for _, m := range fams["zombiecheck_guard_requests_total"].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == "host" {
				hosts[l.GetValue()] = true
			}
		}
	}
	if len(hosts) != 4 || !hosts["other"] {
		t.Errorf("host labels = %v, want 3 hosts and \"other\"", hosts)
	}
	if n, _ := counter(fams, "zombiecheck_guard_requests_total", map[string]string{"decision": "refused", "host": "other", "rule": "egress.default"}); n != 8 {
		t.Errorf("other = %v, want 8", n)
	}
	// Deterministic output.
	var b2 strings.Builder
	_ = g.WriteMetrics(&b2)
	if b.String() != b2.String() {
		t.Error("WriteMetrics output not deterministic")
	}
}

func TestMetricsHandlerSources(t *testing.T) {
	g, err := guard.Load(writePolicy(t, denyPolicy))
	if err != nil {
		t.Fatal(err)
	}
	_ = g.Check("openrouter.ai")
	rec := httptest.NewRecorder()
	guard.MetricsHandler(g, nil, fakeSource{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	fams := parse(t, rec.Body)
	if fams["zombiecheck_guard_requests_total"] == nil || fams["fake_total"] == nil {
		t.Errorf("families = %v", fams)
	}
}

type fakeSource struct{}

func (fakeSource) WriteMetrics(w io.Writer) error {
	_, err := io.WriteString(w, "# TYPE fake_total counter\nfake_total 3\n")
	return err
}

// The guard and a socket watcher serve one /metrics page, and the
// Prometheus parser accepts the two together (no family written twice).
func TestMetricsHandlerGuardAndWatcher(t *testing.T) {
	g, err := guard.Load(writePolicy(t, denyPolicy))
	if err != nil {
		t.Fatal(err)
	}
	_ = g.Check("openrouter.ai")
	w, err := guard.NewWatcher(guard.WatcherOptions{})
	if err != nil {
		t.Skipf("no socket watcher here: %v", err)
	}
	if _, err := w.Scan(); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	guard.MetricsHandler(g, w).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	fams := parse(t, rec.Body)
	for _, name := range []string{"zombiecheck_guard_requests_total", "zombiecheck_guard_sockets", "zombiecheck_guard_open_fds"} {
		if fams[name] == nil {
			t.Errorf("family %s missing; have %v", name, strings.Join(keys(fams), ", "))
		}
	}
}

func keys(m map[string]*exposition.Family) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
