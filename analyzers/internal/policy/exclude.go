package policy

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// A glob is one compiled exclude entry. Globs use '/' separators and
// path.Match syntax per element, plus "**" for any number of elements.
//
// As in .gitignore, a glob that matches a directory excludes everything
// below it ("internal/gen" excludes internal/gen/api.go), and a glob without
// a '/' is not anchored: it matches any one element of the path below the
// policy directory, so "*.pb.go" matches generated files at any depth and
// "testdata" every testdata directory.
type glob struct {
	elems    []string
	anchored bool // written with a '/': matched from the policy directory
}

// compileGlob validates one exclude entry.
func compileGlob(s string) (glob, error) {
	g, problem := parseGlob(s)
	if problem != "" {
		if s == "" {
			return glob{}, fmt.Errorf("%s", problem)
		}
		return glob{}, fmt.Errorf("invalid glob %q: %s", s, problem)
	}
	return g, nil
}

func parseGlob(s string) (glob, string) {
	if s == "" {
		return glob{}, "empty glob"
	}
	if strings.HasPrefix(s, "/") {
		return glob{}, "is absolute; exclude globs are relative to the policy file's directory"
	}
	clean := path.Clean(s)
	switch {
	case clean == ".":
		return glob{}, `names the policy file's directory itself; write "**" to exclude everything below it`
	case clean == ".." || strings.HasPrefix(clean, "../"):
		return glob{}, "reaches outside the policy file's directory"
	}
	g := glob{
		elems: strings.Split(clean, "/"),
		// "./gen" and "gen/x" are anchored; "gen/" (a directory anywhere) is not.
		anchored: strings.Contains(strings.TrimSuffix(s, "/"), "/"),
	}
	for _, elem := range g.elems {
		if elem != "**" && strings.Contains(elem, "**") {
			return glob{}, `"**" must be a whole path element, as in "gen/**/*.go"`
		}
		if _, err := path.Match(elem, ""); err != nil {
			return glob{}, err.Error()
		}
	}
	return g, ""
}

// Excluded reports whether the policy excludes filename from analysis.
// filename should be absolute. Anchored globs apply only to files below
// p.Dir; for a file elsewhere (or a policy without a Dir) only unanchored
// globs apply, and only to the file's base name, so directories above the
// project cannot match by accident.
func (p *Policy) Excluded(filename string) bool {
	if len(p.globs) == 0 {
		return false
	}
	rel, inside := p.relative(filename)
	elems := []string{filepath.Base(filename)}
	if inside {
		elems = strings.Split(rel, "/")
	}
	for _, g := range p.globs {
		if g.anchored {
			if inside && matchElems(g.elems, elems) {
				return true
			}
			continue
		}
		for _, elem := range elems {
			if ok, _ := path.Match(g.elems[0], elem); ok {
				return true
			}
		}
	}
	return false
}

// relative returns filename relative to p.Dir with '/' separators, and
// whether filename is inside p.Dir at all.
func (p *Policy) relative(filename string) (string, bool) {
	if p.Dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(p.Dir, filename)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

// matchElems reports whether the glob elements match the path elements or a
// leading part of them (a matched directory excludes what is below it).
func matchElems(glob, elems []string) bool {
	if len(glob) == 0 {
		return true
	}
	if glob[0] == "**" {
		for i := 0; i <= len(elems); i++ {
			if matchElems(glob[1:], elems[i:]) {
				return true
			}
		}
		return false
	}
	if len(elems) == 0 {
		return false
	}
	ok, _ := path.Match(glob[0], elems[0])
	return ok && matchElems(glob[1:], elems[1:])
}
