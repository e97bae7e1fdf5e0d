// Package loops answers shape questions about the loops of a function in
// SSA form: which blocks form a loop (strongly connected components of the
// block graph), how each loop can be left (a return, a crash, a
// cancellation), which CFG edges can never be taken (the !ok edge of a
// ticker receive, the synthetic "blocking select matched no case" panic),
// and which select case receives from ctx.Done().
//
// Exits are decided on SSA, never on the AST: a break inside a select or a
// switch does not leave the loop, and SSA shows that directly. The AST is
// used only to choose a report position (Position).
//
// Classifier (classify.go) decides what counts as fallible I/O, as a wait
// and how long it is; it is shared by the summary
// analyzer, which exports its answers as LoopSum facts, and by zombieloop.
// The control-flow functions take a no-return oracle instead, so they can
// be tested on plain SSA.
package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// A Loop is one strongly connected component of a function's block graph
// with more than one block or a self-edge. Nested loops are merged into
// their outermost component, which is the region to examine for "can this
// ever be left".
type Loop struct {
	Fn     *ssa.Function
	Blocks []*ssa.BasicBlock // in index order
	in     map[*ssa.BasicBlock]bool
}

// Contains reports whether b belongs to the loop.
func (l *Loop) Contains(b *ssa.BasicBlock) bool { return l.in[b] }

// ReachesInIteration reports whether to can be reached from from inside
// the loop without passing an entry of the loop (a block with a
// predecessor outside it, where an iteration starts). The same block
// reaches itself. In a loop with nested loops, whose inner headers are not
// entries, more blocks reach each other than one iteration would let.
func (l *Loop) ReachesInIteration(from, to *ssa.BasicBlock) bool {
	if from == to {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{from: true}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if !l.in[s] || seen[s] || l.entry(s) {
				continue
			}
			if s == to {
				return true
			}
			seen[s] = true
			work = append(work, s)
		}
	}
	return false
}

// entry reports whether b has a predecessor outside the loop.
func (l *Loop) entry(b *ssa.BasicBlock) bool {
	for _, p := range b.Preds {
		if !l.in[p] {
			return true
		}
	}
	return false
}

// Find returns the loops of fn, ordered by their first block. Impossible
// edges (see Impossible) are ignored, so they never create a loop.
func Find(fn *ssa.Function) []*Loop {
	if fn == nil || len(fn.Blocks) == 0 {
		return nil
	}
	// Tarjan's algorithm, iterative so that deep CFGs cannot overflow the
	// stack.
	n := len(fn.Blocks)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var sccs [][]int
	next := 0
	type frame struct{ v, succ int }
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		work := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			b := fn.Blocks[top.v]
			if top.succ < len(b.Succs) {
				s := b.Succs[top.succ]
				top.succ++
				if Impossible(b, s) {
					continue
				}
				w := s.Index
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					work = append(work, frame{w, 0})
				} else if onStack[w] && index[w] < low[top.v] {
					low[top.v] = index[w]
				}
				continue
			}
			v := top.v
			work = work[:len(work)-1]
			if len(work) > 0 {
				p := work[len(work)-1].v
				if low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] == index[v] {
				var scc []int
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					scc = append(scc, w)
					if w == v {
						break
					}
				}
				sccs = append(sccs, scc)
			}
		}
	}
	var loops []*Loop
	for _, scc := range sccs {
		if len(scc) == 1 && !selfEdge(fn.Blocks[scc[0]]) {
			continue
		}
		sort.Ints(scc)
		l := &Loop{Fn: fn, in: make(map[*ssa.BasicBlock]bool, len(scc))}
		for _, i := range scc {
			l.Blocks = append(l.Blocks, fn.Blocks[i])
			l.in[fn.Blocks[i]] = true
		}
		loops = append(loops, l)
	}
	sort.Slice(loops, func(i, j int) bool { return loops[i].Blocks[0].Index < loops[j].Blocks[0].Index })
	return loops
}

func selfEdge(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if s == b && !Impossible(b, s) {
			return true
		}
	}
	return false
}

// Impossible reports whether the CFG edge from→to can never be taken:
//   - the !ok edge of a receive from time.Tick(d), (*time.Ticker).C or
//     (*time.Timer).C, channels the runtime never closes (Ticker.Stop does
//     not close C), so `for range time.Tick(d)` does not end;
//   - an edge into the synthetic panic go/ssa adds after every blocking
//     select ("blocking select matched no case"), which has no position.
func Impossible(from, to *ssa.BasicBlock) bool {
	if syntheticPanic(to) {
		return true
	}
	if len(from.Succs) != 2 || from.Succs[1] != to || from.Succs[0] == to {
		return false
	}
	iff, ok := lastInstr(from).(*ssa.If)
	if !ok {
		return false
	}
	ex, ok := iff.Cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return false
	}
	recv, ok := ex.Tuple.(*ssa.UnOp)
	if !ok || recv.Op != token.ARROW || !recv.CommaOk {
		return false
	}
	return NeverClosed(recv.X)
}

// NeverClosed reports whether ch is a channel the runtime never closes:
// the result of time.Tick, or the C field of a *time.Ticker or *time.Timer.
func NeverClosed(ch ssa.Value) bool {
	switch ch := ch.(type) {
	case *ssa.Call:
		return IsFunc(ch.Call.StaticCallee(), "time", "Tick")
	case *ssa.UnOp:
		if ch.Op != token.MUL {
			return false
		}
		fa, ok := ch.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		return IsTimeTimerOrTicker(fa.X.Type()) && ssax.FieldName(fa) == "C"
	}
	return false
}

// IsTimeTimerOrTicker reports whether t is *time.Timer or *time.Ticker.
func IsTimeTimerOrTicker(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "time" {
		return false
	}
	return n.Obj().Name() == "Timer" || n.Obj().Name() == "Ticker"
}

func syntheticPanic(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if p, ok := instr.(*ssa.Panic); ok && !p.Pos().IsValid() {
			return true
		}
	}
	return false
}

func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

// IsFunc reports whether fn is the package-level function pkg.name.
func IsFunc(fn *ssa.Function, pkg, name string) bool {
	if fn == nil || fn.Signature.Recv() != nil || fn.Name() != name {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// IsDoneChan reports whether ch is the result of calling Done() on a
// context.Context (through the interface or statically).
func IsDoneChan(ch ssa.Value) bool {
	call, ok := ch.(*ssa.Call)
	if !ok {
		return false
	}
	c := call.Common()
	if c.IsInvoke() {
		return c.Method.Name() == "Done" && IsContext(c.Value.Type())
	}
	if f := c.StaticCallee(); f != nil && f.Name() == "Done" && f.Signature.Recv() != nil && len(c.Args) == 1 {
		return IsContext(c.Args[0].Type())
	}
	return false
}

// IsStopChan reports whether ch is a stop channel: a chan struct{} that is
// not a ctx.Done() result (a parameter, field or captured variable).
func IsStopChan(ch ssa.Value) bool {
	c, ok := ch.Type().Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := c.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0 && !NeverClosed(ch)
}

// SelectCase returns the block where case i of the select sel starts, or
// nil if it cannot be found. go/ssa lowers a select's dispatch into a chain
// of `extract #0 == i` tests; case i is the true successor of its test.
func SelectCase(sel *ssa.Select, i int) *ssa.BasicBlock {
	for _, ref := range *sel.Referrers() {
		ex, ok := ref.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, r := range *ex.Referrers() {
			bin, ok := r.(*ssa.BinOp)
			if !ok || bin.Op != token.EQL {
				continue
			}
			k, ok := bin.Y.(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
				continue
			}
			if v, ok := constant.Int64Val(k.Value); !ok || int(v) != i {
				continue
			}
			if iff, ok := lastInstr(bin.Block()).(*ssa.If); ok && iff.Cond == bin {
				return bin.Block().Succs[0]
			}
		}
	}
	return nil
}

// CancelBlocks returns the blocks that begin a cancellation path in fn:
// the case block of every select case receiving from ctx.Done() or from a
// stop channel (chan struct{}), the block after a plain receive from
// ctx.Done(), and the true branch of `ctx.Err() != nil` (the false branch
// of `ctx.Err() == nil`). doneOnly restricts them to ctx.Done() cases.
func CancelBlocks(fn *ssa.Function) (all map[*ssa.BasicBlock]bool, doneCases []DoneCase) {
	all = make(map[*ssa.BasicBlock]bool)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Select:
				for i, st := range instr.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					done := IsDoneChan(st.Chan)
					if !done && !IsStopChan(st.Chan) {
						continue
					}
					if cb := SelectCase(instr, i); cb != nil {
						all[cb] = true
						if done {
							doneCases = append(doneCases, DoneCase{Select: instr, Case: cb, Pos: st.Pos})
						}
					}
				}
			case *ssa.If:
				bin, ok := instr.Cond.(*ssa.BinOp)
				if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) {
					continue
				}
				if !isCtxErr(bin.X) && !isCtxErr(bin.Y) {
					continue
				}
				taken := b.Succs[1]
				if bin.Op == token.NEQ {
					taken = b.Succs[0]
				}
				// `if ctx.Err() != nil { break }` may jump straight to the
				// block after the loop. When other edges lead there too (a
				// range running out, a loop condition turning false), that
				// block is the loop's ordinary exit, not the cancellation
				// path: marking it would hide every exit of the loop.
				if len(taken.Preds) == 1 {
					all[taken] = true
				}
			}
		}
	}
	return all, doneCases
}

// A DoneCase is a select case receiving from ctx.Done().
type DoneCase struct {
	Select *ssa.Select
	Case   *ssa.BasicBlock
	Pos    token.Pos
}

func isCtxErr(v ssa.Value) bool {
	return ctxErrCall(v, 0)
}

// ctxErrCall reports whether v is ctx.Err(), or a call of a function of
// the same package whose every return is nil or ctx.Err() (a helper such
// as `func (s *stop) cancelled() error { select { case <-s.ctx.Done():
// return s.ctx.Err(); default: return nil } }`).
func ctxErrCall(v ssa.Value, depth int) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	c := call.Common()
	if c.IsInvoke() {
		return c.Method.Name() == "Err" && IsContext(c.Value.Type())
	}
	f := c.StaticCallee()
	if f == nil || depth >= 2 || len(f.Blocks) == 0 || f.Pkg != call.Parent().Pkg ||
		f.Signature.Results().Len() != 1 || !lastIsError(f.Signature) {
		return false
	}
	sawErr := false
	for _, b := range f.Blocks {
		ret, ok := lastInstr(b).(*ssa.Return)
		if !ok {
			continue
		}
		if len(ret.Results) != 1 {
			return false
		}
		switch r := ret.Results[0]; {
		case ssax.IsNil(r):
		case ctxErrCall(r, depth+1):
			sawErr = true
		default:
			return false
		}
	}
	return sawErr
}

// ExitClass says how a loop can be left.
type ExitClass int

const (
	Graceful ExitClass = iota // a Return is reachable (break, return, loop condition)
	FailFast                  // only an explicit panic or a no-return call
	Cancel                    // dominated by a ctx.Done()/stop case or ctx.Err() != nil
)

// Exits summarises how a loop can be left.
type Exits struct {
	Graceful, FailFast, Cancel int
}

// NoExit reports whether the loop can never be left.
func (e Exits) NoExit() bool { return e.Graceful == 0 && e.FailFast == 0 && e.Cancel == 0 }

// LongRunning reports whether the loop ends only on cancellation, if ever.
func (e Exits) LongRunning() bool { return e.Graceful == 0 && e.FailFast == 0 }

// Oracle answers the questions this package does not decide itself.
type Oracle struct {
	// NoReturn reports whether a call never returns (os.Exit, log.Fatal).
	NoReturn func(*ssa.CallCommon) bool
}

func (o Oracle) noReturn(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	return ok && o.NoReturn != nil && o.NoReturn(call.Common())
}

// Crashes reports whether instr ends the program or goroutine: an explicit
// panic (with a position) or a call that never returns.
func (o Oracle) Crashes(instr ssa.Instruction) bool {
	if p, ok := instr.(*ssa.Panic); ok {
		return p.Pos().IsValid()
	}
	return o.noReturn(instr)
}

// ClassifyExits classifies every edge that leaves l (impossible edges
// removed) and every no-return call inside it. cancel is CancelBlocks'
// first result.
func (l *Loop) ClassifyExits(o Oracle, cancel map[*ssa.BasicBlock]bool) Exits {
	var e Exits
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			if o.noReturn(instr) {
				e.FailFast++
			}
		}
		for _, s := range b.Succs {
			if l.in[s] || Impossible(b, s) {
				continue
			}
			if l.cancelled(b, s, cancel) {
				e.Cancel++
				continue
			}
			if l.reachesOnlyCrash(s, o) {
				e.FailFast++
			} else {
				e.Graceful++
			}
		}
	}
	return e
}

// cancelled reports whether the exit edge b→s lies on a cancellation path:
// a cancel block dominates b or s.
func (l *Loop) cancelled(b, s *ssa.BasicBlock, cancel map[*ssa.BasicBlock]bool) bool {
	for c := range cancel {
		if c.Dominates(s) || c.Dominates(b) {
			return true
		}
	}
	return false
}

// reachesOnlyCrash reports whether every way on from s ends in a crash: no
// Return is reachable, and a crash is.
func (l *Loop) reachesOnlyCrash(s *ssa.BasicBlock, o Oracle) bool {
	seen := map[*ssa.BasicBlock]bool{s: true}
	work := []*ssa.BasicBlock{s}
	crash := false
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Return); ok {
				return false
			}
			if o.Crashes(instr) {
				crash = true
			}
		}
		for _, n := range b.Succs {
			if !seen[n] && !Impossible(b, n) {
				seen[n] = true
				work = append(work, n)
			}
		}
	}
	return crash
}

// Spins reports whether the case block of a ctx.Done() select case inside
// the loop always falls back into the loop: from it, no path leaves the
// loop or crashes before the select runs again. Once the context is
// cancelled the select never blocks again, so the loop spins.
func (l *Loop) Spins(dc DoneCase, o Oracle) bool {
	if !l.in[dc.Case] || !l.in[dc.Select.Block()] {
		return false
	}
	seen := map[*ssa.BasicBlock]bool{dc.Case: true}
	work := []*ssa.BasicBlock{dc.Case}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, instr := range b.Instrs {
			if o.Crashes(instr) {
				return false
			}
			if _, ok := instr.(*ssa.Return); ok {
				return false
			}
		}
		for _, n := range b.Succs {
			if Impossible(b, n) || seen[n] {
				continue
			}
			if !l.in[n] {
				return false // leaves the loop
			}
			if n == dc.Select.Block() {
				continue // back at the select
			}
			seen[n] = true
			work = append(work, n)
		}
	}
	return true
}

// Position returns the position to report loop l at: the `for` keyword of
// the innermost for or range statement (of l's own function, not of a
// nested function literal) that contains every positioned instruction of
// the loop, widened to enclosing for statements that add no instruction of
// their own (`for { for ... {} }` is one loop, reported at the outer for).
// For a goto loop, with no for statement, the first instruction position.
func (l *Loop) Position() token.Pos {
	var lo, hi token.Pos
	see := func(p token.Pos) {
		if !p.IsValid() {
			return
		}
		if lo == token.NoPos || p < lo {
			lo = p
		}
		if p > hi {
			hi = p
		}
	}
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			// A φ-node carries the position of its variable's
			// declaration, which may lie before the loop (`var err
			// error; for i := 0; ...`): it says nothing of where the
			// loop is.
			if _, phi := instr.(*ssa.Phi); !phi {
				see(instr.Pos())
			}
			// A range-over-func statement in the loop: its body is a
			// yield closure, and the call of the iterator has no
			// position of its own.
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				if y, _ := mc.Fn.(*ssa.Function); IsYield(y) && y.Syntax() != nil {
					see(y.Syntax().Pos())
					see(y.Syntax().End() - 1)
				}
			}
		}
	}
	syntax := l.Fn.Syntax()
	if syntax == nil || lo == token.NoPos {
		return lo
	}
	var all []token.Pos // positions of every instruction of the function
	for _, b := range l.Fn.Blocks {
		for _, instr := range b.Instrs {
			if p := instr.Pos(); p.IsValid() {
				all = append(all, p)
			}
		}
	}
	var stmts []ast.Node // for and range statements, outer before inner
	ast.Inspect(syntax, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit != syntax {
			return false
		}
		if n == syntax && IsYield(l.Fn) {
			return true // a yield's own range statement is not its loop
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			stmts = append(stmts, n)
		}
		return true
	})
	inner := -1
	for i, n := range stmts {
		if n.Pos() <= lo && hi < n.End() {
			inner = i // later statements are nested deeper
		}
	}
	if inner < 0 {
		return lo
	}
	e := stmts[inner]
	for i := inner - 1; i >= 0; i-- {
		p := stmts[i]
		if !(p.Pos() <= e.Pos() && e.End() <= p.End()) {
			continue
		}
		for _, pos := range all {
			if p.Pos() <= pos && pos < p.End() && !(e.Pos() <= pos && pos < e.End()) {
				return e.Pos()
			}
		}
		e = p
	}
	return e.Pos()
}

// IsYield reports whether fn is the synthetic yield function go/ssa builds
// for the body of a range-over-func statement (`for x := range seq`). Its
// Syntax is the *ast.RangeStmt; break, continue and return in the body
// become `return false`/`return true` after setting a state variable that
// the enclosing function checks once the iterator returns.
func IsYield(fn *ssa.Function) bool {
	return fn != nil && fn.Synthetic == "range-over-func yield"
}

// Yields returns the yield functions of the range-over-func statements
// inside loop l, and of those nested in their bodies. Their bodies run on
// every iteration of l (as many times as the iterator yields), so for the
// questions "does this loop do I/O?" and "what does one iteration leave
// behind?" they belong to the loop, like the body of a nested range over
// a slice. They are not part of l's control flow: the iterator decides
// how often they run.
func (l *Loop) Yields() []*ssa.Function {
	var out []*ssa.Function
	seen := map[*ssa.Function]bool{}
	var visit func(blocks []*ssa.BasicBlock)
	visit = func(blocks []*ssa.BasicBlock) {
		for _, b := range blocks {
			for _, instr := range b.Instrs {
				mc, ok := instr.(*ssa.MakeClosure)
				if !ok {
					continue
				}
				y, _ := mc.Fn.(*ssa.Function)
				if !IsYield(y) || seen[y] {
					continue
				}
				seen[y] = true
				out = append(out, y)
				visit(y.Blocks)
			}
		}
	}
	visit(l.Blocks)
	return out
}

// StopFlagBlocks returns the blocks that begin the path taken when a
// loop's stop flag is set: the branch of an If on a boolean field of a
// struct, or on a niladic boolean method of one (an atomic.Bool's Load, a
// flag type's IsSet), whose name says the owner has stopped: closed,
// closing, stopped, stopping, shutdown, shutting down, quit, quitting,
// terminated, cancelled (`if s.closed.Load() { return }`). Close sets the
// flag and closes the listener whose Accept then fails: like a stop
// channel, the flag is how the loop is cancelled, not a way out while a
// call keeps failing. Like CancelBlocks, a branch block with other
// predecessors is not marked.
func StopFlagBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	var flags map[*ssa.BasicBlock]bool
	for _, b := range fn.Blocks {
		iff, ok := lastInstr(b).(*ssa.If)
		if !ok {
			continue
		}
		cond, set := iff.Cond, true
		if un, ok := cond.(*ssa.UnOp); ok && un.Op == token.NOT {
			cond, set = un.X, false
		}
		if !stopFlag(cond) {
			continue
		}
		taken := b.Succs[0]
		if !set {
			taken = b.Succs[1]
		}
		if len(taken.Preds) == 1 {
			if flags == nil {
				flags = make(map[*ssa.BasicBlock]bool)
			}
			flags[taken] = true
		}
	}
	return flags
}

// stopFlag reports whether v reads a stop flag: a load of a boolean
// struct field with a stop name, or a call of a niladic boolean method
// with a stop name, or of one on such a field (s.closed.Load()).
func stopFlag(v ssa.Value) bool {
	if !isBool(v.Type()) {
		return false
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		fa, ok := v.X.(*ssa.FieldAddr)
		return ok && v.Op == token.MUL && stopName(ssax.FieldName(fa))
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		if fn == nil || fn.Signature.Recv() == nil || len(v.Call.Args) != 1 {
			return false
		}
		if stopName(fn.Name()) {
			return true
		}
		fa, ok := v.Call.Args[0].(*ssa.FieldAddr)
		return ok && stopName(ssax.FieldName(fa))
	}
	return false
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// stopWords are the words of a stop flag's name.
var stopWords = []string{"closed", "closing", "stopped", "stopping", "shutdown", "shuttingdown", "quit", "terminated", "cancelled", "canceled"}

// stopName reports whether a field or method name is a stop flag's:
// closed, isClosed, IsShutdown, shuttingDown, quitting.
func stopName(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	for _, w := range stopWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
