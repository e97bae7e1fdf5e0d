// Package ssapkg provides the one SSA build of a package that every
// zombiecheck analyzer shares.
//
// The standard buildssa pass builds SSA eagerly, and under go vet every
// analyzer that declares facts runs on every transitive dependency, the
// standard library included. Depending on buildssa would therefore build SSA
// for all of std on a cold cache. ssapkg instead returns a Handle whose Get
// method builds the package on first use and caches it, so a package that no
// analyzer needs in SSA form (most of std) is never built, and a package that
// several analyzers need is built once.
package ssapkg

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/knowledge"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer returns the package's *Handle. It declares no facts, so drivers
// run it only where an analyzer that requires it runs.
var Analyzer = &analysis.Analyzer{
	Name:       "zombiecheck_ssa",
	Doc:        "lazily builds the SSA form of a package, once, for all zombiecheck analyzers",
	Run:        func(pass *analysis.Pass) (any, error) { return &Handle{pass: pass}, nil },
	ResultType: reflect.TypeFor[*Handle](),
}

// Handle builds the SSA form of one package on demand.
type Handle struct {
	pass  *analysis.Pass
	once  sync.Once
	built *Package
}

// Package is the SSA form of the analysed package.
type Package struct {
	Pkg *ssa.Package
	// SrcFuncs lists the package's source functions, each followed by its
	// closures (recursively), in source order.
	SrcFuncs []*ssa.Function
}

// Get builds the package's SSA form on the first call and returns the same
// value on every later call.
func (h *Handle) Get() *Package {
	h.once.Do(func() { h.built = build(h.pass) })
	return h.built
}

// Built reports whether Get has been called, for tests that check laziness.
func (h *Handle) Built() bool { return h.built != nil }

// build mirrors buildssa: a fresh Program per package (the analysis API has
// nowhere to keep a shared one), bodiless packages for the imports, then the
// package itself. Generic bodies are not instantiated (BuilderMode 0), so
// analyses key their results on Function.Origin.
func build(pass *analysis.Pass) *Package {
	prog := ssa.NewProgram(pass.Fset, ssa.BuilderMode(0))
	prog.SetNoReturn(knowledge.NoReturn)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var addWithClosures func(f *ssa.Function)
	addWithClosures = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			addWithClosures(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				addWithClosures(f)
			}
		}
	}
	// Package-level variable initialisers live in the synthetic init.
	if init := pkg.Func("init"); init != nil {
		addWithClosures(init)
	}
	return &Package{Pkg: pkg, SrcFuncs: funcs}
}
