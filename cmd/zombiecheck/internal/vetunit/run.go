package vetunit

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Options are the driver's settings for one unit.
type Options struct {
	// JSON prints diagnostics as go vet -json does, on stdout.
	JSON bool
	// Context, if non-negative, prints that many lines of context around
	// each diagnostic (-c).
	Context int
	// Skip, if set, reports whether the unit needs no analysis, given its
	// direct imports' package paths and whether the i'th is marked.
	// report is false for a dependency run only for its facts.
	Skip func(cfg *Config, imports []string, marked func(i int) bool, report bool) bool
	// Marks reports whether a package fact marks the package for its
	// importers (recorded in the .vetx header, which Skip's marked reads).
	Marks func(analysis.Fact) bool
	// Known, if set, lists every analyzer the driver knows, enabled or
	// not, whose fact types a .vetx from an earlier unit may hold (see
	// RegisterFactTypes); the unit's own analyzers are always included.
	Known []*analysis.Analyzer
	// DropTestFiles, if set, reports whether a unit that reports (not
	// VetxOnly) can be analysed without its _test.go files: none of their
	// findings would be reported, and the only unit that reads a test
	// variant's facts is its external test package, whose files are all
	// _test.go files. The unit then analyses its other files, and one with
	// none left (an external test package) is skipped.
	DropTestFiles func(cfg *Config) bool
	// BeforeAnalysis, if set, is called once the unit is known to need
	// analysis (it is not skipped), before anything is parsed.
	BeforeAnalysis func()
	// Log, if set, receives one line per unit: what was done with it
	// ("skipped", "facts", "analysed"), how long it took, and the unit's
	// ID ("analysed 412ms example.com/app"), for users asking why a
	// package was or was not analysed, or what is slow, and for tests.
	Log io.Writer
}

// Main analyses the unit described by the config file and returns the
// process exit code: 0 clean, 1 diagnostics or an error, as unitchecker.
func Main(cfgFile string, analyzers []*analysis.Analyzer, opts Options, stderr io.Writer) int {
	cfg, err := ReadConfig(cfgFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.FixArchive != "" {
		fmt.Fprintln(stderr, "zombiecheck does not support go fix -fixtool; run `zombiecheck -fix ./...`")
		return 1
	}
	stdout := io.Writer(os.Stdout)
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		stdout = f
	}
	if !cfg.VetxOnly && opts.DropTestFiles != nil && opts.DropTestFiles(cfg) {
		cfg.GoFiles = withoutTestFiles(cfg.GoFiles)
	}
	imports := cfg.imports()
	skip := opts.Skip != nil && opts.Skip(cfg, imports, cfg.markedFunc(imports), !cfg.VetxOnly)
	if opts.Log != nil {
		what := "analysed"
		switch {
		case skip:
			what = "skipped"
		case cfg.VetxOnly:
			what = "facts"
		}
		start := time.Now()
		defer func() {
			fmt.Fprintf(opts.Log, "%s %dms %s\n", what, time.Since(start).Milliseconds(), cfg.ID)
		}()
	}
	if skip {
		if err := cfg.passThrough(); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if opts.JSON && !cfg.VetxOnly {
			fmt.Fprintln(stdout, "{}")
		}
		return 0
	}

	if opts.BeforeAnalysis != nil {
		opts.BeforeAnalysis()
	}
	// Registered only now: a skipped unit passes facts on undecoded, and
	// registering every fact type with gob was 1.5% of its run.
	RegisterFactTypes(opts.Known)
	RegisterFactTypes(analyzers)
	u, err := analyse(cfg, analyzers, opts)
	if err != nil {
		if !cfg.VetxOnly {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	if cfg.VetxOnly {
		return 0
	}
	return u.print(stdout, stderr, opts)
}

// withoutTestFiles returns the names in files that do not end in _test.go.
func withoutTestFiles(files []string) []string {
	var out []string
	for _, name := range files {
		if !strings.HasSuffix(name, "_test.go") {
			out = append(out, name)
		}
	}
	return out
}

// imports returns the package paths of the unit's direct imports, sorted.
// The import map may also list packages only generated code imports (such
// as runtime/cgo): a superset, which can only make a unit less skippable.
func (cfg *Config) imports() []string {
	seen := make(map[string]bool)
	var out []string
	for _, path := range cfg.ImportMap {
		if !seen[path] && path != "unsafe" {
			seen[path] = true
			out = append(out, path)
		}
	}
	sort.Strings(out)
	return out
}

// markedFunc reports whether the i'th import's .vetx file is marked. An
// unreadable file counts as marked: the unit is then analysed, and the
// error, if it persists, is reported there.
func (cfg *Config) markedFunc(imports []string) func(i int) bool {
	return func(i int) bool {
		if _, ok := cfg.PackageVetx[imports[i]]; !ok {
			return false
		}
		v, err := cfg.importVetx(imports[i])
		return err != nil || v.marked
	}
}

// importVetx reads the .vetx file of the import with package path path,
// once per unit run: the skip decision reads every import's marking, and
// the unit then passes on or decodes the facts of the same files. (Reading
// only the header first and the whole file again later cost a skipped unit
// twice the file opens, 3% of its run.)
func (cfg *Config) importVetx(path string) (*vetx, error) {
	if r, ok := cfg.vetxRead[path]; ok {
		return r.v, r.err
	}
	v, err := readVetx(cfg.PackageVetx[path])
	if cfg.vetxRead == nil {
		cfg.vetxRead = make(map[string]vetxResult)
	}
	cfg.vetxRead[path] = vetxResult{v, err}
	return v, err
}

// vetxResult is what reading one import's .vetx file gave.
type vetxResult struct {
	v   *vetx
	err error
}

// readImportFacts reads the .vetx files of the unit's direct imports.
func (cfg *Config) readImportFacts() ([]pkgFacts, error) {
	paths := make([]string, 0, len(cfg.PackageVetx))
	for path := range cfg.PackageVetx {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	files := make([]*vetx, 0, len(paths))
	for _, path := range paths {
		v, err := cfg.importVetx(path)
		if err != nil {
			return nil, err
		}
		files = append(files, v)
	}
	return mergeFacts(files), nil
}

// passThrough writes the .vetx of a skipped unit: unmarked, with its
// imports' facts passed on, so that a package above it that can name their
// objects (through types this unit exposes) still sees them.
func (cfg *Config) passThrough() error {
	if cfg.VetxOutput == "" {
		return nil
	}
	facts, err := cfg.readImportFacts()
	if err != nil {
		return err
	}
	return writeVetx(cfg.VetxOutput, false, facts)
}

// unit is an analysed unit.
type unit struct {
	cfg     *Config
	fset    *token.FileSet
	results []result
}

type result struct {
	analyzer *analysis.Analyzer
	diags    []analysis.Diagnostic
	err      error
}

// analyse parses and type-checks the unit, runs the analyzers and writes
// its .vetx.
func analyse(cfg *Config, analyzers []*analysis.Analyzer, opts Options) (*unit, error) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	trimTables(files)

	compiler := cfg.Compiler
	if compiler == "" {
		compiler = "gc"
	}
	exportData := importer.ForCompiler(fset, compiler, func(path string) (io.ReadCloser, error) {
		file, ok := cfg.PackageFile[path]
		if !ok {
			return nil, fmt.Errorf("no package file for %q", path)
		}
		return os.Open(file)
	})
	tc := &types.Config{
		Importer: importerFunc(func(importPath string) (*types.Package, error) {
			path, ok := cfg.ImportMap[importPath] // vendoring and the like
			if !ok {
				return nil, fmt.Errorf("can't resolve import %q", importPath)
			}
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			return exportData.Import(path)
		}),
		Sizes:     types.SizesFor(compiler, build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, info)
	if err != nil {
		return nil, err
	}

	imported, err := cfg.readImportFacts()
	if err != nil {
		return nil, err
	}
	store := newFactStore(pkg, imported)

	// A dependency is analysed only for its facts: run what produces facts
	// and what that requires, never a reporter.
	roots := analyzers
	if cfg.VetxOnly {
		roots = nil
		for _, a := range analyzers {
			roots = append(roots, factProducers(a)...)
		}
	}
	run := &runner{cfg: cfg, fset: fset, files: files, pkg: pkg, info: info, sizes: tc.Sizes, store: store, done: make(map[*analysis.Analyzer]*action)}
	u := &unit{cfg: cfg, fset: fset}
	for _, a := range roots {
		act := run.exec(a)
		u.results = append(u.results, result{analyzer: a, diags: act.diags, err: act.err})
	}

	if store.err != nil {
		return nil, store.err // an analyzer saw too few facts
	}
	if cfg.VetxOutput != "" {
		own, ok, err := store.encode()
		if err != nil {
			return nil, err
		}
		out := imported
		if ok {
			out = append([]pkgFacts{own}, slices.DeleteFunc(out, func(pf pkgFacts) bool { return pf.Path == own.Path })...)
		}
		marked := false
		if opts.Marks != nil {
			marked = slices.ContainsFunc(store.ownPackageFacts(), opts.Marks)
		}
		if err := writeVetx(cfg.VetxOutput, marked, out); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// factProducers returns the analyzers in a's requirement graph (a
// included) that declare fact types.
func factProducers(a *analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(*analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			out = append(out, a)
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	visit(a)
	return out
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// runner executes the analyzers of one unit, each at most once, in
// dependency order.
type runner struct {
	cfg   *Config
	fset  *token.FileSet
	files []*ast.File
	pkg   *types.Package
	info  *types.Info
	sizes types.Sizes
	store *factStore
	done  map[*analysis.Analyzer]*action
}

type action struct {
	result any
	err    error
	diags  []analysis.Diagnostic
}

func (r *runner) exec(a *analysis.Analyzer) *action {
	if act := r.done[a]; act != nil {
		return act
	}
	act := new(action)
	r.done[a] = act

	inputs := make(map[*analysis.Analyzer]any)
	var failed []string
	for _, req := range a.Requires {
		reqAct := r.exec(req)
		if reqAct.err != nil {
			failed = append(failed, req.String())
			continue
		}
		inputs[req] = reqAct.result
	}
	if failed != nil {
		sort.Strings(failed)
		act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return act
	}

	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.fset,
		Files:        r.files,
		OtherFiles:   r.cfg.NonGoFiles,
		IgnoredFiles: r.cfg.IgnoredFiles,
		Pkg:          r.pkg,
		TypesInfo:    r.info,
		TypesSizes:   r.sizes,
		Module:       r.cfg.module(),
		ResultOf:     inputs,
		Report:       func(d analysis.Diagnostic) { act.diags = append(act.diags, d) },
		ReadFile:     r.readFile,
	}
	r.store.bind(pass)
	act.result, act.err = runPass(pass)
	return act
}

// runPass runs one analyzer; a panic becomes the analyzer's error, with
// the stack, rather than killing every other analyzer's results.
func runPass(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("analyzer %s panicked on %s: %v\n%s", pass.Analyzer.Name, pass.Pkg.Path(), p, debug.Stack())
		}
	}()
	return pass.Analyzer.Run(pass)
}

// readFile gives analyzers the files of the unit, and only those, as
// analysis.Pass.ReadFile requires.
func (r *runner) readFile(name string) ([]byte, error) {
	if !slices.Contains(r.cfg.GoFiles, name) && !slices.Contains(r.cfg.NonGoFiles, name) && !slices.Contains(r.cfg.IgnoredFiles, name) {
		return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
	}
	return os.ReadFile(name)
}
