package respclose

import (
	"go/token"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// deferredInLoop reports each `defer resp.Body.Close()` inside a loop that
// can go round again after it and that has a way out: the deferred calls
// run only when the function returns, so every response the loop goes
// round from stays open, its connection out of the pool, until then
// (spotify's execute retries a 429 for as long as the server answers
// one). A loop with no exit at all is zombieloop's (its leak rule).
func (c *checker) deferredInLoop(fn *ssa.Function) {
	var ls []*loops.Loop
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok || !closesResponseBody(&d.Call) || c.rep.Skipped(d.Pos()) {
				continue
			}
			if ls == nil {
				ls = loops.Find(fn)
			}
			l := loopOf(ls, b)
			if l == nil || !hasExit(l) || !producedIn(l, d.Call.Value) {
				continue
			}
			c.rep.Report(analysis.Diagnostic{
				Pos: d.Pos(), Category: CategoryLeak,
				Message: "response body's Close is deferred inside a loop: deferred calls run only when the function returns, so each response the loop goes round from stays open until then, its connection out of the pool (CLOSE_WAIT if the server gives up); close the body before the loop goes round again, or move the loop's body into a function that defers the Close",
			})
		}
	}
}

// closesResponseBody reports whether call is resp.Body.Close() on an
// *http.Response.
func closesResponseBody(call *ssa.CallCommon) bool {
	if !call.IsInvoke() || call.Method.Name() != "Close" {
		return false
	}
	load, ok := ssax.Unconvert(call.Value).(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && httptypes.IsResponseBody(fa)
}

// loopOf returns the loop of ls that contains b, or nil.
func loopOf(ls []*loops.Loop, b *ssa.BasicBlock) *loops.Loop {
	for _, l := range ls {
		if l.Contains(b) {
			return l
		}
	}
	return nil
}

// hasExit reports whether some block of l has a successor outside it.
func hasExit(l *loops.Loop) bool {
	for _, b := range l.Blocks {
		for _, s := range b.Succs {
			if !l.Contains(s) {
				return true
			}
		}
	}
	return false
}

// producedIn reports whether the response whose Body v is was made inside
// l: each iteration gets a new one.
func producedIn(l *loops.Loop, v ssa.Value) bool {
	load, ok := ssax.Unconvert(v).(*ssa.UnOp)
	if !ok {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	resp, ok := fa.X.(ssa.Instruction)
	return ok && resp.Block() != nil && l.Contains(resp.Block())
}
