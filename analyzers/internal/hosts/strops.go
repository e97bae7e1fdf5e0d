package hosts

import (
	"path"
	"strings"
	"unicode"
)

// The functions below model string functions on one alternative. Each is
// exact on a literal, and on a partly known string keeps only a prefix that
// every possible result still starts with. Trimming slashes or white space
// never changes a host, so for an origin (whose text is unknown here) they
// assume the origin itself is not trimmed; any other trim drops the origin.

// hostSafe reports whether trimming the characters of set can never change
// the host of a URL: only slashes and white space.
func hostSafe(set string) bool {
	return strings.Trim(set, "/ \t\r\n") == ""
}

// trimRight is strings.TrimRight(s, cutset).
func trimRight(s Str, cutset string) Str {
	trim := func(x string) string { return strings.TrimRight(x, cutset) }
	if !s.HasOrigin() {
		if s.Complete {
			return Literal(trim(s.Lit))
		}
		return Prefix(trim(s.Lit))
	}
	if !hostSafe(cutset) {
		return Prefix(trim(s.Lit))
	}
	s.Tail = trim(s.Tail)
	return s
}

// trimSuffix is strings.TrimSuffix(s, suffix).
func trimSuffix(s Str, suffix string) Str {
	if !s.HasOrigin() {
		if s.Complete {
			return Literal(strings.TrimSuffix(s.Lit, suffix))
		}
		return Prefix(keptBeforeSuffix(s.Lit, suffix))
	}
	if !hostSafe(suffix) {
		return Prefix(keptBeforeSuffix(s.Lit, suffix))
	}
	if s.Complete {
		s.Tail = strings.TrimSuffix(s.Tail, suffix)
	} else {
		s.Tail = keptBeforeSuffix(s.Tail, suffix)
	}
	return s
}

// keptBeforeSuffix returns the longest prefix of lit that survives
// strings.TrimSuffix(lit+x, suffix) for every unknown x: the suffix may
// start inside lit wherever the end of lit matches a start of suffix.
func keptBeforeSuffix(lit, suffix string) string {
	for k := min(len(lit), len(suffix)); k > 0; k-- {
		if strings.HasSuffix(lit, suffix[:k]) {
			return lit[:len(lit)-k]
		}
	}
	return lit
}

// trimSpace is strings.TrimSpace(s).
func trimSpace(s Str) Str {
	if !s.HasOrigin() {
		if s.Complete {
			return Literal(strings.TrimSpace(s.Lit))
		}
		return Prefix(strings.TrimSpace(s.Lit))
	}
	s.Lit = strings.TrimLeftFunc(s.Lit, unicode.IsSpace)
	if s.Complete {
		s.Tail = strings.TrimRightFunc(s.Tail, unicode.IsSpace)
	}
	return s
}

// toLower is strings.ToLower(s). The origin's own text is not lowered, which
// only matters for paths: hosts compare case-insensitively.
func toLower(s Str) Str {
	s.Lit = strings.ToLower(s.Lit)
	s.Tail = strings.ToLower(s.Tail)
	return s
}

// cleanPath is path.Clean(s): exact on a literal; otherwise the known text
// up to the first place Clean could rewrite ("//", "/.", a leading ".", a
// trailing "/"). Clean turns "http://h" into "http:/h", which has no host,
// so a cleaned URL keeps no host unless Clean is exact.
func cleanPath(s Str) Str {
	if s.IsLiteral() {
		return Literal(path.Clean(s.Lit))
	}
	lit := s.Lit
	for _, bad := range []string{"//", "/."} {
		if i := strings.Index(lit, bad); i >= 0 {
			lit = lit[:i]
		}
	}
	if strings.HasPrefix(lit, ".") {
		lit = ""
	}
	return Prefix(strings.TrimSuffix(lit, "/"))
}

// joinHostPort is net.JoinHostPort(h, p): h + ":" + p, with brackets around
// a literal IPv6 host.
func joinHostPort(h, p Strs) Strs {
	bracketed := h.map1(func(s Str) Str {
		if s.IsLiteral() && strings.Contains(s.Lit, ":") {
			return Literal("[" + s.Lit + "]")
		}
		return s
	})
	return Concat(bracketed, Concat(one(Literal(":")), p))
}
