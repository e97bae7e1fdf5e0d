// End-to-end tests of the zombiecheck binary: standalone text, JSON and
// SARIF output, go vet -vettool, the policy file, -fix, analyzer selection
// and the help and usage paths, run against the sample modules in
// ../../testdata.
//
// TestMain builds the binary once. Every command runs with a private build
// cache shared by all tests, so the standard library is compiled once per
// `go test` run; copies of the sample modules are made for every test that
// changes files, so the repository's testdata never changes. The tests are
// skipped with -short.
//
// Cost: compiling net/http and its dependencies dominates (about a minute on
// 2 cores with a cold cache). Every go command that needs compiled packages
// waits for warmBuildCache, so that work is not done twice concurrently. go
// vet is run a handful of times (see TestE2EVet), always over ./... of its
// module: Go 1.26 caches vet output under a key that ignores whether a
// package was vetted for facts only. The standalone
// driver type-checks from source and needs no compiled packages, so those
// tests run in parallel with the build (at most -parallel of them, GOMAXPROCS
// by default).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zombiecheck/zombiecheck/analyzers/httpclient"
	"github.com/zombiecheck/zombiecheck/analyzers/suite"
)

// e2e is what TestMain prepares for the end-to-end tests.
var e2e struct {
	dir       string   // temporary directory holding everything below; removed after the tests
	bin       string   // the zombiecheck binary under test
	env       []string // environment of every command the tests run
	sample    string   // copy of testdata/sample that no test modifies
	badpolicy string   // copy of testdata/badpolicy that no test modifies
	setupErr  error
}

func TestMain(m *testing.M) {
	if n := os.Getenv(leakChildEnv); n != "" {
		leakSocketsChild(n) // a child process of TestSocketsCommand; never returns
	}
	flag.Parse()
	if !testing.Short() {
		e2e.setupErr = setupE2E()
	}
	code := m.Run()
	if e2e.dir != "" {
		os.RemoveAll(e2e.dir)
	}
	os.Exit(code)
}

// setupE2E builds the binary and makes the shared, read-only copies of the
// sample modules.
func setupE2E() error {
	dir, err := os.MkdirTemp("", "zombiecheck-e2e-")
	if err != nil {
		return err
	}
	e2e.dir = dir
	// The tools print resolved paths (macOS /tmp is a symlink).
	if e2e.dir, err = filepath.EvalSymlinks(dir); err != nil {
		e2e.dir = dir
		return err
	}
	dir = e2e.dir
	e2e.bin = filepath.Join(dir, "zombiecheck")
	if runtime.GOOS == "windows" {
		e2e.bin += ".exe"
	}
	// Built with the test's own environment and build cache, where the
	// dependencies were just compiled for this test binary.
	build := exec.Command("go", "build", "-o", e2e.bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build -o %s .: %v\n%s", e2e.bin, err, out)
	}
	e2e.env = hermeticEnv(filepath.Join(dir, "gocache"))
	e2e.sample = filepath.Join(dir, "pristine", "sample")
	e2e.badpolicy = filepath.Join(dir, "pristine", "badpolicy")
	if err := copyDir(e2e.sample, testdataDir("sample")); err != nil {
		return err
	}
	return copyDir(e2e.badpolicy, testdataDir("badpolicy"))
}

// hermeticEnv returns the test's environment without the go command's
// settings, plus a private build cache and settings that keep the go command
// offline (the sample modules have no dependencies), on the installed
// toolchain, and deaf to `go env -w`. CGO_ENABLED=0 spares a C compiler and
// the cgo steps of net and os/user; the sample modules do not use cgo.
func hermeticEnv(gocache string) []string {
	drop := map[string]bool{
		"GOFLAGS": true, "GOCACHE": true, "GOENV": true, "GOTOOLCHAIN": true, "GOPROXY": true,
		"GOWORK": true, "GO111MODULE": true, "GOOS": true, "GOARCH": true, "CGO_ENABLED": true,
		"PWD": true, // set per command
	}
	var env []string
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); !drop[name] {
			env = append(env, kv)
		}
	}
	return append(env,
		"GOCACHE="+gocache, "GOFLAGS=", "GOENV=off", "GOTOOLCHAIN=local", "GOPROXY=off",
		"GOWORK=off", "GO111MODULE=on", "CGO_ENABLED=0")
}

// requireE2E skips the test under -short and stops it if the setup failed.
func requireE2E(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	if e2e.setupErr != nil {
		t.Fatalf("end-to-end setup: %v", e2e.setupErr)
	}
}

// ---------------------------------------------------------------------------
// Expected findings.

// Message prefixes of the sample's findings.
const (
	msgReturnedNoTimeout = "http.Client returned by clients.New has no Timeout"
	msgCreatedNoTimeout  = "http.Client created here has no Timeout"
	msgPkgFunc           = "http.Get sends through http.DefaultClient"
	msgPoolPerIteration  = "new http.Transport in every loop iteration"
)

// The message of a malformed policy, after the policy file's path.
const badPolicyMessage = `:5:3: unknown key "defualt" in egress (did you mean "default"?)`

// wantFinding is a finding a test expects.
type wantFinding struct {
	pos    string // "file:line:col", the file relative to the module root with '/' separators
	rule   string // analyzer/category
	prefix string // start of the message
	fix    bool   // whether it carries a suggested fix
}

// crossPackagePos is the finding that exists only because package clients
// exported a fact about clients.New: app's analysis cannot see New's body.
const crossPackagePos = "app/app.go:13:18"

// sampleFindings are the findings in testdata/sample under its own policy.
// clients/clients.go has none (New returns its client, so its callers are
// judged), quiet/ is excluded by the policy, and Stream (app.go:47) is on
// the policy's streaming list.
var sampleFindings = []wantFinding{
	{crossPackagePos, "httpclient/notimeout", msgReturnedNoTimeout, false},
	{"app/app.go:30:15", "httpclient/pkgfunc", msgPkgFunc, false},
	{"app/app.go:38:55", "httpclient/pool", msgPoolPerIteration, false},
	{"app/app.go:54:8", "httpclient/notimeout", msgCreatedNoTimeout, true},
}

// streamFinding is reported in Stream once the policy no longer lists it as
// streaming.
var streamFinding = wantFinding{"app/app.go:47:8", "httpclient/notimeout", msgCreatedNoTimeout, true}

// withStream returns the sample's findings under a policy that keeps the
// exclusion of quiet/ but does not list Stream.
func withStream() []wantFinding {
	want := slices.Clone(sampleFindings)
	return slices.Insert(want, 3, streamFinding)
}

// shiftLines returns want with every line moved down by n.
func shiftLines(t *testing.T, want []wantFinding, n int) []wantFinding {
	t.Helper()
	out := slices.Clone(want)
	for i, w := range out {
		file, line, col := splitPos(t, w.pos)
		out[i].pos = fmt.Sprintf("%s:%d:%d", file, line+n, col)
	}
	return out
}

// noStreamPolicy is the sample's policy without the streaming list. Its
// exclude glob is relative to the policy file's directory, so the file must
// be written to the module root.
const noStreamPolicy = "version: 1\nexclude:\n  - quiet/legacy.go\n"

// ---------------------------------------------------------------------------
// Running commands.

// cmdResult is the outcome of one command.
type cmdResult struct {
	cmd      string
	dir      string
	code     int
	stdout   []byte
	stderr   []byte
	duration time.Duration
}

func (r *cmdResult) String() string {
	return fmt.Sprintf("$ cd %s && %s\n(exit code %d after %.1fs)\n--- stdout:\n%s--- stderr:\n%s---",
		r.dir, r.cmd, r.code, r.duration.Seconds(), ensureNewline(r.stdout), ensureNewline(r.stderr))
}

func ensureNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(b, '\n')
	}
	return b
}

// execute runs a command in dir with the hermetic environment. The error is
// non-nil only if the command could not be run; a non-zero exit is a result.
func execute(dir string, stdin []byte, name string, args ...string) (*cmdResult, error) {
	return executeEnv(dir, nil, stdin, name, args...)
}

// executeEnv is execute with env added to the environment.
func executeEnv(dir string, env []string, stdin []byte, name string, args ...string) (*cmdResult, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(slices.Clip(e2e.env), "PWD="+dir), env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	shown := name
	if name == e2e.bin {
		shown = "zombiecheck"
	}
	for _, a := range args {
		shown += " " + strings.ReplaceAll(a, e2e.bin, "zombiecheck")
	}
	if stdin != nil {
		shown += " < (stdin)"
	}
	start := time.Now()
	err := cmd.Run()
	r := &cmdResult{cmd: shown, dir: dir, stdout: stdout.Bytes(), stderr: stderr.Bytes(), duration: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		return nil, fmt.Errorf("%s: %v", shown, err)
	}
	return r, nil
}

func runCommand(t *testing.T, dir string, stdin []byte, name string, args ...string) *cmdResult {
	t.Helper()
	r, err := execute(dir, stdin, name, args...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: exit %d after %.1fs", r.cmd, r.code, r.duration.Seconds())
	return r
}

// zombiecheck runs the binary under test in dir.
func zombiecheck(t *testing.T, dir string, args ...string) *cmdResult {
	t.Helper()
	return runCommand(t, dir, nil, e2e.bin, args...)
}

// goCommand runs the go command in dir.
func goCommand(t *testing.T, dir string, args ...string) *cmdResult {
	t.Helper()
	return runCommand(t, dir, nil, "go", args...)
}

// goVet runs `go vet -vettool=zombiecheck args...` in dir.
func goVet(t *testing.T, dir string, args ...string) *cmdResult {
	t.Helper()
	warmBuildCache(t)
	return goCommand(t, dir, append([]string{"vet", "-vettool=" + e2e.bin}, args...)...)
}

// memo runs a command shared by several tests once.
type memo struct {
	once sync.Once
	res  *cmdResult
	err  error
}

func (m *memo) get(t *testing.T, dir string, name string, args ...string) *cmdResult {
	t.Helper()
	m.once.Do(func() { m.res, m.err = execute(dir, nil, name, args...) })
	if m.err != nil {
		t.Fatal(m.err)
	}
	return m.res
}

var warmBuild memo

// warmBuildCache compiles the sample module and its dependencies (net/http
// and most of the standard library) into the shared build cache, once.
// Every go command that needs compiled packages calls it first, so that
// concurrent tests do not compile the standard library twice.
func warmBuildCache(t *testing.T) {
	t.Helper()
	r := warmBuild.get(t, e2e.sample, "go", "build", "./...")
	if r.code != 0 {
		t.Fatalf("compiling the sample module failed:\n%s", r)
	}
}

var sampleSARIFRun memo

// sampleSARIFFile is where sampleStandalone writes its SARIF.
func sampleSARIFFile() string { return filepath.Join(e2e.dir, "sample.sarif") }

// sampleStandalone runs `zombiecheck -sarif FILE ./...` in the sample once
// and returns the result and the SARIF. The text output, the exit code and
// the SARIF of this one run are checked by different tests.
func sampleStandalone(t *testing.T) (*cmdResult, []byte) {
	t.Helper()
	r := sampleSARIFRun.get(t, e2e.sample, e2e.bin, "-sarif", sampleSARIFFile(), "./...")
	data, err := os.ReadFile(sampleSARIFFile())
	if err != nil {
		t.Fatalf("reading the SARIF output: %v\n%s", err, r)
	}
	return r, data
}

func wantExit(t *testing.T, r *cmdResult, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\n%s", r.code, code, r)
	}
}

func wantEmpty(t *testing.T, r *cmdResult, stream string, b []byte) {
	t.Helper()
	if len(b) > 0 {
		t.Errorf("%s is not empty\n%s", stream, r)
	}
}

// ---------------------------------------------------------------------------
// Findings as the tests compare them.

// gotFinding is a finding parsed from an output.
type gotFinding struct {
	pos     string // "file:line:col", the file relative to the module root with '/' separators
	rule    string // analyzer/category; empty where the output does not say (go vet's text)
	message string
}

var (
	// standaloneLine is a finding in the standalone text output.
	standaloneLine = regexp.MustCompile(`^([^:\s]+:\d+:\d+): (.*) \((\w+(?:/\w+)?)\)$`)
	// vetLine is a finding as go vet prints it: no rule ID.
	vetLine = regexp.MustCompile(`^([^:\s]+:\d+:\d+): (.*)$`)
	// posnPattern is a go/token position "file:line:col".
	posnPattern = regexp.MustCompile(`^(.+):(\d+):(\d+)$`)
)

// textFindings parses the text findings on r's stderr (standalone format if
// withRule, else go vet's) and returns them and the lines that are not
// findings.
func textFindings(r *cmdResult, withRule bool) (found []gotFinding, other []string) {
	for line := range strings.Lines(string(r.stderr)) {
		line = strings.TrimSuffix(line, "\n")
		if withRule {
			if m := standaloneLine.FindStringSubmatch(line); m != nil {
				found = append(found, gotFinding{filepath.ToSlash(m[1]), m[3], m[2]})
				continue
			}
		} else if m := vetLine.FindStringSubmatch(line); m != nil {
			found = append(found, gotFinding{filepath.ToSlash(m[1]), "", m[2]})
			continue
		}
		other = append(other, line)
	}
	return found, other
}

// onlyTextFindings is textFindings for outputs that must hold nothing else.
func onlyTextFindings(t *testing.T, r *cmdResult, withRule bool) []gotFinding {
	t.Helper()
	found, other := textFindings(r, withRule)
	if len(other) > 0 {
		t.Errorf("unexpected lines on stderr:\n%s\n%s", strings.Join(other, "\n"), r)
	}
	return found
}

// checkFindings fails the test unless got holds exactly the wanted findings:
// the same positions, once each, with the same rules (where got has them)
// and message prefixes.
func checkFindings(t *testing.T, r *cmdResult, got []gotFinding, want []wantFinding) {
	t.Helper()
	byPos := make(map[string]wantFinding)
	for _, w := range want {
		byPos[w.pos] = w
	}
	seen := make(map[string]bool)
	var problems []string
	for _, g := range got {
		w, ok := byPos[g.pos]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("unexpected finding %s: %s [%s]", g.pos, g.message, g.rule))
		case seen[g.pos]:
			problems = append(problems, fmt.Sprintf("finding %s reported twice", g.pos))
		case g.rule != "" && g.rule != w.rule:
			problems = append(problems, fmt.Sprintf("finding %s has rule %s, want %s", g.pos, g.rule, w.rule))
		case !strings.HasPrefix(g.message, w.prefix):
			problems = append(problems, fmt.Sprintf("finding %s has message %q, want it to start with %q", g.pos, g.message, w.prefix))
		}
		seen[g.pos] = true
	}
	for _, w := range want {
		if !seen[w.pos] {
			problems = append(problems, fmt.Sprintf("missing finding %s: %s... [%s]", w.pos, w.prefix, w.rule))
		}
	}
	if len(problems) > 0 {
		t.Errorf("findings differ from the expected ones:\n\t%s\n%s", strings.Join(problems, "\n\t"), r)
	}
}

// checkSampleInvariants states separately the properties of the sample
// that the exact comparison of checkFindings already covers, so that a
// failure names the broken property: the cross-package finding is there, and
// clients/, quiet/ and Stream have none.
func checkSampleInvariants(t *testing.T, r *cmdResult, got []gotFinding, streamSilenced bool) {
	t.Helper()
	has := func(pred func(gotFinding) bool) bool { return slices.ContainsFunc(got, pred) }
	if !has(func(g gotFinding) bool {
		return g.pos == crossPackagePos && strings.HasPrefix(g.message, msgReturnedNoTimeout)
	}) {
		t.Errorf("the cross-package finding at %s (known only through clients' fact about New) is missing\n%s", crossPackagePos, r)
	}
	if has(func(g gotFinding) bool { return strings.HasPrefix(g.pos, "clients/") }) {
		t.Errorf("clients/clients.go has findings; New returns its client, so only its callers are judged\n%s", r)
	}
	if has(func(g gotFinding) bool { return strings.HasPrefix(g.pos, "quiet/") }) {
		t.Errorf("quiet/ has findings although the policy excludes quiet/legacy.go\n%s", r)
	}
	if streamSilenced && has(func(g gotFinding) bool { return g.pos == streamFinding.pos }) {
		t.Errorf("Stream (%s) is reported although the policy lists it as streaming\n%s", streamFinding.pos, r)
	}
}

// splitPos splits "file:line:col".
func splitPos(t *testing.T, pos string) (file string, line, col int) {
	t.Helper()
	m := posnPattern.FindStringSubmatch(pos)
	if m == nil {
		t.Fatalf("%q is not a file:line:col position", pos)
	}
	line, _ = strconv.Atoi(m[2])
	col, _ = strconv.Atoi(m[3])
	return m[1], line, col
}

// relativePos turns an absolute "file:line:col" below root into the form of
// wantFinding.pos.
func relativePos(t *testing.T, root, posn string) string {
	t.Helper()
	file, line, col := splitPos(t, posn)
	rel, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsAbs(file) || strings.HasPrefix(rel, "..") {
		t.Fatalf("position %q is not an absolute path below %s", posn, root)
	}
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), line, col)
}

// ---------------------------------------------------------------------------
// The go/analysis JSON format.

// wireDiagnostic is a diagnostic as go/analysis drivers print it with -json
// (golang.org/x/tools/internal/analysis/driverutil.JSONDiagnostic).
type wireDiagnostic struct {
	Category       string        `json:"category"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []wireFix     `json:"suggested_fixes"`
	Related        []wireRelated `json:"related"`
}

type wireFix struct {
	Message string     `json:"message"`
	Edits   []wireEdit `json:"edits"`
}

type wireEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type wireRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// pkgDiagnostic is a diagnostic with the package and analyzer it was
// printed under.
type pkgDiagnostic struct {
	pkg, analyzer string
	wireDiagnostic
}

// decodeJSONStream decodes r's stdout as a stream of go/analysis JSON
// objects ({"pkg": {"analyzer": [diagnostic...]}}; one for zombiecheck
// -json, one per package for go vet -json), with no unknown fields, and
// returns the number of objects and the diagnostics. An analysis error
// ({"error": ...}) fails the test.
func decodeJSONStream(t *testing.T, r *cmdResult) (objects int, diags []pkgDiagnostic) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(r.stdout))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("stdout is not a stream of JSON objects: %v\n%s", err, r)
		}
		objects++
		for _, pkg := range sortedKeys(tree) {
			for _, analyzer := range sortedKeys(tree[pkg]) {
				raw := bytes.TrimSpace(tree[pkg][analyzer])
				if len(raw) > 0 && raw[0] == '{' {
					t.Errorf("analysis error for %s/%s: %s\n%s", pkg, analyzer, raw, r)
					continue
				}
				var list []wireDiagnostic
				d := json.NewDecoder(bytes.NewReader(raw))
				d.DisallowUnknownFields()
				if err := d.Decode(&list); err != nil {
					t.Fatalf("diagnostics of %s/%s are not in the go/analysis shape: %v\n%s", pkg, analyzer, err, r)
				}
				for _, w := range list {
					diags = append(diags, pkgDiagnostic{pkg, analyzer, w})
				}
			}
		}
	}
	return objects, diags
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkJSONDiagnostics checks the decoded diagnostics of the sample against
// want: positions, categories, packages, and the suggested fixes.
func checkJSONDiagnostics(t *testing.T, r *cmdResult, root string, diags []pkgDiagnostic, want []wantFinding) {
	t.Helper()
	var got []gotFinding
	for _, d := range diags {
		pos := relativePos(t, root, d.Posn)
		got = append(got, gotFinding{pos, d.analyzer + "/" + d.Category, d.Message})
		if d.Category == "" {
			t.Errorf("%s: the diagnostic has no category\n%s", pos, r)
		}
		if wantPkg := "example.com/sample/" + strings.Split(pos, "/")[0]; d.pkg != wantPkg {
			t.Errorf("%s: reported under package %q, want %q\n%s", pos, d.pkg, wantPkg, r)
		}
		i := slices.IndexFunc(want, func(w wantFinding) bool { return w.pos == pos })
		if i < 0 {
			continue // checkFindings reports it
		}
		switch {
		case want[i].fix:
			checkTimeoutFix(t, r, pos, d.wireDiagnostic)
		case len(d.SuggestedFixes) > 0:
			t.Errorf("%s: unexpected suggested fix %+v\n%s", pos, d.SuggestedFixes, r)
		}
	}
	checkFindings(t, r, got, want)
}

// checkTimeoutFix checks the notimeout fix of a client literal: one fix
// whose edits include the insertion of "Timeout: 30 * time.Second" right
// after the literal's opening brace, in the diagnostic's file.
func checkTimeoutFix(t *testing.T, r *cmdResult, pos string, d wireDiagnostic) {
	t.Helper()
	if len(d.SuggestedFixes) != 1 {
		t.Errorf("%s: %d suggested fixes, want 1\n%s", pos, len(d.SuggestedFixes), r)
		return
	}
	fix := d.SuggestedFixes[0]
	if fix.Message == "" {
		t.Errorf("%s: the suggested fix has no message\n%s", pos, r)
	}
	file, _, _ := splitPos(t, d.Posn)
	i := slices.IndexFunc(fix.Edits, func(e wireEdit) bool { return e.New == "Timeout: 30 * time.Second" })
	if i < 0 {
		t.Errorf("%s: no edit inserts %q\n%s", pos, "Timeout: 30 * time.Second", r)
		return
	}
	e := fix.Edits[i]
	if e.Filename != file {
		t.Errorf("%s: the edit is in %s, want %s", pos, e.Filename, file)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case e.Start != e.End:
		t.Errorf("%s: edit [%d, %d) replaces text; want an insertion\n%s", pos, e.Start, e.End, r)
	case e.Start < 0 || e.Start > len(src):
		t.Errorf("%s: edit offset %d is outside the file (%d bytes)\n%s", pos, e.Start, len(src), r)
	case !bytes.HasSuffix(src[:e.Start], []byte("&http.Client{")):
		t.Errorf("%s: edit offset %d does not follow %q but %q\n%s", pos, e.Start, "&http.Client{", src[max(0, e.Start-20):e.Start], r)
	}
}

// checkEnds checks that every diagnostic's end is a position in the same
// file, not before its start, as go/analysis drivers print it (the start
// again when the diagnostic has no end).
func checkEnds(t *testing.T, r *cmdResult, diags []pkgDiagnostic) {
	t.Helper()
	for _, d := range diags {
		m := posnPattern.FindStringSubmatch(d.End)
		if m == nil {
			t.Errorf("%s: end %q is not a file:line:col position\n%s", d.Posn, d.End, r)
			continue
		}
		file, line, col := splitPos(t, d.Posn)
		_, endLine, endCol := splitPos(t, d.End)
		if m[1] != file || endLine < line || endLine == line && endCol < col {
			t.Errorf("%s: end %s is not after the start in the same file\n%s", d.Posn, d.End, r)
		}
	}
}

// ---------------------------------------------------------------------------
// SARIF.

type sarifText struct {
	Text string `json:"text"`
}

type sarifLogWire struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string    `json:"id"`
					ShortDescription sarifText `json:"shortDescription"`
					FullDescription  sarifText `json:"fullDescription"`
					HelpURI          string    `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []sarifResultWire `json:"results"`
	} `json:"runs"`
}

type sarifResultWire struct {
	RuleID    string    `json:"ruleId"`
	RuleIndex *int      `json:"ruleIndex"`
	Message   sarifText `json:"message"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

// checkSARIF decodes a SARIF log of the sample, checks its structure and
// its results against want, and returns the results.
func checkSARIF(t *testing.T, r *cmdResult, data []byte, want []wantFinding) []sarifResultWire {
	t.Helper()
	var log sarifLogWire
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s\n%s", err, data, r)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") {
		t.Errorf("SARIF version %q, schema %q; want 2.1.0\n%s", log.Version, log.Schema, r)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("SARIF has %d runs, want 1\n%s", len(log.Runs), data)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "zombiecheck" {
		t.Errorf("tool.driver.name = %q, want zombiecheck", run.Tool.Driver.Name)
	}

	// The rules are the whole catalogue, sorted, whatever the findings.
	var ruleIDs, wantIDs []string
	for _, rule := range run.Tool.Driver.Rules {
		ruleIDs = append(ruleIDs, rule.ID)
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || !strings.HasPrefix(rule.HelpURI, "https://") {
			t.Errorf("rule %s lacks shortDescription, fullDescription or an https helpUri: %+v", rule.ID, rule)
		}
	}
	for _, rule := range suite.Rules() {
		wantIDs = append(wantIDs, rule.ID())
	}
	if !slices.Equal(ruleIDs, wantIDs) || !slices.Contains(ruleIDs, "httpclient/notimeout") {
		t.Errorf("rules = %q, want %q", ruleIDs, wantIDs)
	}

	var got []gotFinding
	fingerprints := make(map[string]string) // value → position
	for _, res := range run.Results {
		if len(res.Locations) != 1 {
			t.Errorf("result %s has %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		pos := fmt.Sprintf("%s:%d:%d", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn)
		got = append(got, gotFinding{pos, res.RuleID, res.Message.Text})
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: uriBaseId = %q, want %%SRCROOT%%", pos, loc.ArtifactLocation.URIBaseID)
		}
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(ruleIDs) || ruleIDs[*res.RuleIndex] != res.RuleID {
			t.Errorf("%s: ruleIndex %v does not point at rule %s in %q", pos, res.RuleIndex, res.RuleID, ruleIDs)
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("%s: no partialFingerprints", pos)
		}
		for key, fp := range res.PartialFingerprints {
			if fp == "" {
				t.Errorf("%s: empty fingerprint %s", pos, key)
			}
			if other, dup := fingerprints[key+"="+fp]; dup {
				t.Errorf("%s and %s share the fingerprint %s=%s", pos, other, key, fp)
			}
			fingerprints[key+"="+fp] = pos
		}
	}
	checkFindings(t, r, got, want)
	return run.Results
}

// ---------------------------------------------------------------------------
// Files.

func testdataDir(name string) string { return filepath.Join("..", "..", "testdata", name) }

// copyModule copies testdata/name into a fresh temporary directory and
// returns the copy's root.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(tmp, name)
	if err := copyDir(dst, testdataDir(name)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// copyDir copies the tree at src, dot files included, to dst.
func copyDir(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// importCount returns how many times the Go file src imports path.
func importCount(t *testing.T, src []byte, path string) int {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("parsing the fixed file: %v\n%s", err, src)
	}
	n := 0
	for _, imp := range f.Imports {
		if imp.Path.Value == strconv.Quote(path) {
			n++
		}
	}
	return n
}

// enclosingFunc returns the name of the function declared in file whose
// declaration spans line, or "" if there is none.
func enclosingFunc(t *testing.T, file string, line int) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if ok && fset.Position(fd.Pos()).Line <= line && line <= fset.Position(fd.End()).Line {
			return fd.Name.Name
		}
	}
	return ""
}

// ---------------------------------------------------------------------------
// Standalone text output.

func TestE2EStandaloneText(t *testing.T) {
	requireE2E(t)
	t.Parallel()
	r, _ := sampleStandalone(t)
	wantExit(t, r, exitFindings)
	wantEmpty(t, r, "stdout", r.stdout)
	got := onlyTextFindings(t, r, true)
	checkFindings(t, r, got, sampleFindings)
	checkSampleInvariants(t, r, got, true)
	if !slices.IsSortedFunc(got, func(a, b gotFinding) int { return comparePos(t, a.pos, b.pos) }) {
		t.Errorf("findings are not sorted by position\n%s", r)
	}
}

// comparePos orders "file:line:col" positions.
func comparePos(t *testing.T, a, b string) int {
	fa, la, ca := splitPos(t, a)
	fb, lb, cb := splitPos(t, b)
	if c := strings.Compare(fa, fb); c != 0 {
		return c
	}
	if la != lb {
		return la - lb
	}
	return ca - cb
}

// ---------------------------------------------------------------------------
// JSON.

func TestE2EStandaloneJSON(t *testing.T) {
	requireE2E(t)
	t.Parallel()
	r := zombiecheck(t, e2e.sample, "-json", "./...")
	// With -json the findings are data: exit 0.
	wantExit(t, r, exitClean)
	wantEmpty(t, r, "stderr", r.stderr)
	objects, diags := decodeJSONStream(t, r)
	if objects != 1 {
		t.Errorf("%d JSON objects on stdout, want 1\n%s", objects, r)
	}
	checkJSONDiagnostics(t, r, e2e.sample, diags, sampleFindings)

	t.Run("EndIsAPosition", func(t *testing.T) {
		checkEnds(t, r, diags)
	})

	t.Run("Deterministic", func(t *testing.T) {
		again := zombiecheck(t, e2e.sample, "-json", "./...")
		wantExit(t, again, exitClean)
		if !bytes.Equal(r.stdout, again.stdout) {
			t.Errorf("two runs printed different JSON\nfirst:\n%s\nsecond:\n%s", r, again)
		}
	})
}

// ---------------------------------------------------------------------------
// SARIF.

func TestE2ESARIF(t *testing.T) {
	requireE2E(t)
	t.Parallel()
	r, data := sampleStandalone(t)
	// -sarif keeps the text output and its exit code.
	wantExit(t, r, exitFindings)
	checkFindings(t, r, onlyTextFindings(t, r, true), sampleFindings)
	before := checkSARIF(t, r, data, sampleFindings)

	t.Run("FingerprintsSurviveALineShift", func(t *testing.T) {
		dir := copyModule(t, "sample")
		app := filepath.Join(dir, "app", "app.go")
		writeFile(t, app, "\n"+string(readFile(t, app)))
		// A relative -sarif path is relative to the working directory.
		shifted := zombiecheck(t, dir, "-sarif", "shifted.sarif", "./...")
		wantExit(t, shifted, exitFindings)
		after := checkSARIF(t, shifted, readFile(t, filepath.Join(dir, "shifted.sarif")), shiftLines(t, sampleFindings, 1))
		if len(after) != len(before) {
			t.Fatalf("%d results after the shift, %d before", len(after), len(before))
		}
		for i := range before {
			b, a := before[i], after[i]
			if !reflect.DeepEqual(a.PartialFingerprints, b.PartialFingerprints) {
				t.Errorf("%s at line %d: fingerprints changed when a line was inserted above it:\nbefore %v\nafter  %v",
					b.RuleID, b.Locations[0].PhysicalLocation.Region.StartLine, b.PartialFingerprints, a.PartialFingerprints)
			}
		}
	})
}

// ---------------------------------------------------------------------------
// go vet -vettool.

// TestE2EVet runs go vet with the tool. The vet invocations are few, each
// over ./... of its module: the sample with no flags
// (again with -json, which replays the cache: the go command passes -json to
// the tool either way) and with a relative -policy; badpolicy; a copy of the
// sample with an absolute -policy; and a copy whose policy is edited, with
// and without -policyhash.
func TestE2EVet(t *testing.T) {
	requireE2E(t)
	t.Parallel()

	t.Run("Text", func(t *testing.T) {
		r := goVet(t, e2e.sample, "./...")
		wantExit(t, r, 1) // go vet's exit code when there are diagnostics
		wantEmpty(t, r, "stdout", r.stdout)
		got := onlyTextFindings(t, r, false)
		checkFindings(t, r, got, sampleFindings)
		checkSampleInvariants(t, r, got, true)
		for _, g := range got {
			if standaloneLine.MatchString(g.pos + ": " + g.message) {
				t.Errorf("%s: go vet's line ends with a rule ID; the go command prints the message only\n%s", g.pos, r)
			}
		}
	})

	var vetJSON *cmdResult
	t.Run("JSON", func(t *testing.T) {
		r := goVet(t, e2e.sample, "-json", "./...")
		wantExit(t, r, 0)
		wantEmpty(t, r, "stderr", r.stderr)
		_, diags := decodeJSONStream(t, r)
		checkJSONDiagnostics(t, r, e2e.sample, diags, sampleFindings)
		checkEnds(t, r, diags)
		vetJSON = r
	})

	t.Run("SARIF", func(t *testing.T) {
		if vetJSON == nil {
			t.Skip("needs the output of the JSON subtest")
		}
		r := runCommand(t, e2e.sample, vetJSON.stdout, e2e.bin, "sarif")
		wantExit(t, r, exitClean)
		wantEmpty(t, r, "stderr", r.stderr)
		checkSARIF(t, r, r.stdout, sampleFindings)
		// The same findings make the same document, whichever driver
		// produced them.
		_, standalone := sampleStandalone(t)
		var fromVet, direct any
		if err := json.Unmarshal(r.stdout, &fromVet); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(standalone, &direct); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromVet, direct) {
			t.Errorf("SARIF converted from go vet -json differs from zombiecheck -sarif:\nconverted:\n%s\nstandalone:\n%s", r.stdout, standalone)
		}
	})

	t.Run("MalformedPolicy", func(t *testing.T) {
		r := goVet(t, e2e.badpolicy, "./...")
		wantExit(t, r, 1)
		wantMsg := filepath.Join(e2e.badpolicy, ".zombiecheck.yaml") + badPolicyMessage
		if !bytes.Contains(r.stderr, []byte(": "+wantMsg+"\n")) {
			t.Errorf("stderr has no line ending in %q\n%s", ": "+wantMsg, r)
		}
		found, _ := textFindings(r, false)
		for _, g := range found {
			if strings.HasPrefix(g.pos, "bad.go:") {
				t.Errorf("finding %s reported despite the malformed policy\n%s", g.pos, r)
			}
		}
	})

	t.Run("FlagsHandshake", func(t *testing.T) {
		r := zombiecheck(t, e2e.sample, "-flags")
		wantExit(t, r, 0)
		var flags []struct {
			Name  string
			Bool  bool
			Usage string
		}
		if err := json.Unmarshal(r.stdout, &flags); err != nil {
			t.Fatalf("-flags output is not a JSON list of flags: %v\n%s", err, r)
		}
		isBool := make(map[string]bool)
		for _, f := range flags {
			isBool[f.Name] = f.Bool
		}
		for name, wantBool := range map[string]bool{"policy": false, "policyhash": false, "httpclient": true, "json": true} {
			if b, ok := isBool[name]; !ok || b != wantBool {
				t.Errorf("-flags: flag %s missing or Bool=%v, want Bool=%v\n%s", name, b, wantBool, r)
			}
		}
	})

	t.Run("VersionHandshake", func(t *testing.T) {
		r := zombiecheck(t, e2e.sample, "-V=full")
		wantExit(t, r, 0)
		if !bytes.Contains(r.stdout, []byte("buildID=")) {
			t.Errorf("-V=full prints no buildID, which go vet's cache key needs\n%s", r)
		}
	})

	// Each run below passes different flags, so go vet analyses the
	// standard library for facts again in each: run them together.
	t.Run("RelativePolicyRejected", func(t *testing.T) {
		t.Parallel()
		r := goVet(t, e2e.sample, "-policy=nostream.yaml", "./...")
		wantExit(t, r, 1)
		if !bytes.Contains(r.stderr, []byte("-policy needs an absolute path")) {
			t.Errorf("no error about the relative -policy path\n%s", r)
		}
		if found, _ := textFindings(r, false); slices.ContainsFunc(found, func(g gotFinding) bool { return strings.HasPrefix(g.pos, "app/") }) {
			t.Errorf("findings were reported with an unusable -policy\n%s", r)
		}
	})

	t.Run("ExplicitPolicy", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "sample")
		policy := filepath.Join(dir, "nostream.yaml")
		writeFile(t, policy, noStreamPolicy)
		r := goVet(t, dir, "-policy="+policy, "./...")
		wantExit(t, r, 1)
		got := onlyTextFindings(t, r, false)
		checkFindings(t, r, got, withStream())
		checkSampleInvariants(t, r, got, false)
	})

	t.Run("PolicyEditNeedsPolicyhash", func(t *testing.T) {
		t.Parallel()
		// go vet's cache key does not cover the policy file: after an
		// edit, a new -policyhash makes go vet run the analysis again.
		dir := copyModule(t, "sample")
		r := goVet(t, dir, "./...")
		wantExit(t, r, 1)
		checkFindings(t, r, onlyTextFindings(t, r, false), sampleFindings)

		policy := filepath.Join(dir, ".zombiecheck.yaml")
		writeFile(t, policy, noStreamPolicy)
		stale := goVet(t, dir, "./...")
		found, _ := textFindings(stale, false)
		t.Logf("after the policy edit, go vet without -policyhash reports Stream: %v (false: go vet's cache hazard)",
			slices.ContainsFunc(found, func(g gotFinding) bool { return g.pos == streamFinding.pos }))

		sum := sha256.Sum256(readFile(t, policy))
		r = goVet(t, dir, "-policyhash="+hex.EncodeToString(sum[:8]), "./...")
		wantExit(t, r, 1)
		checkFindings(t, r, onlyTextFindings(t, r, false), withStream())
	})
}

// ---------------------------------------------------------------------------
// Policy.

func TestE2EPolicy(t *testing.T) {
	requireE2E(t)
	t.Parallel()

	t.Run("DiscoveredAbovePackageDir", func(t *testing.T) {
		t.Parallel()
		// Run from app/: the policy is found by walking up from the
		// package's directory, and positions are relative to app/.
		r := zombiecheck(t, filepath.Join(e2e.sample, "app"), ".")
		wantExit(t, r, exitFindings)
		var got []gotFinding
		for _, g := range onlyTextFindings(t, r, true) {
			g.pos = "app/" + g.pos
			got = append(got, g)
		}
		checkFindings(t, r, got, sampleFindings)
	})

	t.Run("ExplicitPolicy", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "sample")
		writeFile(t, filepath.Join(dir, "nostream.yaml"), noStreamPolicy)
		r := zombiecheck(t, dir, "-policy", "nostream.yaml", "./...") // relative: fine standalone
		wantExit(t, r, exitFindings)
		got := onlyTextFindings(t, r, true)
		checkFindings(t, r, got, withStream())
		checkSampleInvariants(t, r, got, false)
	})

	t.Run("ExplicitPolicyReplacesMalformedOne", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "badpolicy")
		writeFile(t, filepath.Join(dir, "good.yaml"), "version: 1\n")
		r := zombiecheck(t, dir, "-policy="+filepath.Join(dir, "good.yaml"), "./...")
		wantExit(t, r, exitFindings)
		checkFindings(t, r, onlyTextFindings(t, r, true), []wantFinding{{"bad.go:5:23", "httpclient/pkgfunc", msgPkgFunc, false}})
	})

	wantBadPolicyError := "zombiecheck: " + filepath.Join(e2e.badpolicy, ".zombiecheck.yaml") + badPolicyMessage + "\n"

	t.Run("Malformed", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.badpolicy, "./...")
		wantExit(t, r, exitError)
		wantEmpty(t, r, "stdout", r.stdout)
		// The error, and nothing else: no findings.
		if string(r.stderr) != wantBadPolicyError {
			t.Errorf("stderr is not exactly %q\n%s", wantBadPolicyError, r)
		}
	})

	t.Run("MalformedJSON", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.badpolicy, "-json", "./...")
		wantExit(t, r, exitError) // an error is an error, -json or not
		wantEmpty(t, r, "stdout", r.stdout)
		if string(r.stderr) != wantBadPolicyError {
			t.Errorf("stderr is not exactly %q\n%s", wantBadPolicyError, r)
		}
	})

	t.Run("MissingPolicyFile", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.sample, "-policy", "nosuch.yaml", "./...")
		wantExit(t, r, exitError)
		found, _ := textFindings(r, true)
		if len(found) > 0 {
			t.Errorf("findings reported without a usable policy\n%s", r)
		}
		if !bytes.Contains(r.stderr, []byte("nosuch.yaml")) {
			t.Errorf("the error does not name the missing file\n%s", r)
		}
	})
}

// ---------------------------------------------------------------------------
// -fix.

func TestE2EFix(t *testing.T) {
	requireE2E(t)
	t.Parallel()

	t.Run("Sample", func(t *testing.T) {
		t.Parallel()
		dir := copyModule(t, "sample")
		app := filepath.Join(dir, "app", "app.go")
		r := zombiecheck(t, dir, "-fix", "./...")
		wantExit(t, r, exitClean)
		if !bytes.Contains(r.stderr, []byte("zombiecheck: applied 1 fix(es) in 1 file(s)\n")) {
			t.Errorf("no report of one applied fix\n%s", r)
		}
		src := readFile(t, app)
		checkFixedFile(t, src, 1)
		if !bytes.Contains(src, []byte("c := &http.Client{Timeout: 30 * time.Second}")) {
			t.Errorf("app.go lacks the fixed literal:\n%s", src)
		}
		buildCopy(t, dir)

		// The fixed client is no longer reported; the others are. Lines may
		// move, so findings are matched by rule, function and message.
		again := zombiecheck(t, dir, "./...")
		wantExit(t, again, exitFindings)
		got := make(map[string]string) // "rule in func" → message
		for _, g := range onlyTextFindings(t, again, true) {
			file, line, _ := splitPos(t, g.pos)
			got[g.rule+" in "+enclosingFunc(t, filepath.Join(dir, file), line)] = g.message
		}
		want := map[string]string{
			"httpclient/notimeout in Fetch": msgReturnedNoTimeout,
			"httpclient/pkgfunc in Ping":    msgPkgFunc,
			"httpclient/pool in PollAll":    msgPoolPerIteration,
		}
		if len(got) != len(want) {
			t.Errorf("after -fix, findings %q; want %q\n%s", sortedKeys(got), sortedKeys(want), again)
		}
		for key, prefix := range want {
			if msg, ok := got[key]; !ok || !strings.HasPrefix(msg, prefix) {
				t.Errorf("after -fix, no finding %s: %s...\n%s", key, prefix, again)
			}
		}
		if msg, ok := got["httpclient/notimeout in Fixable"]; ok {
			t.Errorf("the fixed client in Fixable is still reported: %s\n%s", msg, again)
		}
	})

	t.Run("AddsTheImportOnce", func(t *testing.T) {
		t.Parallel()
		// Two fixes in one file both add the "time" import: the same edit,
		// which must be applied once.
		dir := copyModule(t, "fiximport")
		r := zombiecheck(t, dir, "-fix", "./...")
		wantExit(t, r, exitClean)
		if !bytes.Contains(r.stderr, []byte("zombiecheck: applied 2 fix(es) in 1 file(s)\n")) {
			t.Errorf("no report of two applied fixes\n%s", r)
		}
		src := readFile(t, filepath.Join(dir, "fetch", "fetch.go"))
		checkFixedFile(t, src, 2)
		buildCopy(t, dir)

		again := zombiecheck(t, dir, "./...")
		wantExit(t, again, exitClean)
		wantEmpty(t, again, "stderr", again.stderr)
	})
}

// checkFixedFile checks a file after -fix: n timeouts added, "time"
// imported once, gofmt-formatted.
func checkFixedFile(t *testing.T, src []byte, n int) {
	t.Helper()
	if got := bytes.Count(src, []byte("Timeout: 30 * time.Second")); got != n {
		t.Errorf("the fixed file sets Timeout: 30 * time.Second %d times, want %d:\n%s", got, n, src)
	}
	if got := importCount(t, src, "time"); got != 1 {
		t.Errorf("the fixed file imports \"time\" %d times, want 1:\n%s", got, src)
	}
	if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
		t.Errorf("the fixed file is not gofmt-formatted (%v):\n%s", err, src)
	}
}

// buildCopy checks that the module at dir still compiles.
func buildCopy(t *testing.T, dir string) {
	t.Helper()
	warmBuildCache(t)
	if r := goCommand(t, dir, "build", "./..."); r.code != 0 {
		t.Errorf("the fixed module does not build\n%s", r)
	}
}

// ---------------------------------------------------------------------------
// Analyzer selection, help and usage errors.

func TestE2ECommandLine(t *testing.T) {
	requireE2E(t)
	t.Parallel()

	t.Run("EnableOne", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.sample, "-httpclient", "./...")
		wantExit(t, r, exitFindings)
		checkFindings(t, r, onlyTextFindings(t, r, true), sampleFindings)
	})

	// The cases below stop before loading packages, or load few: fast.
	for _, tc := range []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"DisableAll", disableAllArgs(), "zombiecheck: every analyzer is disabled\n"},
		{"UnknownFlag", []string{"-nosuch", "./..."}, "flag provided but not defined: -nosuch"},
		{"NoPackagesNamed", nil, "zombiecheck: no packages named"},
		{"NoPackagesMatch", []string{"example.com/sample/nosuch/..."}, "zombiecheck: no packages match example.com/sample/nosuch/..."},
		{"LoadError", []string{"./nosuchdir"}, "nothing was analysed"},
		{"HelpUnknownAnalyzer", []string{"help", "nosuch"}, `zombiecheck help: no analyzer "nosuch"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := zombiecheck(t, e2e.sample, tc.args...)
			wantExit(t, r, exitError)
			wantEmpty(t, r, "stdout", r.stdout)
			if !strings.Contains(string(r.stderr), tc.wantStderr) {
				t.Errorf("stderr does not contain %q\n%s", tc.wantStderr, r)
			}
		})
	}

	t.Run("Help", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.sample, "help")
		wantExit(t, r, exitClean)
		out := string(r.stdout)
		if !regexp.MustCompile(`(?m)^\s+httpclient\s+\S`).MatchString(out) {
			t.Errorf("help does not list the httpclient analyzer\n%s", r)
		}
		for _, rule := range suite.Rules() {
			if !regexp.MustCompile(`(?m)^\s+` + regexp.QuoteMeta(rule.ID()) + `\s+` + regexp.QuoteMeta(rule.Short) + `$`).MatchString(out) {
				t.Errorf("help does not list rule %s with its description %q\n%s", rule.ID(), rule.Short, r)
			}
		}
		if !strings.Contains(out, "httpclient/notimeout") {
			t.Errorf("help does not list httpclient/notimeout\n%s", r)
		}
	})

	t.Run("HelpSummaryIsWhole", func(t *testing.T) {
		r := zombiecheck(t, e2e.sample, "help")
		m := regexp.MustCompile(`(?m)^\s+httpclient\s+(.*)$`).FindStringSubmatch(string(r.stdout))
		if m == nil || !strings.HasSuffix(strings.TrimSuffix(m[1], "."), "per call") {
			t.Errorf("the httpclient summary is not a whole sentence\n%s", r)
		}
	})

	t.Run("HelpAnalyzer", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.sample, "help", "httpclient")
		wantExit(t, r, exitClean)
		out := string(r.stdout)
		if !strings.HasPrefix(out, "httpclient\n") || !strings.Contains(out, httpclient.Analyzer.Doc) {
			t.Errorf("help httpclient does not print the analyzer's name and documentation\n%s", r)
		}
		for _, want := range []string{"reports HTTP clients that can hang forever", "notimeout:", "defaultclient:", "pkgfunc:", "pool:"} {
			if !strings.Contains(out, want) {
				t.Errorf("help httpclient lacks %q\n%s", want, r)
			}
		}
	})

	t.Run("Version", func(t *testing.T) {
		t.Parallel()
		r := zombiecheck(t, e2e.sample, "-version")
		wantExit(t, r, exitClean)
		if !strings.HasPrefix(string(r.stdout), "zombiecheck ") {
			t.Errorf("-version does not print the version\n%s", r)
		}
	})
}

// disableAllArgs turns every analyzer of the suite off.
func disableAllArgs() []string {
	var args []string
	for _, a := range suite.Analyzers {
		args = append(args, "-"+a.Name+"=false")
	}
	return append(args, "./...")
}

// TestE2EPartialLoad: as go vet does, a package that does not type-check is
// reported and the rest of the module is still analysed; the run exits with
// an error status and prints the findings it has.
func TestE2EPartialLoad(t *testing.T) {
	requireE2E(t)
	t.Parallel()
	dir := t.TempDir()
	for _, sub := range []string{"good", "broken"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/partial\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "good", "good.go"), "package good\n\nimport \"net/http\"\n\nfunc Fetch(u string) (*http.Response, error) { return http.Get(u) }\n")
	writeFile(t, filepath.Join(dir, "broken", "broken.go"), "package broken\n\nfunc F() int { return \"x\" }\n")

	r := zombiecheck(t, dir, "./...")
	wantExit(t, r, exitError)
	stderr := string(r.stderr)
	for _, want := range []string{
		"good/good.go:5:55: http.Get sends through http.DefaultClient",
		"broken.go:3:23: cannot use",
		"zombiecheck: 1 error(s) loading packages; 1 of 2 packages were not analysed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q\n%s", want, r)
		}
	}

	r = zombiecheck(t, dir, "-json", "./...")
	wantExit(t, r, exitError)
	if !strings.Contains(string(r.stdout), `"example.com/partial/good"`) {
		t.Errorf("-json output lacks the package that loaded\n%s", r)
	}

	r = zombiecheck(t, dir, "./broken")
	wantExit(t, r, exitError)
	if !strings.Contains(string(r.stderr), "nothing was analysed") {
		t.Errorf("a run where no package loads must say nothing was analysed\n%s", r)
	}
}
