// Package ssax answers the small questions about an SSA program that
// several zombiecheck engines ask: which function a call names, whether a
// value is the nil constant, which struct field an instruction selects,
// what a pointer type points to, which functions a package holds, and
// whether a package belongs to the standard library.
//
// Each question has one answer here, pinned by the package's tests, so the
// engines (bodies, clients, loops, hosts, netsum, summary and the
// analyzers) cannot drift apart on it.
package ssax

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// CalleeFunc returns the declared function a call names:
//   - for an interface method call (invoke mode), the interface method;
//   - for a static call of a function or method, its *types.Func, the
//     generic function for a call of an instance;
//   - for a call of a closure literal, nil (a closure declares no object).
//
// It returns nil for calls through func values (parameters, fields,
// variables), for builtins and for synthetic functions that declare no
// object. It does not look through local variables: see loops.FuncOf for
// the engine that does.
func CalleeFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	return FuncObject(c.StaticCallee())
}

// FuncObject returns the *types.Func that declares fn (the generic
// function, for an instance), or nil when fn is nil or declares nothing:
// a closure, a package initialiser, a wrapper.
func FuncObject(fn *ssa.Function) *types.Func {
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// IsNil reports whether v is the constant nil: a Const whose type can be
// nil (pointer, slice, map, chan, func, interface, unsafe.Pointer, or a
// type parameter whose type set holds only such types). The zero value of
// a struct, an array or a type parameter constrained by any is not nil,
// although its Const has no Value too.
func IsNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// FieldName returns the name of the struct field that v selects, when v is
// a *ssa.FieldAddr (&x.f) or a *ssa.Field (x.f), and "" for any other value.
func FieldName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return StructFieldName(v.X.Type(), v.Field)
	case *ssa.Field:
		return StructFieldName(v.X.Type(), v.Field)
	}
	return ""
}

// StructFieldName returns the name of field i of the struct type t, or of
// the struct that the pointer type t points to (a defined pointer type
// too), and "" when t is neither (a type parameter, say) or has no field i.
func StructFieldName(t types.Type, i int) string {
	if t == nil {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= st.NumFields() {
		return ""
	}
	return st.Field(i).Name()
}

// Deref returns the element type of t when t is a pointer type or an alias
// of one, and t itself otherwise (nil for nil). A defined pointer type
// (type P *T) is returned as is: it is a named type, not a *types.Pointer.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ClosureBinding returns the value bound to fv by the one MakeClosure of
// its function in the enclosing function, or nil.
func ClosureBinding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	if fn == nil || fn.Parent() == nil {
		return nil
	}
	idx := -1
	for i, x := range fn.FreeVars {
		if x == fv {
			idx = i
		}
	}
	var out ssa.Value
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			if out != nil || idx < 0 || idx >= len(mc.Bindings) {
				return nil
			}
			out = mc.Bindings[idx]
		}
	}
	return out
}

// ShortPos renders pos, in fn's program, as file:line:col with the file's
// base name, or "?" when the position is unknown: the form call paths use
// in messages.
func ShortPos(fn *ssa.Function, pos token.Pos) string {
	if !pos.IsValid() || fn.Prog == nil {
		return "?"
	}
	p := fn.Prog.Fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// Unconvert strips interface and type conversions off v (MakeInterface,
// ChangeInterface, ChangeType) and returns the value they convert.
func Unconvert(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// PackageFuncs returns the functions of pkg that have bodies: its
// package-level functions (the synthetic init and each declared init
// included), the methods declared on its named types (generic ones too),
// each followed by its closures, depth first. The order is that of the
// member names, so it is the same on every run. A package created without
// syntax has no bodies and yields nothing.
func PackageFuncs(pkg *ssa.Package) []*ssa.Function {
	names := make([]string, 0, len(pkg.Members))
	for name := range pkg.Members {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || fn.Blocks == nil {
			return
		}
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, name := range names {
		switch m := pkg.Members[name].(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			if tn, ok := m.Object().(*types.TypeName); !ok || tn.IsAlias() {
				continue // an alias's methods belong to the aliased type's declaration
			}
			named, ok := m.Type().(*types.Named)
			if !ok {
				continue
			}
			for meth := range named.Methods() {
				add(pkg.Prog.FuncValue(meth))
			}
		}
	}
	return out
}
