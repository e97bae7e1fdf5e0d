// Package policyconfig is the policy analyzer: the one road by which the
// policy file reaches zombiecheck's analyzers.
//
// Every driver names the policy file the same way, by setting this
// analyzer's -policy flag: the command line (its own -policy, made
// absolute), the go vet driver (its top-level -policy), and the
// golangci-lint plugin (a linter's policy setting). Every analyzer that
// reads the policy requires this analyzer and takes the policy from its
// result, so no package variable holds a policy or a policy error, and all
// drivers apply the same rule:
//
//   - -policy names a file: that file, for every package (a relative name
//     resolves against the working directory);
//   - else the nearest .zombiecheck.yaml between the package's directory
//     and its module root;
//   - else the built-in defaults.
//
// The result is lazy: the policy is looked up the first time an analyzer
// asks for it, so a package no reporter needs the policy for (most of a
// dependency graph) costs nothing, and a bad policy is reported only where
// it is needed, by the analyzers that asked, as their error.
package policyconfig

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sync"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"golang.org/x/tools/go/analysis"
)

// Name is the analyzer's name.
const Name = "policy"

// Flag names.
const (
	// FlagPolicy names the policy file; empty means search, then defaults.
	FlagPolicy = "policy"
	// FlagRequireAbs makes a relative FlagPolicy value an error, reported
	// where the policy is needed. The go vet driver sets it: go vet runs
	// the tool in each package's directory, so a relative name would name
	// a different file for every package.
	FlagRequireAbs = "requireabs"
)

// config is what the flags set. Only the flags write it, before analysis
// starts; the policy it leads to lives in each pass's Result.
type config struct {
	file       string
	requireAbs bool
}

// settings is bound to the Analyzer's flags.
var settings config

// Analyzer is the policy analyzer. Its result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name: Name,
	Doc: "policy finds the zombiecheck policy that applies to a package\n\n" +
		"Its result, a *policyconfig.Result, is the policy named by the -policy flag, " +
		"else the nearest .zombiecheck.yaml up to the module root, else the built-in defaults, " +
		"or the error that loading it gave.",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

func init() {
	Analyzer.Flags.StringVar(&settings.file, FlagPolicy, "", "policy `file` (default: nearest .zombiecheck.yaml above each package, else built-in defaults)")
	Analyzer.Flags.BoolVar(&settings.requireAbs, FlagRequireAbs, false, "refuse a relative -policy file (set by the go vet driver, which runs in each package's directory)")
}

func run(pass *analysis.Pass) (any, error) {
	files := make([]string, 0, len(pass.Files))
	for _, f := range pass.Files {
		files = append(files, pass.Fset.File(f.Pos()).Name())
	}
	c := settings // the flags do not change during a run
	return &Result{load: sync.OnceValues(func() (*policy.Policy, error) { return c.load(files) })}, nil
}

// Result is the policy analyzer's result for one package.
type Result struct {
	load func() (*policy.Policy, error)
}

// Policy returns the policy that applies to the package, or the error that
// loading it gave: the file, line, column and key of the problem.
func (r *Result) Policy() (*policy.Policy, error) { return r.load() }

// ForFiles returns the policy that applies to a package with the given
// files under the Analyzer's flags, as its result would: for drivers that
// check the policy before (or instead of) running the analyzers.
func ForFiles(files []string) (*policy.Policy, error) { return settings.load(files) }

func (c config) load(files []string) (*policy.Policy, error) {
	if c.requireAbs && c.file != "" && !filepath.IsAbs(c.file) {
		return nil, fmt.Errorf("under go vet, -policy needs an absolute path (go vet runs the tool in each package's directory): use -policy=$PWD/%s", c.file)
	}
	return policy.ForFiles(files, c.file)
}
