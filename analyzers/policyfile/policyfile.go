// Package policyfile is the public face of zombiecheck's policy file,
// .zombiecheck.yaml, for code outside the analyzers, such as the run-time
// guard. It loads a file with the same strict validation and the same
// file:line:col: key errors as the zombiecheck command, finds the file that
// applies to a directory, and answers the host questions the policy decides:
// is a host local (local.hosts and the built-in local hosts), and does the
// egress section allow it, and by which entry.
//
// It is a thin layer over the analyzers' own loader, so the run-time answer
// and the static one cannot drift apart.
package policyfile

import (
	"net/netip"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
)

// FileName is the name of the policy file Find looks for.
const FileName = policy.FileName

// Rules a Decision can name.
const (
	RuleDeny    = "egress.deny"    // an egress.deny entry matched
	RuleAllow   = "egress.allow"   // an egress.allow entry matched
	RuleDefault = "egress.default" // no entry matched; egress.default decided
	RuleLocal   = "local.hosts"    // a local.hosts entry matched
	RuleBuiltin = "builtin-local"  // a built-in local host (localhost, loopback, unix socket)
)

// Policy is a loaded, validated policy. It is read-only and safe for
// concurrent use.
type Policy struct {
	p *policy.Policy
}

// Load reads and validates a policy file. Every problem is an error naming
// the file, line, column and key, as the zombiecheck command prints it.
func Load(filename string) (*Policy, error) {
	p, err := policy.Load(filename)
	if err != nil {
		return nil, err
	}
	return &Policy{p: p}, nil
}

// Parse validates policy file content; filename is used in errors and in
// Decision.File.
func Parse(filename string, data []byte) (*Policy, error) {
	p, err := policy.Parse(filename, data)
	if err != nil {
		return nil, err
	}
	return &Policy{p: p}, nil
}

// Default returns the embedded defaults (everything external allowed).
func Default() *Policy { return &Policy{p: policy.Default()} }

// Find looks for FileName in dir and its parents, up to the module root.
func Find(dir string) (file string, ok bool) { return policy.Find(dir) }

// ForDir returns the policy for dir: explicit if non-empty, else the file
// Find finds, else the defaults.
func ForDir(dir, explicit string) (*Policy, error) {
	p, err := policy.ForDir(dir, explicit)
	if err != nil {
		return nil, err
	}
	return &Policy{p: p}, nil
}

// File is the absolute path of the policy file, or "" for the defaults.
func (p *Policy) File() string { return p.p.File }

// Decision is the policy's answer for one host.
type Decision struct {
	Host    string // the host as asked, normalized (no port, brackets or zone; lower case)
	Allowed bool
	Rule    string // one of the Rule constants
	Pattern string // the matching entry in canonical form; "" for RuleDefault and RuleBuiltin
	File    string // the policy file; "" for the defaults
	Line    int    // line of the matching entry, or 0
}

// Egress decides host by the egress section: deny wins over allow, and a
// host on neither list gets egress.default. host may carry a port. Local
// hosts are not special here; ask Local first where that matters.
func (p *Policy) Egress(host string) Decision {
	d := Decision{Host: Normalize(host), File: p.p.File}
	for _, hp := range p.p.Egress.Deny {
		if hp.Match(host) {
			d.Rule, d.Pattern, d.Line = RuleDeny, hp.String(), hp.Line()
			return d
		}
	}
	for _, hp := range p.p.Egress.Allow {
		if hp.Match(host) {
			d.Allowed, d.Rule, d.Pattern, d.Line = true, RuleAllow, hp.String(), hp.Line()
			return d
		}
	}
	d.Rule = RuleDefault
	d.Allowed = p.p.Egress.Default != policy.EgressDeny
	return d
}

// Restrictive reports whether Egress can refuse anything: the policy has
// deny entries or egress.default is deny.
func (p *Policy) Restrictive() bool {
	return len(p.p.Egress.Deny) > 0 || p.p.Egress.Default == policy.EgressDeny
}

// Local reports whether host counts as local: a local.hosts entry, or a
// built-in local host (localhost, *.localhost, 127.0.0.0/8, ::1, the
// unspecified addresses, host.docker.internal, host.containers.internal,
// gateway.docker.internal, or a "unix:" socket). Allowed is true when it is
// local; Rule is RuleLocal or RuleBuiltin, or "" when it is not local.
func (p *Policy) Local(host string) Decision {
	d := Decision{Host: Normalize(host)}
	if strings.HasPrefix(strings.ToLower(host), "unix:") || strings.HasPrefix(host, "/") || host == "@" {
		d.Allowed, d.Rule = true, RuleBuiltin
		return d
	}
	for _, hp := range p.p.Local.Hosts {
		if hp.Match(host) {
			d.Allowed, d.Rule, d.Pattern, d.File, d.Line = true, RuleLocal, hp.String(), p.p.File, hp.Line()
			return d
		}
	}
	if builtinLocal(d.Host) {
		d.Allowed, d.Rule = true, RuleBuiltin
	}
	return d
}

var localNames = map[string]bool{
	"localhost":                true,
	"host.docker.internal":     true,
	"host.containers.internal": true,
	"gateway.docker.internal":  true,
}

func builtinLocal(h string) bool {
	if a, err := netip.ParseAddr(h); err == nil {
		a = a.Unmap()
		return a.IsLoopback() || a.IsUnspecified()
	}
	return localNames[h] || strings.HasSuffix(h, ".localhost")
}

// Normalize reduces a host or host:port to the form policies compare: no
// port, no brackets, no IPv6 zone, no trailing dot, lower case.
func Normalize(host string) string { return policy.NormalizeHost(host) }
