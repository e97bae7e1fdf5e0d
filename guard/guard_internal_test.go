package guard

import (
	"context"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
)

// TestAddrAfterNameLocalOnly: in local-only mode, a local.hosts name that
// resolves to a private address (a compose service) is not refused at
// connect time, but egress.deny still is, and an address checked without
// its name must be local.
func TestAddrAfterNameLocalOnly(t *testing.T) {
	pol, err := policyfile.Parse("p.yaml", []byte("version: 1\nlocal:\n  hosts: [ollama]\negress:\n  deny: [172.18.0.9/32]\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Options{Policy: pol, LocalOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := g.check(ctx, "ollama:11434", "", false); err != nil {
		t.Fatalf("name: %v", err)
	}
	if err := g.check(ctx, "172.18.0.2", "172.18.0.2:11434", true); err != nil {
		t.Errorf("address after an allowed name: %v", err)
	}
	if err := g.check(ctx, "172.18.0.9", "172.18.0.9:11434", true); err == nil {
		t.Error("denied address after an allowed name: not refused")
	}
	if err := g.DialControl("tcp", "172.18.0.2:11434", nil); err == nil {
		t.Error("DialControl without a name: a private address passed local-only")
	}
	if err := g.DialControl("tcp", "127.0.0.1:11434", nil); err != nil {
		t.Errorf("DialControl loopback: %v", err)
	}
	if err := g.DialControl("unix", "/run/ollama.sock", nil); err != nil {
		t.Errorf("DialControl unix: %v", err)
	}
}
