package clients

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Use is a request sent through a client read from a struct field or a
// package variable: where a client stored there is first put to work.
type Use struct {
	Pos token.Pos
	Fn  *ssa.Function // the function (possibly a closure) holding the send
}

// FirstSends maps each struct field and package variable of client type
// that fns send requests through to the first such send: the one earliest
// in the package's source order (its files in the order the build lists
// them, then offset). A client counts as read from a field when the
// receiver of Do/Get/Head/Post/PostForm is a load of the field (or of the
// variable), a phi of such loads, or the result of a function of the same
// package that returns one (a getter such as `func (c *C) http() *http.Client
// { if c.hc == nil { ... }; return c.hc }`). A send in a _test.go file counts
// only for a client declared in one: the package's own first use is the
// same whether or not a driver analyses the package with its tests.
func FirstSends(fns []*ssa.Function) map[*types.Var]Use {
	out := map[*types.Var]Use{}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				common := call.Common()
				callee := ssax.CalleeFunc(common)
				if callee == nil || len(common.Args) == 0 || !httptypes.IsClientSend(callee) {
					continue
				}
				pos := instr.Pos()
				inTest := ssax.InTestFile(fn.Prog.Fset, pos)
				for _, v := range clientSources(fn.Pkg, common.Args[0], 0, map[ssa.Value]bool{}) {
					if inTest && !ssax.InTestFile(fn.Prog.Fset, v.Pos()) {
						continue // a test's send is not where the package first uses it
					}
					if old, ok := out[v]; !ok || pos < old.Pos {
						out[v] = Use{Pos: pos, Fn: fn}
					}
				}
			}
		}
	}
	return out
}

// maxSourceDepth bounds the walk through phis and getters.
const maxSourceDepth = 4

// clientSources returns the fields and package variables that the client
// pointer v may have been read from.
func clientSources(pkg *ssa.Package, v ssa.Value, depth int, seen map[ssa.Value]bool) []*types.Var {
	if depth > maxSourceDepth || seen[v] {
		return nil
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch addr := x.X.(type) {
		case *ssa.FieldAddr:
			return nonNil(fieldVar(addr.X.Type(), addr.Field))
		case *ssa.Global:
			g, _ := addr.Object().(*types.Var)
			return nonNil(g)
		}
	case *ssa.FieldAddr:
		// A client held by value: s.hc.Do(req) sends through &s.hc.
		return nonNil(fieldVar(x.X.Type(), x.Field))
	case *ssa.Global:
		if httptypes.IsClientPtr(x.Type()) {
			g, _ := x.Object().(*types.Var)
			return nonNil(g)
		}
	case *ssa.Field:
		return nonNil(fieldVar(x.X.Type(), x.Field))
	case *ssa.Phi:
		var out []*types.Var
		for _, e := range x.Edges {
			out = append(out, clientSources(pkg, e, depth+1, seen)...)
		}
		return out
	case *ssa.Call:
		return getterSources(pkg, x, 0, depth, seen)
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return getterSources(pkg, call, x.Index, depth, seen)
		}
	}
	return nil
}

// getterSources follows a static call to a function of the same package
// into the values it returns as result index.
func getterSources(pkg *ssa.Package, call *ssa.Call, index int, depth int, seen map[ssa.Value]bool) []*types.Var {
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Pkg != pkg || callee.Blocks == nil {
		return nil
	}
	var out []*types.Var
	for _, b := range callee.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || index >= len(ret.Results) {
			continue
		}
		out = append(out, clientSources(pkg, ret.Results[index], depth+1, seen)...)
	}
	return out
}

func nonNil(v *types.Var) []*types.Var {
	if v == nil {
		return nil
	}
	return []*types.Var{v}
}
