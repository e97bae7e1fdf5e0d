package clients

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// maxDeadlineDepth caps how many callers up a context parameter, and how
// many builders down a request, are followed; past it the answer is "no
// deadline known", which keeps a finding.
const maxDeadlineDepth = 4

// maxCarrierTypes caps how many types mayCarryContext looks at for one
// argument (livekit's ConnectParams reaches webrtc's codec tables five
// levels down).
const maxCarrierTypes = 512

// Deadlines decides whether a request sent in a package carries a context
// with a deadline, which bounds the exchange, body included, as a
// Client.Timeout would. The context has a deadline when it is
//
//   - the result of context.WithTimeout or WithDeadline (or their Cause
//     variants) in the same function (httptypes.CtxHasDeadline); or
//   - a context.Context parameter of an unexported function or method of
//     the package whose every static call site passes such a context (or
//     such a parameter of its own caller, up to maxDeadlineDepth), when
//     those are all its callers (ssax.Callers.CallSites: never used as a
//     value, never called through an interface), and it has at least one.
//     engine.go's (*RTCEngine).validate in livekit's server-sdk-go, whose
//     two callers each pass a fresh context.WithTimeout.
//
// and the request carries it when it is made by
// http.NewRequestWithContext(ctx, ...), req.WithContext(ctx) or
// req.Clone(ctx), or returned by a request builder: a call that returns
// *http.Request and takes ctx as its only argument that can carry a
// context (every other argument is of a type that holds no context,
// through its fields, elements or function results: not any, not an
// interface context.Context satisfies, not a type implementing it). The
// builder is trusted to put ctx on the request it returns, as the shape
// promises (livekit's Signalling.HTTPRequestForValidate, an interface
// method of another package), except where its body is in this package:
// there every request it returns must be nil or carry its ctx parameter,
// by the same rules, or the request is not known to have a deadline. A
// call through a function value is not a builder (its closure may carry
// any context).
//
// A nil *Deadlines, or one without a callers index, counts no parameter.
type Deadlines struct {
	callers func() *ssax.Callers
}

// NewDeadlines returns a Deadlines over the package whose static call
// sites callers indexes (built on first use; summary.Result.Callers).
func NewDeadlines(callers func() *ssax.Callers) *Deadlines {
	return &Deadlines{callers: callers}
}

// Bounded reports whether the send at instr is (*http.Client).Do of a
// request that carries a deadline (see Deadlines).
func (d *Deadlines) Bounded(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	common := call.Common()
	callee := ssax.CalleeFunc(common)
	if callee == nil || callee.Name() != "Do" || len(common.Args) != 2 {
		return false
	}
	return d.RequestHasDeadline(common.Args[1])
}

// RequestHasDeadline reports whether req carries a context with a
// deadline (see Deadlines).
func (d *Deadlines) RequestHasDeadline(req ssa.Value) bool {
	return d.carries(req, func(ctx ssa.Value) bool { return d.CtxHasDeadline(ctx) }, 0)
}

// CtxHasDeadline reports whether ctx has a deadline: made by
// context.WithTimeout or WithDeadline here, or a parameter every caller
// gives one (see Deadlines).
func (d *Deadlines) CtxHasDeadline(ctx ssa.Value) bool {
	return d.ctxHasDeadline(ctx, 0, map[*ssa.Parameter]bool{})
}

func (d *Deadlines) ctxHasDeadline(ctx ssa.Value, depth int, visiting map[*ssa.Parameter]bool) bool {
	if httptypes.CtxHasDeadline(ctx) {
		return true
	}
	if phi, ok := ctx.(*ssa.Phi); ok && depth < maxDeadlineDepth {
		return d.phiHasDeadline(phi, depth, visiting)
	}
	p, ok := ctx.(*ssa.Parameter)
	if !ok || d == nil || d.callers == nil || depth >= maxDeadlineDepth || visiting[p] || !loops.IsContext(p.Type()) {
		return false
	}
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	sites, ok := d.callers().CallSites(fn)
	if idx < 0 || !ok || len(sites) == 0 {
		return false
	}
	visiting[p] = true
	defer delete(visiting, p)
	for _, s := range sites {
		args := s.Common().Args
		if idx >= len(args) || !d.ctxHasDeadline(args[idx], depth+1, visiting) {
			return false
		}
	}
	return true
}

// carries reports whether the request req is made with a context that ok
// accepts: by net/http (NewRequestWithContext, WithContext, Clone), or by
// a request builder given that context (see Deadlines).
func (d *Deadlines) carries(req ssa.Value, ok func(ssa.Value) bool, depth int) bool {
	var made *ssa.Call
	if ex, isEx := req.(*ssa.Extract); isEx {
		made, _ = ex.Tuple.(*ssa.Call)
	} else {
		made, _ = req.(*ssa.Call)
	}
	if made == nil || !httptypes.IsRequestPtr(req.Type()) {
		return false
	}
	fn := ssax.CalleeFunc(&made.Call)
	args := made.Call.Args
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" {
		switch {
		case fn.Name() == "NewRequestWithContext" && len(args) > 0:
			return ok(args[0])
		case httptypes.IsMethod(fn, "net/http", "Request", "WithContext", "Clone") && len(args) == 2:
			return ok(args[1])
		}
		return false
	}
	if depth >= maxDeadlineDepth {
		return false
	}
	var callee *ssa.Function
	if !made.Call.IsInvoke() {
		if callee = made.Call.StaticCallee(); callee == nil {
			return false // a function value: its closure may carry any context
		}
	}
	idx := soleContextArg(args)
	if idx < 0 || !ok(args[idx]) {
		return false
	}
	if callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg != made.Parent().Pkg {
		return true // trusted: another package's builder, or an interface method
	}
	if idx >= len(callee.Params) {
		return false
	}
	return d.returnsCarrying(callee, callee.Params[idx], depth+1)
}

// returnsCarrying reports whether every *http.Request that fn returns is
// nil or carries its context parameter ctx.
func (d *Deadlines) returnsCarrying(fn *ssa.Function, ctx *ssa.Parameter, depth int) bool {
	isCtx := func(v ssa.Value) bool { return v == ctx }
	returns := false
	for _, b := range fn.Blocks {
		ret, isRet := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !isRet {
			continue
		}
		for _, r := range ret.Results {
			if !httptypes.IsRequestPtr(r.Type()) || ssax.IsNil(r) {
				continue
			}
			if !d.carries(r, isCtx, depth) {
				return false
			}
			returns = true
		}
	}
	return returns
}

// soleContextArg returns the index of the one argument of type
// context.Context in args, or -1 when there is none, more than one, or
// another argument may carry a context (mayCarryContext).
func soleContextArg(args []ssa.Value) int {
	idx := -1
	for i, a := range args {
		if loops.IsContext(a.Type()) {
			if idx >= 0 {
				return -1
			}
			idx = i
		}
	}
	if idx < 0 {
		return -1
	}
	iface, _ := args[idx].Type().Underlying().(*types.Interface)
	if iface == nil {
		return -1
	}
	for i, a := range args {
		if i != idx && mayCarryContext(a.Type(), args[idx].Type(), iface, map[types.Type]bool{}) {
			return -1
		}
	}
	return idx
}

// mayCarryContext reports whether a value of type t may hold a context (of
// type ctxType, with method set iface): t is an interface a context
// satisfies (any included), a type implementing context.Context, a type
// parameter, or a pointer, struct, array, slice, map, channel or function
// result that leads to one. Each type is looked at once; past
// maxCarrierTypes of them, or on a type of an unknown kind, the answer is
// yes.
func mayCarryContext(t, ctxType types.Type, iface *types.Interface, seen map[types.Type]bool) bool {
	if _, basic := t.Underlying().(*types.Basic); basic {
		return false
	}
	if seen[t] {
		return false // looked at already, or being looked at on this path
	}
	if len(seen) >= maxCarrierTypes {
		return true
	}
	seen[t] = true
	if types.IsInterface(t) {
		if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
			return true
		}
		return types.Implements(ctxType, t.Underlying().(*types.Interface))
	}
	if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
		return true
	}
	next := func(u types.Type) bool { return mayCarryContext(u, ctxType, iface, seen) }
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return next(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if next(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return next(u.Elem())
	case *types.Slice:
		return next(u.Elem())
	case *types.Chan:
		return next(u.Elem())
	case *types.Map:
		return next(u.Key()) || next(u.Elem())
	case *types.Signature:
		for i := 0; i < u.Results().Len(); i++ {
			if next(u.Results().At(i).Type()) {
				return true
			}
		}
		return false
	}
	return true
}

// phiHasDeadline reports whether every context that can reach phi has a
// deadline: it has one itself, or it comes in from a block that only the
// branch where its own Deadline() said ok can reach. That is go-nostr's
// nip11.Fetch: `if _, ok := ctx.Deadline(); !ok { ctx, cancel =
// context.WithTimeout(ctx, 7*time.Second) }`, a deadline unless the
// caller gave one.
func (d *Deadlines) phiHasDeadline(phi *ssa.Phi, depth int, visiting map[*ssa.Parameter]bool) bool {
	preds := phi.Block().Preds
	if len(preds) != len(phi.Edges) {
		return false
	}
	for i, e := range phi.Edges {
		if deadlineSaidOK(e, preds[i], phi.Block()) || d.ctxHasDeadline(e, depth+1, visiting) {
			continue
		}
		return false
	}
	return true
}

// deadlineSaidOK reports whether the edge from block b to block to can
// only be taken on the branch where ctx.Deadline() returned ok: it is that
// branch's edge itself, or b lies behind it.
func deadlineSaidOK(ctx ssa.Value, b, to *ssa.BasicBlock) bool {
	refs := ctx.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		call, ok := r.(*ssa.Call)
		if !ok || !call.Call.IsInvoke() || call.Call.Method.Name() != "Deadline" || call.Call.Value != ctx || call.Referrers() == nil {
			continue
		}
		for _, cr := range *call.Referrers() {
			ex, ok := cr.(*ssa.Extract)
			if !ok || ex.Index != 1 || ex.Referrers() == nil {
				continue
			}
			for _, er := range *ex.Referrers() {
				okBranch := 0
				iff, isIf := er.(*ssa.If)
				if !isIf {
					un, isNot := er.(*ssa.UnOp)
					if !isNot || un.Op != token.NOT || un.Referrers() == nil || len(*un.Referrers()) != 1 {
						continue
					}
					if iff, isIf = (*un.Referrers())[0].(*ssa.If); !isIf {
						continue
					}
					okBranch = 1
				}
				t := iff.Block().Succs[okBranch]
				if b == iff.Block() && to == t && t != iff.Block().Succs[1-okBranch] {
					return true
				}
				if len(t.Preds) == 1 && t.Dominates(b) {
					return true
				}
			}
		}
	}
	return false
}
