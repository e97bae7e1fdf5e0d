package clients

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Hold says that result Result of a function holds a connection pool at
// Path: one the call creates (Param < 0), or the value of its parameter
// Param (receiver first), which it keeps there and nowhere else (a
// wrapper: otelhttp.NewTransport stores its RoundTripper argument in the
// Transport it returns, retryablehttp's StandardClient returns a client
// whose Transport wraps its receiver). Path is the chain of struct field
// names from the result to the pool, dotted: "" is the result itself,
// "Transport" a client over the pool; a hop through an interface-typed
// field goes on with the fields of the value stored there (StandardClient
// holds its receiver at "Transport.Client").
//
// A Hold is a must: every return that hands out a non-nil value in that
// result holds the pool (or the parameter) at that path, stored there on
// every path to the return, and the function keeps it nowhere else.
type Hold struct {
	Result int
	Path   string
	Param  int
}

// Caps on what a summary lists. Past them a claim is dropped, which makes
// callers know less, never report more.
const (
	maxHolds    = 8
	maxPathHops = 8
	maxHoldsRec = 12 // depth of the walk through held objects
)

// holdKind is what an abstract object of the ownership model is.
type holdKind uint8

const (
	hAlloc holdKind = iota // a struct this function allocates
	hPool                  // a new *http.Transport: a literal, new, Clone()
	hCall                  // a callee's result that its summary says holds something
	hSub                   // what a field of an hCall (or hSub) held when the callee returned
	hParam                 // a parameter that can carry a pool
)

// hobj is an abstract object: a value created in this function (or handed
// to it) that can hold a connection pool, and what happens to it here.
type hobj struct {
	kind  holdKind
	value ssa.Value       // the defining value (nil for hSub)
	start ssa.Instruction // the creating instruction (the call, for hCall and hSub)
	via   *types.Func     // the callee that made an hCall or hSub
	param int             // hParam: the parameter's index
	root  *hobj           // hSub: the hCall it lies in
	node  *holdNode       // hCall, hSub: what the callee's summary puts below it
	// noIdle: a transport that disables keep-alives keeps no idle pool.
	noIdle bool
	// stores are the stores into each field; kills the fields that
	// something we do not follow may rewrite.
	stores map[string][]*ssa.Store
	kills  map[string]bool
	// copies are the objects whose whole value was copied into this one
	// (`t := T{f: x}` builds the literal in a temporary and copies it).
	copies []*hobj
	subs   map[string]*hobj
	// whole: a whole-value store of something we do not follow.
	whole   bool
	escapes bool
	// retained: returned, or held by something returned: the caller
	// keeps it (for the reports of pools sent through and dropped here).
	retained bool
	// closed: CloseIdleConnections is called on it here.
	closed bool
}

// holdNode is the part of a callee's Holds below one path.
type holdNode struct {
	pool bool        // a new pool lies here
	args []ssa.Value // the call's arguments that lie here
	kids map[string]*holdNode
}

func (n *holdNode) child(name string) *holdNode {
	if n.kids == nil {
		n.kids = map[string]*holdNode{}
	}
	k := n.kids[name]
	if k == nil {
		k = &holdNode{}
		n.kids[name] = k
	}
	return k
}

// holdItem is one pool (or parameter) an object holds, and where.
type holdItem struct {
	path   string
	param  int   // -1: a new pool
	origin *hobj // the hPool, hCall or hSub that brought it
}

// holds is the ownership model of one function: which of the values it
// creates or receives can hold a connection pool, where each one goes,
// and so what its results hold.
type holds struct {
	a     *analysis
	fn    *ssa.Function
	objs  map[ssa.Value]*hobj
	order []*hobj
	// must and may memoise the resolutions of values to objects.
	must map[ssa.Value]resolved
	may  map[ssa.Value]resolved
	busy map[ssa.Value]bool
}

type resolved struct {
	objs []*hobj
	ok   bool // must: every value it may be is one of objs; may: complete
}

// poolCarrier reports whether a value of type t can hold a connection
// pool where this model follows it: an *http.Transport, a client, a
// RoundTripper interface, or a struct (or pointer to one) with a field of
// such a type, up to three levels down.
func poolCarrier(t types.Type, depth int) bool {
	if depth > 3 || t == nil {
		return false
	}
	if httptypes.IsTransportPtr(t) || httptypes.IsClientPtr(t) || httptypes.IsClient(t) || httptypes.HasRoundTrip(t) {
		return true
	}
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if poolCarrier(st.Field(i).Type(), depth+1) {
			return true
		}
	}
	return false
}

// PoolCarrier reports whether values of type t can hold a connection pool
// (see Hold): the summary computes Holds for functions returning one.
func PoolCarrier(t types.Type) bool { return poolCarrier(t, 0) }

func newHolds(a *analysis) *holds {
	return &holds{
		a: a, fn: a.fn,
		objs: map[ssa.Value]*hobj{},
		must: map[ssa.Value]resolved{}, may: map[ssa.Value]resolved{},
		busy: map[ssa.Value]bool{},
	}
}

func (h *holds) add(o *hobj) *hobj {
	o.stores = map[string][]*ssa.Store{}
	o.kills = map[string]bool{}
	if o.value != nil {
		h.objs[o.value] = o
	}
	h.order = append(h.order, o)
	return o
}

// create makes the objects of fn: its parameters, allocations, new
// transports and the results of callees whose summaries list Holds.
func (h *holds) create() {
	for i, p := range h.fn.Params {
		if poolCarrier(p.Type(), 0) {
			h.add(&hobj{kind: hParam, value: p, param: i})
		}
	}
	for _, b := range h.fn.Blocks {
		for _, instr := range b.Instrs {
			switch v := instr.(type) {
			case *ssa.Alloc:
				if httptypes.IsTransportPtr(v.Type()) {
					h.add(&hobj{kind: hPool, value: v, start: v, noIdle: keepAlivesDisabled(v)})
					continue
				}
				if _, ok := ssax.Deref(v.Type()).Underlying().(*types.Struct); ok {
					h.add(&hobj{kind: hAlloc, value: v, start: v})
				}
			case *ssa.Call:
				callee := ssax.CalleeFunc(v.Common())
				if callee == nil || v.Common().IsInvoke() {
					continue
				}
				if httptypes.IsMethod(callee, "net/http", "Transport", "Clone") {
					h.add(&hobj{kind: hPool, value: v, start: v, noIdle: keepAlivesDisabled(v)})
					continue
				}
				h.createCallResults(v, callee)
			}
		}
	}
}

// createCallResults makes an hCall object for each result of call that
// the callee's summary says holds a pool or one of its arguments.
func (h *holds) createCallResults(call *ssa.Call, callee *types.Func) {
	ret := h.a.callee(callee)
	if len(ret.Holds) == 0 || !argsMatchSignature(call.Common(), callee) {
		return
	}
	noPool := guardExcludes(ret.PoolGuard, call)
	nodes := map[int]*holdNode{}
	for _, hd := range ret.Holds {
		if hd.Param < 0 && noPool {
			continue
		}
		if hd.Param >= len(call.Call.Args) {
			continue
		}
		n := nodes[hd.Result]
		if n == nil {
			n = &holdNode{}
			nodes[hd.Result] = n
		}
		if hd.Path != "" {
			for _, name := range strings.Split(hd.Path, ".") {
				n = n.child(name)
			}
		}
		if hd.Param < 0 {
			n.pool = true
		} else {
			n.args = append(n.args, call.Call.Args[hd.Param])
		}
	}
	for idx, n := range nodes {
		v := resultValue(call, idx)
		if v == nil {
			continue
		}
		o := &hobj{kind: hCall, value: v, start: call, via: callee, node: n}
		if n.pool && keepAlivesDisabled(v) {
			n.pool = false
		}
		h.add(o)
		h.addSubs(o)
	}
}

// addSubs makes, before anything is classified, the sub-objects of every
// field the summary puts something below, so that escapes reach them.
func (h *holds) addSubs(o *hobj) {
	if o.node == nil {
		return
	}
	names := make([]string, 0, len(o.node.kids))
	for name := range o.node.kids {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if s := h.sub(o, name); s != nil {
			h.addSubs(s)
		}
	}
}

// argsMatchSignature rejects calls whose arguments are shifted from the
// callee's parameters (a bound method value called as a function).
func argsMatchSignature(common *ssa.CallCommon, fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	n := sig.Params().Len()
	if sig.Recv() != nil {
		n++
	}
	return n == len(common.Args)
}

// resultValue is the value of result idx of call: the call itself for a
// single result, its Extract otherwise (nil if the result is unused).
func resultValue(call *ssa.Call, idx int) ssa.Value {
	tup, ok := call.Type().(*types.Tuple)
	if !ok {
		if idx == 0 {
			return call
		}
		return nil
	}
	if idx >= tup.Len() {
		return nil
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == idx {
			return ex
		}
	}
	return nil
}

// sub returns the object that field name of o held when o's callee
// returned (an hSub, or a new pool), or nil if its summary puts nothing
// there.
func (h *holds) sub(o *hobj, name string) *hobj {
	if o.node == nil || o.node.kids[name] == nil {
		return nil
	}
	if s := o.subs[name]; s != nil {
		return s
	}
	n := o.node.kids[name]
	root := o
	if o.root != nil {
		root = o.root
	}
	s := h.add(&hobj{kind: hSub, start: root.start, via: root.via, root: root, node: n})
	if o.subs == nil {
		o.subs = map[string]*hobj{}
	}
	o.subs[name] = s
	return s
}

// resolveMust returns the objects v is, when it is always one of them.
func (h *holds) resolveMust(v ssa.Value) resolved { return h.resolve(v, true) }

// resolveMay returns every object v may be; ok is false when v may also
// be something else.
func (h *holds) resolveMay(v ssa.Value) resolved { return h.resolve(v, false) }

func (h *holds) resolve(v ssa.Value, must bool) resolved {
	memo := h.may
	if must {
		memo = h.must
	}
	if r, ok := memo[v]; ok {
		return r
	}
	if h.busy[v] {
		return resolved{}
	}
	h.busy[v] = true
	r := h.resolve1(v, must)
	delete(h.busy, v)
	memo[v] = r
	return r
}

func (h *holds) resolve1(v ssa.Value, must bool) resolved {
	if o := h.objs[v]; o != nil {
		return resolved{objs: []*hobj{o}, ok: true}
	}
	switch x := v.(type) {
	case *ssa.ChangeType:
		return h.resolve(x.X, must)
	case *ssa.MakeInterface:
		return h.resolve(x.X, must)
	case *ssa.ChangeInterface:
		return h.resolve(x.X, must)
	case *ssa.Phi:
		out := resolved{ok: true}
		for i, e := range x.Edges {
			if nilDefaultEdge(x, i) {
				continue
			}
			r := h.resolve(e, must)
			if !r.ok {
				out.ok = false
				if must {
					return resolved{}
				}
			}
			out.objs = appendObjs(out.objs, r.objs)
		}
		return out
	case *ssa.UnOp:
		if x.Op != token.MUL {
			break
		}
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok {
			break
		}
		return h.resolveLoad(x, fa, must)
	}
	return resolved{}
}

// resolveLoad resolves the load ld of &base.f.
func (h *holds) resolveLoad(ld *ssa.UnOp, fa *ssa.FieldAddr, must bool) resolved {
	base := h.resolve(fa.X, must)
	name := ssax.FieldName(fa)
	if must {
		if !base.ok || len(base.objs) != 1 {
			return resolved{}
		}
		o := base.objs[0]
		if o.kills[name] || o.whole || !loadPrecedesStores(ld, o.stores[name]) {
			return resolved{}
		}
		return h.initial(o, name, true)
	}
	out := resolved{ok: base.ok}
	for _, o := range base.objs {
		r := h.initial(o, name, false)
		out.objs = appendObjs(out.objs, r.objs)
		if !r.ok {
			out.ok = false
		}
		for _, st := range o.stores[name] {
			r := h.resolve(st.Val, false)
			out.objs = appendObjs(out.objs, r.objs)
			if !r.ok {
				out.ok = false
			}
		}
		if o.kills[name] || o.whole {
			out.ok = false
		}
	}
	return out
}

// initial resolves what field name of o held before this function stored
// anything there: what o's callee put there, per its summary.
func (h *holds) initial(o *hobj, name string, must bool) resolved {
	if o.node == nil || o.node.kids[name] == nil {
		return resolved{}
	}
	n := o.node.kids[name]
	out := resolved{ok: true}
	if n.pool || len(n.kids) > 0 {
		out.objs = append(out.objs, h.sub(o, name))
	}
	for _, arg := range n.args {
		r := h.resolve(arg, must)
		if !r.ok {
			out.ok = false
			if must {
				return resolved{}
			}
		}
		out.objs = appendObjs(out.objs, r.objs)
	}
	return out
}

// loadPrecedesStores reports whether the load ld runs before every store
// in stores on every path: it dominates each and lies on no loop (so
// c.Transport = wrap(c.Transport) wraps what was there).
func loadPrecedesStores(ld *ssa.UnOp, stores []*ssa.Store) bool {
	if len(stores) == 0 {
		return true
	}
	if ssax.InCycle(ld.Block()) {
		return false
	}
	for _, st := range stores {
		if !instrDominates(ld, st) {
			return false
		}
	}
	return true
}

// instrDominates reports whether a runs before b on every path to b.
func instrDominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, instr := range ab.Instrs {
		switch instr {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// nilDefaultEdge reports whether edge i of phi is the default a function
// puts in place of a nil parameter: `if base == nil { base =
// http.DefaultTransport }`, where the edge comes from the branch that the
// parameter's nil test takes. A caller that passes a value takes the
// other edge.
func nilDefaultEdge(phi *ssa.Phi, i int) bool {
	var param *ssa.Parameter
	for j, e := range phi.Edges {
		if j == i {
			continue
		}
		p, ok := e.(*ssa.Parameter)
		if !ok || (param != nil && p != param) {
			return false
		}
		param = p
	}
	if param == nil || len(phi.Block().Preds) != len(phi.Edges) {
		return false
	}
	for b := phi.Block().Preds[i]; b != nil; b = b.Idom() {
		if len(b.Preds) != 1 {
			continue
		}
		p := b.Preds[0]
		if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
			continue
		}
		ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		x, y := cmp.X, cmp.Y
		if ssax.IsNil(x) {
			x, y = y, x
		}
		if x != ssa.Value(param) || !ssax.IsNil(y) {
			continue
		}
		// The branch into b is the one taken when param is nil.
		return (p.Succs[0] == b) == (cmp.Op == token.EQL)
	}
	return false
}

func appendObjs(dst, src []*hobj) []*hobj {
	for _, o := range src {
		dup := false
		for _, d := range dst {
			if d == o {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, o)
		}
	}
	return dst
}

// escape marks every object v may be as escaping.
func (h *holds) escape(v ssa.Value) {
	for _, o := range h.resolveMay(v).objs {
		o.escapes = true
	}
}

// classify walks fn's instructions and records, for each object, the
// stores into its fields and every use that lets it (or what it holds)
// out of this model: an escape.
func (h *holds) classify() {
	// Stores first: the loads resolved below depend on them.
	for _, b := range h.fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				h.recordStore(st)
			}
		}
	}
	// Helpers in this package that write fields of an object count as
	// writes of those fields, before anything is resolved through them.
	for _, b := range h.fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				h.recordTouches(call)
			}
		}
	}
	for _, b := range h.fn.Blocks {
		for _, instr := range b.Instrs {
			h.classifyUse(instr)
		}
	}
	h.propagateEscapes()
}

// recordStore records st on the object whose field (or whole value) it
// writes. Stores are recorded before any value is resolved, so the base
// of a field store is resolved only through objects defined by
// instructions, never through loads of fields.
func (h *holds) recordStore(st *ssa.Store) {
	if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
		base := h.baseObjs(fa.X)
		name := ssax.FieldName(fa)
		if len(base) == 1 {
			base[0].stores[name] = append(base[0].stores[name], st)
		} else {
			for _, o := range base {
				o.kills[name] = true
			}
		}
		return
	}
	for _, o := range h.baseObjs(st.Addr) {
		if ld, ok := st.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if src := h.objs[ld.X]; src != nil && src.kind == hAlloc && types.Identical(ld.X.Type(), st.Addr.Type()) {
				o.copies = append(o.copies, src)
				continue
			}
		}
		if k, ok := st.Val.(*ssa.Const); ok && k.Value == nil {
			continue // a zero value
		}
		o.whole = true
	}
}

// baseObjs resolves the base of a store: an object defined by an
// instruction, or a field of one loaded as a sub-object (rc.HTTPClient of
// a retryablehttp client its constructor made).
func (h *holds) baseObjs(v ssa.Value) []*hobj {
	v = ssax.Unconvert(v)
	if o := h.objs[v]; o != nil {
		return []*hobj{o}
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if fa, ok := ld.X.(*ssa.FieldAddr); ok {
			parent := h.baseObjs(fa.X)
			if len(parent) == 1 {
				if s := h.sub(parent[0], ssax.FieldName(fa)); s != nil {
					return []*hobj{s}
				}
			}
		}
	}
	return nil
}

// recordTouches records, for a call of a helper of this package that only
// reads and writes fields of an object it is given (otelhttp's
// applyConfig on the Transport NewTransport builds), the fields it may
// write as killed: whatever a pool there was, the helper may replace it.
func (h *holds) recordTouches(call *ssa.Call) {
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || callee.Pkg != h.fn.Pkg || callee.Blocks == nil || common.IsInvoke() {
		return
	}
	for i, arg := range common.Args {
		objs := h.baseObjs(arg)
		if len(objs) == 0 || i >= len(callee.Params) {
			continue
		}
		fields, ok := touchedFields(callee, i, 0)
		if !ok {
			continue // classifyUse makes it an escape
		}
		for _, o := range objs {
			for _, f := range fields {
				o.kills[f] = true
			}
		}
	}
}

// touchedFields returns the fields of parameter i of fn that fn (or the
// helpers of its package it passes the parameter to) reads or writes, if
// that is all it does with the parameter: no store of the parameter
// itself, no call that could keep it, no closure over it.
func touchedFields(fn *ssa.Function, i int, depth int) ([]string, bool) {
	if depth > 3 || fn.Blocks == nil || i >= len(fn.Params) {
		return nil, false
	}
	p := fn.Params[i]
	var out []string
	for _, ref := range *p.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return nil, false
			}
		case *ssa.FieldAddr:
			for _, fref := range *r.Referrers() {
				switch fr := fref.(type) {
				case *ssa.Store:
					if fr.Addr != r {
						return nil, false
					}
				case *ssa.UnOp:
					if fr.Op != token.MUL {
						return nil, false
					}
				case *ssa.DebugRef:
				default:
					return nil, false
				}
			}
			out = append(out, ssax.FieldName(r))
		case *ssa.Call:
			callee := r.Common().StaticCallee()
			if callee == nil || callee.Pkg != fn.Pkg || r.Common().IsInvoke() {
				return nil, false
			}
			for j, arg := range r.Common().Args {
				if arg != p {
					continue
				}
				fs, ok := touchedFields(callee, j, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, fs...)
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// classifyUse marks as escaping every object that instr lets out of the
// model. Aliases (phis, conversions, extracts), field addressing, stores
// into objects, returns, comparisons and the calls this model knows are
// not escapes.
func (h *holds) classifyUse(instr ssa.Instruction) {
	switch i := instr.(type) {
	case *ssa.DebugRef, *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface,
		*ssa.Extract, *ssa.BinOp, *ssa.Jump, *ssa.If:
		return
	case *ssa.Return:
		for _, r := range i.Results {
			for _, o := range h.resolveMay(r).objs {
				o.retained = true
			}
		}
		return
	case *ssa.FieldAddr:
		// The field's address may only be loaded or stored through.
		for _, ref := range *i.Referrers() {
			switch r := ref.(type) {
			case *ssa.Store:
				if r.Addr == i {
					continue
				}
			case *ssa.UnOp:
				if r.Op == token.MUL {
					continue
				}
			case *ssa.DebugRef:
				continue
			}
			h.escape(i.X)
			return
		}
	case *ssa.UnOp:
		if i.Op != token.MUL {
			h.escapeOperands(instr)
			return
		}
		if _, isField := i.X.(*ssa.FieldAddr); isField {
			return // a field load: its value is resolved where it is used
		}
		src := h.resolveMay(i.X).objs
		if len(src) == 0 {
			return
		}
		// A whole-value load: only a copy into another object of this
		// function (a literal built in a temporary) is followed.
		direct := h.objs[i.X] != nil
		for _, ref := range *i.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Val == i && direct && h.objs[st.Addr] != nil {
				continue
			}
			if _, ok := ref.(*ssa.DebugRef); ok {
				continue
			}
			for _, o := range src {
				o.escapes = true
			}
			return
		}
	case *ssa.Store:
		if fa, ok := i.Addr.(*ssa.FieldAddr); ok {
			if base := h.baseObjs(fa.X); len(base) == 1 && base[0].kind != hParam {
				return // held by an object of this function
			}
		}
		h.escape(i.Val)
	case ssa.CallInstruction:
		h.classifyCall(i)
	default:
		h.escapeOperands(instr)
	}
}

func (h *holds) escapeOperands(instr ssa.Instruction) {
	for _, op := range instr.Operands(nil) {
		if op != nil && *op != nil {
			h.escape(*op)
		}
	}
}

// classifyCall decides, for each object passed to a call, whether the
// call lets it out: it does not when it sends through a client or
// transport, closes its idle connections, is a callee whose summary says
// it keeps the argument only in its result (a wrapper) or only configures
// it, or is a helper of this package that only touches its fields.
func (h *holds) classifyCall(call ssa.CallInstruction) {
	common := call.Common()
	if common.IsInvoke() {
		h.escape(common.Value)
		for _, arg := range common.Args {
			h.escape(arg)
		}
		return
	}
	if _, ok := common.Value.(*ssa.Function); !ok {
		if _, ok := common.Value.(*ssa.Builtin); !ok {
			h.escape(common.Value)
		}
	}
	callee := ssax.CalleeFunc(common)
	_, plainCall := call.(*ssa.Call)
	for i, arg := range common.Args {
		if len(h.resolveMay(arg).objs) == 0 {
			continue
		}
		if callee == nil || !h.callKeeps(call, callee, i, plainCall) {
			h.escape(arg)
		}
	}
}

// callKeeps reports whether passing argument i to callee keeps the object
// within this model.
func (h *holds) callKeeps(call ssa.CallInstruction, callee *types.Func, i int, plainCall bool) bool {
	common := call.Common()
	if (i == 0 && httptypes.IsMethod(callee, "net/http", "Client", "CloseIdleConnections")) ||
		(i == 0 && httptypes.IsMethod(callee, "net/http", "Transport", "CloseIdleConnections")) {
		for _, o := range h.resolveMay(common.Args[0]).objs {
			o.closed = true
		}
		return true
	}
	if i == 0 && httptypes.IsMethod(callee, "net/http", "Client") {
		return httptypes.IsClientSend(callee)
	}
	if i == 0 && httptypes.IsMethod(callee, "net/http", "Transport") {
		switch callee.Name() {
		case "RoundTrip", "Clone":
			return plainCall
		}
		return false
	}
	if !plainCall || !argsMatchSignature(common, callee) {
		return false
	}
	for j, other := range common.Args {
		if j != i && other == common.Args[i] {
			return false // passed twice: which one does the callee keep?
		}
	}
	ret := h.a.callee(callee)
	for _, hd := range ret.Holds {
		if hd.Param == i {
			// Held by the result; if the result is dropped, so is it.
			return resultValue(call.(*ssa.Call), hd.Result) != nil
		}
	}
	if i < 64 && ret.ConfiguresTransport&(1<<i) != 0 {
		return true
	}
	if fn := common.StaticCallee(); fn != nil && fn.Pkg == h.fn.Pkg && fn.Blocks != nil {
		_, ok := touchedFields(fn, i, 0)
		return ok
	}
	return false
}

// propagateEscapes makes everything an escaping object holds escape too,
// and everything a returned one holds retained.
func (h *holds) propagateEscapes() {
	for changed := true; changed; {
		changed = false
		for _, o := range h.order {
			if o.escapes {
				for _, held := range h.contents(o) {
					if !held.escapes {
						held.escapes = true
						changed = true
					}
				}
				if o.root != nil && !o.root.escapes {
					o.root.escapes = true
					changed = true
				}
			}
			if o.retained {
				for _, held := range h.contents(o) {
					if !held.retained {
						held.retained = true
						changed = true
					}
				}
			}
		}
	}
}

// droppedHere reports whether the pool item names is abandoned by this
// function as far as the model sees: nothing returns it (or a holder of
// it), and no CloseIdleConnections is called on any object here but the
// client at, whose own closes the caller weighs.
func (h *holds) droppedHere(it holdItem, client *hobj) bool {
	if it.origin == nil || it.origin.retained || it.origin.escapes {
		return false
	}
	for _, o := range h.order {
		if o.closed && o != client {
			return false
		}
	}
	return true
}

// contents lists every object o may hold directly.
func (h *holds) contents(o *hobj) []*hobj {
	var out []*hobj
	for _, sts := range o.stores {
		for _, st := range sts {
			out = appendObjs(out, h.resolveMay(st.Val).objs)
		}
	}
	for _, c := range o.copies {
		out = appendObjs(out, []*hobj{c})
	}
	for _, s := range o.subs {
		out = appendObjs(out, []*hobj{s})
	}
	if o.node != nil {
		var walk func(n *holdNode)
		walk = func(n *holdNode) {
			for _, arg := range n.args {
				out = appendObjs(out, h.resolveMay(arg).objs)
			}
			for _, k := range n.kids {
				walk(k)
			}
		}
		walk(o.node)
	}
	return out
}

// held lists what o holds at the return at, on every path to it: the new
// pools and parameters below it, with their paths.
func (h *holds) held(o *hobj, at ssa.Instruction, depth int, visiting map[*hobj]bool) []holdItem {
	if depth > maxHoldsRec || visiting[o] || o.escapes || o.whole {
		return nil
	}
	visiting[o] = true
	defer delete(visiting, o)
	switch o.kind {
	case hPool:
		if o.noIdle {
			return nil
		}
		return []holdItem{{param: -1, origin: o}}
	case hParam:
		return []holdItem{{param: o.param, origin: o}}
	}
	var out []holdItem
	if o.node != nil {
		if o.node.pool && !storesTrueField(o, "DisableKeepAlives") {
			out = append(out, holdItem{param: -1, origin: o})
		}
		for _, arg := range o.node.args {
			out = append(out, h.heldBy(h.resolveMust(arg), at, depth, visiting)...)
		}
	}
	for _, name := range h.fieldNames(o) {
		for _, it := range h.fieldHeld(o, name, at, depth, visiting) {
			it.path = joinPath(name, it.path)
			out = append(out, it)
		}
	}
	return out
}

// storesTrueField reports whether this function stores constant true in
// field name of o (DisableKeepAlives on a callee's transport).
func storesTrueField(o *hobj, name string) bool {
	for _, st := range o.stores[name] {
		if k, ok := st.Val.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value) {
			return true
		}
	}
	return false
}

// heldBy is what each of r's objects holds, if r is a must and each holds
// something; nil otherwise.
func (h *holds) heldBy(r resolved, at ssa.Instruction, depth int, visiting map[*hobj]bool) []holdItem {
	if !r.ok || len(r.objs) == 0 {
		return nil
	}
	var out []holdItem
	for _, x := range r.objs {
		items := h.held(x, at, depth+1, visiting)
		if len(items) == 0 {
			return nil
		}
		out = append(out, items...)
	}
	return out
}

// fieldNames lists the fields of o that may hold something, sorted.
func (h *holds) fieldNames(o *hobj) []string {
	set := map[string]bool{}
	for name := range o.stores {
		set[name] = true
	}
	for _, c := range o.copies {
		for name := range c.stores {
			set[name] = true
		}
	}
	if o.node != nil {
		for name := range o.node.kids {
			set[name] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// fieldHeld is what field name of o holds at at: what every store there
// stores, each store on every path to at, or else also what was there
// before; nothing when a store (or a helper) may put something else there.
func (h *holds) fieldHeld(o *hobj, name string, at ssa.Instruction, depth int, visiting map[*hobj]bool) []holdItem {
	if o.kills[name] {
		return nil
	}
	stores := append([]*ssa.Store(nil), o.stores[name]...)
	for _, c := range o.copies {
		if c.kills[name] || c.whole || c.escapes {
			return nil
		}
		stores = append(stores, c.stores[name]...)
	}
	var out []holdItem
	all := true
	for _, st := range stores {
		items := h.heldBy(h.resolveMust(st.Val), at, depth, visiting)
		if len(items) == 0 {
			return nil
		}
		out = append(out, items...)
		if !instrDominates(st, at) {
			all = false
		}
	}
	if len(stores) > 0 && all {
		return out
	}
	// What was there before (what the callee put there) may remain.
	if o.node == nil || o.node.kids[name] == nil {
		return nil
	}
	init := h.heldBy(h.initial(o, name, true), at, depth, visiting)
	if len(init) == 0 {
		return nil
	}
	return append(out, init...)
}

func joinPath(head, rest string) string {
	if rest == "" {
		return head
	}
	return head + "." + rest
}

// summarize computes fn's Holds: for each result that can carry a pool,
// the new pools and the parameters that every non-nil return of it holds,
// and notes the returns that hand out a new pool for the pool summary.
func (h *holds) summarize(res *Result) {
	results := h.fn.Signature.Results()
	var rets []*ssa.Return
	for _, b := range h.fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, ret)
		}
	}
	var out []Hold
	for k := 0; k < results.Len(); k++ {
		if !poolCarrier(results.At(k).Type(), 0) {
			continue
		}
		out = append(out, h.summarizeResult(k, rets, res)...)
	}
	if len(out) > maxHolds {
		// Too much to be sure what a caller would overwrite: say nothing.
		out = nil
	}
	res.Returns.Holds = out
}

func (h *holds) summarizeResult(k int, rets []*ssa.Return, res *Result) []Hold {
	type perReturn struct {
		ret   *ssa.Return
		items []holdItem
	}
	var got []perReturn
	for _, ret := range rets {
		if k >= len(ret.Results) {
			return nil
		}
		v := ret.Results[k]
		if ssax.IsNil(ssax.Unconvert(v)) {
			continue
		}
		var items []holdItem
		r := h.resolveMust(v)
		if r.ok {
			for _, o := range r.objs {
				it := h.held(o, ret, 0, map[*hobj]bool{})
				if len(it) == 0 {
					items = nil
					break
				}
				items = append(items, it...)
			}
		}
		got = append(got, perReturn{ret, items})
	}
	if len(got) == 0 {
		return nil
	}
	// A path or parameter is claimed only if every return holds it.
	type key struct {
		path  string
		param int
	}
	count := map[key]int{}
	for _, g := range got {
		seen := map[key]bool{}
		for _, it := range g.items {
			kk := key{it.path, it.param}
			if !seen[kk] {
				seen[kk] = true
				count[kk]++
			}
		}
	}
	var out []Hold
	for kk, n := range count {
		if n != len(got) || strings.Count(kk.path, ".") >= maxPathHops {
			continue
		}
		out = append(out, Hold{Result: k, Path: kk.path, Param: kk.param})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Param < out[j].Param
	})
	newPool := false
	for _, hd := range out {
		if hd.Param < 0 {
			newPool = true
		}
	}
	if newPool {
		t := h.fn.Signature.Results().At(k).Type()
		switch {
		case httptypes.IsClientPtr(t):
			res.Returns.ClientWithNewTransport = true
		case httptypes.IsTransportPtr(t) || httptypes.HasRoundTrip(t):
			res.Returns.NewTransport = true
		}
		for _, g := range got {
			for _, it := range g.items {
				if it.param < 0 {
					h.a.notePoolReturned(it.origin.start)
					h.a.notePoolReturn(g.ret, it.origin.via)
				}
			}
		}
	}
	return out
}
