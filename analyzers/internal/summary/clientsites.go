package summary

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/clients"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// ClientUseSum is the fact exported for an exported struct field or
// package variable of client type that this package sends requests
// through: where the first such send is (see clients.FirstSends). A
// package that stores an unbounded client there names that place as the
// client's first use.
type ClientUseSum struct {
	Use FirstUse
}

func (*ClientUseSum) AFact() {}

func (s *ClientUseSum) String() string {
	return fmt.Sprintf("ClientUseSum(%s by %s)", s.Use.Pos, s.Use.Qualified)
}

// FirstUse is a send through a client, named so that it reads the same in
// every package: Pos is "file.go:42" (base name only), Local names the
// function as its own package writes it ("(*svc).fetch"), Qualified as
// other packages do ("(*pkg.svc).fetch").
type FirstUse struct {
	Pos       string
	Local     string
	Qualified string
	Pkg       string // the path of the package holding the send
}

// Name is the function holding the use, as package from writes it.
func (u FirstUse) Name(from *types.Package) string {
	if from != nil && from.Path() == u.Pkg {
		return u.Local
	}
	return u.Qualified
}

// CtorSite is a constructor of this package that builds a client and
// returns it still unbounded, and that some function of this package uses
// without a bound (sends through it, or stores or passes it on). The
// client is reported once, where it is built, rather than at every caller.
type CtorSite struct {
	Ctor *types.Func
	Fn   *ssa.Function
	// Site is the returned client: Created is the construction site (a
	// literal, or the call of a constructor of another package), At the
	// return.
	Site clients.Unbounded
	// Uses are the unbounded uses of the constructor's client in this
	// package, through Ctor or through constructors that return its
	// client, in source order.
	Uses []CtorUse
}

// CtorUse is one unbounded use of a constructor's client.
type CtorUse struct {
	Fn *ssa.Function
	U  clients.Unbounded
}

// judgeClientSites finds the constructors whose clients are judged where
// they are built (see CtorSite), and which callers that makes silent.
//
// A constructor's root is the constructor that builds the client: a
// wrapper returning another local constructor's client has that
// constructor's root, and one returning the client of a constructor of
// another package that is judged at its own site is judged there. A caller
// of a constructor whose root is judged at a site has nothing left to
// report unless it adds a problem of its own (see JudgedAtSite).
func (r *Result) judgeClientSites(pass *analysis.Pass, pkg *types.Package, constructors []*ssa.Function) {
	r.judged = map[*types.Func]bool{}
	byObj := map[*types.Func]*ssa.Function{}
	for _, fn := range constructors {
		if len(r.Clients[fn].Returned) > 0 {
			byObj[fn.Object().(*types.Func)] = fn
		}
	}
	// root returns the local constructor that builds obj's client, or
	// nil when it is built (and judged) in another package, or unknown.
	const elsewhere = -1
	var root func(obj *types.Func, depth int) (*types.Func, int)
	root = func(obj *types.Func, depth int) (*types.Func, int) {
		fn := byObj[obj]
		if fn == nil || depth > 8 {
			return nil, 0
		}
		inner := r.Clients[fn].Returned[0].Constructor
		switch {
		case inner == nil:
			return obj, 0
		case inner.Pkg() == pkg:
			if byObj[inner] != nil {
				if rt, how := root(inner, depth+1); rt != nil || how == elsewhere {
					return rt, how
				}
			}
			return obj, 0
		default:
			var sum ClientSum
			if pass.ImportObjectFact(inner, &sum) && sum.JudgedAtSite {
				return nil, elsewhere
			}
			return obj, 0
		}
	}
	sites := map[*types.Func]*CtorSite{}
	for _, fn := range r.Funcs {
		for _, u := range r.Clients[fn].Unbounded {
			if u.Constructor == nil || u.Constructor.Pkg() != pkg {
				continue
			}
			rt, _ := root(u.Constructor, 0)
			if rt == nil {
				continue
			}
			s := sites[rt]
			if s == nil {
				s = &CtorSite{Ctor: rt, Fn: byObj[rt], Site: r.Clients[byObj[rt]].Returned[0]}
				sites[rt] = s
			}
			s.Uses = append(s.Uses, CtorUse{Fn: fn, U: u})
		}
	}
	for obj := range byObj {
		rt, how := root(obj, 0)
		if how == elsewhere || (rt != nil && sites[rt] != nil) {
			r.judged[obj] = true
		}
	}
	for _, s := range sites {
		sort.SliceStable(s.Uses, func(i, j int) bool { return s.Uses[i].U.At < s.Uses[j].U.At })
		r.CtorSites = append(r.CtorSites, s)
	}
	sort.Slice(r.CtorSites, func(i, j int) bool { return r.CtorSites[i].Site.Created < r.CtorSites[j].Site.Created })
	r.importJudged = func(fn *types.Func) bool {
		var sum ClientSum
		return pass.ImportObjectFact(fn, &sum) && sum.JudgedAtSite
	}
}

// JudgedAtSite reports whether the client that constructor fn returns is
// reported once where it is built (in this package, as one of CtorSites,
// or in fn's own package), so that its callers need not report it again.
func (r *Result) JudgedAtSite(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if r.judged[fn] {
		return true
	}
	if r.importJudged != nil && fn.Pkg() != r.pkg {
		return r.importJudged(fn)
	}
	return false
}

// summarizeFirstUses computes where this package first sends through each
// client field or variable, exports that for the exported ones, and
// imports the facts of the other packages' fields and variables that this
// package stores unbounded clients into.
func (r *Result) summarizeFirstUses(pass *analysis.Pass, fns []*ssa.Function) {
	r.FirstUses = map[*types.Var]FirstUse{}
	sends := clients.FirstSends(fns)
	vars := make([]*types.Var, 0, len(sends))
	for v := range sends {
		vars = append(vars, v)
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Pos() < vars[j].Pos() })
	for _, v := range vars {
		u := sends[v]
		fu := FirstUse{Pos: fileLine(pass.Fset, u.Pos), Pkg: pass.Pkg.Path()}
		fu.Local, fu.Qualified = funcNames(u.Fn)
		r.FirstUses[v] = fu
		if v.Pkg() == pass.Pkg && v.Exported() {
			pass.ExportObjectFact(v, &ClientUseSum{Use: fu})
		}
	}
	importUse := func(v *types.Var) {
		if v == nil || v.Pkg() == nil || v.Pkg() == pass.Pkg {
			return
		}
		if _, ok := r.FirstUses[v]; ok {
			return
		}
		var sum ClientUseSum
		if pass.ImportObjectFact(v, &sum) {
			r.FirstUses[v] = sum.Use
		}
	}
	for _, fn := range r.Funcs {
		for _, u := range r.Clients[fn].Unbounded {
			importUse(u.StoredIn)
		}
	}
}

// fileLine renders pos as file:line, the file by its base name.
func fileLine(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// funcNames names fn (or, for a closure, the function it is declared in)
// as its own package writes it and as other packages do.
func funcNames(fn *ssa.Function) (local, qualified string) {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return fn.Name(), fn.Name()
	}
	pkg := obj.Pkg()
	name := func(from *types.Package) string {
		qual := func(p *types.Package) string {
			if p == from {
				return ""
			}
			return p.Name()
		}
		sig := obj.Type().(*types.Signature)
		if sig.Recv() != nil {
			return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + obj.Name()
		}
		if from != pkg {
			return pkg.Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	return name(pkg), name(nil)
}
