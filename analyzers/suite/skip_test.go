package suite

import (
	"go/build"
	"os"
	"path/filepath"
	"testing"
)

func TestSkippable(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("go.mod", "module example.com/m\n")
	plain := write("plain/p.go", "package plain\n")
	directive := write("dir/d.go", "package dir\n//zombiecheck:ignore\n")
	write("badpolicy/.zombiecheck.yaml", "egress:\n  defualt: deny\n")
	badPolicy := write("badpolicy/b.go", "package badpolicy\n")
	chain := write("chain/c.go", "package chain\n\nvar Chain = []string{\"https://api.groq.com/openai/v1\"}\n")
	scheme := write("scheme/s.go", "package scheme\n\nconst prefix = \"https://\"\nconst tmpl = `https://$name.$namespace.svc`\n")
	prose := write("prose/p.go", "package prose\n\n// See https://example.com/docs.\nconst help = \"docs at https://example.com\"\n")
	repl := write("repl/r.go", "package repl\n\nfunc prompt(r *bufio.Reader) { for { line, _ := r.ReadString('\\n'); _ = line } }\n")
	stdFile := filepath.Join(build.Default.GOROOT, "src", "fmt", "print.go")
	unmarked := func(int) bool { return false }
	marked := func(int) bool { return true }

	for _, tc := range []struct {
		name    string
		files   []string
		imports []string
		marked  func(int) bool
		report  bool
		want    bool
	}{
		{"no files", nil, nil, unmarked, true, true},
		{"std, even importing net", []string{stdFile}, []string{"net"}, unmarked, true, true},
		{"imports nothing of the network", []string{plain}, []string{"fmt", "strings"}, unmarked, true, true},
		{"imports net/http", []string{plain}, []string{"fmt", "net/http"}, unmarked, false, false},
		{"imports database/sql", []string{plain}, []string{"database/sql"}, unmarked, false, false},
		{"imports a relevant package", []string{plain}, []string{"example.com/client"}, marked, false, false},
		{"declares a URL literal, imports nothing", []string{plain, chain}, nil, unmarked, false, false},
		{"a scheme alone, a template", []string{scheme}, nil, unmarked, false, true},
		{"URLs only in comments and prose", []string{prose}, nil, unmarked, false, true},
		{"a bufio read loop, no network import", []string{plain, repl}, []string{"bufio", "os"}, unmarked, false, false},
		{"bufio imported, no read call", []string{plain}, []string{"bufio", "os"}, unmarked, false, true},
		{"a read call, bufio not imported", []string{repl}, []string{"os"}, unmarked, false, true},
		{"a dependency with a directive", []string{directive}, nil, unmarked, false, true},
		{"a reported package with a directive", []string{directive}, nil, unmarked, true, false},
		{"a dependency under a bad policy", []string{badPolicy}, nil, unmarked, false, true},
		{"a reported package under a bad policy", []string{badPolicy}, nil, unmarked, true, false},
	} {
		if got := Skippable(tc.files, tc.imports, tc.marked, tc.report); got != tc.want {
			t.Errorf("%s: Skippable = %t, want %t", tc.name, got, tc.want)
		}
	}
}
