package main

import (
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/sarif"
	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// options are the standalone driver's flags.
type options struct {
	json      bool
	sarifFile string
	fix       bool
	policy    string
	tests     bool
	tags      string
	enabled   map[string]*triState
}

// finding is one diagnostic with the context the printers need.
type finding struct {
	pkgID    string
	analyzer string
	diag     analysis.Diagnostic
	posn     token.Position
	end      token.Position
	fset     *token.FileSet
}

func standaloneMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zombiecheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	fs.BoolVar(&opts.json, "json", false, "print findings as JSON in the go/analysis shape (exit 0 unless an error occurs)")
	fs.StringVar(&opts.sarifFile, "sarif", "", "also write SARIF 2.1.0 to `file` (text output and exit code unchanged)")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes to the source files")
	fs.StringVar(&opts.policy, "policy", "", "policy `file` (default: nearest .zombiecheck.yaml above each package, else built-in defaults)")
	fs.BoolVar(&opts.tests, "test", true, "load test packages, as go vet does; the policy's tests key decides whether findings in _test.go files are reported (-test=false never loads them)")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags")
	version := fs.Bool("version", false, "print the version and exit")
	withSuite := fs.Bool("vetsuite", false, "also run the standard go vet analyzers (in a build made with -tags "+vetSuiteTag+")")
	opts.enabled = make(map[string]*triState)
	for _, a := range suite.Analyzers {
		ts := new(triState)
		opts.enabled[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s analyzer (-%s=false disables it)", a.Name, a.Name))
	}
	fs.Usage = func() {
		usage(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitClean
		}
		return exitError
	}
	if *version {
		fmt.Fprintln(stdout, "zombiecheck", toolVersion())
		return exitClean
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		fmt.Fprintln(stderr, "zombiecheck: no packages named; try: zombiecheck ./...")
		return exitError
	}
	analyzers := selectAnalyzers(suite.Analyzers, opts.enabled)
	if len(analyzers) == 0 {
		fmt.Fprintln(stderr, "zombiecheck: every analyzer is disabled")
		return exitError
	}
	if *withSuite {
		var err error
		if analyzers, err = withVetSuite(analyzers); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
	}
	if opts.policy != "" {
		abs, err := filepath.Abs(opts.policy)
		if err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
		if err := suite.Policy.Flags.Set("policy", abs); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
		// An explicit policy is checked before the (slow) package load.
		if err := suite.CheckPolicy(nil); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: opts.tests}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintln(stderr, "zombiecheck:", err)
		return exitError
	}
	// As go vet does, a package that does not load is reported and the
	// others are still analysed; the run then exits with an error.
	pkgs, loadErrs := loadable(pkgs, stderr, opts.tests)
	if loadErrs > 0 && len(pkgs) == 0 {
		fmt.Fprintf(stderr, "zombiecheck: %d error(s) loading packages; nothing was analysed\n", loadErrs)
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "zombiecheck: no packages match %s\n", strings.Join(patterns, " "))
		return exitError
	}
	// The policy is read and validated before any analysis, so that a bad
	// policy stops the run whole instead of half-applying.
	if err := checkPolicies(pkgs); err != nil {
		fmt.Fprintln(stderr, "zombiecheck:", err)
		return exitError
	}

	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		fmt.Fprintln(stderr, "zombiecheck:", err)
		return exitError
	}
	findings, analysisErrs := collect(graph)
	for _, e := range analysisErrs {
		fmt.Fprintln(stderr, "zombiecheck:", e)
	}

	if opts.sarifFile != "" {
		if err := writeSARIFFile(opts.sarifFile, findings); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
	}
	if opts.fix {
		if err := applyFixes(findings, stderr); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
	}
	if opts.json {
		if err := printJSON(stdout, graph, findings); err != nil {
			fmt.Fprintln(stderr, "zombiecheck:", err)
			return exitError
		}
		if len(analysisErrs) > 0 || loadErrs > 0 {
			return exitError
		}
		return exitClean
	}
	printText(stderr, findings)
	switch {
	case len(analysisErrs) > 0, loadErrs > 0:
		return exitError
	case len(findings) > 0 && !opts.fix:
		return exitFindings
	}
	return exitClean
}

// loadable prints the load errors of pkgs and their dependencies and
// returns the root packages that loaded cleanly, with the number of errors.
// A root is dropped when it or a dependency has errors (IllTyped); when the
// errors are test dependencies missing from go.sum, the message says how to
// fetch them or to leave tests out.
func loadable(pkgs []*packages.Package, stderr io.Writer, tests bool) ([]*packages.Package, int) {
	n := packages.PrintErrors(pkgs)
	if n == 0 {
		return pkgs, 0
	}
	var ok []*packages.Package
	missingSum := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if strings.Contains(e.Msg, "missing go.sum entry") {
				missingSum = true
			}
		}
	})
	for _, p := range pkgs {
		if !p.IllTyped && len(p.Errors) == 0 {
			ok = append(ok, p)
		}
	}
	if len(ok) > 0 {
		fmt.Fprintf(stderr, "zombiecheck: %d error(s) loading packages; %d of %d packages were not analysed\n", n, len(pkgs)-len(ok), len(pkgs))
	}
	if missingSum && tests {
		fmt.Fprintln(stderr, "zombiecheck: the module's go.sum lacks entries some packages need (test dependencies are loaded too): run `go mod tidy` or `go get -t ./...`, or pass -test=false to leave test files out")
	}
	return ok, n
}

// checkPolicies loads the policy of every root package's directory.
func checkPolicies(pkgs []*packages.Package) error {
	for _, p := range pkgs {
		files := p.CompiledGoFiles
		if len(files) == 0 {
			files = p.GoFiles
		}
		if err := suite.CheckPolicy(files); err != nil {
			return err
		}
	}
	return nil
}

// selectAnalyzers applies the -NAME flags as go vet does: if any is true,
// run only those; otherwise run all but those set false.
func selectAnalyzers(all []*analysis.Analyzer, enabled map[string]*triState) []*analysis.Analyzer {
	anyTrue := false
	for _, ts := range enabled {
		if *ts == setTrue {
			anyTrue = true
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		switch ts := *enabled[a.Name]; {
		case anyTrue && ts == setTrue, !anyTrue && ts != setFalse:
			out = append(out, a)
		}
	}
	return out
}

// collect gathers the root diagnostics, de-duplicated (a file can belong to
// a package and its test variant) and sorted by position, and the analysis
// errors.
func collect(graph *checker.Graph) ([]finding, []string) {
	type key struct {
		posn     token.Position
		analyzer string
		message  string
	}
	seen := make(map[key]bool)
	var findings []finding
	errSeen := make(map[string]bool)
	var errs []string
	for act := range graph.All() {
		if act.Err != nil {
			msg := fmt.Sprintf("%s: %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err)
			if !errSeen[msg] && act.IsRoot {
				errSeen[msg] = true
				errs = append(errs, msg)
			}
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			posn := fset.Position(d.Pos)
			k := key{posn, act.Analyzer.Name, d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			f := finding{pkgID: act.Package.ID, analyzer: act.Analyzer.Name, diag: d, posn: posn, fset: fset}
			if d.End.IsValid() {
				f.end = fset.Position(d.End)
			}
			findings = append(findings, f)
		}
	}
	sort.Slice(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.posn.Filename != b.posn.Filename {
			return a.posn.Filename < b.posn.Filename
		}
		if a.posn.Line != b.posn.Line {
			return a.posn.Line < b.posn.Line
		}
		if a.posn.Column != b.posn.Column {
			return a.posn.Column < b.posn.Column
		}
		if a.analyzer != b.analyzer {
			return a.analyzer < b.analyzer
		}
		return a.diag.Message < b.diag.Message
	})
	sort.Strings(errs)
	return findings, errs
}

// printText prints one line per finding, `file:line:col: message
// (analyzer/category)`, with related positions indented below.
func printText(w io.Writer, findings []finding) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s (%s)\n", displayPos(f.posn), f.diag.Message, sarif.RuleID(f.analyzer, f.diag.Category))
		for _, r := range f.diag.Related {
			fmt.Fprintf(w, "\t%s: %s\n", displayPos(f.fset.Position(r.Pos)), r.Message)
		}
	}
}

// displayPos prints a position relative to the working directory when the
// file lies below it.
func displayPos(p token.Position) string {
	name := p.Filename
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
	}
	return name + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

func writeSARIFFile(name string, findings []finding) error {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := sarif.Write(out, root, sarif.Tool{Name: "zombiecheck", Version: toolVersion(), InformationURI: "https://github.com/zombiecheck/zombiecheck"}, suite.Rules(), sarifFindings(findings)); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func sarifFindings(findings []finding) []sarif.Finding {
	out := make([]sarif.Finding, 0, len(findings))
	for _, f := range findings {
		sf := sarif.Finding{
			Analyzer: f.analyzer,
			Category: f.diag.Category,
			Message:  f.diag.Message,
			Location: sarif.Location{File: f.posn.Filename, Line: f.posn.Line, Col: f.posn.Column, EndLine: f.end.Line, EndCol: f.end.Column},
		}
		for _, r := range f.diag.Related {
			p := f.fset.Position(r.Pos)
			sf.Related = append(sf.Related, sarif.Location{File: p.Filename, Line: p.Line, Col: p.Column, Message: r.Message})
		}
		out = append(out, sf)
	}
	return out
}

// triState is a flag that records whether it was set true, set false, or
// left alone, like go vet's analyzer flags.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}
func (ts *triState) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}
