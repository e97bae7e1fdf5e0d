package bodies

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Calls through a function value.
//
// A call such as `validator(c, resp)` or `o.retryIf(resp, err)` has no
// static callee, so no summary says what it does with the response. Taking
// every such call as a transfer silenced real leaks: a validator that
// returns an error for a bad status (r3labs/sse), a retry predicate that
// sends the loop round (gguf-parser-go's retrying RoundTripper). A call
// through a function value borrows the response when one of these holds:
//
//   - the function's type is a predicate: its results are bool and error
//     only, with at least one bool. It answers a question about the
//     response; it has nothing to hand back and no reason to close.
//   - the caller goes on acting as the owner after the call: on some path
//     from the call it closes, returns, stores or hands on the same
//     response. Nobody closes what they have given away.
//   - every function value the package stores into that field or global
//     is known, and none closes or keeps that parameter.
//
// It takes ownership (silence) when some function value the package stores
// there closes or keeps the parameter, whatever the signature; and
// otherwise, so a handler `consume func(*http.Response) error` that the
// caller never touches again stays a transfer: with no implementation in
// sight the callback is the likelier owner.

// resolveDynamic decides each call through a function value that receives
// the value followed from root: a borrow leaves no event, anything else is
// a transfer.
func (a *Analyzer) resolveDynamic(root ssa.Value, ev *events) {
	if len(ev.dynamicList) == 0 {
		return
	}
	var stop *ssa.BasicBlock
	if instr, ok := root.(ssa.Instruction); ok {
		stop = instr.Block()
	}
	var transfers []*ssa.Call
	for _, call := range ev.dynamicList {
		if !a.dynamicBorrows(call, ev.dynamic[call], ev, stop) {
			transfers = append(transfers, call)
		}
	}
	// Decided against the events seen before any of these calls counted,
	// so the order of the calls does not matter.
	for _, call := range transfers {
		ev.transfers[call] = true
	}
}

func (a *Analyzer) dynamicBorrows(call *ssa.Call, args []int, ev *events, stop *ssa.BasicBlock) bool {
	common := call.Common()
	fns, complete := a.storedFuncs(common.Value)
	for _, fn := range fns {
		s := a.summaryOf(fn)
		for _, i := range args {
			if s != nil && (contains(s.ClosesParam, i) || contains(s.TransfersParam, i)) {
				return false // an implementation in sight closes or keeps it
			}
		}
	}
	if isPredicate(common.Signature()) || ownsAfter(call, ev, stop) {
		return true
	}
	if !complete || len(fns) == 0 {
		return false
	}
	for _, fn := range fns {
		if a.summaryOf(fn) == nil {
			return false // not summarised: no evidence either way
		}
	}
	return true
}

// isPredicate reports whether sig's results are bool and error only, with
// at least one bool.
func isPredicate(sig *types.Signature) bool {
	res := sig.Results()
	bools := 0
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		switch {
		case isError(t):
		case isBool(t):
			bools++
		default:
			return false
		}
	}
	return bools > 0
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// ownsAfter reports whether, after call, some path meets a release or a
// transfer of the same value (including returning it) before coming back to
// stop, the block that produces the value (the next attempt's response in
// a loop).
func ownsAfter(call *ssa.Call, ev *events, stop *ssa.BasicBlock) bool {
	owner := func(instr ssa.Instruction) bool { return ev.releases[instr] || ev.transfers[instr] }
	intoStop := func(_, to *ssa.BasicBlock) bool { return to == stop }
	return cfgx.FindPath(call, owner, nil, intoStop) != nil
}

// storedFuncs returns the functions the package stores where the function
// value v is loaded from (a struct field or a global), and whether every
// value stored there is such a known function.
func (a *Analyzer) storedFuncs(v ssa.Value) ([]*ssa.Function, bool) {
	var keys []any
	seen := map[ssa.Value]bool{}
	complete := true
	var origin func(v ssa.Value)
	origin = func(v ssa.Value) {
		if seen[v] {
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !ssax.IsNil(e) {
					origin(e)
				}
			}
		case *ssa.ChangeType:
			origin(v.X)
		case *ssa.UnOp:
			if v.Op != token.MUL {
				complete = false
				return
			}
			switch addr := v.X.(type) {
			case *ssa.FieldAddr:
				if f := fieldVar(addr.X.Type(), addr.Field); f != nil {
					keys = append(keys, f)
					return
				}
			case *ssa.Global:
				keys = append(keys, addr)
				return
			}
			complete = false
		case *ssa.Field:
			if f := fieldVar(v.X.Type(), v.Field); f != nil {
				keys = append(keys, f)
				return
			}
			complete = false
		default:
			complete = false
		}
	}
	origin(v)
	if len(keys) == 0 {
		return nil, false
	}
	a.indexStored()
	var out []*ssa.Function
	for _, k := range keys {
		fns, ok := a.stored[k]
		if !ok {
			complete = false // never stored in this package
		}
		for _, fn := range fns {
			if fn == nil {
				complete = false
				continue
			}
			out = append(out, fn)
		}
	}
	return out, complete
}

// indexStored records, for every store of a function-typed value into a
// struct field or a global, the function stored (nil when it is not a
// known function or closure).
func (a *Analyzer) indexStored() {
	if a.stored != nil {
		return
	}
	a.stored = make(map[any][]*ssa.Function)
	for _, fn := range a.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if _, isFunc := st.Val.Type().Underlying().(*types.Signature); !isFunc || ssax.IsNil(st.Val) {
					continue
				}
				var key any
				switch addr := st.Addr.(type) {
				case *ssa.FieldAddr:
					if f := fieldVar(addr.X.Type(), addr.Field); f != nil {
						key = f
					}
				case *ssa.Global:
					key = addr
				}
				if key == nil {
					continue
				}
				a.stored[key] = append(a.stored[key], funcOf(st.Val))
			}
		}
	}
}

// funcOf returns the function a function value certainly is, or nil.
func funcOf(v ssa.Value) *ssa.Function {
	for {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Function:
			return x
		case *ssa.MakeClosure:
			fn, _ := x.Fn.(*ssa.Function)
			return fn
		}
		return nil
	}
}

// fieldVar returns field i of the struct t points to (or is).
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil
	}
	return st.Field(i)
}

// Wrappers.
//
// A response stored into a field of a struct the function allocates
// itself (`result := &Response{Response: resp}`) is still the function's
// to close: returning, storing, sending or passing the struct on moves it;
// reading the field back follows the response again; dropping the struct
// (overwriting it on a retry, returning something else) leaks the body.

// wrap starts following alloc as the wrapper of the response in field.
func (a *Analyzer) wrap(w ssa.Value, field int, visit func(ssa.Value, kind)) {
	if a.wraps == nil {
		a.wraps = make(map[ssa.Value]int)
	}
	if _, ok := a.wraps[w]; !ok {
		a.wraps[w] = field
	}
	visit(w, kindWrap)
}

// classifyWrap decides what one use of a wrapper means.
func (a *Analyzer) classifyWrap(v ssa.Value, ref ssa.Instruction, ev *events, visit func(ssa.Value, kind)) {
	field := a.wraps[v]
	switch r := ref.(type) {
	case *ssa.DebugRef, *ssa.BinOp, *ssa.If:
	case *ssa.Phi, *ssa.ChangeType:
		a.wrap(r.(ssa.Value), field, visit)
	case *ssa.FieldAddr:
		if r.Field != field {
			return // another field: the wrapper's own data
		}
		for _, fref := range *r.Referrers() {
			switch fr := fref.(type) {
			case *ssa.UnOp:
				if fr.Op == token.MUL {
					visit(fr, kindResp)
				}
			case *ssa.Store:
				if fr.Addr != r {
					ev.transfers[fr] = true // the field's address escapes
				}
				// else the field is overwritten: not a use of ours
			case *ssa.DebugRef:
			default:
				ev.transfers[fref] = true
			}
		}
	case *ssa.UnOp:
		if r.Op == token.MUL {
			a.wrap(r, field, visit) // the struct value loaded
			return
		}
		ev.transfers[r] = true
	case *ssa.Field:
		if r.Field == field {
			visit(r, kindResp)
		}
	case *ssa.Store:
		if r.Val != v {
			return // a store into the wrapper (its address as Addr)
		}
		ev.transfers[r] = true
	default:
		// returned, passed, sent, captured: the wrapper goes on, and the
		// response with it.
		ev.transfers[ref] = true
	}
}
