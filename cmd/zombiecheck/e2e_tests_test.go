package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testsModule is a module whose production code and test code hold the same
// kinds of findings: a response body that is never closed and a request
// through http.DefaultClient.
var testsModule = map[string]string{
	"go.mod": "module example.com/testskey\n\ngo 1.26\n",
	"app.go": `package app

import "net/http"

// Status leaks its response body.
func Status(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
`,
	"app_test.go": `package app

import (
	"net/http"
	"testing"
)

func statusOf(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}

func TestStatus(t *testing.T) {
	_ = statusOf(t, "http://127.0.0.1:1/")
}
`,
	"ext_test.go": `package app_test

import (
	"net/http"
	"testing"
)

func TestExternal(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/ext")
	if err != nil {
		t.Skip(err)
	}
	_ = resp.StatusCode
}
`,
}

// testsFindings runs the standalone CLI and go vet -vettool on a fresh copy
// of testsModule under the given tests setting and returns both drivers'
// findings as sorted "file:line:col: message" lines, related information
// and duplicates dropped, and what go vet's units did, by unit ID
// (ZOMBIECHECK_VETLOG).
func testsFindings(t *testing.T, setting string) (standalone, vet []string, did map[string]string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "testskey")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{".zombiecheck.yaml": "version: 1\ntests: " + setting + "\n"}
	for name, src := range testsModule {
		files[name] = src
	}
	for name, src := range files {
		writeFile(t, filepath.Join(dir, name), src)
	}
	norm := func(found []gotFinding) []string {
		var out []string
		for _, f := range withoutRelated(found) {
			out = append(out, strings.TrimPrefix(f.pos, "./")+": "+f.message)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	r := zombiecheck(t, dir, "./...")
	wantExit(t, r, exitFindings)
	found, _ := textFindings(r, true)
	standalone = norm(found)

	// The policy file is not part of vet's cache key: -policyhash, named
	// after the setting, keeps vet from replaying the other setting's run
	// (-a would do too, but it recompiles std).
	warmBuildCache(t)
	logFile := filepath.Join(t.TempDir(), "vet.log")
	v, err := executeEnv(dir, []string{"ZOMBIECHECK_VETLOG=" + logFile}, nil,
		"go", "vet", "-vettool="+e2e.bin, "-policyhash=tests-"+setting, "./...")
	if err != nil {
		t.Fatal(err)
	}
	wantExit(t, v, 1)
	found, _ = textFindings(v, false)
	vet = norm(found)
	return standalone, vet, readVetLog(t, logFile)
}

// TestE2ETestsPolicy: the tests key gives the same findings under the
// standalone CLI and under go vet -vettool, for both settings; "skip" drops
// exactly the findings in app_test.go.
func TestE2ETestsPolicy(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	inTests := func(lines []string) int {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "app_test.go:") || strings.HasPrefix(l, "ext_test.go:") {
				n++
			}
		}
		return n
	}
	var analysed []string
	for _, setting := range []string{"analyse", "skip"} {
		t.Run(setting, func(t *testing.T) {
			standalone, vet, did := testsFindings(t, setting)
			if !slices.Equal(standalone, vet) {
				t.Errorf("tests: %s: the drivers disagree\nstandalone:\n\t%s\nvet:\n\t%s", setting,
					strings.Join(standalone, "\n\t"), strings.Join(vet, "\n\t"))
			}
			if !slices.ContainsFunc(standalone, func(l string) bool { return strings.HasPrefix(l, "app.go:7:") }) {
				t.Errorf("tests: %s: the leak in app.go is not reported:\n\t%s", setting, strings.Join(standalone, "\n\t"))
			}
			switch setting {
			case "analyse":
				analysed = standalone
				if n := inTests(standalone); n < 4 {
					t.Errorf("tests: analyse: want the leak and the DefaultClient use in app_test.go and in ext_test.go, got %d findings there:\n\t%s", n, strings.Join(standalone, "\n\t"))
				}
				if !slices.ContainsFunc(standalone, func(l string) bool { return strings.HasPrefix(l, "ext_test.go:") }) {
					t.Errorf("tests: analyse: the leak in the external test package is not reported:\n\t%s", strings.Join(standalone, "\n\t"))
				}
			case "skip":
				if n := inTests(standalone); n != 0 {
					t.Errorf("tests: skip: %d findings in test files:\n\t%s", n, strings.Join(standalone, "\n\t"))
				}
				// Under go vet the external test package is not analysed
				// at all: its files are all test files.
				external := 0
				for id, what := range did {
					if strings.Contains(id, "testskey_test") {
						external++
						if what != "skipped" {
							t.Errorf("tests: skip: go vet's unit %s was %s, want skipped", id, what)
						}
					}
				}
				if external == 0 {
					t.Errorf("tests: skip: go vet ran no unit for the external test package: %v", did)
				}
				if analysed != nil && len(analysed)-inTests(analysed) != len(standalone) {
					t.Errorf("tests: skip changed findings outside the test files:\nanalyse:\n\t%s\nskip:\n\t%s",
						strings.Join(analysed, "\n\t"), strings.Join(standalone, "\n\t"))
				}
			}
		})
	}
}
