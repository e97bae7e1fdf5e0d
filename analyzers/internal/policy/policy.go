// Package policy loads and strictly validates zombiecheck's policy file,
// .zombiecheck.yaml, and answers "what does the policy say?" for every
// analyzer.
//
// The product exists because a function's name promised one thing and its
// code did another, so the policy must not make the same mistake: every key
// and every value in the file is either understood or rejected. An unknown key
// (usually a typo), a value of the wrong type, or a host pattern that could
// never match is an error that names the file, line, column and key. Nothing
// is silently ignored.
//
// Facts stay policy-free: the policy is applied only when
// a reporting analyzer decides what to report. A policy is looked up from the
// package directory up to the module root (Find), unless the driver names one
// explicitly (the policy analyzer's -policy flag, see
// analyzers/internal/policyconfig), and is parsed at most once per process (Load,
// ForDir), because go vet starts one process per package.
//
// The policy file is not part of go vet's cache key. After editing it, run
// "go vet -a" (or let the zombiecheck CLI pass -policyhash=<Policy.Hash>),
// otherwise vet may replay stale results for unchanged packages.
package policy

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// FileName is the name of the policy file that Find looks for.
const FileName = ".zombiecheck.yaml"

// Version is the policy schema version this package reads.
const Version = 1

// Egress defaults, the two values egress.default accepts.
const (
	EgressAllow = "allow"
	EgressDeny  = "deny"
)

// Test-file settings, the two values the tests key accepts.
const (
	// TestsSkip drops findings whose position is in a _test.go file. The
	// go vet driver also leaves those files out of the analysis (see
	// vetunit.Options.DropTestFiles); the other drivers analyse them.
	TestsSkip = "skip"
	// TestsAnalyse reports findings in _test.go files like any other.
	TestsAnalyse = "analyse"
)

// Policy is a validated .zombiecheck.yaml (or the embedded defaults).
//
// A Policy is shared between analyzers and goroutines once loaded, so treat
// it as read-only. Default returns a fresh copy that may be modified.
type Policy struct {
	File    string // absolute path of the file it came from; "" for the embedded defaults
	Dir     string // directory that relative exclude globs are resolved against (the file's dir; "" for defaults)
	Hash    string // hex sha256 of the file bytes ("" for defaults)
	Version int

	Local      Local
	Egress     Egress
	HTTPClient HTTPClient
	ZombieLoop ZombieLoop
	Exclude    []string // globs as written
	// Tests says whether findings in _test.go files are reported:
	// TestsSkip (the default) or TestsAnalyse. It applies to every
	// analyzer and under every driver.
	Tests string

	// globs are the compiled Exclude entries, in the same order.
	globs []glob
}

// Local extends what counts as local for localroute. Every list adds to the
// analyzers' built-in tables; none replaces them.
type Local struct {
	// Hosts are extra hosts that count as local, beyond the built-in
	// localhost, *.localhost, 127.0.0.0/8, ::1, unix sockets and
	// host.docker.internal.
	Hosts []HostPattern
	// Gateways are local addresses of routing gateways (a LiteLLM proxy on
	// localhost:4000): local on the wire, but they may forward to the
	// cloud, so a function that promises a local model must not use them.
	Gateways []GatewayPattern
	// Words are extra identifier words that promise locality (built in:
	// ollama, llamacpp, lmstudio, local, offline, ...). Stored lower-case.
	Words []string
	// Honest are extra words that admit a remote route (built in: cloud,
	// remote, hosted, fallback, router, chain, ...). Stored lower-case.
	Honest []string
	// Only lists packages and functions that must reach no external host,
	// whatever their names say.
	Only []FuncPattern
}

// Egress is the allow-list of hosts the code may reach.
type Egress struct {
	Allow []HostPattern
	Deny  []HostPattern
	// Default is what an external host on neither list gets: EgressAllow
	// or EgressDeny.
	Default string
	// Strict also reports hosts that cannot be resolved statically
	// (environment variables, configuration).
	Strict bool
}

// HTTPClient configures the httpclient analyzer.
type HTTPClient struct {
	// Streaming lists packages, functions and named types whose clients may
	// omit Client.Timeout when the transport bounds dialing and headers.
	Streaming []FuncPattern
}

// ZombieLoop configures the zombieloop analyzer.
type ZombieLoop struct {
	// Backoff lists the project's own backoff and retry helpers; a call to
	// one counts as an adaptive wait.
	Backoff []FuncPattern
	// Short is the threshold below which a fixed retry interval is hot.
	Short time.Duration
}

// Error names the position and key of a policy problem. Every error that
// Parse returns is an *Error.
type Error struct {
	File      string // the file name as given to Parse
	Line, Col int    // 1-based position of the offending node
	Key       string // dotted key path, e.g. "egress.default"; "" for the document itself
	Msg       string // the message, which starts with the key where that helps
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// defaultsYAML is the policy that applies when no file is found. Keeping it
// as YAML means the defaults go through the same validation as user files.
//
//go:embed defaults.yaml
var defaultsYAML []byte

// defaults parses defaultsYAML once. A failure is a bug in this package,
// caught by its tests.
var defaults = sync.OnceValue(func() *Policy {
	p, err := parse("defaults.yaml", defaultsYAML)
	if err != nil {
		panic("policy: embedded defaults are invalid: " + err.Error())
	}
	return p
})

// Default returns the embedded defaults: Version 1, Egress.Default "allow",
// ZombieLoop.Short 1s, Tests "skip" and empty lists. Each call returns a new copy, so the
// caller may modify it.
func Default() *Policy {
	return defaults().clone()
}

// Parse validates data as a policy file. filename is used in error messages
// as given; the Policy records its absolute path. An empty or comment-only
// file yields the defaults (with File, Dir and Hash set). All errors are
// *Error, and only the first problem in document order is reported.
func Parse(filename string, data []byte) (*Policy, error) {
	p, err := parse(filename, data)
	if err != nil {
		return nil, err
	}
	if filename != "" {
		abs, err := filepath.Abs(filename)
		if err != nil {
			return nil, &Error{File: filename, Line: 1, Col: 1, Msg: "cannot resolve the policy file's path: " + err.Error()}
		}
		p.File = abs
		p.Dir = filepath.Dir(abs)
	}
	sum := sha256.Sum256(data)
	p.Hash = hex.EncodeToString(sum[:])
	return p, nil
}

// parse decodes data on top of the built-in baseline values. It leaves File,
// Dir and Hash empty.
func parse(filename string, data []byte) (*Policy, error) {
	p := &Policy{
		Version:    Version,
		Egress:     Egress{Default: EgressAllow},
		ZombieLoop: ZombieLoop{Short: time.Second},
		Tests:      TestsSkip,
	}
	if err := decode(filename, data, p); err != nil {
		return nil, err
	}
	return p, nil
}

// clone returns a deep copy of p. The patterns themselves are immutable
// values, so copying the slices is enough.
func (p *Policy) clone() *Policy {
	c := *p
	c.Local.Hosts = slices.Clone(p.Local.Hosts)
	c.Local.Words = slices.Clone(p.Local.Words)
	c.Local.Honest = slices.Clone(p.Local.Honest)
	c.Local.Only = slices.Clone(p.Local.Only)
	c.Egress.Allow = slices.Clone(p.Egress.Allow)
	c.Egress.Deny = slices.Clone(p.Egress.Deny)
	c.HTTPClient.Streaming = slices.Clone(p.HTTPClient.Streaming)
	c.ZombieLoop.Backoff = slices.Clone(p.ZombieLoop.Backoff)
	c.Exclude = slices.Clone(p.Exclude)
	c.globs = slices.Clone(p.globs)
	return &c
}

// AnalyseTests reports whether findings in _test.go files are reported. A
// nil policy means the defaults, which skip them.
func (p *Policy) AnalyseTests() bool {
	return p != nil && p.Tests == TestsAnalyse
}
