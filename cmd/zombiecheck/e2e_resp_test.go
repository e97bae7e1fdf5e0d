package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// respFindings are the findings in testdata/respsample. Both exist only
// through facts: package fetch's summary says Get returns an open response
// (so app owns it) and Close closes its argument (so Read is fine).
var respFindings = []wantFinding{
	{"app/app.go:14:24", "respclose/leak", "response body from fetch.Get is not closed when returning at line 18", true},
	{"app/app.go:33:24", "respclose/leak", "response body from fetch.Get is closed on some paths but not when the resp.StatusCode != 200 branch returns (line 38)", false},
}

// withoutRelated drops the indented related-information lines (standalone)
// and the lines whose message starts with a tab (go vet prints related
// information as findings of their own, message indented).
func withoutRelated(found []gotFinding) []gotFinding {
	var out []gotFinding
	for _, f := range found {
		if !strings.HasPrefix(f.message, "\t") && !strings.HasPrefix(f.message, "returns here") {
			out = append(out, f)
		}
	}
	return out
}

func TestE2ERespCloseAcrossPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := filepath.Join(t.TempDir(), "respsample")
	if err := copyDir(dir, testdataDir("respsample")); err != nil {
		t.Fatal(err)
	}

	t.Run("Standalone", func(t *testing.T) {
		r := zombiecheck(t, dir, "./...")
		wantExit(t, r, exitFindings)
		found, other := textFindings(r, true)
		for _, line := range other {
			if !strings.HasPrefix(line, "\tapp/app.go:") || !strings.HasSuffix(line, "returns here with the body still open") {
				t.Errorf("unexpected line on stderr: %q\n%s", line, r)
			}
		}
		checkFindings(t, r, found, respFindings)
	})

	t.Run("Vet", func(t *testing.T) {
		r := goVet(t, dir, "./...")
		wantExit(t, r, 1)
		found, _ := textFindings(r, false)
		checkFindings(t, r, withoutRelated(found), respFindings)
	})
}

// TestE2EVetSuite: -vetsuite adds go vet's own analyzers (a vettool
// replaces them), standalone and under go vet, in a build made with
// -tags zombiecheck_vetsuite; the default build, which leaves them out
// for start-up time, says how to get them.
func TestE2EVetSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	dir := filepath.Join(t.TempDir(), "vetsuite")
	if err := copyDir(dir, testdataDir("vetsuite")); err != nil {
		t.Fatal(err)
	}
	r := zombiecheck(t, dir, "./...")
	wantExit(t, r, exitClean)
	const how = "go install -tags zombiecheck_vetsuite github.com/zombiecheck/zombiecheck/cmd/zombiecheck"
	r = zombiecheck(t, dir, "-vetsuite", "./...")
	wantExit(t, r, exitError)
	if !strings.Contains(string(r.stderr), how) {
		t.Errorf("-vetsuite in the default build did not say how to get the suite\n%s", r)
	}
	r = goVet(t, dir, "-vetsuite", "./...")
	if r.code == 0 || !strings.Contains(string(r.stderr), how) {
		t.Errorf("go vet -vettool=zombiecheck -vetsuite in the default build did not fail saying how to get the suite\n%s", r)
	}

	bin := filepath.Join(t.TempDir(), "zombiecheck-vetsuite")
	if out, err := exec.Command("go", "build", "-tags", "zombiecheck_vetsuite", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -tags zombiecheck_vetsuite: %v\n%s", err, out)
	}
	r = runCommand(t, dir, nil, bin, "-vetsuite", "./...")
	wantExit(t, r, exitFindings)
	if !strings.Contains(string(r.stderr), `vs.go:5:24: fmt.Printf format %d has arg "x" of wrong type string (printf)`) {
		t.Errorf("-vetsuite did not run printf\n%s", r)
	}
	warmBuildCache(t)
	r = goCommand(t, dir, "vet", "-vettool="+bin, "-vetsuite", "./...")
	wantExit(t, r, 1)
	if !strings.Contains(string(r.stderr), `fmt.Printf format %d has arg "x" of wrong type string`) {
		t.Errorf("go vet -vettool=zombiecheck -vetsuite did not run printf\n%s", r)
	}
}

// TestE2EGoTool: the go.mod `tool` directive flow users follow, offline:
// require zombiecheck (replaced by this checkout), `go tool -n zombiecheck`
// to find the cached binary, and `go vet -vettool=` with it.
func TestE2EGoTool(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "respsample")
	if err := copyDir(dir, testdataDir("respsample")); err != nil {
		t.Fatal(err)
	}
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, []byte("\nrequire github.com/zombiecheck/zombiecheck v0.0.0\n\nreplace github.com/zombiecheck/zombiecheck => "+repo+"\n")...)
	if err := os.WriteFile(gomod, data, 0o666); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o666); err != nil {
		t.Fatal(err)
	}
	// go get -tool, as the README says, not go mod tidy: tidy also
	// resolves the tests of every dependency (x/tools' need go-cmp),
	// which a module cache filled by building zombiecheck does not hold,
	// so it fails offline on a fresh machine.
	if r := goCommand(t, dir, "get", "-tool", "github.com/zombiecheck/zombiecheck/cmd/zombiecheck"); r.code != 0 {
		t.Fatalf("go get -tool failed\n%s", r)
	}
	r := goCommand(t, dir, "tool", "-n", "zombiecheck")
	if r.code != 0 {
		t.Fatalf("go tool -n zombiecheck failed\n%s", r)
	}
	tool := strings.TrimSpace(string(r.stdout))
	r = goCommand(t, dir, "vet", "-vettool="+tool, "./...")
	wantExit(t, r, 1)
	found, _ := textFindings(r, false)
	checkFindings(t, r, withoutRelated(found), respFindings)
}
