package summary_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
)

// TestNeedsAnalysisStreamReads checks the pre-filter's stream-read test: a
// package with no network import is analysed when it imports bufio and
// reads a stream with bufio.Reader or a Scanner's Scan, and only then.
func TestNeedsAnalysisStreamReads(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, src string
		imports   []string
		want      bool
	}{
		{"readstring", "package p\nfunc f() { line, _ := in.ReadString('\\n'); _ = line }\n", []string{"bufio", "os"}, true},
		{"scanner", "package p\nfunc f() { for { if !sc.Scan() { continue } } }\n", []string{"bufio", "os"}, true},
		{"sqlscan", "package p\nfunc f() { rows.Scan(&x) }\n", []string{"bufio", "database/sqlx"}, false},
		{"nobufio", "package p\nfunc f() { for sc.Scan() {} }\n", []string{"os"}, false},
	} {
		name := filepath.Join(dir, tc.name+".go")
		if err := os.WriteFile(name, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		got := summary.NeedsAnalysis([]string{name}, tc.imports, func(int) bool { return false })
		if got != tc.want {
			t.Errorf("%s: NeedsAnalysis = %v, want %v", tc.name, got, tc.want)
		}
	}
}
