package policy

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// hostKind says how a HostPattern matches.
type hostKind uint8

const (
	hostExact  hostKind = iota + 1 // one host name, or one IP address
	hostSuffix                     // "*.suffix": any name strictly below suffix
	hostCIDR                       // an IP prefix
)

// HostPattern is one entry of a host list: an exact host ("api.openai.com",
// case-insensitive), a wildcard "*.suffix" that matches sub.suffix at any
// depth but NOT the bare suffix, or a CIDR ("10.0.0.0/8", "::1/128"). A bare
// IP literal is an exact pattern that matches that address however it is
// written ("::1" matches "0:0:0:0:0:0:0:1"; "127.0.0.1" matches the
// IPv4-mapped "::ffff:127.0.0.1").
//
// Patterns never carry a scheme, path or port: a pattern matches its host on
// every port, and writing a port or a URL is an error rather than a pattern
// that silently never matches.
//
// The zero HostPattern matches nothing.
type HostPattern struct {
	kind   hostKind
	name   string       // hostExact (names and IPs): the lower-case host; hostSuffix: the suffix without "*."
	addr   netip.Addr   // hostExact: the address when the pattern is an IP literal
	prefix netip.Prefix // hostCIDR
	line   int          // 1-based line of the entry in its policy file; 0 when not from a file
}

// Line returns the 1-based line of the entry in the policy file it was
// decoded from, or 0 for a pattern made by ParseHostPattern. It does not
// take part in matching.
func (p HostPattern) Line() int { return p.line }

// ParseHostPattern parses and validates one host pattern. The error explains
// what is wrong and, where it can, what to write instead.
func ParseHostPattern(s string) (HostPattern, error) {
	p, problem := parseHostPattern(s)
	if problem != "" {
		if s == "" {
			return HostPattern{}, errors.New(problem)
		}
		return HostPattern{}, fmt.Errorf("invalid host pattern %q: %s", s, problem)
	}
	return p, nil
}

// parseHostPattern returns the pattern, or a description of the problem.
func parseHostPattern(s string) (HostPattern, string) {
	switch {
	case s == "":
		return HostPattern{}, "empty host pattern"
	case strings.IndexFunc(s, unicode.IsSpace) >= 0:
		return HostPattern{}, "contains spaces"
	case strings.Contains(s, "://"):
		scheme := s[:strings.Index(s, "://")+3]
		msg := fmt.Sprintf("contains a scheme %q; write the host alone", scheme)
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			msg += fmt.Sprintf(", as in %q", strings.ToLower(u.Hostname()))
		}
		return HostPattern{}, msg
	}

	if before, after, ok := strings.Cut(s, "/"); ok {
		if looksLikeIP(before) && after != "" && strings.Trim(after, "0123456789") == "" {
			return parseCIDR(before, after)
		}
		return HostPattern{}, fmt.Sprintf("contains a path %q; write the host alone, as in %q", "/"+after, strings.ToLower(before))
	}

	// An IP literal, possibly in brackets. A port on it is an error below.
	literal := s
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		literal = s[1 : len(s)-1]
	}
	if a, err := netip.ParseAddr(literal); err == nil {
		if a.Zone() != "" {
			return HostPattern{}, fmt.Sprintf("contains an IPv6 zone %q; write the address alone, as in %q", "%"+a.Zone(), a.WithZone("").String())
		}
		a = a.Unmap()
		return HostPattern{kind: hostExact, name: a.String(), addr: a}, ""
	}
	if host, port, ok := splitPort(s); ok {
		return HostPattern{}, fmt.Sprintf("contains a port %q; a pattern matches its host on every port, write %q", ":"+port, host)
	}

	name := strings.ToLower(strings.TrimSuffix(s, ".")) // "example.com." is the same FQDN
	switch {
	case s == "*":
		return HostPattern{}, `"*" alone would match every host; list hosts or "*.suffix" patterns (egress.default decides what unlisted hosts get)`
	case s == "*.":
		return HostPattern{}, `the wildcard needs a suffix, as in "*.example.com"`
	case strings.HasPrefix(s, ".") && len(name) > 1:
		return HostPattern{}, fmt.Sprintf(`a leading "." is not a wildcard; write %q (and also %q to match the domain itself)`, "*"+name, name[1:])
	}
	kind := hostExact
	if rest, ok := strings.CutPrefix(name, "*."); ok {
		kind, name = hostSuffix, rest
		if name == "" || name == "." {
			return HostPattern{}, `the wildcard needs a suffix, as in "*.example.com"`
		}
	}
	if strings.Contains(name, "*") {
		return HostPattern{}, `the wildcard "*" is allowed only as the whole first label, as in "*.example.com"`
	}
	if problem := checkHostName(name); problem != "" {
		return HostPattern{}, problem
	}
	return HostPattern{kind: kind, name: name}, ""
}

// parseCIDR validates an address prefix. Host bits must be zero: "10.0.0.1/8"
// is more likely a typo than a deliberate way of writing 10.0.0.0/8.
func parseCIDR(addrPart, bitsPart string) (HostPattern, string) {
	a, err := netip.ParseAddr(addrPart)
	if err != nil || a.Zone() != "" {
		return HostPattern{}, fmt.Sprintf("bad CIDR: %q is not an IP address", addrPart)
	}
	bits, err := strconv.Atoi(bitsPart)
	if err != nil || bits < 0 || bits > a.BitLen() {
		return HostPattern{}, fmt.Sprintf("bad CIDR: prefix length must be between 0 and %d", a.BitLen())
	}
	pfx := netip.PrefixFrom(a, bits)
	if masked := pfx.Masked(); masked != pfx {
		return HostPattern{}, fmt.Sprintf("bad CIDR: host bits are set; did you mean %q?", masked.String())
	}
	// An IPv4-mapped prefix such as ::ffff:10.0.0.0/104 is an IPv4 prefix:
	// hosts are unmapped before matching.
	if a.Is4In6() && bits >= 96 {
		pfx = netip.PrefixFrom(a.Unmap(), bits-96)
	}
	return HostPattern{kind: hostCIDR, prefix: pfx}, ""
}

// looksLikeIP reports whether s is made of the characters of an IP literal,
// so "10.0.0/8" is reported as a bad CIDR rather than as a path.
func looksLikeIP(s string) bool {
	return s != "" && strings.Trim(strings.ToLower(s), "0123456789abcdef.:") == ""
}

// checkHostName validates a lower-case DNS name (without any wildcard).
// Underscores are allowed because container and service names use them.
func checkHostName(name string) string {
	for _, r := range name {
		switch {
		case r > unicode.MaxASCII:
			return fmt.Sprintf("contains the non-ASCII character %q; write the name in its punycode (xn--) form", r)
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return fmt.Sprintf("contains the invalid character %q", r)
		}
	}
	labels := strings.Split(name, ".")
	for _, label := range labels {
		if label == "" {
			return "has an empty label"
		}
	}
	// No top-level domain is numeric, so "10.0.0" is a mistyped address and
	// "*.0.1" would match IP addresses by their text.
	if last := labels[len(labels)-1]; strings.Trim(last, "0123456789") == "" {
		return "is neither a host name nor an IP address; write an IP address, a CIDR or a DNS name"
	}
	return ""
}

// splitPort splits "host:port" where port is all digits. It returns false
// for anything else, including bare IPv6 addresses.
func splitPort(s string) (host, port string, ok bool) {
	if strings.HasPrefix(s, "[") {
		end := strings.Index(s, "]:")
		if end < 0 {
			return "", "", false
		}
		host, port = s[1:end], s[end+2:]
	} else {
		if strings.Count(s, ":") != 1 {
			return "", "", false
		}
		host, port, _ = strings.Cut(s, ":")
	}
	if port == "" || strings.Trim(port, "0123456789") != "" {
		return "", "", false
	}
	return host, port, true
}

// String returns the pattern in canonical form: lower case, with IP
// addresses and prefixes as net/netip prints them.
func (p HostPattern) String() string {
	switch p.kind {
	case hostExact:
		return p.name
	case hostSuffix:
		return "*." + p.name
	case hostCIDR:
		return p.prefix.String()
	}
	return ""
}

// Match reports whether host is covered by the pattern. host may carry a
// port ("h:8080", "[::1]:80"), a trailing dot or an IPv6 zone; all are
// stripped, and names compare case-insensitively.
func (p HostPattern) Match(host string) bool {
	h := NormalizeHost(host)
	if h == "" {
		return false
	}
	switch p.kind {
	case hostExact:
		if p.addr.IsValid() {
			a, err := netip.ParseAddr(h)
			return err == nil && a.Unmap() == p.addr
		}
		return h == p.name
	case hostSuffix:
		return len(h) > len(p.name)+1 && strings.HasSuffix(h, p.name) && h[len(h)-len(p.name)-1] == '.'
	case hostCIDR:
		a, err := netip.ParseAddr(h)
		return err == nil && p.prefix.Contains(a.Unmap())
	}
	return false
}

// NormalizeHost reduces a host as found in code to what patterns compare
// against: no port, no brackets, no zone, no trailing dot, lower case.
func NormalizeHost(host string) string {
	h := host
	if strings.HasPrefix(h, "[") {
		if end := strings.IndexByte(h, ']'); end > 0 {
			h = h[1:end]
		}
	} else if strings.Count(h, ":") == 1 {
		h, _, _ = strings.Cut(h, ":")
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i]
	}
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// GatewayPattern is one entry of local.gateways: a host pattern, optionally
// with a port ("localhost:4000", "[::1]:4000", "litellm", "*.gw.internal").
// Without a port it matches the host on every port. A CIDR takes no port.
type GatewayPattern struct {
	Host HostPattern
	Port string // digits, or "" for every port
}

// ParseGatewayPattern parses and validates one gateway entry.
func ParseGatewayPattern(s string) (GatewayPattern, error) {
	host, port, hasPort := splitPort(s)
	if !hasPort {
		hp, err := ParseHostPattern(s)
		return GatewayPattern{Host: hp}, err
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return GatewayPattern{}, fmt.Errorf("invalid gateway %q: port %q is not between 1 and 65535", s, port)
	}
	if strings.HasPrefix(s, "[") {
		host = "[" + host + "]"
	}
	if strings.Contains(host, "/") {
		return GatewayPattern{}, fmt.Errorf("invalid gateway %q: a CIDR takes no port; write %q", s, host)
	}
	hp, err := ParseHostPattern(host)
	if err != nil {
		return GatewayPattern{}, err
	}
	return GatewayPattern{Host: hp, Port: strings.TrimLeft(port, "0")}, nil
}

// String returns the entry in canonical form.
func (g GatewayPattern) String() string {
	if g.Port == "" {
		return g.Host.String()
	}
	h := g.Host.String()
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	return h + ":" + g.Port
}

// Match reports whether the gateway entry covers host (as HostPattern.Match
// takes it) on port, where port "" means the port is not known: only an
// entry without a port matches then.
func (g GatewayPattern) Match(host, port string) bool {
	if g.Port != "" && strings.TrimLeft(port, "0") != g.Port {
		return false
	}
	return g.Host.Match(host)
}
