package loops

import (
	"go/constant"
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
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
	for _, v := range errValues(err) {
		errorTests(v, tests)
	}
	return tests
}

// errValues returns err and the loads that read it back: `var err error`
// captured by a closure lives in memory, so `err = f()` is a store and
// `if err != nil` a load, which counts when only this store can have put
// its value there. It returns nil for a nil err or one with no referrers.
func errValues(err ssa.Value) []ssa.Value {
	if err == nil || err.Referrers() == nil {
		return nil
	}
	vals := []ssa.Value{err}
	for _, ref := range *err.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Val == err {
			if a, ok := st.Addr.(*ssa.Alloc); ok {
				vals = append(vals, loadsOf(a, st)...)
			}
		}
	}
	return vals
}

func errorTests(err ssa.Value, tests map[*ssa.BasicBlock]Branch) {
	for _, ref := range *err.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) || !(ssax.IsNil(bin.X) || ssax.IsNil(bin.Y)) {
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
}

// loadsOf returns the loads of a that only the store st can reach: every
// other definition of a (its zero value at the Alloc, any other store) is
// killed on the way by st or another store, and no call that might write a
// through a closure or a pointer lies between. It returns nil when a's
// address escapes in any other way.
func loadsOf(a *ssa.Alloc, st *ssa.Store) []ssa.Value {
	if a.Referrers() == nil {
		return nil
	}
	defs := []ssa.Instruction{a}
	escapes := false
	for _, ref := range *a.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return nil // the address itself is stored
			}
			defs = append(defs, r)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			escapes = true
		default:
			return nil
		}
	}
	isDef := func(i ssa.Instruction) bool {
		for _, d := range defs {
			if d == i {
				return true
			}
		}
		return false
	}
	// clobbers reports whether instr may write a behind our back: a call
	// of a closure or of a function value, when a is captured.
	clobbers := func(instr ssa.Instruction) bool {
		ci, ok := instr.(ssa.CallInstruction)
		if !ok || !escapes {
			return false
		}
		if _, ok := instr.(*ssa.Defer); ok {
			return false // runs at return
		}
		c := ci.Common()
		if c.IsInvoke() {
			return false
		}
		f := c.StaticCallee()
		return f == nil || f.Parent() != nil
	}
	// reached[load] = the definitions that reach it.
	reached := make(map[*ssa.UnOp]map[ssa.Instruction]bool)
	for _, d := range defs {
		seen := make(map[*ssa.BasicBlock]bool)
		var walk func(b *ssa.BasicBlock, from int)
		walk = func(b *ssa.BasicBlock, from int) {
			for _, instr := range b.Instrs[from:] {
				if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == a {
					if reached[u] == nil {
						reached[u] = make(map[ssa.Instruction]bool)
					}
					reached[u][d] = true
				}
				if isDef(instr) || clobbers(instr) {
					return
				}
			}
			for _, n := range b.Succs {
				if !seen[n] {
					seen[n] = true
					walk(n, 0)
				}
			}
		}
		b := d.Block()
		walk(b, indexIn(b, d)+1)
	}
	var out []ssa.Value
	for u, ds := range reached {
		if len(ds) == 1 && ds[st] {
			out = append(out, u)
		}
	}
	return out
}

func indexIn(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == instr {
			return i
		}
	}
	return -1
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

// FailureViewOf is FailureView for call, extended with the tests that its
// other results decide while it fails. A failing call returns zero values
// besides its error (nil data, n == 0, a nil response), so in the failure
// view `if bytes.Equal(msg, hello)`, `if n > 0` or `if resp != nil` take
// the branch a zero value takes. Without this, a loop that drops the error
// and leaves only when the data matches (`msg, _ := c.Next(); if
// bytes.Equal(msg, hello) { break }`) would look as if it could leave while
// the call keeps failing.
func FailureViewOf(call *ssa.Call, cancel map[*ssa.BasicBlock]bool) *View {
	err := ErrValue(call)
	v := FailureView(err, cancel)
	for b, br := range ZeroTests(call) {
		if _, ok := v.tests[b]; !ok {
			v.tests[b] = br
		}
	}
	v.failingPhis(call, err)
	return v
}

// failingPhis adds to the failure view of call the error tests of the
// φ-nodes that hold call's error on every way they can be reached from
// call in that view. `err := w.Send(m); if err == nil { err = w.Flush() };
// if err != nil { ... }` tests a φ of Send's and Flush's errors; while Send
// fails, Flush never runs (its block lies behind Send's dropped success
// edge), so the φ is Send's error and its nil branch cannot be taken.
// Without this, the view keeps that branch, and a loop whose only way on
// after a failure is the error branch looks as if it went round again
// with no wait (tmaxmax/go-sse Joe.start), or as if it could return.
//
// A φ edge counts only if its predecessor is reachable from call in the
// view: values that come in from before the loop (`var err error`) or
// from blocks behind dropped edges never reach a path that starts at the
// failing call. Each new φ removes edges, so the search runs until no φ
// is added.
func (v *View) failingPhis(call *ssa.Call, err ssa.Value) {
	if err == nil || err.Referrers() == nil {
		return
	}
	failing := map[ssa.Value]bool{err: true}
	for changed := true; changed; {
		changed = false
		live := v.reachable(call.Block())
		for _, phi := range phisOf(failing) {
			if failing[phi] || !allFailing(phi, failing, live, v) {
				continue
			}
			failing[phi] = true
			changed = true
			more := make(map[*ssa.BasicBlock]Branch)
			errorTests(phi, more)
			for b, br := range more {
				if _, ok := v.tests[b]; !ok {
					v.tests[b] = br
				}
			}
		}
	}
}

// phisOf returns the φ-nodes that use a value of vals, in a fixed order.
func phisOf(vals map[ssa.Value]bool) []*ssa.Phi {
	var out []*ssa.Phi
	seen := make(map[*ssa.Phi]bool)
	for val := range vals {
		for _, ref := range *val.Referrers() {
			if phi, ok := ref.(*ssa.Phi); ok && !seen[phi] {
				seen[phi] = true
				out = append(out, phi)
			}
		}
	}
	sortPhis(out)
	return out
}

func sortPhis(phis []*ssa.Phi) {
	for i := 1; i < len(phis); i++ {
		for j := i; j > 0 && phiLess(phis[j], phis[j-1]); j-- {
			phis[j], phis[j-1] = phis[j-1], phis[j]
		}
	}
}

func phiLess(a, b *ssa.Phi) bool {
	if a.Block().Index != b.Block().Index {
		return a.Block().Index < b.Block().Index
	}
	return indexIn(a.Block(), a) < indexIn(b.Block(), b)
}

// allFailing reports whether every edge of phi that a path from the
// failing call can take carries a failing value, and at least one can be
// taken.
func allFailing(phi *ssa.Phi, failing map[ssa.Value]bool, live map[*ssa.BasicBlock]bool, v *View) bool {
	any := false
	for i, e := range phi.Edges {
		pred := phi.Block().Preds[i]
		if !live[pred] || v.Skip(pred, phi.Block()) {
			continue
		}
		if !failing[e] && e != phi {
			return false
		}
		any = true
	}
	return any
}

// reachable returns the blocks reachable from start (start included) along
// the edges the view keeps.
func (v *View) reachable(start *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	seen := map[*ssa.BasicBlock]bool{start: true}
	work := []*ssa.BasicBlock{start}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if !seen[s] && !v.Skip(b, s) {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return seen
}

// zval is a value known under the assumption that a call's non-error
// results are zero: a constant, or nil.
type zval struct {
	isNil bool
	c     constant.Value
}

// ZeroTests returns, for every block ending in an If whose condition is
// decided when call's non-error results are zero values, the two branches:
// Err is the branch the zero values take. Only comparisons with constants
// or nil, len and cap, conversions, `!` and bytes.Equal with a non-empty
// operand are evaluated; anything else is left undecided.
func ZeroTests(call *ssa.Call) map[*ssa.BasicBlock]Branch {
	tests := make(map[*ssa.BasicBlock]Branch)
	tup, ok := call.Type().(*types.Tuple)
	if !ok || tup.Len() < 2 || call.Referrers() == nil {
		return tests
	}
	zero := make(map[ssa.Value]bool)
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index < tup.Len()-1 {
			zero[ex] = true
		}
	}
	if len(zero) == 0 {
		return tests
	}
	// Visit the Ifs reachable through the uses of the zero values.
	seen := make(map[ssa.Value]bool)
	var work []ssa.Value
	for v := range zero {
		work = append(work, v)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] || v.Referrers() == nil {
			continue
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.If:
				z, ok := zeroEval(r.Cond, zero, 0)
				if !ok || z.isNil || z.c.Kind() != constant.Bool {
					continue
				}
				s := r.Block().Succs
				if constant.BoolVal(z.c) {
					tests[r.Block()] = Branch{Err: s[0], OK: s[1]}
				} else {
					tests[r.Block()] = Branch{Err: s[1], OK: s[0]}
				}
			case ssa.Value:
				if len(work) < 64 {
					work = append(work, r)
				}
			}
		}
	}
	return tests
}

// zeroEval evaluates v when the values in zero are the zero values of
// their types.
func zeroEval(v ssa.Value, zero map[ssa.Value]bool, depth int) (zval, bool) {
	if depth > 8 {
		return zval{}, false
	}
	if zero[v] {
		return zeroOf(v.Type())
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return zval{isNil: true}, true
		}
		if v.Value == nil {
			return zval{}, false
		}
		return zval{c: v.Value}, true
	case *ssa.Convert:
		x, ok := zeroEval(v.X, zero, depth+1)
		if !ok {
			return zval{}, false
		}
		if x.isNil {
			if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return zval{c: constant.MakeString("")}, true // string(nil slice)
			}
			return zval{}, false
		}
		return x, true
	case *ssa.ChangeType:
		return zeroEval(v.X, zero, depth+1)
	case *ssa.UnOp:
		if v.Op != token.NOT {
			return zval{}, false
		}
		x, ok := zeroEval(v.X, zero, depth+1)
		if !ok || x.isNil || x.c.Kind() != constant.Bool {
			return zval{}, false
		}
		return zval{c: constant.MakeBool(!constant.BoolVal(x.c))}, true
	case *ssa.BinOp:
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			return zval{}, false
		}
		x, ok1 := zeroEval(v.X, zero, depth+1)
		y, ok2 := zeroEval(v.Y, zero, depth+1)
		if !ok1 || !ok2 {
			return zval{}, false
		}
		if x.isNil || y.isNil {
			if !(x.isNil && y.isNil) || (v.Op != token.EQL && v.Op != token.NEQ) {
				return zval{}, false
			}
			return zval{c: constant.MakeBool(v.Op == token.EQL)}, true
		}
		if x.c.Kind() != y.c.Kind() && !(isNumeric(x.c) && isNumeric(y.c)) {
			return zval{}, false
		}
		return zval{c: constant.MakeBool(constant.Compare(x.c, v.Op, y.c))}, true
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") && len(v.Call.Args) == 1 {
			x, ok := zeroEval(v.Call.Args[0], zero, depth+1)
			if !ok {
				return zval{}, false
			}
			if x.isNil {
				return zval{c: constant.MakeInt64(0)}, true
			}
			if x.c.Kind() == constant.String {
				return zval{c: constant.MakeInt64(int64(len(constant.StringVal(x.c))))}, true
			}
			return zval{}, false
		}
		// Trimming or case-mapping "" gives "": `line = strings.TrimSpace(line)`
		// after a read keeps the zero value.
		if f := v.Call.StaticCallee(); f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "strings" && emptyPreserving[f.Name()] && len(v.Call.Args) > 0 {
			x, ok := zeroEval(v.Call.Args[0], zero, depth+1)
			if ok && !x.isNil && x.c.Kind() == constant.String && constant.StringVal(x.c) == "" {
				return x, true
			}
			return zval{}, false
		}
		if IsFunc(v.Call.StaticCallee(), "bytes", "Equal") && len(v.Call.Args) == 2 {
			a, b := v.Call.Args[0], v.Call.Args[1]
			za, oka := zeroEval(a, zero, depth+1)
			zb, okb := zeroEval(b, zero, depth+1)
			if oka && za.isNil && nonEmpty(b, 0) || okb && zb.isNil && nonEmpty(a, 0) {
				return zval{c: constant.MakeBool(false)}, true
			}
		}
	}
	return zval{}, false
}

// emptyPreserving are the strings functions that map "" (their first
// argument) to "".
var emptyPreserving = map[string]bool{
	"TrimSpace": true, "Trim": true, "TrimLeft": true, "TrimRight": true,
	"TrimPrefix": true, "TrimSuffix": true, "ToLower": true, "ToUpper": true,
}

func isNumeric(c constant.Value) bool {
	switch c.Kind() {
	case constant.Int, constant.Float:
		return true
	}
	return false
}

// zeroOf returns the zero value of t, if zeroEval can represent it.
func zeroOf(t types.Type) (zval, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return zval{c: constant.MakeBool(false)}, true
		case u.Info()&types.IsString != 0:
			return zval{c: constant.MakeString("")}, true
		case u.Info()&types.IsInteger != 0:
			return zval{c: constant.MakeInt64(0)}, true
		case u.Info()&types.IsFloat != 0:
			return zval{c: constant.MakeFloat64(0)}, true
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return zval{isNil: true}, true
	}
	return zval{}, false
}

// nonEmpty reports whether the byte slice v is certainly not empty: a
// conversion of a non-empty string constant, a slice of a non-empty array,
// or a package variable whose every assignment is one of these.
func nonEmpty(v ssa.Value, depth int) bool {
	if depth > 3 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value != nil && v.Value.Kind() == constant.String && constant.StringVal(v.Value) != ""
	case *ssa.Convert:
		return nonEmpty(v.X, depth+1)
	case *ssa.Slice:
		if v.Low != nil || v.High != nil || v.Max != nil {
			return false
		}
		p, ok := v.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		a, ok := p.Elem().Underlying().(*types.Array)
		return ok && a.Len() > 0
	case *ssa.UnOp:
		g, ok := v.X.(*ssa.Global)
		if v.Op != token.MUL || !ok || g.Pkg == nil {
			return false
		}
		// A Global has no referrers: look for its stores in every function
		// of its package. Any other use of its address may write to it.
		stores := 0
		for _, fn := range ssax.PackageFuncs(g.Pkg) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					for _, op := range instr.Operands(nil) {
						if *op != g {
							continue
						}
						switch r := instr.(type) {
						case *ssa.Store:
							if r.Addr != g || !nonEmpty(r.Val, depth+1) {
								return false
							}
							stores++
						case *ssa.UnOp:
							if r.Op != token.MUL {
								return false
							}
						default:
							return false
						}
					}
				}
			}
		}
		return stores > 0
	}
	return false
}

// RetryCycle is Cycle for the question "does call come round again?":
// when the innermost loop around call inside l ranges over the elements of
// a map, slice, array or string (ElementRange), going on to the next
// element calls it again on another element, once each, and is no retry.
// The path must then leave that range and come back, as the enclosing
// loop does: `for { for _, s := range seeds { probe(s) } }` retries every
// seed at once, while an event loop that hands each message to every
// subscriber (tmaxmax/go-sse Joe.start) waits on its select before it
// calls a failed subscriber's Send again. Without such a range it is Cycle.
func (l *Loop) RetryCycle(call *ssa.Call, v *View, barrier func(ssa.Instruction) bool) *cfgx.Path {
	r := l.ElementRange(call.Block())
	if r == nil {
		return l.Cycle(call, v, barrier)
	}
	start := call.Block()
	idx := indexIn(start, call)
	for _, instr := range start.Instrs[idx+1:] {
		if barrier != nil && barrier(instr) {
			return nil
		}
	}
	// Breadth-first over (block, left the range yet) states.
	type state struct {
		b   *ssa.BasicBlock
		out bool
	}
	parent := make(map[state]state)
	seen := make(map[state]bool)
	var queue []state
	enqueue := func(from state) {
		for _, s := range from.b.Succs {
			if !l.in[s] || v.Skip(from.b, s) {
				continue
			}
			n := state{s, from.out || !r[s]}
			if !seen[n] {
				seen[n] = true
				parent[n] = from
				queue = append(queue, n)
			}
		}
	}
	first := state{start, false}
	enqueue(first)
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		blocked, hit := false, false
		for _, instr := range st.b.Instrs {
			if barrier != nil && barrier(instr) {
				blocked = true
				break
			}
			if instr == call {
				hit = true
				break
			}
		}
		if hit && st.out {
			var blocks []*ssa.BasicBlock
			for x := st; ; x = parent[x] {
				blocks = append(blocks, x.b)
				if x == first {
					break
				}
			}
			for i, j := 0, len(blocks)-1; i < j; i, j = i+1, j-1 {
				blocks[i], blocks[j] = blocks[j], blocks[i]
			}
			return &cfgx.Path{Blocks: blocks, Reached: call}
		}
		if blocked || hit {
			continue // a next element, or a wait: this way is done
		}
		enqueue(st)
	}
	return nil
}

// ElementRange returns the blocks of the innermost loop around b inside l
// when that loop is a range over the elements of a map, a string, a slice
// or an array (`for k, v := range m`), or nil. Such a range ends after one
// pass: it calls its body once per element. A range over an integer, a
// channel or a function, and a three-clause for, are not element ranges:
// a counted loop around one call is a retry loop.
func (l *Loop) ElementRange(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	// Natural loops of l's back edges (t→h where h dominates t), merged
	// per header.
	bodies := make(map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool)
	for _, t := range l.Blocks {
		for _, h := range t.Succs {
			if !l.in[h] || Impossible(t, h) || !h.Dominates(t) {
				continue
			}
			body := bodies[h]
			if body == nil {
				body = map[*ssa.BasicBlock]bool{h: true}
				bodies[h] = body
			}
			work := []*ssa.BasicBlock{t}
			for len(work) > 0 {
				x := work[len(work)-1]
				work = work[:len(work)-1]
				if body[x] {
					continue
				}
				body[x] = true
				for _, p := range x.Preds {
					if !body[p] && l.in[p] {
						work = append(work, p)
					}
				}
			}
		}
	}
	var inner *ssa.BasicBlock
	for h, body := range bodies {
		if !body[b] {
			continue
		}
		if inner == nil || len(body) < len(bodies[inner]) || len(body) == len(bodies[inner]) && h.Index < inner.Index {
			inner = h
		}
	}
	if inner == nil || !elementRangeHeader(inner) {
		return nil
	}
	return bodies[inner]
}

// elementRangeHeader reports whether h is the loop block go/ssa builds for
// a range over a map or string (`ok = extract (next iter) #0; if ok`) or
// over a slice, array or pointer to array (`i = φ[-1, i+1]; if i+1 <
// len(x)`, the length a constant for arrays).
func elementRangeHeader(h *ssa.BasicBlock) bool {
	iff, ok := lastInstr(h).(*ssa.If)
	if !ok {
		return false
	}
	switch cond := iff.Cond.(type) {
	case *ssa.Extract:
		next, ok := cond.Tuple.(*ssa.Next)
		return ok && cond.Index == 0 && next.Block() == h
	case *ssa.BinOp:
		if cond.Op != token.LSS {
			return false
		}
		incr, ok := cond.X.(*ssa.BinOp)
		if !ok || incr.Op != token.ADD || !isIntConst(incr.Y, 1) {
			return false
		}
		phi, ok := incr.X.(*ssa.Phi)
		if !ok || phi.Block() != h {
			return false
		}
		minusOne := false
		for _, e := range phi.Edges {
			switch {
			case isIntConst(e, -1):
				minusOne = true
			case e != incr:
				return false
			}
		}
		if !minusOne {
			return false
		}
		switch y := cond.Y.(type) {
		case *ssa.Const:
			return true // an array's length
		case *ssa.Call:
			b, ok := y.Call.Value.(*ssa.Builtin)
			return ok && b.Name() == "len"
		}
	}
	return false
}

func isIntConst(v ssa.Value, want int64) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(k.Value)
	return exact && n == want
}

// FailureViewBeyondEOF is FailureViewOf for a call that can fail with an
// error other than io.EOF (a connection: a reset, a closed conn, a
// timeout): every test of its error against io.EOF (`err == io.EOF`,
// `err != io.EOF`, `errors.Is(err, io.EOF)`, also through `!` and a
// switch) takes its not-EOF arm, as it does while the call keeps failing
// with such an error. found reports whether any such test was seen; with
// none, the view is FailureViewOf's. A loop whose only way out is an EOF
// test (`if err == io.EOF { return }; handle(buf[:n])`) is persistent in
// this view: every other error goes round again.
func FailureViewBeyondEOF(call *ssa.Call, cancel map[*ssa.BasicBlock]bool) (v *View, found bool) {
	err := ErrValue(call)
	v = FailureView(err, cancel)
	eof := eofTests(err)
	for b, br := range eof {
		if _, ok := v.tests[b]; !ok {
			v.tests[b] = br
			found = true
		}
	}
	for b, br := range ZeroTests(call) {
		if _, ok := v.tests[b]; !ok {
			v.tests[b] = br
		}
	}
	v.failingPhis(call, err)
	return v, found
}

// eofTests returns, for every block ending in a test of err against
// io.EOF, the two branches: Err is the arm a non-EOF error takes.
func eofTests(err ssa.Value) map[*ssa.BasicBlock]Branch {
	tests := make(map[*ssa.BasicBlock]Branch)
	vals := errValues(err)
	// add records an If on cond; isEOF says whether cond is true when
	// the error is io.EOF.
	add := func(cond ssa.Value, isEOF bool) {
		if cond.Referrers() == nil {
			return
		}
		for _, ref := range *cond.Referrers() {
			switch r := ref.(type) {
			case *ssa.If:
				s := r.Block().Succs
				if isEOF {
					tests[r.Block()] = Branch{Err: s[1], OK: s[0]}
				} else {
					tests[r.Block()] = Branch{Err: s[0], OK: s[1]}
				}
			case *ssa.UnOp:
				if r.Op == token.NOT {
					for _, ref2 := range *r.Referrers() {
						if iff, ok := ref2.(*ssa.If); ok {
							s := iff.Block().Succs
							if isEOF {
								tests[iff.Block()] = Branch{Err: s[0], OK: s[1]}
							} else {
								tests[iff.Block()] = Branch{Err: s[1], OK: s[0]}
							}
						}
					}
				}
			}
		}
	}
	for _, v := range vals {
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.BinOp:
				if (r.Op == token.EQL || r.Op == token.NEQ) && (isEOFValue(r.X) || isEOFValue(r.Y)) {
					add(r, r.Op == token.EQL)
				}
			case *ssa.Call:
				if IsFunc(r.Call.StaticCallee(), "errors", "Is") && len(r.Call.Args) == 2 && r.Call.Args[0] == v && isEOFValue(r.Call.Args[1]) {
					add(r, true)
				}
			}
		}
	}
	return tests
}

// isEOFValue reports whether v is a load of io.EOF.
func isEOFValue(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "io" && g.Name() == "EOF"
}

// ScannerRead reports whether call is a bufio.Scanner's Scan: it returns
// false once the scanner stops, at EOF (Err() is nil) or on an error it
// keeps (Err() is not nil), and false at once on every later call.
func ScannerRead(call *ssa.CallCommon) bool {
	fn := FuncOf(call)
	return fn != nil && !call.IsInvoke() && fn.Name() == "Scan" && fn.Pkg() != nil &&
		fn.Pkg().Path() == "bufio" && RecvName(fn) == "Scanner" && len(call.Args) == 1
}

// ScannerViews returns the failure views of a bufio.Scanner's Scan call
// in loop l: every test of its result takes the false branch, and every
// test of the error of an Err() call on the same scanner inside l takes
// its non-nil branch (the scanner failed) or, in the second view, its nil
// branch (end of input). Either way a stopped scanner stays stopped, so a
// path back to the Scan is a spin.
func (l *Loop) ScannerViews(call *ssa.Call, cancel map[*ssa.BasicBlock]bool) (failed, ended *View) {
	failed = &View{tests: map[*ssa.BasicBlock]Branch{}, failure: true, cancel: cancel}
	ended = &View{tests: map[*ssa.BasicBlock]Branch{}, failure: true, cancel: cancel}
	for _, ref := range *call.Referrers() {
		iff, ok := ref.(*ssa.If)
		var neg bool
		if !ok {
			// !sc.Scan()
			un, isUn := ref.(*ssa.UnOp)
			if !isUn || un.Op != token.NOT || un.Referrers() == nil {
				continue
			}
			for _, r := range *un.Referrers() {
				if i, isIf := r.(*ssa.If); isIf {
					iff, neg = i, true
				}
			}
			if iff == nil {
				continue
			}
		}
		s := iff.Block().Succs
		br := Branch{Err: s[1], OK: s[0]}
		if neg {
			br = Branch{Err: s[0], OK: s[1]}
		}
		failed.tests[iff.Block()] = br
		ended.tests[iff.Block()] = br
	}
	scanner := call.Call.Args[0]
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			fn := FuncOf(c.Common())
			if fn == nil || fn.Name() != "Err" || RecvName(fn) != "Scanner" || fn.Pkg() == nil || fn.Pkg().Path() != "bufio" ||
				len(c.Call.Args) != 1 || !sameScanner(c.Call.Args[0], scanner) {
				continue
			}
			for tb, br := range ErrorTests(c) {
				if _, seen := failed.tests[tb]; !seen {
					failed.tests[tb] = br
					ended.tests[tb] = Branch{Err: br.OK, OK: br.Err}
				}
			}
		}
	}
	return failed, ended
}

// sameScanner reports whether a and b are the same scanner: the same
// value, or loads of the same field of the same value (ud.scanner).
func sameScanner(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, okA := a.(*ssa.UnOp)
	lb, okB := b.(*ssa.UnOp)
	if !okA || !okB || la.Op != token.MUL || lb.Op != token.MUL {
		return false
	}
	fa, okA := la.X.(*ssa.FieldAddr)
	fb, okB := lb.X.(*ssa.FieldAddr)
	return okA && okB && fa.Field == fb.Field && fa.X == fb.X
}
