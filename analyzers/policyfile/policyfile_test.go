package policyfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
)

const src = `version: 1
local:
  hosts: [ollama, 10.20.0.0/16]
egress:
  allow:
    - api.anthropic.com
    - "*.openai.com"
  deny:
    - openrouter.ai
    - 169.254.169.254/32
  default: deny
`

func TestDecisions(t *testing.T) {
	p, err := policyfile.Parse(".zombiecheck.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		host    string
		allowed bool
		rule    string
		line    int
	}{
		{"openrouter.ai", false, policyfile.RuleDeny, 9},
		{"OpenRouter.AI:443", false, policyfile.RuleDeny, 9},
		{"169.254.169.254", false, policyfile.RuleDeny, 10},
		{"api.anthropic.com", true, policyfile.RuleAllow, 6},
		{"eu.api.openai.com:443", true, policyfile.RuleAllow, 7},
		{"openai.com", false, policyfile.RuleDefault, 0}, // *.openai.com does not cover the bare domain
		{"api.groq.com", false, policyfile.RuleDefault, 0},
	}
	for _, c := range cases {
		d := p.Egress(c.host)
		if d.Allowed != c.allowed || d.Rule != c.rule || d.Line != c.line || filepath.Base(d.File) != ".zombiecheck.yaml" {
			t.Errorf("Egress(%q) = %+v, want allowed=%v rule=%s line=%d", c.host, d, c.allowed, c.rule, c.line)
		}
	}
	if !p.Restrictive() || policyfile.Default().Restrictive() {
		t.Error("Restrictive wrong")
	}
	if d := policyfile.Default().Egress("openrouter.ai"); !d.Allowed || d.Rule != policyfile.RuleDefault {
		t.Errorf("defaults: %+v", d)
	}
}

func TestLocal(t *testing.T) {
	p, err := policyfile.Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	local := map[string]string{
		"ollama:11434":     policyfile.RuleLocal,
		"10.20.1.2":        policyfile.RuleLocal,
		"localhost":        policyfile.RuleBuiltin,
		"x.localhost":      policyfile.RuleBuiltin,
		"127.0.0.2:80":     policyfile.RuleBuiltin,
		"[::1]:8080":       policyfile.RuleBuiltin,
		"::ffff:127.0.0.1": policyfile.RuleBuiltin,
		"unix:/tmp/s":      policyfile.RuleBuiltin,
	}
	for h, rule := range local {
		if d := p.Local(h); !d.Allowed || d.Rule != rule {
			t.Errorf("Local(%q) = %+v, want local by %s", h, d, rule)
		}
	}
	for _, h := range []string{"api.openai.com", "10.21.0.1", "192.168.1.1", "localhost.evil.com", "ollama.example.com", ""} {
		if d := p.Local(h); d.Allowed {
			t.Errorf("Local(%q) = %+v, want not local", h, d)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, policyfile.FileName)
	if err := os.WriteFile(f, []byte("version: 1\negress:\n  defualt: deny\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := policyfile.Load(f)
	if err == nil || !strings.Contains(err.Error(), policyfile.FileName+":3:") || !strings.Contains(err.Error(), "defualt") {
		t.Fatalf("Load error = %v, want file:3: naming the key", err)
	}
	if _, err := policyfile.Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Fatal("missing file: no error")
	}
	if got, ok := policyfile.Find(dir); !ok || got != f {
		t.Errorf("Find = %q %v", got, ok)
	}
}
