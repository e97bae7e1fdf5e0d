package zombieloop

import (
	"fmt"
	"go/constant"
	"go/token"
	"time"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"golang.org/x/tools/go/ssa"
)

// longSleep is the shortest time.Sleep that sleepctx reports in a loop
// that does look at its context: cancellation waits for the sleep to end,
// and a shutdown that waits for the goroutine (a WaitGroup, an errgroup)
// waits that long. A second or so is a pause nobody notices (vault/api's
// remount poll, indigo tap's resync worker); five seconds is half of
// docker stop's default grace period.
const longSleep = 5 * time.Second

// sleepWaitPart is the sleepctx part for a loop that looks at a caller's
// context (a ctx.Done() case, a ctx.Err() test, ctx passed to its calls)
// but pauses with a long time.Sleep: a backoff that grows (unless its
// longest wait is known and under longSleep), or a wait known to be at
// least longSleep. Cancelling the context does not wake the sleep, so the
// loop sees the cancellation only when the sleep ends. It returns "" when
// the rule does not apply. Package main is left alone, as by every context
// rule: a command's goroutines end with its process (indigo's cmd/tap
// returns from main without waiting for its firehose loop).
func (c *checker) sleepWaitPart(l *loops.Loop, exits loops.Exits, doesIO bool) string {
	if !doesIO || c.pass.Pkg.Name() == "main" {
		return ""
	}
	ctx := callerContext(l.Fn)
	if ctx == "" {
		return ""
	}
	observes := exits.Cancel > 0
	var sleeps []*ssa.Call
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok && isTimeSleep(call.Common()) && len(call.Call.Args) == 1 {
				sleeps = append(sleeps, call)
			}
			if !observes && usesContext(instr) {
				observes = true
			}
		}
	}
	if !observes {
		return ""
	}
	for _, s := range sleeps {
		arg := s.Call.Args[0]
		w := c.longestWait(arg, l, s.Block(), 0, map[ssa.Value]bool{})
		var how string
		switch {
		case c.cl.DurationPace(arg, l) == loops.Adaptive:
			if w.exact && w.max < longSleep {
				continue
			}
			how = "a backoff that grows"
			switch {
			case w.exact:
				how += " to " + w.max.String()
			case w.max >= longSleep:
				how += " to " + w.max.String() + " or more"
			default:
				how += " with no bound in sight"
			}
		case w.exact && w.max >= longSleep:
			how = "up to " + w.max.String()
			if _, ok := arg.(*ssa.Const); ok {
				how = "a fixed " + w.max.String()
			}
		default:
			continue
		}
		expr := c.sleepExpr(s)
		if expr == "" {
			expr = "d"
		}
		return fmt.Sprintf("pauses with time.Sleep(%s), %s, which cancelling %s does not wake: the loop looks at %s, but only after the sleep, so cancellation (and a shutdown that waits for this loop) waits out the whole sleep", expr, how, ctx, ctx)
	}
	return ""
}

const sleepWaitFix = "wait with select { case <-ctx.Done(): return ctx.Err(); case <-time.After(d): } (or a time.Timer you stop) instead of time.Sleep"

// wait is what longestWait knows of a duration: its largest value when
// exact, else the largest constant part seen (a lower bound on the
// longest wait).
type wait struct {
	max   time.Duration
	exact bool
}

// longestWait bounds the duration v from above: constants, conversions,
// sums and products of bounded parts, min with a bounded argument,
// math/rand's Intn(n) and friends, phis, and the results of a function of
// this package (its parameters bound to the call's arguments through
// env). Parameters, fields and values that grow round the loop are not
// bounded.
func (c *checker) longestWait(v ssa.Value, l *loops.Loop, at *ssa.BasicBlock, depth int, seen map[ssa.Value]bool) wait {
	if depth > 8 || seen[v] {
		return wait{}
	}
	seen[v] = true
	defer delete(seen, v)
	w := c.valueWait(v, l, at, depth, seen)
	if g, ok := c.guardedWait(v, l, at, depth, seen); ok && (!w.exact || g.max < w.max) {
		return g
	}
	return w
}

// guardedWait bounds v where the sleep at block at uses it, by a test on v
// itself that every path to at passes on its small side: `if v > k {
// return }` (or v >= k, k < v, k <= v, and `if v <= k { sleep }`),
// whose arm on the small side has that test as its only way in and
// dominates at (syncthing's accept loops: acceptFailures++; if
// acceptFailures > maxAcceptFailures { return err };
// time.Sleep(time.Duration(acceptFailures) * time.Second)).
func (c *checker) guardedWait(v ssa.Value, l *loops.Loop, at *ssa.BasicBlock, depth int, seen map[ssa.Value]bool) (wait, bool) {
	instr, ok := v.(ssa.Instruction)
	if !ok || at == nil || instr.Parent() != at.Parent() || v.Referrers() == nil {
		return wait{}, false
	}
	for _, ref := range *v.Referrers() {
		cmp, ok := ref.(*ssa.BinOp)
		if !ok || cmp.Referrers() == nil {
			continue
		}
		var bound ssa.Value
		var smallOnTrue bool // the comparison is true when v is small
		switch {
		case cmp.X == v && (cmp.Op == token.GTR || cmp.Op == token.GEQ):
			bound = cmp.Y
		case cmp.Y == v && (cmp.Op == token.LSS || cmp.Op == token.LEQ):
			bound = cmp.X
		case cmp.X == v && (cmp.Op == token.LSS || cmp.Op == token.LEQ):
			bound, smallOnTrue = cmp.Y, true
		case cmp.Y == v && (cmp.Op == token.GTR || cmp.Op == token.GEQ):
			bound, smallOnTrue = cmp.X, true
		default:
			continue
		}
		for _, cref := range *cmp.Referrers() {
			iff, ok := cref.(*ssa.If)
			if !ok {
				continue
			}
			small := iff.Block().Succs[1]
			if smallOnTrue {
				small = iff.Block().Succs[0]
			}
			if len(small.Preds) != 1 || !small.Dominates(at) {
				continue
			}
			if bw := c.longestWait(bound, l, at, depth+1, seen); bw.exact {
				return bw, true
			}
		}
	}
	return wait{}, false
}

// valueWait is longestWait for v by what v is computed from.
func (c *checker) valueWait(v ssa.Value, l *loops.Loop, at *ssa.BasicBlock, depth int, seen map[ssa.Value]bool) wait {
	switch v := v.(type) {
	case *ssa.Const:
		if d, ok := loops.ConstDuration(v); ok {
			return wait{max: max(d, 0), exact: true}
		}
	case *ssa.Convert:
		return c.longestWait(v.X, l, at, depth+1, seen)
	case *ssa.ChangeType:
		return c.longestWait(v.X, l, at, depth+1, seen)
	case *ssa.BinOp:
		x, y := c.longestWait(v.X, l, at, depth+1, seen), c.longestWait(v.Y, l, at, depth+1, seen)
		switch v.Op {
		case token.ADD:
			return wait{max: satAdd(x.max, y.max), exact: x.exact && y.exact}
		case token.MUL:
			return wait{max: satMul(x.max, y.max), exact: x.exact && y.exact}
		}
		return wait{max: max(x.max, y.max)}
	case *ssa.Phi:
		w := wait{exact: true}
		for i, e := range v.Edges {
			ew, ok := c.clampedEdge(v, i, l, at, depth, seen)
			if !ok {
				ew = c.longestWait(e, l, at, depth+1, seen)
			}
			w.max = max(w.max, ew.max)
			w.exact = w.exact && ew.exact
		}
		return w
	case *ssa.Call:
		return c.callWait(v, l, at, depth, seen)
	}
	return wait{}
}

// clampedEdge bounds edge i of phi when it is the unchanged arm of a
// clamp: the edge comes straight from an `if x > k` (or x >= k, k < x,
// k <= x) whose false arm carries x itself, so x is at most k there
// (inbucket's accept loop: `if tempDelay > maxDelay { tempDelay =
// maxDelay }`). The other arm is judged by its own value.
func (c *checker) clampedEdge(phi *ssa.Phi, i int, l *loops.Loop, at *ssa.BasicBlock, depth int, seen map[ssa.Value]bool) (wait, bool) {
	pred := phi.Block().Preds[i]
	ifi, ok := pred.Instrs[len(pred.Instrs)-1].(*ssa.If)
	if !ok {
		return wait{}, false
	}
	cond, ok := ifi.Cond.(*ssa.BinOp)
	if !ok {
		return wait{}, false
	}
	x := phi.Edges[i]
	// Which side of the comparison x is on, and whether the edge is
	// the comparison's false arm.
	falseArm := pred.Succs[1] == phi.Block() && pred.Succs[0] != phi.Block()
	trueArm := pred.Succs[0] == phi.Block() && pred.Succs[1] != phi.Block()
	var bound ssa.Value
	switch {
	case cond.X == x && falseArm && (cond.Op == token.GTR || cond.Op == token.GEQ),
		cond.X == x && trueArm && (cond.Op == token.LSS || cond.Op == token.LEQ):
		bound = cond.Y
	case cond.Y == x && falseArm && (cond.Op == token.LSS || cond.Op == token.LEQ),
		cond.Y == x && trueArm && (cond.Op == token.GTR || cond.Op == token.GEQ):
		bound = cond.X
	default:
		return wait{}, false
	}
	w := c.longestWait(bound, l, at, depth+1, seen)
	if !w.exact {
		return wait{}, false
	}
	return w, true
}

func (c *checker) callWait(v *ssa.Call, l *loops.Loop, at *ssa.BasicBlock, depth int, seen map[ssa.Value]bool) wait {
	if b, ok := v.Call.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "min":
			w := wait{}
			for _, a := range v.Call.Args {
				aw := c.longestWait(a, l, at, depth+1, seen)
				if aw.exact && (!w.exact || aw.max < w.max) {
					w = aw
				} else if !w.exact {
					w.max = max(w.max, aw.max)
				}
			}
			return w
		case "max":
			w := wait{exact: true}
			for _, a := range v.Call.Args {
				aw := c.longestWait(a, l, at, depth+1, seen)
				w.max = max(w.max, aw.max)
				w.exact = w.exact && aw.exact
			}
			return w
		}
		return wait{}
	}
	f := v.Call.StaticCallee()
	if f == nil {
		return wait{}
	}
	if f.Pkg != nil && (f.Pkg.Pkg.Path() == "math/rand" || f.Pkg.Pkg.Path() == "math/rand/v2") && len(v.Call.Args) == 1 {
		if k, ok := v.Call.Args[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
			if n, ok := constant.Int64Val(k.Value); ok && n > 0 {
				return wait{max: time.Duration(n - 1), exact: true}
			}
		}
		return wait{}
	}
	if f.Pkg == nil || f.Pkg != l.Fn.Pkg || len(f.Blocks) == 0 || f.Signature.Results().Len() != 1 {
		return wait{}
	}
	// A function of this package: the largest of its results, with its
	// parameters bound to this call's arguments.
	w := wait{exact: true}
	any := false
	for _, b := range f.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		any = true
		rw := c.longestWait(bindArgs(ret.Results[0], f, v), l, at, depth+1, seen)
		w.max = max(w.max, rw.max)
		w.exact = w.exact && rw.exact
	}
	if !any {
		return wait{}
	}
	return w
}

// bindArgs returns the argument of call for r when r is a parameter of f,
// else r.
func bindArgs(r ssa.Value, f *ssa.Function, call *ssa.Call) ssa.Value {
	if p, ok := r.(*ssa.Parameter); ok {
		for i, fp := range f.Params {
			if fp == p && i < len(call.Call.Args) {
				return call.Call.Args[i]
			}
		}
	}
	return r
}

func satAdd(a, b time.Duration) time.Duration {
	if s := a + b; s >= a && s >= b {
		return s
	}
	return time.Duration(1<<63 - 1)
}

func satMul(a, b time.Duration) time.Duration {
	if a == 0 || b == 0 {
		return 0
	}
	if p := a * b; p/b == a && p >= 0 {
		return p
	}
	return time.Duration(1<<63 - 1)
}

// usesContext reports whether instr certainly uses a context: an operand of
// type context.Context (ctx passed to a call, ctx.Err()) or a request that
// may carry one. Unlike observesContext it does not count calls of func
// values or closures, which may or may not look at it: the message says
// the loop looks at ctx.
func usesContext(instr ssa.Instruction) bool {
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if op == nil || *op == nil {
			continue
		}
		t := (*op).Type()
		if loops.IsContext(t) || isPtrToContextT(t) || (isHTTPRequest(t) && !plainRequest(*op)) {
			return true
		}
	}
	return false
}
