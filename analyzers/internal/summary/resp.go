package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/bodies"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// summarizeBodies computes the response-ownership summary of every source
// function (closures included) and exports the non-empty ones as RespSum
// facts. Callee facts are imported here, during Run, because a pass cannot
// import facts once it is complete; reporters then use the returned
// Analyzer without touching facts.
func summarizeBodies(pass *analysis.Pass, funcs []*ssa.Function) *bodies.Analyzer {
	imported := make(map[*types.Func]*bodies.Summary)
	for _, obj := range externalCallees(pass, funcs) {
		var sum RespSum
		switch {
		case pass.ImportObjectFact(obj, &sum):
			imported[obj] = &sum.Summary
		case pass.ImportPackageFact(obj.Pkg(), new(Relevant)):
			// Summarised, and found to do nothing with responses.
			imported[obj] = &bodies.Summary{}
		}
		// Otherwise never summarised: unknown (absent from the map).
	}
	a := &bodies.Analyzer{
		Lookup: func(fn *types.Func) *bodies.Summary { return imported[fn] },
		Local:  make(map[*ssa.Function]*bodies.Summary),
		Impls:  implementations(pass, funcs),
		Funcs:  funcs,
	}
	handled := handledFuncs(pass, funcs)
	var candidates []*ssa.Function
	for _, fn := range funcs {
		if handled[fn] {
			s := bodies.Handled(fn)
			a.Local[fn] = &s
			continue
		}
		if handlesResponses(fn) {
			candidates = append(candidates, fn)
			a.Local[fn] = &bodies.Summary{}
		}
	}
	// Summaries only grow; iterate to a fixpoint so helpers calling
	// helpers are right whatever the order (capped: widen to silence).
	for round := 0; round < 10; round++ {
		changed := false
		for _, fn := range candidates {
			s := a.Summarize(fn)
			if !equalSummary(s, *a.Local[fn]) {
				*a.Local[fn] = s
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	var exported []*ssa.Function
	for _, fn := range funcs {
		if a.Local[fn] == nil {
			continue
		}
		if _, ok := fn.Object().(*types.Func); ok && !a.Local[fn].Empty() {
			exported = append(exported, fn)
		}
	}
	sort.Slice(exported, func(i, j int) bool { return exported[i].Pos() < exported[j].Pos() })
	for _, fn := range exported {
		pass.ExportObjectFact(fn.Object(), &RespSum{Summary: *a.Local[fn]})
	}
	return a
}

// handlesResponses reports whether fn has a parameter or result that can
// carry a response or a body: only those functions need a summary.
func handlesResponses(fn *ssa.Function) bool {
	carries := func(t types.Type) bool {
		if httptypes.IsResponsePtr(t) {
			return true
		}
		if _, ok := types.Unalias(t).(*types.TypeParam); ok {
			return true
		}
		if iface, ok := t.Underlying().(*types.Interface); ok {
			for i := 0; i < iface.NumMethods(); i++ {
				if iface.Method(i).Name() == "Close" {
					return true
				}
			}
		}
		return false
	}
	sig := fn.Signature
	for i := 0; i < sig.Results().Len(); i++ {
		if carries(sig.Results().At(i).Type()) {
			return true
		}
	}
	for _, p := range fn.Params {
		if carries(p.Type()) {
			return true
		}
	}
	for _, fv := range fn.FreeVars {
		if p, ok := fv.Type().Underlying().(*types.Pointer); ok && carries(p.Elem()) || carries(fv.Type()) {
			return true
		}
	}
	return false
}

func equalSummary(a, b bodies.Summary) bool {
	eq := func(x, y []int) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if x[i] != y[i] {
				return false
			}
		}
		return true
	}
	if a.ReturnsReleased != b.ReturnsReleased || !eq(a.ReturnsOwned, b.ReturnsOwned) || !eq(a.ClosesParam, b.ClosesParam) || !eq(a.TransfersParam, b.TransfersParam) || len(a.PassesParam) != len(b.PassesParam) {
		return false
	}
	for i := range a.PassesParam {
		if a.PassesParam[i] != b.PassesParam[i] {
			return false
		}
	}
	return true
}

// implementations returns a lookup of the package's own methods that
// implement an interface method: the open-world question "who answers this
// dynamic call?" asked of the types this package declares. The package's
// named types are listed once, sorted, so answers are deterministic.
func implementations(pass *analysis.Pass, funcs []*ssa.Function) func(*types.Interface, string) []*ssa.Function {
	if len(funcs) == 0 {
		return nil
	}
	prog := funcs[0].Prog
	scope := pass.Pkg.Scope()
	var named []types.Type
	for _, name := range scope.Names() { // sorted
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue // generic types have no method bodies until instantiated
		}
		if strings.HasSuffix(pass.Fset.Position(tn.Pos()).Filename, "_test.go") {
			// Test doubles say nothing about the production
			// implementations (go vet also analyses the test variant).
			continue
		}
		named = append(named, tn.Type(), types.NewPointer(tn.Type()))
	}
	// A generated SDK declares thousands of types and makes thousands of
	// dynamic calls: only the types with a method of the asked name are
	// tried (a method-by-name index, built on first use), and each
	// (interface, method) question is answered once.
	type method struct {
		t   int // index in named
		sel *types.Selection
	}
	var byName map[string][]method
	type question struct {
		iface *types.Interface
		name  string
	}
	answers := make(map[question][]*ssa.Function)
	return func(iface *types.Interface, name string) []*ssa.Function {
		if byName == nil {
			byName = make(map[string][]method)
			for i, t := range named {
				for sel := range prog.MethodSets.MethodSet(t).Methods() {
					byName[sel.Obj().Name()] = append(byName[sel.Obj().Name()], method{i, sel})
				}
			}
		}
		q := question{iface, name}
		if out, ok := answers[q]; ok {
			return out
		}
		var out []*ssa.Function
		for _, m := range byName[name] {
			if !types.Implements(named[m.t], iface) {
				continue
			}
			if fn := prog.MethodValue(m.sel); fn != nil {
				out = append(out, fn)
			}
		}
		out = slices.Clip(out) // a caller's append must not write into the cached answer
		answers[q] = out
		return out
	}
}

// handledFuncs finds the functions whose doc comment says
// `//zombiecheck:handled respclose <reason>`. The directive travels to
// other packages inside the function's RespSum fact.
func handledFuncs(pass *analysis.Pass, funcs []*ssa.Function) map[*ssa.Function]bool {
	docs := make(map[token.Pos]*ast.CommentGroup)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Name.Pos()] = fd.Doc
			}
		}
	}
	out := make(map[*ssa.Function]bool)
	for _, fn := range funcs {
		if obj := fn.Object(); obj != nil && directive.InDoc(docs[obj.Pos()], "handled", "respclose") {
			out[fn] = true
		}
	}
	return out
}
