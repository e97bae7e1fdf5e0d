package policyconfig

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// setFlag sets one of the Analyzer's flags for the test and restores its
// default afterwards.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	if err := Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Analyzer.Flags.Set(name, Analyzer.Flags.Lookup(name).DefValue) })
}

func write(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValid(t *testing.T) {
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{FlagPolicy, FlagRequireAbs} {
		if Analyzer.Flags.Lookup(name) == nil {
			t.Errorf("flag -%s is not declared", name)
		}
	}
}

// TestForFiles: the flag's file wins over the nearest .zombiecheck.yaml,
// which wins over the defaults; -requireabs refuses a relative name with
// the go vet driver's message, and a bad file's error names file and line.
func TestForFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n")
	near := write(t, filepath.Join(dir, "near", ".zombiecheck.yaml"), "version: 1\negress:\n  default: deny\n")
	nearGo := write(t, filepath.Join(dir, "near", "p.go"), "package near\n")
	plainGo := write(t, filepath.Join(dir, "plain", "p.go"), "package plain\n")
	explicit := write(t, filepath.Join(dir, "explicit.yaml"), "version: 1\n")
	bad := write(t, filepath.Join(dir, "bad.yaml"), "version: 1\negress:\n  defualt: deny\n")

	fileOf := func(files []string) string {
		t.Helper()
		p, err := ForFiles(files)
		if err != nil {
			t.Fatalf("ForFiles(%v): %v", files, err)
		}
		return p.File
	}
	if got := fileOf([]string{nearGo}); got != near {
		t.Errorf("no flag: policy %q, want the nearest file %q", got, near)
	}
	if got := fileOf([]string{plainGo}); got != "" {
		t.Errorf("no flag, no file: policy %q, want the defaults", got)
	}

	t.Run("explicit", func(t *testing.T) {
		setFlag(t, FlagPolicy, explicit)
		if got := fileOf([]string{nearGo}); got != explicit {
			t.Errorf("-policy: policy %q, want %q", got, explicit)
		}
	})
	t.Run("bad", func(t *testing.T) {
		setFlag(t, FlagPolicy, bad)
		_, err := ForFiles([]string{plainGo})
		if err == nil || !strings.Contains(err.Error(), bad+":3:3") || !strings.Contains(err.Error(), "defualt") {
			t.Errorf("bad -policy: err = %v, want file:line:col and the key", err)
		}
	})
	t.Run("relative", func(t *testing.T) {
		setFlag(t, FlagPolicy, "ci/policy.yaml")
		setFlag(t, FlagRequireAbs, "true")
		_, err := ForFiles([]string{plainGo})
		want := "under go vet, -policy needs an absolute path (go vet runs the tool in each package's directory): use -policy=$PWD/ci/policy.yaml"
		if err == nil || err.Error() != want {
			t.Errorf("relative -policy under -requireabs: err = %v, want %q", err, want)
		}
		setFlag(t, FlagPolicy, explicit)
		if got := fileOf([]string{plainGo}); got != explicit {
			t.Errorf("absolute -policy under -requireabs: policy %q, want %q", got, explicit)
		}
	})
	if got := fileOf([]string{nearGo}); got != near {
		t.Errorf("after the flags were reset: policy %q, want %q", got, near)
	}
}

// TestResult: running the analyzer reads nothing, so a missing file is
// no error of the pass; the result reports it when asked, and it keeps the
// flags as they were when the pass ran.
func TestResult(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n")
	src := write(t, filepath.Join(dir, "p.go"), "package p\n")
	explicit := write(t, filepath.Join(dir, "explicit.yaml"), "version: 1\n")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, src, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Analyzer: Analyzer, Fset: fset, Files: []*ast.File{f}}

	setFlag(t, FlagPolicy, filepath.Join(dir, "missing.yaml"))
	res, err := Analyzer.Run(pass)
	if err != nil {
		t.Fatalf("Run with a missing policy file: %v; want the error in the result", err)
	}
	if _, err := res.(*Result).Policy(); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("Policy() = %v, want the missing file's error", err)
	}

	setFlag(t, FlagPolicy, explicit)
	res, err = Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	setFlag(t, FlagPolicy, "")
	p, err := res.(*Result).Policy()
	if err != nil || p.File != explicit {
		t.Errorf("Policy() = %v, %v; want %s, as the flag was when the pass ran", p, err, explicit)
	}
}
