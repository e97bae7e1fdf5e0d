package sarif

import (
	"bytes"
	"os"
	"unicode/utf16"
	"unicode/utf8"
)

// sourceCache reads each source file at most once. Columns from go/token are
// byte offsets within the line, while GitHub (run.columnKind
// "utf16CodeUnits") counts UTF-16 code units; the two differ as soon as a
// line has a non-ASCII character before the reported column, so the line
// text is needed. The same text feeds the fingerprint.
type sourceCache struct {
	files map[string]*sourceFile // nil entry: the file could not be read
}

type sourceFile struct {
	data       []byte
	lineStarts []int // byte offset of the start of each line; lineStarts[0] == 0
}

func newSourceCache() *sourceCache {
	return &sourceCache{files: make(map[string]*sourceFile)}
}

func (c *sourceCache) file(path string) *sourceFile {
	if f, ok := c.files[path]; ok {
		return f
	}
	var f *sourceFile
	if data, err := os.ReadFile(path); err == nil {
		f = &sourceFile{data: data, lineStarts: []int{0}}
		for i, b := range data {
			if b == '\n' {
				f.lineStarts = append(f.lineStarts, i+1)
			}
		}
	}
	c.files[path] = f
	return f
}

// line returns the text of the 1-based line n of path, without its line
// terminator ("\n"; a preceding "\r" is kept because go/token counts it as a
// column). ok is false if the file cannot be read or has no line n.
func (c *sourceCache) line(path string, n int) (text []byte, ok bool) {
	f := c.file(path)
	if f == nil || n < 1 || n > len(f.lineStarts) {
		return nil, false
	}
	start := f.lineStarts[n-1]
	end := len(f.data)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	return f.data[start:end], true
}

// utf16Col converts the 1-based byte column col of line n of path to a
// 1-based UTF-16 column. If the source cannot be read the byte column is
// returned unchanged: a slightly wrong column on a non-ASCII line is better
// than no location at all.
func (c *sourceCache) utf16Col(path string, n, col int) int {
	text, ok := c.line(path, n)
	if !ok {
		return col
	}
	return utf16Column(text, col)
}

// utf16Column converts a 1-based byte column within line to a 1-based UTF-16
// column. It applies to start and end columns alike: go/token's end column is
// the byte just after the range, and the result is the UTF-16 unit just
// after it, which is what SARIF's endColumn means. A column beyond the end of
// the line (a range ending at the newline, or a stale position) keeps its
// excess bytes as units, so columns stay monotonic. Invalid UTF-8 counts one
// unit per byte, as it does once decoded to U+FFFD.
func utf16Column(line []byte, col int) int {
	if col <= 1 {
		return col
	}
	n := col - 1 // bytes before the column
	excess := 0
	if n > len(line) {
		excess = n - len(line)
		n = len(line)
	}
	prefix := line[:n]
	units := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRune(prefix)
		if r == utf8.RuneError && size <= 1 {
			units++
		} else {
			units += utf16.RuneLen(r)
		}
		prefix = prefix[size:]
	}
	return 1 + units + excess
}

// trimmedLine returns line n of path without surrounding white space, or nil.
func (c *sourceCache) trimmedLine(path string, n int) []byte {
	text, _ := c.line(path, n)
	return bytes.TrimSpace(text)
}
