package policy

import (
	"slices"
	"strings"
	"testing"
)

func TestParseHostPattern(t *testing.T) {
	valid := []struct{ in, want string }{
		{"api.openai.com", "api.openai.com"},
		{"API.OpenAI.com", "api.openai.com"},
		{"example.com.", "example.com"},
		{"*.openai.com", "*.openai.com"},
		{"*.Lan", "*.lan"},
		{"ollama", "ollama"},
		{"my_service", "my_service"},
		{"127.0.0.1", "127.0.0.1"},
		{"::1", "::1"},
		{"[::1]", "::1"},
		{"0:0:0:0:0:0:0:1", "::1"},
		{"::ffff:10.1.2.3", "10.1.2.3"},
		{"10.0.0.0/8", "10.0.0.0/8"},
		{"fd00::/8", "fd00::/8"},
		{"::1/128", "::1/128"},
		{"0.0.0.0/0", "0.0.0.0/0"},
		{"::ffff:10.0.0.0/104", "10.0.0.0/8"},
	}
	for _, tt := range valid {
		p, err := ParseHostPattern(tt.in)
		if err != nil {
			t.Errorf("ParseHostPattern(%q): %v", tt.in, err)
			continue
		}
		if got := p.String(); got != tt.want {
			t.Errorf("ParseHostPattern(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}

	invalid := []struct{ in, want string }{
		{"", `empty host pattern`},
		{" a.com", `invalid host pattern " a.com": contains spaces`},
		{"https://api.openai.com/v1", `invalid host pattern "https://api.openai.com/v1": contains a scheme "https://"; write the host alone, as in "api.openai.com"`},
		{"http://LOCALHOST:11434", `invalid host pattern "http://LOCALHOST:11434": contains a scheme "http://"; write the host alone, as in "localhost"`},
		{"api.openai.com/v1/chat", `invalid host pattern "api.openai.com/v1/chat": contains a path "/v1/chat"; write the host alone, as in "api.openai.com"`},
		{"10.0.0.0/33", `invalid host pattern "10.0.0.0/33": bad CIDR: prefix length must be between 0 and 32`},
		{"fd00::/129", `invalid host pattern "fd00::/129": bad CIDR: prefix length must be between 0 and 128`},
		{"10.0.0/8", `invalid host pattern "10.0.0/8": bad CIDR: "10.0.0" is not an IP address`},
		{"10.0.0.1/8", `invalid host pattern "10.0.0.1/8": bad CIDR: host bits are set; did you mean "10.0.0.0/8"?`},
		{"10.0.0.0/", `invalid host pattern "10.0.0.0/": contains a path "/"; write the host alone, as in "10.0.0.0"`},
		{"*", `invalid host pattern "*": "*" alone would match every host; list hosts or "*.suffix" patterns (egress.default decides what unlisted hosts get)`},
		{"*.", `invalid host pattern "*.": the wildcard needs a suffix, as in "*.example.com"`},
		{"*..", `invalid host pattern "*..": the wildcard needs a suffix, as in "*.example.com"`},
		{"*openai.com", `invalid host pattern "*openai.com": the wildcard "*" is allowed only as the whole first label, as in "*.example.com"`},
		{"api.*.com", `invalid host pattern "api.*.com": the wildcard "*" is allowed only as the whole first label, as in "*.example.com"`},
		{"*.*.com", `invalid host pattern "*.*.com": the wildcard "*" is allowed only as the whole first label, as in "*.example.com"`},
		{".openai.com", `invalid host pattern ".openai.com": a leading "." is not a wildcard; write "*.openai.com" (and also "openai.com" to match the domain itself)`},
		{"localhost:11434", `invalid host pattern "localhost:11434": contains a port ":11434"; a pattern matches its host on every port, write "localhost"`},
		{"[::1]:80", `invalid host pattern "[::1]:80": contains a port ":80"; a pattern matches its host on every port, write "::1"`},
		{"fe80::1%eth0", `invalid host pattern "fe80::1%eth0": contains an IPv6 zone "%eth0"; write the address alone, as in "fe80::1"`},
		{"a..b", `invalid host pattern "a..b": has an empty label`},
		{".", `invalid host pattern ".": has an empty label`},
		{"bücher.de", `invalid host pattern "bücher.de": contains the non-ASCII character 'ü'; write the name in its punycode (xn--) form`},
		{"a,b.com", `invalid host pattern "a,b.com": contains the invalid character ','`},
		{"10.0.0", `invalid host pattern "10.0.0": is neither a host name nor an IP address; write an IP address, a CIDR or a DNS name`},
		{"*.0.1", `invalid host pattern "*.0.1": is neither a host name nor an IP address; write an IP address, a CIDR or a DNS name`},
	}
	for _, tt := range invalid {
		_, err := ParseHostPattern(tt.in)
		if err == nil {
			t.Errorf("ParseHostPattern(%q) succeeded, want error %q", tt.in, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseHostPattern(%q) error\n got: %s\nwant: %s", tt.in, err, tt.want)
		}
	}
}

func TestHostPatternMatch(t *testing.T) {
	tests := []struct {
		pattern string
		host    string
		want    bool
	}{
		// exact names: case, ports, trailing dot
		{"api.openai.com", "api.openai.com", true},
		{"api.openai.com", "API.OpenAI.COM", true},
		{"api.openai.com", "api.openai.com:443", true},
		{"api.openai.com", "api.openai.com.", true},
		{"api.openai.com", "openai.com", false},
		{"api.openai.com", "eu.api.openai.com", false},
		{"api.openai.com", "api.openai.com.evil.io", false},
		{"api.openai.com", "", false},

		// wildcards match below the suffix at any depth, never the suffix itself
		{"*.openai.com", "api.openai.com", true},
		{"*.openai.com", "eu.api.openai.com:443", true},
		{"*.openai.com", "API.OPENAI.COM", true},
		{"*.openai.com", "openai.com", false},
		{"*.openai.com", "evilopenai.com", false},
		{"*.openai.com", "api.evilopenai.com", false},
		{"*.openai.com", "openai.com.evil.io", false},
		{"*.openai.com", ".openai.com", false},
		{"*.localhost", "app.localhost:8080", true},
		{"*.localhost", "localhost", false},

		// exact IPs, however written
		{"127.0.0.1", "127.0.0.1:11434", true},
		{"127.0.0.1", "::ffff:127.0.0.1", true},
		{"127.0.0.1", "[::ffff:127.0.0.1]:80", true},
		{"127.0.0.1", "127.0.0.2", false},
		{"127.0.0.1", "localhost", false},
		{"::1", "::1", true},
		{"::1", "[::1]:11434", true},
		{"::1", "0:0:0:0:0:0:0:1", true},
		{"::1", "[0:0::1]", true},
		{"::1", "::2", false},
		{"::1", "127.0.0.1", false},

		// CIDRs, v4 and v6
		{"10.0.0.0/8", "10.1.2.3", true},
		{"10.0.0.0/8", "10.1.2.3:8080", true},
		{"10.0.0.0/8", "::ffff:10.9.9.9", true},
		{"10.0.0.0/8", "11.0.0.1", false},
		{"10.0.0.0/8", "10.example.com", false},
		{"10.0.0.0/8", "fd00::1", false},
		{"169.254.169.254/32", "169.254.169.254:80", true},
		{"169.254.169.254/32", "169.254.169.253", false},
		{"fd00::/8", "fd12:3456::1", true},
		{"fd00::/8", "[fd12::1]:443", true},
		{"fd00::/8", "fe80::1", false},
		{"fd00::/8", "10.0.0.1", false},
		{"::1/128", "::1", true},
		{"::1/128", "[::1]:80", true},
		{"::1/128", "::2", false},
		{"fe80::/10", "fe80::1%eth0", true},
		{"::ffff:10.0.0.0/104", "10.2.3.4", true},
	}
	for _, tt := range tests {
		p, err := ParseHostPattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParseHostPattern(%q): %v", tt.pattern, err)
		}
		if got := p.Match(tt.host); got != tt.want {
			t.Errorf("%q.Match(%q) = %v, want %v", tt.pattern, tt.host, got, tt.want)
		}
	}

	if (HostPattern{}).Match("anything") {
		t.Error("the zero HostPattern matched a host")
	}
}

func TestParseGatewayPattern(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "localhost:4000", want: "localhost:4000"},
		{in: "LiteLLM", want: "litellm"},
		{in: "[::1]:4000", want: "[::1]:4000"},
		{in: "127.0.0.1:04000", want: "127.0.0.1:4000"},
		{in: "*.gw.internal:8787", want: "*.gw.internal:8787"},
		{in: "10.0.0.0/8", want: "10.0.0.0/8"},
		{in: "localhost:0", err: "not between 1 and 65535"},
		{in: "localhost:70000", err: "not between 1 and 65535"},
		{in: "10.0.0.0/8:4000", err: "a CIDR takes no port"},
		{in: "http://localhost:4000", err: "contains a scheme"},
		{in: "localhost:4000/v1", err: "contains a path"},
		{in: "local host:4000", err: "contains spaces"},
	}
	for _, tt := range tests {
		g, err := ParseGatewayPattern(tt.in)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseGatewayPattern(%q) = %v, %v; want error containing %q", tt.in, g, err, tt.err)
			}
		case err != nil:
			t.Errorf("ParseGatewayPattern(%q): %v", tt.in, err)
		case g.String() != tt.want:
			t.Errorf("ParseGatewayPattern(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestGatewayPatternMatch(t *testing.T) {
	port := func(s string) GatewayPattern {
		g, err := ParseGatewayPattern(s)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	tests := []struct {
		pattern, host, port string
		want                bool
	}{
		{"localhost:4000", "localhost", "4000", true},
		{"localhost:4000", "LOCALHOST", "4000", true},
		{"localhost:4000", "localhost", "11434", false},
		{"localhost:4000", "localhost", "", false}, // port unknown: no claim
		{"localhost:4000", "127.0.0.1", "4000", false},
		{"127.0.0.1:4000", "::ffff:127.0.0.1", "4000", true},
		{"[::1]:4000", "0:0:0:0:0:0:0:1", "4000", true},
		{"litellm", "litellm", "", true},
		{"litellm", "litellm", "8000", true},
		{"*.gw.internal:8787", "eu.gw.internal", "8787", true},
		{"*.gw.internal:8787", "gw.internal", "8787", false},
		{"10.0.0.0/8", "10.1.2.3", "4000", true},
	}
	for _, tt := range tests {
		if got := port(tt.pattern).Match(tt.host, tt.port); got != tt.want {
			t.Errorf("%s.Match(%q, %q) = %t, want %t", tt.pattern, tt.host, tt.port, got, tt.want)
		}
	}
}

// TestHostPatternLine checks that host list entries remember the line they
// were written on, so run-time refusals can cite file:line.
func TestHostPatternLine(t *testing.T) {
	const src = `version: 1
local:
  hosts: [ollama]
egress:
  allow:
    - api.anthropic.com
    - "*.openai.com"
  deny: [api.groq.com, 169.254.169.254/32]
`
	p, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := []int{p.Local.Hosts[0].Line(), p.Egress.Allow[0].Line(), p.Egress.Allow[1].Line(), p.Egress.Deny[0].Line(), p.Egress.Deny[1].Line()}
	want := []int{3, 6, 7, 8, 8}
	if !slices.Equal(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
	hp, err := ParseHostPattern("api.groq.com")
	if err != nil {
		t.Fatal(err)
	}
	if hp.Line() != 0 {
		t.Errorf("ParseHostPattern line = %d, want 0", hp.Line())
	}
}
