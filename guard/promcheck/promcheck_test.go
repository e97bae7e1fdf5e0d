// Package promcheck checks guard's /metrics page with Prometheus's own
// text parser. It is a module of its own so that the zombiecheck module,
// which golangci-lint builds into its binary, does not require Prometheus's
// modules (they would change golangci-lint's own dependency versions).
package promcheck

import (
	"net/http/httptest"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
	"github.com/zombiecheck/zombiecheck/guard"
)

const policy = `version: 1
egress:
  allow: [api.anthropic.com]
  deny:
    - openrouter.ai
`

func TestMetricsPageParsesWithPrometheus(t *testing.T) {
	pol, err := policyfile.Parse(".zombiecheck.yaml", []byte(policy))
	if err != nil {
		t.Fatal(err)
	}
	g, err := guard.New(guard.Options{Policy: pol, MaxHosts: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"openrouter.ai", "openrouter.ai", "api.anthropic.com", "a.example", "b.example", `q"uote\back.example`} {
		_ = g.Check(h)
	}
	sources := []guard.MetricsWriter{g}
	w, err := guard.NewWatcher(guard.WatcherOptions{})
	if err == nil {
		if _, err := w.Scan(); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, w)
	} else {
		t.Logf("no socket watcher on this platform: %v", err)
	}
	rec := httptest.NewRecorder()
	guard.MetricsHandler(sources...).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("Prometheus's parser rejected the page: %v\n%s", err, body)
	}
	req := fams["zombiecheck_guard_requests_total"]
	if req.GetType() != dto.MetricType_COUNTER || req.GetHelp() == "" {
		t.Fatalf("requests family: type %v help %q\n%s", req.GetType(), req.GetHelp(), body)
	}
	if v := value(req, map[string]string{"host": "openrouter.ai", "rule": "egress.deny", "decision": "refused"}); v != 2 {
		t.Errorf("refused openrouter.ai = %v, want 2\n%s", v, body)
	}
	var hosts []string
	for _, m := range req.GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == "host" {
				hosts = append(hosts, l.GetValue())
			}
		}
	}
	if !strings.Contains(strings.Join(hosts, " "), "other") {
		t.Errorf("host labels %v: want the cap of 2 to fold the rest into other", hosts)
	}
	if len(sources) == 2 {
		s := fams["zombiecheck_guard_sockets"]
		if s.GetType() != dto.MetricType_GAUGE || len(s.GetMetric()) == 0 {
			t.Errorf("sockets family: type %v, %d series", s.GetType(), len(s.GetMetric()))
		}
	}
}

func value(f *dto.MetricFamily, labels map[string]string) float64 {
	for _, m := range f.GetMetric() {
		got := map[string]string{}
		for _, l := range m.GetLabel() {
			got[l.GetName()] = l.GetValue()
		}
		match := len(got) == len(labels)
		for k, v := range labels {
			if got[k] != v {
				match = false
			}
		}
		if match {
			return m.GetCounter().GetValue()
		}
	}
	return -1
}
