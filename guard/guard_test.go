package guard_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zombiecheck/zombiecheck/guard"
)

// countingListener counts accepted connections, so a test can prove the
// server received none.
type countingListener struct {
	net.Listener
	accepts atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepts.Add(1)
	}
	return c, err
}

// server starts an httptest server on 127.0.0.1 that counts accepts.
func server(t *testing.T) (*httptest.Server, *countingListener) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cl := &countingListener{Listener: ln}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	srv.Listener = cl
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, cl
}

// writePolicy writes a policy file in a temp dir and returns its path.
func writePolicy(t *testing.T, src string) string {
	t.Helper()
	return writePolicyB(t, src)
}

func writePolicyB(t testing.TB, src string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), ".zombiecheck.yaml")
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// rewriteDial is a stand-in for DNS: every name dials the test server's
// address, through the guard's connect-time check.
func rewriteDial(g *guard.Guard, target string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := g.Dialer(nil)
	return func(ctx context.Context, network, _ string) (net.Conn, error) {
		return d.DialContext(ctx, network, target)
	}
}

func get(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}

const denyPolicy = `version: 1
egress:
  allow:
    - api.anthropic.com
  deny:
    - openrouter.ai
    - 169.254.169.254/32
`

func TestForbiddenHostNoConnection(t *testing.T) {
	srv, ln := server(t)
	g, err := guard.Load(writePolicy(t, denyPolicy))
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: rewriteDial(g, srv.Listener.Addr().String())}
	c := &http.Client{Transport: g.RoundTripper(tr)}

	err = get(c, "http://openrouter.ai/v1/chat")
	var fe *guard.ForbiddenError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want a *guard.ForbiddenError", err)
	}
	if fe.Host != "openrouter.ai" || fe.Rule != "egress.deny" || fe.Line != 6 || filepath.Base(fe.File) != ".zombiecheck.yaml" {
		t.Errorf("ForbiddenError = %+v", fe)
	}
	if !strings.Contains(err.Error(), "guard: openrouter.ai is forbidden by ") || !strings.Contains(err.Error(), ".zombiecheck.yaml:6 (egress.deny") {
		t.Errorf("message = %q", err)
	}
	if n := ln.accepts.Load(); n != 0 {
		t.Fatalf("server accepted %d connections for a forbidden host, want 0", n)
	}

	// An allowed host (and one on no list, with egress.default allow) goes through.
	for _, u := range []string{"http://api.anthropic.com/v1", "http://example.com/"} {
		if err := get(c, u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	if ln.accepts.Load() == 0 {
		t.Error("allowed requests did not reach the server")
	}
}

func TestCIDRByResolvedAddress(t *testing.T) {
	srv, ln := server(t)
	// The name is allowed; the address it "resolves" to is denied.
	g, err := guard.Load(writePolicy(t, "version: 1\negress:\n  allow: [api.anthropic.com]\n  deny:\n    - 127.0.0.1/32\n"))
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: rewriteDial(g, srv.Listener.Addr().String())}
	c := &http.Client{Transport: g.RoundTripper(tr)}
	err = get(c, "http://api.anthropic.com/")
	var fe *guard.ForbiddenError
	if !errors.As(err, &fe) || fe.Rule != "egress.deny" || fe.Addr != srv.Listener.Addr().String() || fe.Line != 5 || !strings.Contains(err.Error(), "connection to "+srv.Listener.Addr().String()) {
		t.Fatalf("err = %v (%+v), want a connect-time egress.deny refusal", err, fe)
	}
	if n := ln.accepts.Load(); n != 0 {
		t.Fatalf("server accepted %d connections, want 0", n)
	}
}

func TestRoundTripperClonesTransport(t *testing.T) {
	srv, ln := server(t)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	// "localhost" is local by name; its resolved loopback address is denied.
	g, err := guard.Load(writePolicy(t, "version: 1\negress:\n  deny: [127.0.0.0/8, \"::1\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	base := &http.Transport{}
	c := &http.Client{Transport: g.RoundTripper(base)}
	err = get(c, "http://localhost:"+port+"/")
	var fe *guard.ForbiddenError
	if !errors.As(err, &fe) || fe.Addr == "" {
		t.Fatalf("err = %v, want a connect-time refusal", err)
	}
	if n := ln.accepts.Load(); n != 0 {
		t.Fatalf("server accepted %d connections, want 0", n)
	}
	if base.DialContext != nil {
		t.Error("RoundTripper modified the caller's transport")
	}
	// The one-line wrap of http.DefaultTransport gets the connect-time check too.
	err = get(&http.Client{Transport: g.RoundTripper(http.DefaultTransport)}, "http://localhost:"+port+"/")
	if !errors.As(err, &fe) || fe.Addr == "" {
		t.Fatalf("DefaultTransport: err = %v, want a connect-time refusal", err)
	}
	if n := ln.accepts.Load(); n != 0 {
		t.Fatalf("server accepted %d connections, want 0", n)
	}
	// The bare transport still reaches the server: the refusal was the guard's.
	if err := get(&http.Client{Timeout: 10 * time.Second, Transport: base}, "http://127.0.0.1:"+port+"/"); err != nil {
		t.Fatal(err)
	}
}

func TestDialControlRaw(t *testing.T) {
	srv, ln := server(t)
	g, err := guard.Load(writePolicy(t, "version: 1\negress:\n  deny: [127.0.0.0/8]\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = g.Dialer(nil).Dial("tcp", srv.Listener.Addr().String())
	var fe *guard.ForbiddenError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v, want refusal", err)
	}
	if n := ln.accepts.Load(); n != 0 {
		t.Fatalf("server accepted %d connections, want 0", n)
	}
	// Other loopback-allowed policies dial fine.
	g2, err := guard.Load(writePolicy(t, "version: 1\negress:\n  deny: [10.0.0.0/8]\n"))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := g2.Dialer(nil).Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

func TestReportOnly(t *testing.T) {
	srv, ln := server(t)
	var logs bytes.Buffer
	var events []guard.Event
	g, err := guard.New(guard.Options{
		PolicyFile: writePolicy(t, denyPolicy),
		ReportOnly: true,
		Logger:     slog.New(slog.NewTextHandler(&logs, nil)),
		OnEvent:    func(ev guard.Event) { events = append(events, ev) },
	})
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: rewriteDial(g, srv.Listener.Addr().String())}
	c := &http.Client{Transport: g.RoundTripper(tr)}
	if err := get(c, "http://openrouter.ai/"); err != nil {
		t.Fatalf("report-only refused: %v", err)
	}
	if ln.accepts.Load() != 1 {
		t.Errorf("accepts = %d, want 1", ln.accepts.Load())
	}
	if !strings.Contains(logs.String(), "report-only") || !strings.Contains(logs.String(), "host=openrouter.ai") {
		t.Errorf("log = %q", logs.String())
	}
	if len(events) == 0 || events[0].Allowed || events[0].Refused || events[0].Rule != "egress.deny" {
		t.Errorf("events = %+v", events)
	}
}

func TestLocalOnly(t *testing.T) {
	srv, ln := server(t)
	g, err := guard.New(guard.Options{
		PolicyFile: writePolicy(t, "version: 1\nlocal:\n  hosts: [ollama]\n"),
		LocalOnly:  true,
	})
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: rewriteDial(g, srv.Listener.Addr().String())}
	c := &http.Client{Transport: g.RoundTripper(tr)}
	err = get(c, "http://api.openai.com/v1")
	var fe *guard.ForbiddenError
	if !errors.As(err, &fe) || fe.Rule != "local-only" || !strings.Contains(err.Error(), "is not local") {
		t.Fatalf("err = %v, want a local-only refusal", err)
	}
	if ln.accepts.Load() != 0 {
		t.Fatal("server accepted a connection for a non-local host")
	}
	// local.hosts names and built-in local hosts go through.
	for _, u := range []string{"http://ollama:11434/api", "http://localhost/", "http://127.0.0.1/"} {
		if err := get(c, u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	// Private addresses are not local.
	if err := g.Check("192.168.1.10"); err == nil {
		t.Error("192.168.1.10 allowed in local-only mode")
	}
}

func TestDefaultDeny(t *testing.T) {
	g, err := guard.Load(writePolicy(t, "version: 1\negress:\n  allow: [api.anthropic.com]\n  default: deny\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = g.Check("api.groq.com:443")
	if err == nil || !strings.Contains(err.Error(), "egress.default: deny") {
		t.Fatalf("err = %v", err)
	}
	for _, h := range []string{"api.anthropic.com", "localhost:11434", "[::1]:80"} {
		if err := g.Check(h); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
}

func TestBadPolicyFailsAtNew(t *testing.T) {
	f := writePolicy(t, "version: 1\negress:\n  deny:\n    - https://openrouter.ai/v1\n")
	_, err := guard.Load(f)
	if err == nil {
		t.Fatal("no error for a malformed policy")
	}
	if !strings.Contains(err.Error(), f+":4:") || !strings.Contains(err.Error(), "egress.deny") {
		t.Errorf("err = %q, want file:line: naming egress.deny", err)
	}
	if _, err := guard.New(guard.Options{PolicyFile: filepath.Join(t.TempDir(), "nope.yaml")}); err == nil {
		t.Error("no error for a missing policy file")
	}
}

func TestOnEventPanicRecovered(t *testing.T) {
	g, err := guard.New(guard.Options{
		PolicyFile: writePolicy(t, denyPolicy),
		OnEvent:    func(guard.Event) { panic("boom") },
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Check("openrouter.ai"); err == nil {
		t.Error("not refused")
	}
}
