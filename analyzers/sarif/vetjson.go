package sarif

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The JSON that go/analysis drivers print with -json (unitchecker under
// `go vet -vettool=X -json`, and the checker behind `zombiecheck -json`):
//
//	{
//		"<package ID>": {
//			"<analyzer>": [ <vetDiagnostic>, ... ]   // or
//			"<analyzer>": {"error": "<message>"}
//		}
//	}
//
// Under go vet there is one such object per package, printed one after the
// other, and the go command's own "# pkg" headers and error lines end up in
// the same stream when stderr is merged into stdout.

type vetDiagnostic struct {
	Category string       `json:"category"`
	Posn     string       `json:"posn"` // "file:line:col", "file:line", "file" or "-"
	End      string       `json:"end"`  // the same as posn when the diagnostic has no end
	Message  string       `json:"message"`
	Related  []vetRelated `json:"related"`
	// suggested_fixes are ignored: GitHub code scanning does not apply
	// SARIF fixes.
}

type vetRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type vetError struct {
	Error *string `json:"error"`
}

// ReadVetJSON parses the JSON stream that `go vet -vettool=X -json` and
// `zombiecheck -json` print: a sequence of objects
// {"<pkgID>": {"<analyzer>": [diagnostic...] or {"error": "..."}}}.
//
// Anything between the objects that is not JSON (go vet's "# pkg" headers,
// error lines of the go command) is skipped: after each object, reading
// resumes at the next '{' that starts a line. An object that starts a line
// but cannot be decoded (output cut short, or stderr written into the middle
// of it) is skipped the same way, and reported in analysisErrors because
// findings were lost.
//
// Analysis errors ({"error": ...}) are returned as "<pkgID>: <analyzer>:
// <error>", sorted. Findings are sorted by file, line, column, analyzer,
// category and message; exact duplicates, which drivers print for a file that
// belongs to both a package and its test variant, are returned once.
// err is non-nil only if r fails.
func ReadVetJSON(r io.Reader) (findings []Finding, analysisErrors []string, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	for off := nextObject(data, 0); off >= 0; {
		dec := json.NewDecoder(bytes.NewReader(data[off:]))
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			analysisErrors = append(analysisErrors,
				fmt.Sprintf("malformed JSON at input line %d skipped: %v", lineOf(data, off), err))
			off = nextObject(data, off+1)
			continue
		}
		for pkg, analyzers := range tree {
			for analyzer, raw := range analyzers {
				fs, errMsg := decodeAnalyzerResult(analyzer, raw)
				findings = append(findings, fs...)
				if errMsg != "" {
					analysisErrors = append(analysisErrors, pkg+": "+analyzer+": "+errMsg)
				}
			}
		}
		off += int(dec.InputOffset())
		off = nextObject(data, off)
	}

	slices.SortFunc(findings, compareFinding)
	findings = slices.CompactFunc(findings, func(a, b Finding) bool { return compareFinding(a, b) == 0 })
	slices.Sort(analysisErrors)
	analysisErrors = slices.Compact(analysisErrors)
	return findings, analysisErrors, nil
}

// nextObject returns the offset of the next JSON object at or after off: a
// '{' that either follows the previous object with only white space between
// (objects printed back to back) or starts a line. It returns -1 if there is
// none. Nested objects never start a line, because drivers indent them and
// JSON strings cannot contain raw newlines.
func nextObject(data []byte, off int) int {
	if off >= len(data) {
		return -1
	}
	if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 && rest[0] == '{' {
		return len(data) - len(rest)
	}
	for i := off; i < len(data); i++ {
		if data[i] == '{' && (i == 0 || data[i-1] == '\n') {
			return i
		}
	}
	return -1
}

func lineOf(data []byte, off int) int {
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// decodeAnalyzerResult decodes the value printed for one analyzer of one
// package: a list of diagnostics, an error object, or null.
func decodeAnalyzerResult(analyzer string, raw json.RawMessage) ([]Finding, string) {
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")):
		return nil, ""
	case trimmed[0] == '{':
		var e vetError
		if err := json.Unmarshal(trimmed, &e); err != nil || e.Error == nil {
			return nil, "unexpected result " + truncate(string(trimmed), 200)
		}
		return nil, *e.Error
	}
	var diags []vetDiagnostic
	if err := json.Unmarshal(trimmed, &diags); err != nil {
		return nil, "malformed diagnostics: " + err.Error()
	}
	findings := make([]Finding, 0, len(diags))
	for _, d := range diags {
		f := Finding{
			Analyzer: analyzer,
			Category: d.Category,
			Message:  d.Message,
			Location: parseRange(d.Posn, d.End),
		}
		for _, rel := range d.Related {
			loc := parseRange(rel.Posn, rel.End)
			if loc.File == "" {
				continue // a related position nobody can open is noise
			}
			loc.Message = rel.Message
			f.Related = append(f.Related, loc)
		}
		findings = append(findings, f)
	}
	return findings, ""
}

// parseRange converts a vet "posn"/"end" pair to a Location. The end is kept
// only if it is in the same file and after the start: drivers print the start
// again when a diagnostic has no end.
func parseRange(posn, end string) Location {
	file, line, col := parsePosn(posn)
	loc := Location{File: file, Line: line, Col: col}
	if file == "" || line == 0 {
		return loc
	}
	efile, eline, ecol := parsePosn(end)
	if efile == file && (eline > line || eline == line && ecol > col) {
		loc.EndLine, loc.EndCol = eline, ecol
	}
	return loc
}

// parsePosn parses a token.Position as printed by its String method:
// "file:line:col", "file:line" (column unknown), "file" (line unknown) or
// "-" (invalid). Numbers are taken from the right, so file names with colons
// (C:\src\a.go:3:7) survive.
func parsePosn(s string) (file string, line, col int) {
	if s == "" || s == "-" {
		return "", 0, 0
	}
	rest, last, ok := cutTrailingNumber(s)
	if !ok {
		return s, 0, 0
	}
	if rest2, prev, ok := cutTrailingNumber(rest); ok {
		return rest2, prev, last
	}
	if n, ok := atoi(rest); ok {
		return "", n, last // "line:col" of a position without a file name
	}
	return rest, last, 0
}

// cutTrailingNumber splits "x:123" into "x" and 123.
func cutTrailingNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, ok := atoi(s[i+1:])
	if !ok {
		return s, 0, false
	}
	return s[:i], n, true
}

// atoi parses a non-empty run of decimal digits.
func atoi(s string) (int, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// compareFinding is the order of ReadVetJSON's output; the trailing keys only
// make the order total.
func compareFinding(a, b Finding) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		strings.Compare(a.Analyzer, b.Analyzer),
		strings.Compare(a.Category, b.Category),
		strings.Compare(a.Message, b.Message),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndCol, b.EndCol),
		slices.CompareFunc(a.Related, b.Related, compareLocation),
	)
}
