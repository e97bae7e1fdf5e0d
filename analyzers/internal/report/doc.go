package report

import (
	"strings"
)

// Doc extracts an analyzer's documentation from the source of its doc.go:
// the package comment, with the comment markers removed and the leading
// "Package x ..." sentence kept. doc.go is embedded so that `zombiecheck help
// NAME`, pkg.go.dev and SARIF rule text come from one place.
func Doc(src string) string {
	var lines []string
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "package ") {
			break
		}
		if strings.HasPrefix(line, "//go:build") || strings.HasPrefix(line, "//go:") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "// "):
			lines = append(lines, line[3:])
		case strings.HasPrefix(line, "//"):
			lines = append(lines, line[2:])
		default:
			lines = append(lines, "")
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
