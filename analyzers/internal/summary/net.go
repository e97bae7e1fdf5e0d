package summary

import (
	"fmt"
	"go/constant"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/netsum"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// NetSum is the fact exported for a function that may reach the network:
// the hosts it reaches (with one witness path each), the destinations built
// from its parameters, and the URLs and base-URL fields it hands back.
type NetSum struct {
	Summary netsum.Summary
}

func (*NetSum) AFact() {}

func (s *NetSum) String() string {
	var hs []string
	for _, r := range s.Summary.Reaches {
		h := r.Host
		if r.Port != "" {
			h = hosts.JoinHostPort(h, r.Port)
		}
		hs = append(hs, h)
	}
	return fmt.Sprintf("NetSum(reaches=%v, params=%d, returns=%d, fields=%d, virtual=%d)", hs, len(s.Summary.Params), len(s.Summary.Returns), len(s.Summary.RetFields), len(s.Summary.Virtual))
}

// summarizeNet computes the NetSum of every top-level function of the
// package (closures fold into their parent) and exports the non-empty ones.
// Callee facts are imported first, during Run.
func summarizeNet(pass *analysis.Pass, funcs []*ssa.Function, impls func(*types.Interface, string) []*ssa.Function) *netsum.Analyzer {
	imported := make(map[*types.Func]*netsum.Summary)
	for _, obj := range externalCallees(pass, funcs) {
		var sum NetSum
		if pass.ImportObjectFact(obj, &sum) {
			imported[obj] = &sum.Summary
		}
	}
	a := netsum.New(func(fn *types.Func) *netsum.Summary { return imported[fn] }, impls)
	vars := importVars(pass, funcs)
	a.Resolver.VarOf = func(v *types.Var) []hosts.Field { return vars[v] }
	var tops []*ssa.Function
	for _, fn := range funcs {
		if fn.Parent() == nil {
			tops = append(tops, fn)
			a.Local[fn] = &netsum.Summary{}
		}
	}
	// Summarise callees before callers (post-order over the package's call
	// graph), then revisit only the callers of a function whose summary
	// changed: recursion needs a few visits, straight-line code one. Each
	// function is visited at most maxVisits times (widening toward
	// silence: a missed reach).
	const maxVisits = 6
	callees := make(map[*ssa.Function][]*ssa.Function, len(tops))
	callers := make(map[*ssa.Function][]*ssa.Function, len(tops))
	for _, fn := range tops {
		callees[fn] = a.LocalCallees(fn)
		for _, c := range callees[fn] {
			callers[c] = append(callers[c], fn)
		}
	}
	var order []*ssa.Function
	done := make(map[*ssa.Function]bool, len(tops))
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if done[fn] {
			return
		}
		done[fn] = true
		for _, c := range callees[fn] {
			visit(c)
		}
		order = append(order, fn)
	}
	for _, fn := range tops {
		visit(fn)
	}
	queued := make(map[*ssa.Function]bool, len(order))
	for _, fn := range order {
		queued[fn] = true
	}
	visits := make(map[*ssa.Function]int, len(order))
	for len(order) > 0 {
		fn := order[0]
		order = order[1:]
		queued[fn] = false
		visits[fn]++
		s := a.Summarize(fn)
		if reflect.DeepEqual(s, *a.Local[fn]) {
			continue
		}
		*a.Local[fn] = s
		for _, c := range callers[fn] {
			if !queued[c] && visits[c] < maxVisits {
				queued[c] = true
				order = append(order, c)
			}
		}
	}
	var exported []*ssa.Function
	for _, fn := range tops {
		if _, ok := fn.Object().(*types.Func); ok && !a.Local[fn].Empty() {
			exported = append(exported, fn)
		}
	}
	sort.Slice(exported, func(i, j int) bool { return exported[i].Pos() < exported[j].Pos() })
	for _, fn := range exported {
		pass.ExportObjectFact(fn.Object(), &NetSum{Summary: *a.Local[fn]})
	}
	return a
}

// VarSum is the fact exported for a package variable that holds a
// destination: a base URL, or a list or struct of them (the provider chain
// a config package declares). Paths as in hosts.Field.
type VarSum struct {
	Fields []hosts.Field
}

func (*VarSum) AFact() {}

func (s *VarSum) String() string {
	var ps []string
	for _, f := range s.Fields {
		ps = append(ps, fmt.Sprintf("%q=%v", f.Path, f.Vals))
	}
	return fmt.Sprintf("VarSum(%v)", ps)
}

// summarizeVars exports a VarSum for each exported package variable of pkg
// whose value names a host: a URL or a host:port, or a bare host in a
// variable the package uses as a host (hosts.Resolver.HostVars).
func summarizeVars(pass *analysis.Pass, pkg *ssa.Package, r *hosts.Resolver) {
	urls := initializesURL(pkg)
	var hostVars map[*ssa.Global]bool
	if !urls {
		// Reading a variable indexes every write in the package, which
		// for a large generated package costs tens of megabytes; a
		// package whose initialisers hold no URL has nothing to hand
		// out but the bare hosts of the variables it uses as hosts.
		if hostVars = r.HostVars(pkg); len(hostVars) == 0 {
			return
		}
	}
	var globals []*ssa.Global
	for _, m := range pkg.Members {
		if g, ok := m.(*ssa.Global); ok && g.Object() != nil && g.Object().Exported() && (urls || hostVars[g]) {
			globals = append(globals, g)
		}
	}
	sort.Slice(globals, func(i, j int) bool { return globals[i].Pos() < globals[j].Pos() })
	for _, g := range globals {
		if fields := r.PackageVar(g); len(fields) > 0 {
			pass.ExportObjectFact(g.Object(), &VarSum{Fields: fields})
		}
	}
}

// initializesURL reports whether a package initialiser (init, init#1...)
// of pkg uses a string constant that names a host.
func initializesURL(pkg *ssa.Package) bool {
	for name, m := range pkg.Members {
		fn, ok := m.(*ssa.Function)
		if !ok || name != "init" && !strings.HasPrefix(name, "init#") {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					k, ok := (*op).(*ssa.Const)
					if !ok || k.Value == nil || k.Value.Kind() != constant.String {
						continue
					}
					if _, ok := hosts.Literal(constant.StringVal(k.Value)).Host(false); ok {
						return true
					}
				}
			}
		}
	}
	return false
}

// importVars returns the VarSums of the other packages' variables that
// funcs read. A variable that funcs also write, or whose address they hand
// to a call (flag.StringVar(&cfg.BaseURL, ...)), is left out: its value is
// then this package's choice, which the summary cannot order against the
// other package's, so it stays unknown.
func importVars(pass *analysis.Pass, funcs []*ssa.Function) map[*types.Var][]hosts.Field {
	read := make(map[*types.Var]bool)
	written := make(map[*types.Var]bool)
	varOf := func(v ssa.Value) *types.Var {
		g, ok := v.(*ssa.Global)
		if !ok || g.Pkg == nil || g.Pkg.Pkg == pass.Pkg {
			return nil
		}
		obj, _ := g.Object().(*types.Var)
		return obj
	}
	// writesThrough reports whether addr (a global or an address derived
	// from it) is stored to or handed to a call.
	var writesThrough func(addr ssa.Value, depth int) bool
	writesThrough = func(addr ssa.Value, depth int) bool {
		refs := addr.Referrers()
		if refs == nil || depth > 4 {
			return refs == nil
		}
		for _, ref := range *refs {
			switch x := ref.(type) {
			case *ssa.Store:
				if x.Addr == addr || x.Val == addr {
					return true
				}
			case ssa.CallInstruction:
				return true
			case *ssa.FieldAddr, *ssa.IndexAddr:
				if writesThrough(x.(ssa.Value), depth+1) {
					return true
				}
			}
		}
		return false
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					v := varOf(*op)
					if v == nil {
						continue
					}
					read[v] = true
					switch x := instr.(type) {
					case *ssa.Store:
						if x.Addr == *op || x.Val == *op {
							written[v] = true
						}
					case ssa.CallInstruction:
						written[v] = true
					case *ssa.FieldAddr, *ssa.IndexAddr:
						if writesThrough(x.(ssa.Value), 0) {
							written[v] = true
						}
					}
				}
			}
		}
	}
	out := make(map[*types.Var][]hosts.Field)
	for v := range read {
		if written[v] {
			continue
		}
		var sum VarSum
		if pass.ImportObjectFact(v, &sum) {
			out[v] = sum.Fields
		}
	}
	return out
}

// externalCallees lists, once each and in order of first appearance, the
// functions of other packages that funcs call statically: the callees whose
// facts a summary must import during Run.
func externalCallees(pass *analysis.Pass, funcs []*ssa.Function) []*types.Func {
	seen := make(map[*types.Func]bool)
	var out []*types.Func
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				obj := ssax.FuncObject(call.Common().StaticCallee())
				if obj == nil || obj.Pkg() == nil || obj.Pkg() == pass.Pkg || seen[obj] {
					continue
				}
				seen[obj] = true
				out = append(out, obj)
			}
		}
	}
	return out
}
