package zombieloop

import (
	"fmt"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// sleepIgnoresCtx decides the sleepctx class for loop l: a retry or poll
// loop that pauses with time.Sleep while a caller's context.Context is in
// scope, and that nothing in the loop ties to that context. Cancelling the
// context then changes nothing: the loop sleeps and retries until it ends
// on its own (a success, its attempt bound, or never).
//
// It returns the context's name and the source text of the first sleep's
// duration (or ""), and ok. The loop must
//   - call time.Sleep directly in its blocks,
//   - make a fallible I/O call of its own (doesIO), so that it is a retry
//     or poll loop and not a pacing loop around pure computation,
//   - have no cancellation exit (no ctx.Done() case, no ctx.Err() test),
//   - use no value of type context.Context at all (a ctx passed to a call,
//     a ctx stored into a request), no *http.Request it did not build
//     itself without a context, and call no closure that captures a
//     context nor any func value (either may observe the context).
//
// The loop must be able to end on its own (a graceful or crash exit):
// a loop that never ends is nocancel's finding, and one finding per loop
// is enough. Package main is left alone, as nocancel does: a CLI's loop
// dies with its process. Test files are the policy's tests key's to
// decide, in the reporter, as for every rule.
func (c *checker) sleepIgnoresCtx(l *loops.Loop, exits loops.Exits, doesIO bool) (ctx, dur string, ok bool) {
	if !doesIO || exits.Cancel > 0 || exits.LongRunning() || c.pass.Pkg.Name() == "main" {
		return "", "", false
	}
	ctx = callerContext(l.Fn)
	if ctx == "" {
		return "", "", false
	}
	var sleep *ssa.Call
	acceptsOnly, fallible := true, false
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			if call, isCall := instr.(*ssa.Call); isCall && sleep == nil && isTimeSleep(call.Common()) {
				sleep = call
			}
			if call, isCall := instr.(*ssa.Call); isCall && c.cl.Fallible(call.Common()) && loops.OpaqueOp(call.Common()) == nil {
				fallible = true
				acceptsOnly = acceptsOnly && isListenerAccept(call.Common())
			}
			if observesContext(instr) {
				return "", "", false
			}
		}
	}
	if sleep == nil || (fallible && acceptsOnly) {
		return "", "", false
	}
	return ctx, c.sleepExpr(sleep), true
}

// isListenerAccept reports whether cc is a listener's Accept: a method
// named Accept whose first result is a connection of net or crypto/tls
// (net.Conn, *net.TCPConn, *tls.Conn). An accept loop that pauses on a
// temporary error is stopped by closing its listener, which makes Accept
// fail for good (net/http's Server.Serve and Shutdown, inbucket's SMTP
// server closing its listener on ctx.Done()); the context is not how it
// ends, so sleepctx does not ask it to look at one. The hot rule still
// reports an accept loop that retries with no pause.
func isListenerAccept(cc *ssa.CallCommon) bool {
	f := loops.FuncOf(cc)
	if f == nil || f.Name() != "Accept" {
		return false
	}
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 2 {
		return false
	}
	t := sig.Results().At(0).Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "net", "crypto/tls":
		return true
	}
	return false
}

// callerContext is loops.ContextInScope restricted to a context that came
// from a caller: a captured context bound to context.Background() or
// context.TODO() built by the enclosing function is nobody's cancellation.
func callerContext(fn *ssa.Function) string {
	for f := fn; f != nil; f = f.Parent() {
		for _, p := range f.Params {
			if loops.IsContext(p.Type()) {
				return p.Name()
			}
		}
		for _, fv := range f.FreeVars {
			if !loops.IsContext(fv.Type()) {
				continue
			}
			if localBackground(fv) {
				continue
			}
			return fv.Name()
		}
	}
	return ""
}

// localBackground reports whether fv is bound, through every closure
// level, to a call of context.Background or context.TODO.
func localBackground(fv *ssa.FreeVar) bool {
	var v ssa.Value = fv
	for range 8 {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			break
		}
		v = ssax.ClosureBinding(fv)
		if v == nil {
			return false
		}
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	f := call.Call.StaticCallee()
	return loops.IsFunc(f, "context", "Background") || loops.IsFunc(f, "context", "TODO")
}

func isTimeSleep(cc *ssa.CallCommon) bool {
	f := loops.FuncOf(cc)
	return f != nil && f.Pkg() != nil && f.Pkg().Path() == "time" && f.Name() == "Sleep"
}

// observesContext reports whether instr may tie the loop to a context: it
// uses a context value, a request that may carry one, or calls code that
// may see one (a closure capturing a context, a func value).
func observesContext(instr ssa.Instruction) bool {
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if op == nil || *op == nil {
			continue
		}
		v := *op
		t := v.Type()
		if loops.IsContext(t) || isPtrToContextT(t) {
			return true
		}
		if isHTTPRequest(t) && !plainRequest(v) {
			return true
		}
		if mc, ok := v.(*ssa.MakeClosure); ok {
			if fn, ok := mc.Fn.(*ssa.Function); !ok || capturesContext(fn, 0) {
				return true
			}
		}
	}
	if call, ok := instr.(*ssa.Call); ok {
		cc := call.Common()
		if !cc.IsInvoke() && cc.StaticCallee() == nil {
			switch fn := loops.Resolve(cc.Value); {
			case fn == nil:
				return true // an opaque func value
			case capturesContext(fn, 0):
				return true
			}
		}
	}
	return false
}

// capturesContext reports whether fn, or a closure it makes, captures a
// context.
func capturesContext(fn *ssa.Function, depth int) bool {
	if fn == nil || depth > 3 {
		return false
	}
	for _, fv := range fn.FreeVars {
		if loops.IsContext(fv.Type()) || isPtrToContextT(fv.Type()) {
			return true
		}
	}
	for _, anon := range fn.AnonFuncs {
		if capturesContext(anon, depth+1) {
			return true
		}
	}
	return false
}

func isPtrToContextT(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && loops.IsContext(p.Elem())
}

func isHTTPRequest(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Request"
}

// plainRequest reports whether the request v was built by http.NewRequest,
// which gives it context.Background(): it carries no caller's context.
func plainRequest(v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	return loops.IsFunc(call.Call.StaticCallee(), "net/http", "NewRequest")
}

var sleepCtxRule = report.Rule{Analyzer: Name, Category: CategorySleepCtx, Level: report.LevelWarning, URL: URL + "#" + CategorySleepCtx,
	Short: "retry loop pauses with time.Sleep and ignores the context in scope",
	Full:  "A caller's context.Context is in scope, but the loop that retries or polls I/O pauses with time.Sleep and never looks at the context: no ctx.Done() case, no ctx.Err() test, no call that takes ctx. Cancelling the context neither wakes the sleep nor stops the retries, so the loop keeps doing I/O after its caller gave up. Wait with select { case <-ctx.Done(): return ctx.Err(); case <-time.After(d): } (or a time.Timer) and pass ctx to the calls. Not reported in package main nor in test files."}

const sleepCtxFix = "wait with select { case <-ctx.Done(): return ctx.Err(); case <-time.After(d): } (or a time.Timer) instead of time.Sleep, and pass ctx to the calls"

// sleepCtxPart is the message part of the sleepctx finding for l, or "".
func (c *checker) sleepCtxPart(l *loops.Loop, exits loops.Exits, doesIO bool) string {
	ctx, dur, ok := c.sleepIgnoresCtx(l, exits, doesIO)
	if !ok {
		return ""
	}
	io := ""
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			if call, isCall := instr.(*ssa.Call); isCall && io == "" && c.cl.Fallible(call.Common()) && loops.OpaqueOp(call.Common()) == nil {
				io = c.calleeName(call.Common())
			}
		}
	}
	sleep := "time.Sleep"
	if dur != "" {
		sleep = "time.Sleep(" + dur + ")"
	}
	return fmt.Sprintf("retries %s with %s as its pause and never looks at %s although it is in scope: cancelling %s neither wakes the sleep nor stops the retries, so the loop keeps doing I/O after its caller gave up", io, sleep, ctx, ctx)
}
