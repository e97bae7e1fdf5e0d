package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
)

// Reporter filters one analyzer's diagnostics for one package: findings in
// generated files, in _test.go files unless the policy says "tests:
// analyse", in files the policy excludes, and on lines covered by a
// //zombiecheck:ignore directive are dropped here, once, so no analyzer
// re-implements suppression and every driver gives the same answer.
type Reporter struct {
	pass      *analysis.Pass
	analyzer  string
	policy    *policy.Policy
	dirs      *directive.Index
	skipFiles map[string]bool
}

// NewReporter prepares suppression for pass.
func NewReporter(pass *analysis.Pass, analyzer string, pol *policy.Policy, dirs *directive.Index) *Reporter {
	r := &Reporter{pass: pass, analyzer: analyzer, policy: pol, dirs: dirs, skipFiles: make(map[string]bool)}
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if ast.IsGenerated(f) || (IsTestFile(name) && !pol.AnalyseTests()) || (pol != nil && pol.Excluded(name)) {
			r.skipFiles[name] = true
		}
	}
	return r
}

// IsTestFile reports whether name is a Go test file, the files the policy's
// tests key governs.
func IsTestFile(name string) bool {
	return strings.HasSuffix(name, "_test.go")
}

// Skipped reports whether findings at pos are never reported (generated,
// test or excluded file). Analyzers may use it to avoid work.
func (r *Reporter) Skipped(pos token.Pos) bool {
	return r.skipFiles[r.pass.Fset.Position(pos).Filename]
}

// Report emits d unless it is suppressed. d.Category must be set.
func (r *Reporter) Report(d analysis.Diagnostic) {
	posn := r.pass.Fset.Position(d.Pos)
	if r.skipFiles[posn.Filename] {
		return
	}
	if r.dirs != nil && r.dirs.Ignored(posn, r.analyzer, d.Category) {
		return
	}
	r.pass.Report(d)
}

// Debug makes Guard print the stack of a recovered panic to stderr.
var Debug = os.Getenv("ZOMBIECHECK_DEBUG") != ""

// Guard runs an analyzer's body so that a panic becomes one diagnostic
// (category "internal") instead of crashing the build: a linter must never
// take the user's build down with it.
func Guard(pass *analysis.Pass, analyzer string, body func() (any, error)) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if Debug {
				fmt.Fprintf(os.Stderr, "zombiecheck: panic in %s on %s: %v\n%s", analyzer, pass.Pkg.Path(), r, debug.Stack())
			}
			pos := token.NoPos
			if len(pass.Files) > 0 {
				pos = pass.Files[0].Package
			}
			pass.Report(analysis.Diagnostic{
				Pos:      pos,
				Category: "internal",
				Message:  fmt.Sprintf("zombiecheck internal error in %s: %v; please report it (set ZOMBIECHECK_DEBUG=1 for the stack)", analyzer, r),
			})
			result, err = nil, nil
		}
	}()
	return body()
}

// FileNames returns the names of the pass's files, as the policy lookup
// takes them.
func FileNames(pass *analysis.Pass) []string {
	names := make([]string, 0, len(pass.Files))
	for _, f := range pass.Files {
		names = append(names, pass.Fset.File(f.Pos()).Name())
	}
	return names
}

// FuncDecls indexes the package's function declarations by the position of
// their name (a *types.Func's Pos).
func FuncDecls(pass *analysis.Pass) map[token.Pos]*ast.FuncDecl {
	out := make(map[token.Pos]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				out[fd.Name.Pos()] = fd
			}
		}
	}
	return out
}

// ShortPos renders pos as "file.go:line:col" with the base name only, the
// form witness frames use.
func ShortPos(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// NewAnalyzer assembles a reporting analyzer: its documentation from the
// source of its doc.go, the shared analyzers every reporter requires, and
// a run function guarded so that a panic becomes one diagnostic.
//
// The requirements are the same for every reporter: the summary analyzer
// (the SSA form, the engines' per-function results and the facts), the
// directive index, and the policy analyzer, which Setup reads. Nothing
// else: in particular not ctrlflow or inspect, which under go vet would
// run for every dependency, std included (no-return calls come from the
// knowledge table, and summary.Result.Inspector is built only where
// needed).
func NewAnalyzer(name, docSrc, url string, run func(*analysis.Pass) (any, error)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      Doc(docSrc),
		URL:      url,
		Requires: []*analysis.Analyzer{summary.Analyzer, directive.Analyzer, policyconfig.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			return Guard(pass, name, func() (any, error) { return run(pass) })
		},
	}
}

// Setup takes the policy that applies to the pass from the policy
// analyzer (which NewAnalyzer requires) and prepares suppression. The error
// is the policy's: the file, line, column and key of the problem.
func Setup(pass *analysis.Pass, analyzer string, dirs *directive.Index) (*Reporter, *policy.Policy, error) {
	pol, err := pass.ResultOf[policyconfig.Analyzer].(*policyconfig.Result).Policy()
	if err != nil {
		return nil, nil, err
	}
	return NewReporter(pass, analyzer, pol, dirs), pol, nil
}
