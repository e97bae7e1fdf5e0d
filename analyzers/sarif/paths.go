package sarif

import (
	"net/url"
	"path/filepath"
	"strings"
)

// pathResolver maps OS paths to SARIF artifact locations. GitHub matches an
// alert to a file through its URI, and re-creates the alert when the URI
// changes, so the URI must not depend on where the repository was checked
// out: files under root are written relative to %SRCROOT%.
type pathResolver struct {
	root     string // absolute, clean
	realRoot string // root with symlinks resolved; "" until needed
	absCache map[string]string
	artCache map[string]artifactLocation
}

func newPathResolver(absRoot string) *pathResolver {
	return &pathResolver{
		root:     filepath.Clean(absRoot),
		absCache: make(map[string]string),
		artCache: make(map[string]artifactLocation),
	}
}

// abs returns file as an absolute path. A relative path is taken relative to
// the working directory, as the OS would when opening it.
func (p *pathResolver) abs(file string) string {
	if a, ok := p.absCache[file]; ok {
		return a
	}
	a, err := filepath.Abs(file)
	if err != nil {
		a = filepath.Clean(file)
	}
	p.absCache[file] = a
	return a
}

// artifact returns the artifact location of file.
func (p *pathResolver) artifact(file string) artifactLocation {
	if art, ok := p.artCache[file]; ok {
		return art
	}
	abs := p.abs(file)
	rel, ok := relativeTo(p.root, abs)
	if !ok {
		// The root or the file may be reached through a symlink (macOS
		// /tmp, a symlinked workspace) while the other is not; compare the
		// resolved paths before giving up.
		if p.realRoot == "" {
			p.realRoot = evalSymlinks(p.root)
		}
		rel, ok = relativeTo(p.realRoot, evalSymlinks(abs))
	}
	var art artifactLocation
	if ok {
		art = artifactLocation{URI: relativeURI(filepath.ToSlash(rel)), URIBaseID: srcRoot}
	} else {
		art = artifactLocation{URI: fileURI(abs)}
	}
	p.artCache[file] = art
	return art
}

func evalSymlinks(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// relativeTo returns path relative to root if path lies strictly inside root.
func relativeTo(root, path string) (string, bool) {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// relativeURI percent-encodes a slash-separated relative path as a URI
// reference. A colon in the first segment is encoded too, or "a:b/c.go"
// would parse as a URI with scheme "a".
func relativeURI(slashPath string) string {
	escaped := (&url.URL{Path: slashPath}).EscapedPath()
	first, rest, found := strings.Cut(escaped, "/")
	first = strings.ReplaceAll(first, ":", "%3A")
	if found {
		return first + "/" + rest
	}
	return first
}

// fileURI returns the file:// URI of an absolute OS path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x → file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI returns the file:// URI of a directory, with the trailing slash that
// SARIF requires of a base URI.
func dirURI(abs string) string {
	u := fileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
