package loops

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Swallowed returns the call path by which call reaches fallible I/O whose
// error is dropped before it could reach the caller: call returns no error,
// and the helper it calls (of this package, followed up to depth 4) makes
// fallible I/O calls and discards the error of every one of them, directly
// or through helpers of the same kind. The path starts at the helper and
// ends at the I/O call: ["(*Client).heartbeat", "(*Client).post",
// "(*net/http.Client).Post"]. It returns nil when the helper looks at any
// I/O error (it may log, count or handle it), when it does no I/O, or when
// the callee cannot be resolved (interface calls, func values).
func (c *Classifier) Swallowed(call *ssa.CallCommon) []string {
	c.init()
	if call.IsInvoke() || call.Signature().Results().Len() > 0 && lastIsError(call.Signature()) {
		return nil
	}
	via := c.factSwallows(call)
	if via == nil {
		f := Callee(call)
		if f != nil && f.Origin() != nil {
			f = f.Origin()
		}
		if f == nil || f.Pkg == nil || f.Pkg.Pkg != c.Pkg {
			return nil
		}
		via = c.swallows(f, 0, map[*ssa.Function]bool{})
	}
	// Names are full (package paths) so that they can cross packages in
	// facts; in messages, this package's own names are left unqualified.
	out := make([]string, len(via))
	for i, s := range via {
		out[i] = strings.ReplaceAll(s, c.Pkg.Path()+".", "")
	}
	if len(via) == 0 {
		return nil
	}
	return out
}

// SwallowsFunc returns Swallowed's path for fn itself, a function of this
// package with no error result: the fact exported for callers in other
// packages.
func (c *Classifier) SwallowsFunc(fn *ssa.Function) []string {
	c.init()
	if r := fn.Signature.Results(); r.Len() > 0 && lastIsError(fn.Signature) {
		return nil
	}
	return c.swallows(fn, 0, map[*ssa.Function]bool{})
}

// factSwallows returns the Swallows path of a static callee of another
// package, known by its fact, qualified by its package.
func (c *Classifier) factSwallows(call *ssa.CallCommon) []string {
	fn := FuncOf(call)
	if call.IsInvoke() || fn == nil || fn.Pkg() == nil || fn.Pkg() == c.Pkg || c.Fact == nil {
		return nil
	}
	f, ok := c.Fact(fn)
	if !ok || f.Swallows == nil {
		return nil
	}
	return append([]string(nil), f.Swallows...)
}

// swallows is Swallowed for the body of fn.
func (c *Classifier) swallows(fn *ssa.Function, depth int, seen map[*ssa.Function]bool) []string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if depth > 4 || seen[fn] || len(fn.Blocks) == 0 {
		return nil
	}
	seen[fn] = true
	var found []string
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			cc := call.Common()
			if c.WaitPace(cc) != NoWait {
				continue
			}
			if lastIsError(cc.Signature()) && c.ioCall(cc, depth) {
				if !Discarded(call) {
					return nil // the helper looks at this error
				}
				if found == nil {
					found = c.ioPath(cc, depth, map[*ssa.Function]bool{})
				}
				continue
			}
			if cc.IsInvoke() || lastIsError(cc.Signature()) {
				continue
			}
			if sub := c.factSwallows(cc); sub != nil {
				if found == nil {
					found = sub
				}
				continue
			}
			f := Callee(cc)
			if f != nil && f.Origin() != nil {
				f = f.Origin()
			}
			if f != nil && f.Pkg != nil && f.Pkg.Pkg == c.Pkg {
				if sub := c.swallows(f, depth+1, seen); sub != nil && found == nil {
					found = sub
				}
			}
		}
	}
	if found == nil {
		return nil
	}
	return append([]string{c.funcName(fn)}, found...)
}

// ioPath returns the call path from the fallible I/O call cc down to the
// first call that is I/O by itself (std I/O, an I/O interface method, a
// remote-call shape or a function of another package known by its fact).
func (c *Classifier) ioPath(cc *ssa.CallCommon, depth int, seen map[*ssa.Function]bool) []string {
	f := Callee(cc)
	if f != nil && f.Origin() != nil {
		f = f.Origin()
	}
	if cc.IsInvoke() || f == nil || f.Pkg == nil || f.Pkg.Pkg != c.Pkg || depth > 4 {
		return []string{c.calleeString(cc)}
	}
	if f.Origin() != nil {
		f = f.Origin()
	}
	if seen[f] {
		return []string{c.calleeString(cc)}
	}
	seen[f] = true
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			inner := call.Common()
			if c.WaitPace(inner) == NoWait && lastIsError(inner.Signature()) && c.ioCall(inner, depth+1) {
				return append([]string{c.funcName(f)}, c.ioPath(inner, depth+1, seen)...)
			}
		}
	}
	return []string{c.funcName(f)}
}

// calleeString names the callee of cc for a call path: package-qualified
// ("net.Dial", "(*net/http.Client).Post", "(*example.com/lib.Client).post").
func (c *Classifier) calleeString(cc *ssa.CallCommon) string {
	if cc.IsInvoke() {
		return cc.Method.FullName()
	}
	if f := Callee(cc); f != nil {
		return c.funcName(f)
	}
	return "a func value"
}

func (c *Classifier) funcName(fn *ssa.Function) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return obj.FullName()
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Path() + "." + fn.Name() // a closure
	}
	return fn.Name()
}
