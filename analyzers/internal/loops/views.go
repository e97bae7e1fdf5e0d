package loops

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"golang.org/x/tools/go/ssa"
)

// ErrValue returns the error result of call (its last result, which the
// caller has checked is an error): the `extract #last` of the tuple, or the
// call itself when error is its only result. It returns nil when the error
// is never extracted (`f()` as a statement with several results).
func ErrValue(call *ssa.Call) ssa.Value {
	res := call.Call.Signature().Results()
	if res.Len() == 1 {
		return call
	}
	last := res.Len() - 1
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == last {
			return ex
		}
	}
	return nil
}

// Discarded reports whether the error of call is dropped: never extracted,
// assigned to `_`, or assigned and never read.
func Discarded(call *ssa.Call) bool {
	err := ErrValue(call)
	if err == nil {
		return true
	}
	refs := err.Referrers()
	if refs == nil {
		return true
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return false
		}
	}
	return true
}

// Branch is a two-way split on a call's error: Err is the successor taken
// when the error is non-nil, OK the one taken when it is nil.
type Branch struct{ Err, OK *ssa.BasicBlock }

// ErrorTests returns, for every block ending in a test of err against nil
// (`err != nil`, `err == nil`, also through a switch), the two branches.
func ErrorTests(err ssa.Value) map[*ssa.BasicBlock]Branch {
	tests := make(map[*ssa.BasicBlock]Branch)
	if err == nil || err.Referrers() == nil {
		return tests
	}
	for _, ref := range *err.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) || !(isNil(bin.X) || isNil(bin.Y)) {
			continue
		}
		iff, ok := lastInstr(bin.Block()).(*ssa.If)
		if !ok || iff.Cond != bin {
			continue
		}
		s := bin.Block().Succs
		if bin.Op == token.NEQ {
			tests[bin.Block()] = Branch{Err: s[0], OK: s[1]}
		} else {
			tests[bin.Block()] = Branch{Err: s[1], OK: s[0]}
		}
	}
	return tests
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// View is a CFG with some edges removed: the failure view (a call keeps
// failing, so its success edges are gone) or the success view.
type View struct {
	tests   map[*ssa.BasicBlock]Branch
	failure bool
	cancel  map[*ssa.BasicBlock]bool
}

// FailureView is the graph in which every test of err takes its error
// branch. Cancellation paths are not followed: persistence asks whether
// the loop can stop while the call keeps failing, cancellation aside.
func FailureView(err ssa.Value, cancel map[*ssa.BasicBlock]bool) *View {
	return &View{tests: ErrorTests(err), failure: true, cancel: cancel}
}

// SuccessView is the graph in which every test of err takes its nil branch.
func SuccessView(err ssa.Value, cancel map[*ssa.BasicBlock]bool) *View {
	return &View{tests: ErrorTests(err), failure: false, cancel: cancel}
}

// Skip reports whether the view removes the edge from→to.
func (v *View) Skip(from, to *ssa.BasicBlock) bool {
	if Impossible(from, to) || v.cancel[to] {
		return true
	}
	br, ok := v.tests[from]
	if !ok || br.Err == br.OK {
		return false
	}
	if v.failure {
		return to == br.OK
	}
	return to == br.Err
}

// Persistent reports P(C): in the failure view of call, no return and no
// crash is reachable from it. A loop around a persistently failing call
// that is persistent can only be left by cancellation, if at all.
func Persistent(call *ssa.Call, v *View, o Oracle) bool {
	stop := func(instr ssa.Instruction) bool {
		if _, ok := instr.(*ssa.Return); ok {
			return true
		}
		return o.Crashes(instr)
	}
	return cfgx.FindPath(call, stop, nil, v.Skip) == nil
}

// Cycle returns a path from call back to itself inside loop l, in view v,
// that avoids every instruction for which barrier returns true, or nil.
func (l *Loop) Cycle(call *ssa.Call, v *View, barrier func(ssa.Instruction) bool) *cfgx.Path {
	skip := func(from, to *ssa.BasicBlock) bool { return !l.in[to] || v.Skip(from, to) }
	self := func(instr ssa.Instruction) bool { return instr == call }
	return cfgx.FindPath(call, self, barrier, skip)
}

// ContextInScope returns a context.Context the function can see: one of its
// parameters, one of its free variables, or a parameter of an enclosing
// function (for closures). It returns its name, or "" if there is none.
func ContextInScope(fn *ssa.Function) string {
	for f := fn; f != nil; f = f.Parent() {
		for _, p := range f.Params {
			if IsContext(p.Type()) {
				return p.Name()
			}
		}
		for _, fv := range f.FreeVars {
			if IsContext(fv.Type()) || isPtrToContext(fv.Type()) {
				return fv.Name()
			}
		}
	}
	return ""
}

func isPtrToContext(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsContext(p.Elem())
}
