package zombieloop

import (
	"fmt"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// ctxRetry decides nocancel for a loop that has exits but none on its
// context: call takes a caller's context (directly, or in a request built
// with it) and fails persistently (no return or crash is reachable while
// it keeps failing, fv). Passing ctx to the call does not stop such a loop:
// once ctx is cancelled the call fails at once every time, and its failure
// path goes round again. The loop's other exits (a return on bad data, a
// break on success) are never reached while the call fails.
//
// A failure cycle that must wait for an event (a channel receive, another
// call blocking for input) is left alone: the loop is paced by its
// producer, not retrying. It returns the context's name and the message
// part, or "", "".
func (c *checker) ctxRetry(l *loops.Loop, call *ssa.Call, fv *loops.View, name string, event func(ssa.Instruction) bool) (ctx, why string) {
	ctx = callerContextArg(call.Common())
	if ctx == "" {
		return "", ""
	}
	if l.RetryCycle(call, fv, event) == nil {
		return "", ""
	}
	p := l.RetryCycle(call, fv, func(ssa.Instruction) bool { return false })
	if p == nil {
		return "", ""
	}
	return ctx, fmt.Sprintf("it passes %s to %s, but once %s is cancelled that call fails at once every time and nothing on its failure path leaves the loop, so it goes on retrying %s for ever", ctx, name, ctx, c.failurePace(p, l))
}

// failurePace describes the waits on a failure cycle for ctxRetry.
func (c *checker) failurePace(p *cfgx.Path, l *loops.Loop) string {
	for _, b := range p.Blocks {
		for _, instr := range b.Instrs {
			if c.cl.InstrPace(instr, l) == loops.Adaptive {
				if e := c.sleepExpr(instr); e != "" {
					return "after time.Sleep(" + e + ")"
				}
				return "after a growing wait"
			}
		}
	}
	return c.paceOf(p, l, loops.Invariant)
}

// callerContextArg returns the name of a caller's context that cc passes
// on: an argument of type context.Context, or an *http.Request built in
// the loop's function with http.NewRequestWithContext. The context must
// come from a caller (a parameter, a captured variable not bound to
// context.Background(), a struct field), possibly derived with
// context.WithCancel, WithTimeout and the like; a context.Background() or
// TODO() is never cancelled, and any other source is not judged.
func callerContextArg(cc *ssa.CallCommon) string {
	args := cc.Args
	if cc.IsInvoke() {
		args = append([]ssa.Value{cc.Value}, args...)
	}
	for _, a := range args {
		if loops.IsContext(a.Type()) {
			if n := callerContextName(a, 0); n != "" {
				return n
			}
			continue
		}
		if isHTTPRequest(a.Type()) {
			if ex, ok := a.(*ssa.Extract); ok {
				if mk, ok := ex.Tuple.(*ssa.Call); ok && loops.IsFunc(mk.Call.StaticCallee(), "net/http", "NewRequestWithContext") && len(mk.Call.Args) > 0 {
					if n := callerContextName(mk.Call.Args[0], 0); n != "" {
						return n
					}
				}
			}
		}
	}
	return ""
}

func callerContextName(v ssa.Value, depth int) string {
	if depth > 6 {
		return ""
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.FreeVar:
		if localBackground(v) {
			return ""
		}
		return v.Name()
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return fieldName(x)
		case *ssa.FreeVar, *ssa.Alloc:
			// A variable captured by reference: judged by what is stored
			// into it.
			if boxedBackground(x) {
				return ""
			}
			return x.Name()
		}
	case *ssa.Extract:
		return callerContextName(v.Tuple, depth+1)
	case *ssa.Call:
		f := v.Call.StaticCallee()
		if f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "context" && len(v.Call.Args) > 0 && loops.IsContext(v.Call.Args[0].Type()) {
			return callerContextName(v.Call.Args[0], depth+1) // WithCancel, WithTimeout, WithValue, ...
		}
	case *ssa.Phi:
		name := ""
		for _, e := range v.Edges {
			if e == v {
				continue
			}
			n := callerContextName(e, depth+1)
			if n == "" || (name != "" && n != name) {
				return ""
			}
			name = n
		}
		return name
	}
	return ""
}

// fieldName names a context loaded from a struct field: "s.ctx".
func fieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	f := st.Field(fa.Field).Name()
	if x, ok := fa.X.(*ssa.Parameter); ok {
		return x.Name() + "." + f
	}
	return f
}

// boxedBackground reports whether the variable cell v (an Alloc, or a free
// variable bound to one through closure levels) holds a context.Background()
// or TODO(), or whether its stores cannot be seen.
func boxedBackground(v ssa.Value) bool {
	for range 8 {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			break
		}
		v = ssax.ClosureBinding(fv)
	}
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return true
	}
	for _, ref := range *a.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != a {
			continue
		}
		if call, ok := st.Val.(*ssa.Call); ok {
			f := call.Call.StaticCallee()
			if loops.IsFunc(f, "context", "Background") || loops.IsFunc(f, "context", "TODO") {
				return true
			}
		}
	}
	return false
}
