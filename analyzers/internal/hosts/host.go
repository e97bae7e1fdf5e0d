package hosts

import (
	"net/netip"
	"net/url"
	"strings"
)

// UnixPrefix starts the pseudo-host that Host returns for a unix socket
// ("unix:/var/run/ollama.sock"). Classify treats it as local.
const UnixPrefix = "unix:"

// JoinHostPort is net.JoinHostPort: "host:port", with an IPv6 host in
// brackets. The analyzers do not import net, so that the zombiecheck binary
// links no cgo (see package guard/sockets).
func JoinHostPort(host, port string) string {
	if strings.IndexByte(host, ':') >= 0 {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

// Host returns the host that s designates, if its known prefix decides
// it. The host is lower-case, without port, brackets,
// user info or trailing dot; for a unix socket it is UnixPrefix followed by
// the socket path as written (possibly only its known start).
//
// With dial false, s is a URL: the host follows "scheme://" and ends at the
// first "/", "?" or "#". With dial true, s is a dial or gRPC target:
// "host:port", a bare "host" (when s is complete), or a gRPC target with the
// "dns:", "passthrough:", "unix:" or "unix-abstract:" scheme.
//
// When no terminator is known, the host is known only if s is complete,
// with one refinement: a port separator already seen ends the host
// ("http://localhost:" + port). That reads "user:password@host" wrongly
// when the text after the colon is unknown; such a URL built from unknown
// parts is rare, and most of them yield a single-label name, which Classify
// does not call external.
//
// Host never guesses: it returns ok false for Unknown, for a host that comes
// from an origin (see Origin), for a URL without a scheme, and for a host
// that is not a valid name or IP address.
func (s Str) Host(dial bool) (host string, ok bool) {
	host, _, ok = s.Endpoint(dial)
	return host, ok
}

// Endpoint is Host with the port: the port written in s, or for a URL
// without one the default port of its scheme ("80" for http and ws, "443"
// for https and wss). The port is "" when s does not decide it: a dial
// target without a port, a port whose digits may go on in an unknown rest
// ("http://localhost:" + port), a scheme without a well-known port, or a
// unix socket.
func (s Str) Endpoint(dial bool) (host, port string, ok bool) {
	hp, ended, ok := s.hostPort(dial)
	if !ok {
		return "", "", false
	}
	if strings.HasPrefix(hp, UnixPrefix) {
		return hp, "", true
	}
	h, port, ok := splitHostPort(hp)
	if !ok {
		return "", "", false
	}
	if host, ok = normalizeHost(h); !ok {
		return "", "", false
	}
	switch {
	case !ended:
		port = ""
	case port == "" && !dial:
		scheme, _, _ := strings.Cut(s.Lit, "://")
		port = defaultPorts[strings.ToLower(scheme)]
	}
	return host, port, true
}

// defaultPorts are the ports of URL schemes that do not name one.
var defaultPorts = map[string]string{"http": "80", "ws": "80", "https": "443", "wss": "443"}

// hostPort returns the authority that s designates, without user info:
// "host", "host:port" or "[v6]:port" as written, or a unix pseudo-host.
// ended says the authority is complete: nothing unknown can follow it.
func (s Str) hostPort(dial bool) (hp string, ended, ok bool) {
	whole := s.IsLiteral()
	if !dial {
		rest, ok := afterScheme(s.Lit)
		if !ok {
			return "", false, false
		}
		return authority(rest, whole)
	}
	hp, ok = dialTarget(s.Lit, whole)
	return hp, whole, ok
}

// afterScheme returns what follows "scheme://" in lit, if lit starts with a
// valid URL scheme (RFC 3986: a letter, then letters, digits, "+", "-" or
// ".").
func afterScheme(lit string) (string, bool) {
	i := strings.Index(lit, "://")
	if i <= 0 {
		return "", false
	}
	for j := 0; j < i; j++ {
		c := lit[j]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case j > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", false
		}
	}
	return lit[i+3:], true
}

// authority returns the host[:port] at the start of rest (the text after
// "scheme://"), without user info. whole says rest is the entire remaining
// string; ended says the authority is complete.
func authority(rest string, whole bool) (auth string, ended, ok bool) {
	auth, ended = rest, whole
	if end := strings.IndexAny(rest, "/?#"); end >= 0 {
		auth, ended = rest[:end], true
	} else if !whole && !portSeen(auth) {
		return "", false, false
	}
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	if auth == "" {
		return "", false, false
	}
	return auth, ended, true
}

// portSeen reports whether the known start of an authority already contains
// the ":" that ends its host.
func portSeen(auth string) bool {
	if strings.HasPrefix(auth, "[") {
		return strings.Contains(auth, "]:")
	}
	return strings.Contains(auth, ":")
}

// dialTarget returns the host[:port] of a dial or gRPC target. whole says
// lit is the entire target.
func dialTarget(lit string, whole bool) (string, bool) {
	switch {
	case strings.HasPrefix(lit, "unix-abstract:"):
		return UnixPrefix + "@" + strings.TrimPrefix(lit, "unix-abstract:"), true
	case strings.HasPrefix(lit, "unix:"):
		p := strings.TrimPrefix(lit, "unix:")
		p = strings.TrimPrefix(p, "//")
		return UnixPrefix + p, true
	case strings.HasPrefix(lit, "dns:"), strings.HasPrefix(lit, "passthrough:"):
		_, rest, _ := strings.Cut(lit, ":")
		if strings.HasPrefix(rest, "//") {
			// "dns://resolver/host:port": skip the authority.
			slash := strings.IndexByte(rest[2:], '/')
			if slash < 0 {
				return "", false
			}
			rest = rest[2+slash+1:]
		}
		lit = rest
	}
	if strings.ContainsAny(lit, "/?#@ ") {
		return "", false
	}
	if !whole && !portSeen(lit) {
		return "", false
	}
	if lit == "" {
		return "", false
	}
	return lit, true
}

// splitHostPort splits "host", "host:port", "[v6]" or "[v6]:port". The port
// must be digits (or empty). A bare IPv6 address without brackets is
// rejected, as net.Dial and URLs reject it.
func splitHostPort(hp string) (host, port string, ok bool) {
	if strings.HasPrefix(hp, "[") {
		end := strings.IndexByte(hp, ']')
		if end < 0 {
			return "", "", false
		}
		host, rest := hp[1:end], hp[end+1:]
		switch {
		case rest == "":
		case strings.HasPrefix(rest, ":"):
			port = rest[1:]
		default:
			return "", "", false
		}
		if !digits(port) {
			return "", "", false
		}
		return host, port, true
	}
	switch strings.Count(hp, ":") {
	case 0:
		return hp, "", true
	case 1:
		host, port, _ = strings.Cut(hp, ":")
		if !digits(port) {
			return "", "", false
		}
		return host, port, true
	}
	return "", "", false
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// normalizeHost lower-cases h and drops a trailing dot, and accepts it only
// if it is an IP address or a plausible DNS name (letters, digits, "-", "_"
// and "."), so text left by an unknown format verb is never taken for a
// host.
func normalizeHost(h string) (string, bool) {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if h == "" {
		return "", false
	}
	if _, err := netip.ParseAddr(h); err == nil {
		return h, true
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_', c == '.':
		default:
			return "", false
		}
	}
	if strings.Contains(h, "..") || strings.HasPrefix(h, ".") {
		return "", false
	}
	return h, true
}

// urlField returns field name of the URL that s denotes, as url.Parse would
// set it: exactly, by parsing, when s is a literal; from the known prefix
// for Scheme and Host otherwise; Unknown for anything else.
func urlField(s Str, name string) Str {
	if s.IsLiteral() {
		u, err := url.Parse(s.Lit)
		if err != nil {
			return Unknown()
		}
		switch name {
		case "Scheme":
			return Literal(u.Scheme)
		case "Opaque":
			return Literal(u.Opaque)
		case "Host":
			return Literal(u.Host)
		case "Path":
			return Literal(u.Path)
		case "RawPath":
			return Literal(u.RawPath)
		case "RawQuery":
			return Literal(u.RawQuery)
		case "Fragment":
			return Literal(u.Fragment)
		}
		return Unknown()
	}
	switch name {
	case "Scheme":
		if i := strings.Index(s.Lit, "://"); i > 0 {
			if _, ok := afterScheme(s.Lit); ok {
				return Literal(strings.ToLower(s.Lit[:i]))
			}
		}
	case "Host":
		if hp, ended, ok := s.hostPort(false); ok {
			if !ended {
				return Prefix(hp)
			}
			return Literal(hp)
		}
	}
	return Unknown()
}

// hostname is (*url.URL).Hostname of the URL s denotes.
func hostname(s Str) Str {
	if h, ok := s.Host(false); ok {
		return Literal(h)
	}
	return Unknown()
}

// basePrefix is what url.JoinPath and ResolveReference keep of a base URL:
// its scheme and authority, followed by "/" and unknown text. The "/"
// stands for the end of the authority: the joined path starts with one (a
// query or fragment may follow the authority instead; the host is the same).
// When the known text does not show where the authority ends, it is kept
// whole, with a "/" appended when it is complete ("http://a.com", or a
// parameter that is the whole base URL).
func basePrefix(s Str) Str {
	if rest, ok := afterScheme(s.Lit); ok {
		if end := strings.IndexAny(rest, "/?#"); end >= 0 {
			return Prefix(s.Lit[:len(s.Lit)-len(rest)+end] + "/")
		}
	}
	if !s.HasOrigin() {
		if s.Complete {
			return Prefix(s.Lit + "/")
		}
		return s
	}
	// The authority ends in the origin or in its Tail.
	if end := strings.IndexAny(s.Tail, "/?#"); end >= 0 {
		s.Tail = s.Tail[:end] + "/"
		return s.incomplete()
	}
	if s.Complete {
		s.Tail += "/"
	}
	return s.incomplete()
}

// resolveRef is base.ResolveReference(ref) on abstract strings: an absolute
// reference replaces the base, a relative one keeps the base's scheme and
// authority. A reference that may be either gives both.
func resolveRef(base, ref Strs) Strs {
	bases := base.map1(basePrefix)
	return ref.flatMap(func(r Str) Strs {
		switch {
		case isAbsoluteURL(r):
			return Strs{r}
		case strings.HasPrefix(r.Lit, "//"):
			return unknown()
		case isRelativeRef(r):
			return bases
		}
		return Union(Strs{r}, bases)
	})
}

// isAbsoluteURL reports whether s certainly starts with a scheme, as
// url.Parse reads one: scheme characters up to a ":".
func isAbsoluteURL(s Str) bool { return schemeKnown(s) == 1 }

// isRelativeRef reports whether s is certainly a relative reference (a path,
// query or fragment, without "//" authority), so resolving it keeps the
// base's host.
func isRelativeRef(s Str) bool {
	return schemeKnown(s) == -1 && !strings.HasPrefix(s.Lit, "//") && (s.Lit != "" || s.IsLiteral())
}

// schemeKnown says whether s has a scheme: 1 yes, -1 no, 0 unknown. As in
// url.Parse, a scheme is a letter followed by letters, digits, "+", "-" or
// ".", ended by ":"; any other character first means there is none.
func schemeKnown(s Str) int {
	for i := 0; i < len(s.Lit); i++ {
		c := s.Lit[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9', c == '+', c == '-', c == '.':
			if i == 0 {
				return -1
			}
		case c == ':':
			if i == 0 {
				return -1
			}
			return 1
		default:
			return -1
		}
	}
	if s.IsLiteral() {
		return -1
	}
	return 0
}
