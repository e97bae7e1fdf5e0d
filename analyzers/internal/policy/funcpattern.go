package policy

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// FuncPattern names a package, a function or a method in policy lists:
//
//	example.com/app/retry                   every function in the package
//	example.com/app/retry/...               the package and every package below it
//	example.com/app/retry.Sleep             a function (or, see below, a type)
//	example.com/app/llm.Client.Stream       a method; also written
//	example.com/app/llm.(*Client).Stream    with a pointer receiver, or
//	example.com/app/llm.(Client).Stream     with a value receiver
//
// Package paths contain dots, so the package ends at the first "." after the
// last "/". One exception follows the gopkg.in convention: a major-version
// element such as ".v3" directly after the package name belongs to the path,
// so "gopkg.in/yaml.v3" is a package and "gopkg.in/yaml.v3.Marshal" a
// function in it. (The cost: a function literally named v2 cannot be named.)
//
// A function and a type cannot share a name in one package, so "pkg.Name"
// also covers the type Name: every method of it (MatchFunc) and the type
// itself (MatchType). This is how httpclient's streaming list names a client
// type.
//
// Pointer and value receivers are not distinguished: a type cannot have both
// a value and a pointer method of the same name.
//
// The zero FuncPattern matches nothing.
type FuncPattern struct {
	raw       string
	pkg       string
	recursive bool   // pkg was written with a trailing "/..."
	recv      string // receiver type name, "" for functions and whole packages
	name      string // function or method name, "" for a whole package
}

// majorVersion matches a gopkg.in-style version element ("v2", "v10"),
// compiled on first use rather than at every start of the command.
var majorVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v[0-9]+$`) })

// ParseFuncPattern parses and validates one package or function pattern.
func ParseFuncPattern(s string) (FuncPattern, error) {
	p, problem := parseFuncPattern(s)
	if problem != "" {
		if s == "" {
			return FuncPattern{}, errors.New(problem)
		}
		return FuncPattern{}, fmt.Errorf("invalid function pattern %q: %s", s, problem)
	}
	return p, nil
}

func parseFuncPattern(s string) (FuncPattern, string) {
	switch s {
	case "":
		return FuncPattern{}, "empty function pattern"
	case "...", "/...":
		return FuncPattern{}, `"..." alone would match every package; name the package tree, as in "example.com/app/..."`
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return FuncPattern{}, "contains spaces"
	}
	pkg, member, hasMember, problem := splitPackage(s)
	if problem != "" {
		return FuncPattern{}, problem
	}
	p := FuncPattern{raw: s, pkg: pkg}
	if before, ok := strings.CutSuffix(pkg, "/..."); ok {
		p.pkg, p.recursive = before, true
	}
	if problem := checkPackagePath(p.pkg); problem != "" {
		return FuncPattern{}, problem
	}
	if !hasMember {
		return p, ""
	}
	p.recv, p.name, problem = parseMember(member)
	if problem != "" {
		return FuncPattern{}, problem
	}
	return p, ""
}

// splitPackage separates the package path (including any "/...") from the
// member after it.
func splitPackage(s string) (pkg, member string, hasMember bool, problem string) {
	if i := strings.Index(s, "/..."); i >= 0 {
		pkg, rest := s[:i+len("/...")], s[i+len("/..."):]
		switch {
		case rest == "":
			return pkg, "", false, ""
		case rest[0] == '.':
			return pkg, rest[1:], true, ""
		default:
			return "", "", false, `"..." is allowed only at the end of the package path`
		}
	}
	lastSlash := strings.LastIndexByte(s, '/')
	dot := strings.IndexByte(s[lastSlash+1:], '.')
	if dot < 0 {
		return s, "", false, ""
	}
	pkg, member = s[:lastSlash+1+dot], s[lastSlash+1+dot+1:]
	if strings.ContainsAny(pkg, "()") {
		return "", "", false, `a receiver must follow the package path, as in "example.com/app/llm.(*Client).Stream"`
	}
	// gopkg.in/yaml.v3: the version element is part of the package path.
	for {
		first, rest, more := strings.Cut(member, ".")
		if !majorVersion().MatchString(first) {
			break
		}
		pkg += "." + first
		if !more {
			return pkg, "", false, ""
		}
		member = rest
	}
	return pkg, member, true, ""
}

// checkPackagePath validates an import path, loosely: it must be made of
// non-empty elements of the characters Go import paths use.
func checkPackagePath(pkg string) string {
	if pkg == "" {
		return "missing package path"
	}
	if strings.Contains(pkg, "*") {
		return `"*" is not a wildcard in package paths; write "example.com/app/..." for a package and every package below it`
	}
	for elem := range strings.SplitSeq(pkg, "/") {
		switch elem {
		case "":
			return "the package path has an empty element"
		case ".", "..":
			return fmt.Sprintf("the package path has a %q element; write the full import path", elem)
		}
	}
	for _, r := range pkg {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-._~+/", r) {
			return fmt.Sprintf("the package path contains the invalid character %q", r)
		}
	}
	return ""
}

// parseMember parses what follows the package: Func, Type.Method,
// (*Type).Method or (Type).Method.
func parseMember(m string) (recv, name, problem string) {
	if m == "" {
		return "", "", "missing the function name after the package"
	}
	if strings.Contains(m, "[") {
		return "", "", `write the type without type parameters, as in "example.com/app.(*List).Push"`
	}
	if rest, ok := strings.CutPrefix(m, "("); ok {
		inner, after, ok := strings.Cut(rest, ")")
		if !ok {
			return "", "", `unbalanced "(" in the receiver`
		}
		recv = strings.TrimPrefix(inner, "*")
		name, ok = strings.CutPrefix(after, ".")
		if !ok {
			return "", "", `expected ".Method" after the receiver`
		}
	} else {
		parts := strings.Split(m, ".")
		switch len(parts) {
		case 1:
			name = parts[0]
		case 2:
			recv, name = parts[0], parts[1]
		default:
			return "", "", fmt.Sprintf("expected Func, Type.Method or (*Type).Method after the package, got %q", m)
		}
	}
	if strings.ContainsAny(recv+name, "*") {
		return "", "", `"*" is not a wildcard here; write "(*Type).Method" for a pointer method and "pkg/..." for a package tree`
	}
	if recv != "" || strings.HasPrefix(m, "(") {
		if !isIdent(recv) {
			return "", "", fmt.Sprintf("the receiver type %q is not a Go identifier", recv)
		}
	}
	if !isIdent(name) {
		return "", "", fmt.Sprintf("%q is not a Go identifier", name)
	}
	return recv, name, ""
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '_' && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// String returns the pattern as written.
func (p FuncPattern) String() string { return p.raw }

// matchPackage reports whether pkgPath is the pattern's package, or below it
// for a "/..." pattern.
func (p FuncPattern) matchPackage(pkgPath string) bool {
	if p.pkg == "" {
		return false
	}
	if pkgPath == p.pkg {
		return true
	}
	return p.recursive && strings.HasPrefix(pkgPath, p.pkg) && strings.HasPrefix(pkgPath[len(p.pkg):], "/")
}

// MatchFunc reports whether the function (pkgPath, recv, name) is covered.
// recv is the receiver's type name, or "" for a plain function; a leading
// "*", surrounding parentheses and type arguments ("List[T]") are ignored.
// For closures, pass the enclosing named function.
func (p FuncPattern) MatchFunc(pkgPath, recv, name string) bool {
	if !p.matchPackage(pkgPath) {
		return false
	}
	if p.name == "" {
		return true // the whole package
	}
	recv = receiverName(recv)
	if p.recv != "" {
		return recv == p.recv && name == p.name
	}
	// "pkg.X" is a function X or a type X, never both.
	return recv == "" && name == p.name || recv == p.name
}

// MatchPackage reports whether the pattern covers the whole package pkgPath:
// it names no function, and pkgPath is its package (or below it, for "/...").
func (p FuncPattern) MatchPackage(pkgPath string) bool {
	return p.name == "" && p.matchPackage(pkgPath)
}

// MatchType reports whether the pattern covers the named type typeName in
// pkgPath: either the whole package, or "pkg.TypeName". A method pattern
// does not cover its type.
func (p FuncPattern) MatchType(pkgPath, typeName string) bool {
	if !p.matchPackage(pkgPath) {
		return false
	}
	return p.name == "" || p.recv == "" && p.name == receiverName(typeName)
}

// receiverName reduces "(*List[T])" to "List".
func receiverName(recv string) string {
	recv = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(recv, "("), ")"), "*")
	if i := strings.IndexByte(recv, '['); i >= 0 {
		recv = recv[:i]
	}
	return recv
}
