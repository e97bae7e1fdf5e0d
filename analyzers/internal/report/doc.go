package report

import (
	"strings"
)

// Doc extracts an analyzer's documentation from the source of its doc.go:
// the package comment, with the comment markers removed and the leading
// "Package x ..." sentence kept. doc.go is embedded so that `zombiecheck help
// NAME`, pkg.go.dev and SARIF rule text come from one place.
func Doc(src string) string {
	// One pass and one allocation: every analyzer's Doc is built when the
	// program starts, under go vet once per package.
	var b strings.Builder
	b.Grow(len(src))
	for line := range strings.Lines(src) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "package ") {
			break
		}
		if strings.HasPrefix(line, "//go:") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "// "):
			line = line[3:]
		case strings.HasPrefix(line, "//"):
			line = line[2:]
		default:
			line = ""
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}
