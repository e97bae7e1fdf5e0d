package bodies

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// A RoundTripper that returns a response together with a non-nil error.
//
// http.RoundTripper's contract is that RoundTrip returns a nil error if it
// obtained a response; net/http's Client, given both, discards the
// response without closing it. So a RoundTrip that returns an open body
// beside an error of its own (resty's digest transport: `return resp,
// ErrDigestBadChallenge` on a 401) leaks the body whatever its caller
// does. Passing on the inner RoundTrip's own `resp, err` is not this: the
// inner transport answers for it. The error must be certainly non-nil:
// a package-level sentinel, errors.New or fmt.Errorf, a concrete error
// value, a context's Err, or an error tested non-nil on the way. A plain
// function returning (resp, err) is not held to the rule: its callers may
// close on error, and nothing discards what it returns.

// isRoundTrip reports whether fn is a RoundTrip method, or a function
// literal converted to a type with one (an http.RoundTripperFunc), with
// RoundTrip's signature.
func isRoundTrip(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 || !isRequestPtr(sig.Params().At(0).Type()) ||
		!httptypes.IsResponsePtr(sig.Results().At(0).Type()) || !isError(sig.Results().At(1).Type()) {
		return false
	}
	if sig.Recv() != nil {
		return fn.Name() == "RoundTrip"
	}
	parent := fn.Parent()
	if parent == nil {
		return false
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			ct, ok := instr.(*ssa.ChangeType)
			if !ok || funcOf(ct.X) != fn {
				continue
			}
			if hasRoundTrip(ct.Type()) {
				return true
			}
		}
	}
	return false
}

func hasRoundTrip(t types.Type) bool {
	for _, t := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(t)
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == "RoundTrip" {
				return true
			}
		}
	}
	return false
}

func isRequestPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Request"
}

// errorReturns finds the returns of the RoundTrip fn that hand back src's
// response, still open, beside a certainly non-nil error other than the
// one src came with.
func (a *Analyzer) errorReturns(src source, ev *events, skip func(from, to *ssa.BasicBlock) bool) []Leak {
	if src.kind != kindResp {
		return nil
	}
	var out []Leak
	for _, ret := range ev.returnInstrs {
		if !ev.returnedAt[ret][0] || len(ret.Results) != 2 {
			continue
		}
		e := ret.Results[1]
		if isOwnError(e, src.err) || !certainlyNonNil(e, ret.Block()) {
			continue
		}
		target := func(i ssa.Instruction) bool { return i == ret }
		barrier := func(i ssa.Instruction) bool { return i != ret && (ev.releases[i] || ev.transfers[i]) }
		path := cfgx.FindPath(src.instr, target, barrier, skip)
		if path == nil {
			continue
		}
		out = append(out, Leak{Source: src.instr, Callee: src.callee, Exit: ret, ErrorReturn: true, Closed: len(ev.releases) > 0})
	}
	return out
}

// isOwnError reports whether e is the producing call's error (or merges
// only that error and nil).
func isOwnError(e, own ssa.Value) bool {
	if own == nil {
		return false
	}
	if e == own {
		return true
	}
	phi, ok := e.(*ssa.Phi)
	if !ok {
		return false
	}
	for _, x := range phi.Edges {
		if x != own && !ssax.IsNil(x) {
			return false
		}
	}
	return true
}

// certainlyNonNil reports whether the error e, returned in block at, is
// not nil.
func certainlyNonNil(e ssa.Value, at *ssa.BasicBlock) bool {
	switch e := e.(type) {
	case *ssa.Const:
		return false
	case *ssa.MakeInterface:
		return true // a concrete error value
	case *ssa.UnOp:
		if _, ok := e.X.(*ssa.Global); ok && e.Op == token.MUL {
			return true // a package-level sentinel
		}
	case *ssa.Call:
		common := e.Common()
		if common.IsInvoke() {
			if common.Method.Name() == "Err" && loops.IsContext(common.Value.Type()) {
				return true
			}
		} else if callee := common.StaticCallee(); callee != nil && callee.Pkg != nil {
			switch callee.Pkg.Pkg.Path() + "." + callee.Name() {
			case "errors.New", "fmt.Errorf":
				return true
			}
		}
	}
	return testedNonNil(e, at)
}

// testedNonNil reports whether block at lies only on the branch where
// `e != nil` held.
func testedNonNil(e ssa.Value, at *ssa.BasicBlock) bool {
	for _, br := range loops.ErrorTests(e) {
		if len(br.Err.Preds) == 1 && br.Err.Dominates(at) {
			return true
		}
	}
	return false
}
