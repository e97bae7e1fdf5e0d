package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestDefault(t *testing.T) {
	p := Default()
	if p.File != "" || p.Dir != "" || p.Hash != "" {
		t.Errorf("Default() File/Dir/Hash = %q/%q/%q, want empty", p.File, p.Dir, p.Hash)
	}
	if p.Version != 1 {
		t.Errorf("Default().Version = %d, want 1", p.Version)
	}
	if p.Egress.Default != "allow" || p.Egress.Strict {
		t.Errorf("Default().Egress = %+v, want default allow, not strict", p.Egress)
	}
	if p.ZombieLoop.Short != time.Second {
		t.Errorf("Default().ZombieLoop.Short = %v, want 1s", p.ZombieLoop.Short)
	}
	if n := len(p.Local.Hosts) + len(p.Local.Words) + len(p.Local.Honest) + len(p.Local.Only) +
		len(p.Egress.Allow) + len(p.Egress.Deny) + len(p.HTTPClient.Streaming) +
		len(p.ZombieLoop.Backoff) + len(p.Exclude); n != 0 {
		t.Errorf("Default() has %d list entries, want none", n)
	}

	// Each call is a fresh copy: a caller's changes do not leak.
	p.Egress.Default = "deny"
	p.Local.Words = append(p.Local.Words, "mine")
	if q := Default(); q.Egress.Default != "allow" || len(q.Local.Words) != 0 {
		t.Errorf("Default() after modifying an earlier copy = %+v", q)
	}
}

func TestParseEveryKey(t *testing.T) {
	const src = `version: 1
local:
  hosts: [ollama, "*.lan", 10.0.0.0/8, "::1"]
  words: [Airlock, offline2]
  honest: [upstream]
  only: [example.com/svc/offline/..., example.com/svc/llm.(*Local).Complete]
egress:
  allow:
    - api.anthropic.com
    - "*.openai.com"
  deny: [api.groq.com]
  default: deny
  strict: true
httpclient:
  streaming: [example.com/svc/sse, example.com/svc/llm.Client.Stream]
zombieloop:
  backoff: [example.com/svc/retry.Sleep]
  short: 250ms
exclude: ["**/mocks/**", "*_gen.go"]
`
	p, err := Parse("testdata/.zombiecheck.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	check := func(field string, got, want any) {
		t.Helper()
		if !equalAny(got, want) {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	check("Version", p.Version, 1)
	check("Local.Hosts", strs(p.Local.Hosts), []string{"ollama", "*.lan", "10.0.0.0/8", "::1"})
	check("Local.Words", p.Local.Words, []string{"airlock", "offline2"})
	check("Local.Honest", p.Local.Honest, []string{"upstream"})
	check("Local.Only", strs(p.Local.Only), []string{"example.com/svc/offline/...", "example.com/svc/llm.(*Local).Complete"})
	check("Egress.Allow", strs(p.Egress.Allow), []string{"api.anthropic.com", "*.openai.com"})
	check("Egress.Deny", strs(p.Egress.Deny), []string{"api.groq.com"})
	check("Egress.Default", p.Egress.Default, "deny")
	check("Egress.Strict", p.Egress.Strict, true)
	check("HTTPClient.Streaming", strs(p.HTTPClient.Streaming), []string{"example.com/svc/sse", "example.com/svc/llm.Client.Stream"})
	check("ZombieLoop.Backoff", strs(p.ZombieLoop.Backoff), []string{"example.com/svc/retry.Sleep"})
	check("ZombieLoop.Short", p.ZombieLoop.Short, 250*time.Millisecond)
	check("Exclude", p.Exclude, []string{"**/mocks/**", "*_gen.go"})

	abs, _ := filepath.Abs("testdata/.zombiecheck.yaml")
	check("File", p.File, abs)
	check("Dir", p.Dir, filepath.Dir(abs))
	sum := sha256.Sum256([]byte(src))
	check("Hash", p.Hash, hex.EncodeToString(sum[:]))
}

// TestParseEmpty: an empty document, or keys with no value, leave the defaults.
func TestParseEmpty(t *testing.T) {
	for _, src := range []string{
		"",
		"# nothing but a comment\n",
		"---\n",
		"~\n",
		"local:\negress:\n  allow:\n  default:\nzombieloop:\n  short:\nexclude:\n",
		"version:\n",
	} {
		p, err := Parse("/x/.zombiecheck.yaml", []byte(src))
		if err != nil {
			t.Errorf("Parse(%q): %v", src, err)
			continue
		}
		want := Default()
		if p.Version != want.Version || p.Egress.Default != want.Egress.Default || p.ZombieLoop.Short != want.ZombieLoop.Short ||
			len(p.Egress.Allow) != 0 || len(p.Exclude) != 0 {
			t.Errorf("Parse(%q) = %+v, want the defaults", src, p)
		}
		if p.File != filepath.FromSlash("/x/.zombiecheck.yaml") || p.Hash == "" {
			t.Errorf("Parse(%q): File = %q, Hash = %q; want both set", src, p.File, p.Hash)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want, key string
	}{
		// unknown keys
		{"typo nested", "version: 1\negress:\n  defualt: allow\n",
			`3:3: unknown key "defualt" in egress (did you mean "default"?)`, "egress.defualt"},
		{"typo top level", "egres:\n  allow: []\n",
			`1:1: unknown key "egres" at top level (did you mean "egress"?)`, "egres"},
		{"case", "Local: {}\n",
			`1:1: unknown key "Local" at top level (did you mean "local"?)`, "Local"},
		{"case nested", "zombieloop:\n  Short: 1s\n",
			`2:3: unknown key "Short" in zombieloop (did you mean "short"?)`, "zombieloop.Short"},
		{"no suggestion", "egress:\n  permit: [a.com]\n",
			`2:3: unknown key "permit" in egress (valid keys: allow, deny, default, strict)`, "egress.permit"},
		{"old schema name", "allow_private: true\n",
			`1:1: unknown key "allow_private" at top level (valid keys: version, local, egress, httpclient, zombieloop, exclude, tests)`, "allow_private"},
		{"non-scalar key", "egress:\n  [a]: 1\n",
			`2:3: expected a key name in egress, got a list`, "egress"},

		// wrong types
		{"list is mapping", "egress:\n  allow:\n    host: a.com\n",
			`3:5: egress.allow: expected a list of strings, got a mapping`, "egress.allow"},
		{"list is scalar", "egress:\n  allow: api.openai.com\n",
			`2:10: egress.allow: expected a list of strings, got a string ("api.openai.com")`, "egress.allow"},
		{"item is list", "local:\n  words:\n    - [a, b]\n",
			`3:7: local.words: expected a string, got a list`, "local.words"},
		{"item is int", "local:\n  hosts:\n    - 8080\n",
			`3:7: local.hosts: expected a string, got an integer (8080)`, "local.hosts"},
		{"item is number", "local:\n  hosts: [1.5]\n",
			`2:11: local.hosts: expected a string, got a number (1.5)`, "local.hosts"},
		{"item is bool", "local:\n  words: [true]\n",
			`2:11: local.words: expected a string, got a boolean (true)`, "local.words"},
		{"item with odd tag", "exclude: [!!binary aGVsbG8=]\n",
			`1:11: exclude: expected a string, got a !!binary value ("aGVsbG8=")`, "exclude"},
		{"item is null", "exclude:\n  -\n",
			`2:4: exclude: expected a string, got an empty value`, "exclude"},
		{"section is list", "egress: [a.com]\n",
			`1:9: egress: expected a mapping, got a list`, "egress"},
		{"section is scalar", "zombieloop: fast\n",
			`1:13: zombieloop: expected a mapping, got a string ("fast")`, "zombieloop"},
		{"top level list", "- a\n- b\n",
			`1:1: expected a mapping of policy keys at top level, got a list`, ""},
		{"top level scalar", "hello\n",
			`1:1: expected a mapping of policy keys at top level, got a string ("hello")`, ""},
		{"strict not bool", "egress:\n  strict: yes\n",
			`2:11: egress.strict: expected true or false, got a string ("yes")`, "egress.strict"},
		{"strict quoted", "egress:\n  strict: \"true\"\n",
			`2:11: egress.strict: expected true or false, got a string ("true")`, "egress.strict"},
		{"short is list", "zombieloop:\n  short: [1s]\n",
			`2:10: zombieloop.short: expected a duration such as "1s", got a list`, "zombieloop.short"},

		// bad values
		{"tests unknown value", "tests: maybe\n",
			`1:8: tests: must be "analyse" (report findings in _test.go files) or "skip" (drop them, the default), got "maybe"`, "tests"},
		{"tests american spelling", "version: 1\ntests: analyze\n",
			`2:8: tests: must be "analyse" (report findings in _test.go files) or "skip" (drop them, the default), got "analyze"`, "tests"},
		{"tests bool", "tests: true\n",
			`1:8: tests: must be "analyse" (report findings in _test.go files) or "skip" (drop them, the default), got "true"`, "tests"},
		{"tests list", "tests: [analyse]\n",
			`1:8: tests: must be "analyse" (report findings in _test.go files) or "skip" (drop them, the default), got a list`, "tests"},
		{"tests misspelt key", "test: analyse\n",
			`1:1: unknown key "test" at top level (did you mean "tests"?)`, "test"},
		{"egress default", "egress:\n  default: maybe\n",
			`2:12: egress.default: must be "allow" or "deny", got "maybe"`, "egress.default"},
		{"egress default case", "egress:\n  default: Deny\n",
			`2:12: egress.default: must be "allow" or "deny", got "Deny"`, "egress.default"},
		{"egress default list", "egress:\n  default: [allow]\n",
			`2:12: egress.default: must be "allow" or "deny", got a list`, "egress.default"},
		{"duration", "zombieloop:\n  short: 1 sec\n",
			`2:10: zombieloop.short: invalid duration "1 sec"`, "zombieloop.short"},
		{"duration no unit", "zombieloop:\n  short: 5\n",
			`2:10: zombieloop.short: invalid duration "5"`, "zombieloop.short"},
		{"duration zero", "zombieloop:\n  short: 0s\n",
			`2:10: zombieloop.short: must be greater than zero, got "0s"`, "zombieloop.short"},
		{"duration negative", "zombieloop:\n  short: -1s\n",
			`2:10: zombieloop.short: must be greater than zero, got "-1s"`, "zombieloop.short"},
		{"host empty", "egress:\n  allow: [\"\"]\n",
			`2:11: egress.allow: empty host pattern`, "egress.allow"},
		{"host scheme", "egress:\n  allow:\n    - a.com\n    - https://api.openai.com/v1\n",
			`4:7: egress.allow: invalid host pattern "https://api.openai.com/v1": contains a scheme "https://"; write the host alone, as in "api.openai.com"`, "egress.allow"},
		{"host path", "egress:\n  deny: [api.openai.com/v1]\n",
			`2:10: egress.deny: invalid host pattern "api.openai.com/v1": contains a path "/v1"; write the host alone, as in "api.openai.com"`, "egress.deny"},
		{"host spaces", "local:\n  hosts: [\"gpu box\"]\n",
			`2:11: local.hosts: invalid host pattern "gpu box": contains spaces`, "local.hosts"},
		{"host bad cidr", "local:\n  hosts: [10.0.0.0/33]\n",
			`2:11: local.hosts: invalid host pattern "10.0.0.0/33": bad CIDR: prefix length must be between 0 and 32`, "local.hosts"},
		{"host star", "egress:\n  allow: [\"*\"]\n",
			`2:11: egress.allow: invalid host pattern "*": "*" alone would match every host; list hosts or "*.suffix" patterns (egress.default decides what unlisted hosts get)`, "egress.allow"},
		{"host star dot", "egress:\n  allow: [\"*.\"]\n",
			`2:11: egress.allow: invalid host pattern "*.": the wildcard needs a suffix, as in "*.example.com"`, "egress.allow"},
		{"host port", "local:\n  hosts: [\"localhost:4000\"]\n",
			`2:11: local.hosts: invalid host pattern "localhost:4000": contains a port ":4000"; a pattern matches its host on every port, write "localhost"`, "local.hosts"},
		{"gateway port", "local:\n  gateways: [\"localhost:99999\"]\n",
			`2:14: local.gateways: invalid gateway "localhost:99999": port "99999" is not between 1 and 65535`, "local.gateways"},
		{"gateway cidr port", "local:\n  gateways:\n    - 10.0.0.0/8:4000\n",
			`3:7: local.gateways: invalid gateway "10.0.0.0/8:4000": a CIDR takes no port; write "10.0.0.0/8"`, "local.gateways"},
		{"func pattern", "zombieloop:\n  backoff: [\"example.com/retry.(*Backoff.Next\"]\n",
			`2:13: zombieloop.backoff: invalid function pattern "example.com/retry.(*Backoff.Next": unbalanced "(" in the receiver`, "zombieloop.backoff"},
		{"func pattern wildcard", "httpclient:\n  streaming: [\"example.com/*\"]\n",
			`2:15: httpclient.streaming: invalid function pattern "example.com/*": "*" is not a wildcard in package paths; write "example.com/app/..." for a package and every package below it`, "httpclient.streaming"},
		{"only pattern", "local:\n  only: [example.com/app.]\n",
			`2:10: local.only: invalid function pattern "example.com/app.": missing the function name after the package`, "local.only"},
		{"bad glob", "exclude: [\"gen/[a-\"]\n",
			`1:11: exclude: invalid glob "gen/[a-": syntax error in pattern`, "exclude"},
		{"glob absolute", "exclude: [/tmp/x.go]\n",
			`1:11: exclude: invalid glob "/tmp/x.go": is absolute; exclude globs are relative to the policy file's directory`, "exclude"},
		{"bad word", "local:\n  words: [llama.cpp]\n",
			`2:11: local.words: invalid word "llama.cpp": a word is one identifier token of letters and digits, as in "llamacpp"`, "local.words"},
		{"empty word", "local:\n  honest: [\"\"]\n",
			`2:12: local.honest: empty word`, "local.honest"},

		// version
		{"version 2", "version: 2\n",
			`1:10: version: unsupported policy version 2 (this zombiecheck reads version 1)`, "version"},
		{"version 0", "version: 0\n",
			`1:10: version: unsupported policy version 0 (this zombiecheck reads version 1)`, "version"},
		{"version string", "version: \"1\"\n",
			`1:10: version: expected an integer, got a string ("1")`, "version"},
		{"version before unknown keys", "allow_private: true\nversion: 2\n",
			`2:10: version: unsupported policy version 2 (this zombiecheck reads version 1)`, "version"},

		// structure
		{"duplicate key", "egress:\n  allow: [a.com]\n  strict: true\n  allow: [b.com]\n",
			`4:3: duplicate key "allow" in egress (first at line 2)`, "egress.allow"},
		{"duplicate top-level key", "egress: {}\negress: {}\n",
			`2:1: duplicate key "egress" at top level (first at line 1)`, "egress"},
		{"two documents", "version: 1\n---\nversion: 1\n",
			`2:1: the file holds more than one YAML document; a policy is a single document`, ""},
		{"anchor", "egress:\n  allow: &hosts [a.com]\n  deny: *hosts\n",
			`2:10: egress.allow: YAML anchors (&hosts) are not supported in a policy file; write the value out`, "egress.allow"},
		{"alias", "local:\n  hosts: [a.lan]\negress:\n  allow: [x.com]\n  deny: [*h]\n",
			`5:10: invalid YAML: unknown anchor 'h' referenced`, ""},
		{"custom tag", "exclude: !glob [a]\n",
			`1:10: exclude: unsupported YAML tag "!glob"`, "exclude"},
		{"syntax error", "egress:\n  allow: a\n   b: 1\n",
			`3:1: invalid YAML: mapping values are not allowed in this context`, ""},
		{"tab", "egress:\n\tallow: []\n",
			`2:1: invalid YAML: found character that cannot start any token`, ""},

		// contradictions between lists name both lines
		{"allow and deny", "egress:\n  allow: [api.example.com]\n  deny: [api.example.com]\n",
			`3:10: egress.deny: host pattern "api.example.com" is also in egress.allow at line 2; a host cannot be both allowed and denied: remove it from one of the lists`, "egress.deny"},
		{"deny before allow", "egress:\n  deny:\n    - \"*.corp\"\n  allow:\n    - ok.com\n    - \"*.corp\"\n",
			`6:7: egress.allow: host pattern "*.corp" is also in egress.deny at line 3; a host cannot be both allowed and denied: remove it from one of the lists`, "egress.allow"},
		{"allow and deny, case and IP spelling", "egress:\n  allow: [API.Example.com, \"0:0:0:0:0:0:0:1\"]\n  deny: [\"::1\", api.example.com]\n",
			`3:10: egress.deny: host pattern "::1" is also in egress.allow at line 2; a host cannot be both allowed and denied: remove it from one of the lists`, "egress.deny"},
		{"local and deny", "local:\n  hosts: [gpu.lan]\negress:\n  deny: [gpu.lan]\n",
			`4:10: egress.deny: host pattern "gpu.lan" is also in local.hosts at line 2; a host cannot be both local and denied: remove it from one of the lists`, "egress.deny"},
		{"contradiction after an invalid entry", "egress:\n  allow: [a.com]\n  deny: [a.com, \"b c\"]\n",
			`3:17: egress.deny: invalid host pattern "b c": contains spaces`, "egress.deny"},

		// first error in document order
		{"first of two", "egress:\n  default: maybe\nzombieloop:\n  short: soon\n",
			`2:12: egress.default: must be "allow" or "deny", got "maybe"`, "egress.default"},
		{"first item", "egress:\n  allow: [ok.com, \"bad one\", https://x]\n",
			`2:19: egress.allow: invalid host pattern "bad one": contains spaces`, "egress.allow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(".zombiecheck.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if got, want := err.Error(), ".zombiecheck.yaml:"+tt.want; got != want {
				t.Errorf("error\n got: %s\nwant: %s", got, want)
			}
			if perr.Key != tt.key {
				t.Errorf("Key = %q, want %q", perr.Key, tt.key)
			}
			if perr.File != ".zombiecheck.yaml" {
				t.Errorf("File = %q, want the name as given", perr.File)
			}
		})
	}
}

// TestAliasRejected checks the walk's alias branch directly: go-yaml keeps
// an alias in the node tree only when its anchor exists, and the walk meets
// (and rejects) the anchor first in document order.
func TestAliasRejected(t *testing.T) {
	d := &decoder{file: "f"}
	alias := &yaml.Node{Kind: yaml.AliasNode, Value: "hosts", Line: 3, Column: 9}
	err := d.plain(alias, "egress.deny")
	if err == nil || err.Error() != "f:3:9: egress.deny: YAML aliases (*hosts) are not supported in a policy file; write the value out" {
		t.Errorf("plain(alias) = %v", err)
	}
	merge := "egress:\n  <<: {strict: true}\n"
	if _, err := Parse("f", []byte(merge)); err == nil || err.Error() != `f:2:3: unknown key "<<" in egress (valid keys: allow, deny, default, strict)` {
		t.Errorf("Parse(merge key) = %v", err)
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "a/.zombiecheck.yaml", Line: 3, Col: 5, Key: "egress.default", Msg: "egress.default: oops"}
	if got, want := e.Error(), "a/.zombiecheck.yaml:3:5: egress.default: oops"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"default", "default", 0},
		{"defualt", "default", 1}, // transposition
		{"dflt", "default", 3},
		{"alow", "allow", 1},
		{"streming", "streaming", 1},
		{"", "abc", 3},
		{"abc", "", 3},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSchemaKeys(t *testing.T) {
	want := []string{
		"version",
		"local", "local.hosts", "local.gateways", "local.words", "local.honest", "local.only",
		"egress", "egress.allow", "egress.deny", "egress.default", "egress.strict",
		"httpclient", "httpclient.streaming",
		"zombieloop", "zombieloop.backoff", "zombieloop.short",
		"exclude",
		"tests",
	}
	if got := schemaKeys(); !slices.Equal(got, want) {
		t.Errorf("schemaKeys() =\n%v\nwant\n%v", got, want)
	}
}

func strs[T interface{ String() string }](list []T) []string {
	var out []string
	for _, x := range list {
		out = append(out, x.String())
	}
	return out
}

func equalAny(a, b any) bool {
	switch a := a.(type) {
	case []string:
		return slices.Equal(a, b.([]string))
	}
	return a == b
}

// TestParseNoContradiction: lists that overlap without naming the same
// pattern, or that agree, are fine.
func TestParseNoContradiction(t *testing.T) {
	for _, src := range []string{
		// a wildcard does not match its bare suffix, and a CIDR is not a host
		"egress:\n  allow: [\"*.example.com\"]\n  deny: [example.com]\n",
		"egress:\n  allow: [10.0.0.0/8]\n  deny: [10.1.2.3]\n",
		// a local host that is also allowed says the same thing twice
		"local:\n  hosts: [gpu.lan]\negress:\n  allow: [gpu.lan]\n",
		// the same pattern twice in one list
		"egress:\n  deny: [x.com, x.com]\n",
		"egress:\n  allow: [a.com]\n  deny: [b.com]\n",
	} {
		if _, err := Parse("p.yaml", []byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
}

// TestParseNoVersion: a file without a version key is read as version 1,
// the only schema there is (policy.example.yaml says so); a future version
// 2 will require the key, so old files keep their meaning.
func TestParseNoVersion(t *testing.T) {
	p, err := Parse("p.yaml", []byte("egress:\n  default: deny\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != Version || p.Egress.Default != EgressDeny {
		t.Errorf("Parse without version = version %d, default %q; want %d, deny", p.Version, p.Egress.Default, Version)
	}
}

// TestTestsKey checks the values the tests key accepts and its default.
func TestTestsKey(t *testing.T) {
	if d := Default(); d.Tests != TestsSkip || d.AnalyseTests() {
		t.Errorf("Default().Tests = %q, want %q", d.Tests, TestsSkip)
	}
	if (*Policy)(nil).AnalyseTests() {
		t.Error("a nil policy analyses tests, want the default skip")
	}
	for _, tt := range []struct {
		src     string
		want    string
		analyse bool
	}{
		{"", TestsSkip, false},
		{"version: 1\n", TestsSkip, false},
		{"tests: skip\n", TestsSkip, false},
		{"tests: analyse\n", TestsAnalyse, true},
		{"tests: \"analyse\"\n", TestsAnalyse, true},
	} {
		p, err := Parse(".zombiecheck.yaml", []byte(tt.src))
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		if p.Tests != tt.want || p.AnalyseTests() != tt.analyse {
			t.Errorf("Parse(%q).Tests = %q (analyse %v), want %q (%v)", tt.src, p.Tests, p.AnalyseTests(), tt.want, tt.analyse)
		}
	}
}
