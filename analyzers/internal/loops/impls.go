package loops

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// maxImpls bounds the implementations implsDoIO looks at.
const maxImpls = 16

// implsDoIO reports whether a call of method name on iface, an interface
// declared in this package, does fallible I/O whatever the dynamic type:
// the interface has at least one implementation among this package's
// named types, and every one of them does I/O in that method (a watchdog's
// `notifier` interface implemented by a unix-socket writer). An
// implementation elsewhere (a caller's type, a test fake of another
// package) is not seen; one in this package that does no I/O (an
// in-memory fake) makes the call not I/O.
func (c *Classifier) implsDoIO(call *ssa.CallCommon, depth int) bool {
	if v, ok := c.implMemo[call.Method]; ok {
		return v
	}
	if c.implMemo == nil {
		c.implMemo = make(map[*types.Func]bool)
	}
	c.implMemo[call.Method] = false // cycles: assume no
	v := c.implsDoIOUncached(call, depth)
	c.implMemo[call.Method] = v
	return v
}

func (c *Classifier) implsDoIOUncached(call *ssa.CallCommon, depth int) bool {
	iface, ok := call.Value.Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	prog := progOf(call.Value)
	if prog == nil {
		return false
	}
	found := 0
	scope := c.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		var recv types.Type
		switch {
		case types.Implements(named, iface):
			recv = named
		case types.Implements(types.NewPointer(named), iface):
			recv = types.NewPointer(named)
		default:
			continue
		}
		if found++; found > maxImpls {
			return false
		}
		sel := prog.MethodSets.MethodSet(recv).Lookup(call.Method.Pkg(), call.Method.Name())
		if sel == nil {
			return false
		}
		fn := prog.MethodValue(sel)
		if fn == nil || len(fn.Blocks) == 0 || !c.doesIO(fn, depth+1) {
			return false
		}
	}
	return found > 0
}

// progOf returns the program v belongs to, or nil.
func progOf(v ssa.Value) *ssa.Program {
	switch v := v.(type) {
	case ssa.Instruction:
		if fn := v.Parent(); fn != nil {
			return fn.Prog
		}
	case *ssa.Parameter:
		if fn := v.Parent(); fn != nil {
			return fn.Prog
		}
	case *ssa.FreeVar:
		if fn := v.Parent(); fn != nil {
			return fn.Prog
		}
	}
	return nil
}
