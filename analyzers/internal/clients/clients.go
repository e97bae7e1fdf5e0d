// Package clients decides, for one SSA function, which net/http clients it
// creates without a bound on how long an exchange may take, and which
// http.Transports it creates per call (each one a fresh connection pool).
//
// The answers feed two places: the summary analyzer turns "returns an
// unbounded client" into a fact for callers in other packages, and the
// httpclient analyzer reports the rest. Both read the same Result, computed
// once per function.
package clients

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Returns is what a function hands its callers, as far as clients and
// transports go. It is the content of the summary fact, so that a callee in
// another package is judged exactly as one in this package.
type Returns struct {
	// UnboundedClient: some path returns an *http.Client that has no
	// timeout at the return. Callers judge it at their own uses.
	UnboundedClient bool
	// NewTransport: some path returns an *http.Transport (possibly as an
	// http.RoundTripper) created by this call and kept nowhere else: a new
	// connection pool the caller now owns.
	NewTransport bool
	// ClientWithNewTransport: some path returns a client whose Transport
	// is such a new pool. A caller that sends through it and drops it
	// strands the pool.
	ClientWithNewTransport bool
	// PoolGuard, when set, says that every path returning a new pool
	// (NewTransport or ClientWithNewTransport) first takes one branch of
	// a test of a bool parameter (or of a bool field of a struct
	// parameter). A call site whose argument makes that test go the other
	// way receives no new pool.
	PoolGuard Guard
	// PoolConditional: some path returns, in the result that carries the
	// new pool, a client or transport that is neither nil nor new (an
	// existing one: `if c.HTTP == nil { return newClient() }; return
	// c.HTTP`), or the pool comes from a callee for which this holds. A
	// caller gets a new pool only on the calls that take the other path.
	PoolConditional bool
	// UnboundedTransport: every transport this function returns (nil
	// aside) is an *http.Transport it built, or got from a callee with
	// this flag, that sets no ResponseHeaderTimeout or no dial timeout
	// (hashicorp/go-cleanhttp's DefaultTransport). A client whose
	// Transport is such a call is no more bounded than one built with the
	// literal in place; a caller that sets ResponseHeaderTimeout on it
	// bounds it.
	UnboundedTransport bool
	// TransportDialBounded: the dial of that transport is bounded (a
	// net.Dialer with a Timeout, a custom dial function, or a clone of
	// http.DefaultTransport), so a ResponseHeaderTimeout set by the
	// caller is all it lacks.
	TransportDialBounded bool
	// ConfiguresTransport: bit i is set when parameter i (receiver first)
	// is an *http.Transport that the function only configures (see
	// ConfiguredTransports). A caller that hands it a transport it
	// created still owns that transport alone afterwards.
	ConfiguresTransport uint64
	// Holds lists, sorted, where the results hold a new connection pool
	// or a parameter's (see Hold): the structure that lets a caller
	// follow a pool through a holder it gets (retryablehttp.NewClient's
	// client holds one at HTTPClient.Transport) and a wrapper it hands a
	// pool to (otelhttp.NewTransport keeps its argument), and see a pool
	// it overwrites there.
	Holds []Hold
}

// Equal reports whether r and o say the same.
func (r Returns) Equal(o Returns) bool {
	if len(r.Holds) != len(o.Holds) {
		return false
	}
	for i := range r.Holds {
		if r.Holds[i] != o.Holds[i] {
			return false
		}
	}
	return r.UnboundedClient == o.UnboundedClient && r.NewTransport == o.NewTransport &&
		r.ClientWithNewTransport == o.ClientWithNewTransport && r.PoolGuard == o.PoolGuard &&
		r.PoolConditional == o.PoolConditional && r.UnboundedTransport == o.UnboundedTransport &&
		r.TransportDialBounded == o.TransportDialBounded && r.ConfiguresTransport == o.ConfiguresTransport
}

// Guard is a test of a bool parameter, or of a bool field of a struct (or
// pointer to struct) parameter, that a constructor passes before it builds
// a connection pool.
type Guard struct {
	Set   bool
	Param int  // index into the callee's parameters, receiver included
	Field int  // struct field index, or -1 for the parameter itself
	Want  bool // the value the test needs for the pool to be built
}

// Any reports whether r says anything.
func (r Returns) Any() bool {
	return r.UnboundedClient || r.NewTransport || r.ClientWithNewTransport || r.UnboundedTransport || r.ConfiguresTransport != 0 || len(r.Holds) > 0
}

// HandsOutPool reports whether r says a result holds a new pool, as
// opposed to only keeping or configuring what it is given.
func (r Returns) HandsOutPool() bool {
	if r.NewTransport || r.ClientWithNewTransport {
		return true
	}
	for _, h := range r.Holds {
		if h.Param < 0 {
			return true
		}
	}
	return false
}

// CalleeReturns looks up a callee's summary (through facts for other
// packages). It is how facts reach this package.
type CalleeReturns func(fn *types.Func) Returns

// Unbounded is a client created without a timeout that is then used to send
// a request, or escapes the function, while still unbounded.
type Unbounded struct {
	Created token.Pos // where the client is created (literal, new, var, or constructor call)
	// Constructor is set when the client comes from a call to a project
	// function whose summary says it returns an unbounded client.
	Constructor *types.Func
	// At is the first send or escape reached while the client is unbounded.
	At      token.Pos
	Escapes bool // At is an escape (store, argument, interface) rather than a send
	// CustomTransport is true when the client's Transport is a known
	// *http.Transport that lacks a ResponseHeaderTimeout or a dial timeout;
	// false when the client uses the default transport.
	CustomTransport bool
	// StoredIn is the struct field or package variable that the escape at
	// At stores the client into, when it is such a store; nil otherwise.
	StoredIn *types.Var
}

// Pool is an http.Transport created in the function that never leaves it,
// carries requests, and is abandoned without CloseIdleConnections: every
// call (or loop iteration) strands a connection pool.
type Pool struct {
	Created token.Pos
	InLoop  bool // created inside a loop: one pool per iteration
	// Via is set when the pool comes from a call to a function that
	// returns a new transport, or a client holding one.
	Via *types.Func
	// ViaConditional: Via returns the new pool only on some paths, and
	// an existing client or transport on others (Returns.PoolConditional),
	// and no parameter guard explains which (a guarded constructor's call
	// sites that could take the other branch are not reported at all).
	ViaConditional bool
}

// Result is what Analyze finds in one function.
type Result struct {
	Unbounded []Unbounded
	Pools     []Pool
	// Returned lists the clients fn returns while still unbounded, one per
	// creation, in source order; At is the return. They are not findings
	// of fn: they become one when a caller uses them (see Returns).
	Returned []Unbounded
	// Returns summarises what fn hands its callers.
	Returns Returns
}

// Analyze examines fn's body. It never looks into callees except through
// callee, their summaries, and deadlines, which decides whether a request
// carries a deadline (it may be nil: then only a deadline set in fn
// counts).
func Analyze(fn *ssa.Function, callee CalleeReturns, deadlines *Deadlines) Result {
	var res Result
	if fn.Blocks == nil {
		return res
	}
	if callee == nil {
		callee = func(*types.Func) Returns { return Returns{} }
	}
	a := &analysis{fn: fn, callee: callee, deadlines: deadlines, clients: make(map[ssa.Value]*client)}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			a.considerCreation(instr)
		}
	}
	for _, c := range a.order {
		a.judgeClient(c, &res)
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				a.judgeFieldCopy(st, &res)
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if t, via := a.transportCreation(instr); t != nil {
				a.judgeTransport(instr, t, via, &res)
			}
		}
	}
	for _, c := range a.order {
		if c.holdsNewPool {
			a.judgeClientPool(c, &res)
		}
	}
	if returnsPoolCarrier(fn) {
		a.holdsModel().summarize(&res)
	}
	if res.Returns.NewTransport || res.Returns.ClientWithNewTransport {
		res.Returns.PoolGuard = a.poolGuard()
		res.Returns.PoolConditional = a.poolFromConditional || a.returnsOtherClients()
	}
	res.Returns.UnboundedTransport, res.Returns.TransportDialBounded = a.returnedTransportBounds()
	sort.Slice(res.Unbounded, func(i, j int) bool { return res.Unbounded[i].Created < res.Unbounded[j].Created })
	sort.Slice(res.Returned, func(i, j int) bool { return res.Returned[i].Created < res.Returned[j].Created })
	sort.Slice(res.Pools, func(i, j int) bool { return res.Pools[i].Created < res.Pools[j].Created })
	return res
}

type analysis struct {
	fn        *ssa.Function
	callee    CalleeReturns
	deadlines *Deadlines
	clients   map[ssa.Value]*client // keyed by the creating value and its copies
	order     []*client
	// poolGuards are the guards of the pools this function returns, one
	// per returning creation; unguarded is set when one has none.
	poolGuards []Guard
	unguarded  bool
	// poolReturns are the returns that hand the caller a new pool;
	// poolFromConditional is set when one of those pools comes from a
	// callee that builds it only on some paths.
	poolReturns         map[*ssa.Return]bool
	poolFromConditional bool
	// model is the ownership model of fn (holds.go), built on demand.
	model *holds
}

// notePoolReturned records the guard (if any) under which the pool
// created at start is built, for the summary's PoolGuard.
func (a *analysis) notePoolReturned(start ssa.Instruction) {
	g := guardOf(a.fn, start)
	if !g.Set {
		a.unguarded = true
		return
	}
	a.poolGuards = append(a.poolGuards, g)
}

// notePoolReturn records ret as a return that hands out the new pool made
// by start (from via, when a callee made it).
func (a *analysis) notePoolReturn(ret *ssa.Return, via *types.Func) {
	if a.poolReturns == nil {
		a.poolReturns = map[*ssa.Return]bool{}
	}
	a.poolReturns[ret] = true
	if via != nil && a.callee(via).PoolConditional {
		a.poolFromConditional = true
	}
}

// returnsOtherClients reports whether some return of fn that hands out no
// new pool returns, as a client, transport or round tripper, something
// other than nil: a fallback getter's existing client.
func (a *analysis) returnsOtherClients() bool {
	for _, b := range a.fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || a.poolReturns[ret] {
			continue
		}
		for _, r := range ret.Results {
			t := r.Type()
			if !httptypes.IsClientPtr(t) && !httptypes.IsTransportPtr(t) && !httptypes.HasRoundTrip(t) {
				continue
			}
			if k, ok := r.(*ssa.Const); ok && k.Value == nil {
				continue
			}
			return true
		}
	}
	return false
}

// poolGuard is the one guard shared by every returned pool, or none.
func (a *analysis) poolGuard() Guard {
	if a.unguarded || len(a.poolGuards) == 0 {
		return Guard{}
	}
	g := a.poolGuards[0]
	for _, o := range a.poolGuards[1:] {
		if o != g {
			return Guard{}
		}
	}
	return g
}

// guardOf finds the nearest branch on a parameter test that every path to
// instr passes through: a block dominating instr whose only predecessor
// ends in an If on that test.
func guardOf(fn *ssa.Function, instr ssa.Instruction) Guard {
	for b := instr.Block(); b != nil; b = b.Idom() {
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
		g, negate, ok := matchGuard(fn, ifi.Cond, 0)
		if !ok {
			continue
		}
		g.Want = (p.Succs[0] == b) != negate
		return g
	}
	return Guard{}
}

// matchGuard recognises a bool parameter, a bool field of a struct
// parameter (by value, or through a pointer the function never writes
// through), their negation, and their comparison with a constant.
func matchGuard(fn *ssa.Function, v ssa.Value, depth int) (g Guard, negate, ok bool) {
	if depth > 3 {
		return Guard{}, false, false
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		switch x.Op {
		case token.NOT:
			g, neg, ok := matchGuard(fn, x.X, depth+1)
			return g, !neg, ok
		case token.MUL:
			fa, ok := x.X.(*ssa.FieldAddr)
			if !ok {
				break
			}
			if !isBool(x.Type()) {
				break
			}
			if idx := paramIndex(fn, fa.X); idx >= 0 && readOnlyRefs(fa.X, nil) {
				return Guard{Set: true, Param: idx, Field: fa.Field}, false, true
			}
			// A struct parameter by value lives in a local that holds
			// only the parameter's copy: `t0 = local T (p); *t0 = p`.
			if alloc, ok := fa.X.(*ssa.Alloc); ok {
				if p := soleParamCopy(alloc); p != nil {
					if idx := paramIndex(fn, p); idx >= 0 {
						return Guard{Set: true, Param: idx, Field: fa.Field}, false, true
					}
				}
			}
		}
	case *ssa.Parameter:
		if idx := paramIndex(fn, x); idx >= 0 && isBool(x.Type()) {
			return Guard{Set: true, Param: idx, Field: -1}, false, true
		}
	case *ssa.Field:
		if idx := paramIndex(fn, x.X); idx >= 0 && isBool(x.Type()) {
			return Guard{Set: true, Param: idx, Field: x.Field}, false, true
		}
	case *ssa.BinOp:
		if x.Op != token.EQL && x.Op != token.NEQ {
			break
		}
		operand, k := x.X, x.Y
		if _, isConst := operand.(*ssa.Const); isConst {
			operand, k = k, operand
		}
		kc, isConst := k.(*ssa.Const)
		if !isConst || kc.Value == nil || kc.Value.Kind() != constant.Bool {
			break
		}
		g, neg, ok := matchGuard(fn, operand, depth+1)
		if !ok {
			break
		}
		// x == true is x; x == false is !x; != flips once more.
		if !constant.BoolVal(kc.Value) {
			neg = !neg
		}
		if x.Op == token.NEQ {
			neg = !neg
		}
		return g, neg, true
	}
	return Guard{}, false, false
}

func paramIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// soleParamCopy returns the parameter that alloc, a local, is initialised
// from, if that store is the only write to it and its fields are only read.
func soleParamCopy(alloc *ssa.Alloc) *ssa.Parameter {
	var init *ssa.Store
	for _, ref := range *alloc.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			if init != nil {
				return nil
			}
			init = st
		}
	}
	if init == nil {
		return nil
	}
	p, ok := init.Val.(*ssa.Parameter)
	if !ok || !readOnlyRefs(alloc, init) {
		return nil
	}
	return p
}

// readOnlyRefs reports whether the pointer v is only used to read fields
// (besides the store allowed): the function neither stores through it nor
// hands it on, so a field's value at the test is the caller's.
func readOnlyRefs(v ssa.Value, allowed *ssa.Store) bool {
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r != allowed {
				return false
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			for _, fref := range *r.Referrers() {
				switch fr := fref.(type) {
				case *ssa.UnOp:
					if fr.Op != token.MUL {
						return false
					}
				case *ssa.DebugRef:
				default:
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// guardExcludes reports whether the call's arguments make g's test go the
// way that builds no pool. Anything it cannot evaluate counts as reaching
// the pool.
func guardExcludes(g Guard, call ssa.CallInstruction) bool {
	if !g.Set {
		return false
	}
	common := call.Common()
	if common.IsInvoke() || g.Param >= len(common.Args) {
		return false
	}
	val, known := evalBoolArg(common.Args[g.Param], g.Field, call)
	return known && val != g.Want
}

// evalBoolArg evaluates a constant bool argument, or field `field` of a
// struct argument built here as a literal (a missing field is false).
func evalBoolArg(arg ssa.Value, field int, call ssa.CallInstruction) (val, known bool) {
	if field < 0 {
		k, ok := arg.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.Bool {
			return false, false
		}
		return constant.BoolVal(k.Value), true
	}
	switch x := arg.(type) {
	case *ssa.Const:
		// A zero struct value: every field is zero.
		if x.Value == nil && !x.IsNil() {
			if _, isStruct := x.Type().Underlying().(*types.Struct); isStruct {
				return false, true
			}
		}
	case *ssa.UnOp:
		if alloc, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			return literalField(alloc, field, call)
		}
	case *ssa.Alloc:
		return literalField(x, field, call)
	}
	return false, false
}

// literalField reads field `field` of the struct alloc holds at call: the
// constant stored into it on the way to call, or false if nothing is ever
// stored. Any use of alloc other than field stores, loads and this call
// (which could change the field) makes it unknown.
func literalField(alloc *ssa.Alloc, field int, call ssa.CallInstruction) (val, known bool) {
	var store *ssa.Store
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false, false
			}
		case *ssa.Store:
			if r.Addr != alloc {
				return false, false
			}
			// A whole-value overwrite: we do not follow it.
			return false, false
		case *ssa.FieldAddr:
			for _, fref := range *r.Referrers() {
				st, ok := fref.(*ssa.Store)
				if !ok || st.Addr != r {
					if r.Field == field {
						if _, load := fref.(*ssa.UnOp); !load {
							if _, dbg := fref.(*ssa.DebugRef); !dbg {
								return false, false
							}
						}
					}
					continue
				}
				if r.Field != field {
					continue
				}
				if store != nil {
					return false, false
				}
				store = st
			}
		default:
			if ref != call {
				return false, false
			}
		}
	}
	if store == nil {
		return false, true
	}
	k, ok := store.Val.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Bool || !instrDominates(store, call) {
		return false, false
	}
	return constant.BoolVal(k.Value), true
}

// client is one client creation and the events on it that matter.
type client struct {
	start       ssa.Instruction // the creating instruction
	value       ssa.Value       // the *http.Client (pointer) value
	constructor *types.Func
	// unbounded: the client starts without a timeout (false for a
	// constructor's client that is bounded but holds a new pool).
	unbounded bool
	// holdsNewPool: the constructor returned a client holding a new
	// transport, so this client is also a pool creation.
	holdsNewPool bool
	// barriers make the client bounded (or unknowable, which keeps us
	// silent): a non-zero Timeout store, a bounding or unknown Transport,
	// a whole-value overwrite from an unknown source.
	barriers map[ssa.Instruction]bool
	// sends and escapes are where the client is judged.
	sends   map[ssa.Instruction]bool
	escapes map[ssa.Instruction]bool
	returns map[ssa.Instruction]bool
	closes  map[ssa.Instruction]bool // CloseIdleConnections on the client
	// transports stored into the client's Transport field, for the pool rule.
	transportStores map[ssa.Instruction]bool
	customTransport bool
	// poolStart is where the pool the client holds was made, when not
	// at start (a wrapper's client over a pool made before).
	poolStart ssa.Instruction
}

func newClient(start ssa.Instruction, v ssa.Value) *client {
	return &client{
		start: start, value: v,
		barriers: map[ssa.Instruction]bool{}, sends: map[ssa.Instruction]bool{},
		escapes: map[ssa.Instruction]bool{}, returns: map[ssa.Instruction]bool{},
		closes: map[ssa.Instruction]bool{}, transportStores: map[ssa.Instruction]bool{},
	}
}

// considerCreation records instr if it creates a client whose bound we can
// judge: an allocation of http.Client (literal, new, var, or a copy of
// *http.DefaultClient), or a call to a constructor known to return an
// unbounded client.
func (a *analysis) considerCreation(instr ssa.Instruction) {
	switch v := instr.(type) {
	case *ssa.Alloc:
		if !httptypes.IsClientPtr(v.Type()) || copyDestination(v) {
			return
		}
		c := newClient(v, v)
		c.unbounded = true
		a.add(c)
	case *ssa.Call:
		callee := ssax.CalleeFunc(v.Common())
		if callee == nil {
			return
		}
		ret := a.callee(callee)
		if ret.ClientWithNewTransport && guardExcludes(ret.PoolGuard, v) {
			// The arguments take the branch that builds no pool.
			ret.ClientWithNewTransport = false
		}
		if !ret.UnboundedClient && !ret.ClientWithNewTransport {
			a.considerWrappedClient(v, callee, ret)
			return
		}
		var result ssa.Value
		if httptypes.IsClientPtr(v.Type()) {
			result = v
		} else if tup, ok := v.Type().(*types.Tuple); ok {
			for _, ref := range *v.Referrers() {
				if ex, ok := ref.(*ssa.Extract); ok && httptypes.IsClientPtr(tup.At(ex.Index).Type()) {
					result = ex
				}
			}
		}
		if result == nil {
			return
		}
		c := newClient(v, result)
		c.constructor = callee
		c.unbounded = ret.UnboundedClient
		c.holdsNewPool = ret.ClientWithNewTransport
		a.add(c)
	}
}

// considerWrappedClient records the *http.Client that call returns when
// the callee wraps an argument that holds a new pool, by the ownership
// model (retryablehttp.NewClient().StandardClient(): the pool is the one
// NewClient built): the client holds that pool, and the pool is reported
// where it is made.
func (a *analysis) considerWrappedClient(call *ssa.Call, callee *types.Func, ret Returns) {
	if !httptypes.IsClientPtr(call.Type()) {
		return
	}
	wraps := false
	for _, hd := range ret.Holds {
		if hd.Result == 0 && hd.Param >= 0 {
			wraps = true
		}
	}
	if !wraps {
		return
	}
	h := a.holdsModel()
	o := h.objs[call]
	if o == nil {
		return
	}
	var origin *hobj
	for _, it := range h.held(o, call, 0, map[*hobj]bool{}) {
		if it.param < 0 && it.origin.start != nil && h.droppedHere(it, o) && (origin == nil || it.origin.start.Pos() < origin.start.Pos()) {
			origin = it.origin
		}
	}
	if origin == nil {
		return
	}
	c := newClient(call, call)
	c.constructor = origin.via
	c.holdsNewPool = true
	c.poolStart = origin.start
	a.add(c)
}

func (a *analysis) add(c *client) {
	a.clients[c.value] = c
	a.order = append(a.order, c)
	a.collectEvents(c, c.value, map[ssa.Value]bool{})
}

// collectEvents classifies every use of v, an alias of client c's pointer.
func (a *analysis) collectEvents(c *client, v ssa.Value, seen map[ssa.Value]bool) {
	if seen[v] {
		return
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ref := range *refs {
		switch r := ref.(type) {
		case *ssa.FieldAddr:
			a.fieldEvents(c, r)
		case *ssa.Store:
			if r.Addr == v {
				// A whole-value store into the variable: a copy of
				// *http.DefaultClient, or of the client itself, keeps it
				// as it was; anything else makes it a client we know
				// nothing about.
				if !isDefaultClientCopy(r.Val) && !isZeroConst(r.Val) && !isCopyOf(r.Val, seen) {
					c.barriers[r] = true
				}
			} else {
				c.escapes[r] = true
			}
		case ssa.CallInstruction:
			a.callEvent(c, v, r)
		case *ssa.Return:
			c.returns[r] = true
		case *ssa.Phi, *ssa.ChangeType:
			a.collectEvents(c, r.(ssa.Value), seen)
		case *ssa.UnOp:
			if r.Op == token.MUL {
				a.valueCopyEvents(c, r, seen)
			}
		case *ssa.MakeInterface, *ssa.MakeClosure, *ssa.Send, *ssa.MapUpdate, *ssa.Slice:
			c.escapes[ref] = true
		}
	}
}

// valueCopyEvents classifies the uses of a copy of the client struct (*p).
// A copy into another local client variable is the same client under a new
// name: `c := http.Client{...}` builds the literal in a temporary and copies
// it into c, so c's events are followed as the literal's own.
func (a *analysis) valueCopyEvents(c *client, copied *ssa.UnOp, seen map[ssa.Value]bool) {
	for _, ref := range *copied.Referrers() {
		switch r := ref.(type) {
		case *ssa.Return:
			c.returns[r] = true
		case *ssa.Store:
			if dest, ok := r.Addr.(*ssa.Alloc); ok && copyDestination(dest) {
				a.clients[dest] = c
				a.collectEvents(c, dest, seen)
				continue
			}
			c.escapes[ref] = true
		case *ssa.MakeInterface, *ssa.Send, *ssa.MapUpdate, ssa.CallInstruction:
			c.escapes[ref] = true
		}
	}
}

// copyDestination reports whether alloc is a client variable that receives
// a whole copy of another local client (a literal built in a temporary).
func copyDestination(alloc *ssa.Alloc) bool {
	if !httptypes.IsClientPtr(alloc.Type()) {
		return false
	}
	for _, ref := range *alloc.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != alloc {
			continue
		}
		if ld, ok := st.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if src, ok := ld.X.(*ssa.Alloc); ok && src != alloc && httptypes.IsClientPtr(src.Type()) {
				return true
			}
		}
	}
	return false
}

// fieldEvents classifies a use of &c.F.
func (a *analysis) fieldEvents(c *client, fa *ssa.FieldAddr) {
	name := ssax.FieldName(fa)
	if name != "Timeout" && name != "Transport" {
		return
	}
	for _, ref := range *fa.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != fa {
			continue
		}
		switch name {
		case "Timeout":
			if !isZeroConst(st.Val) {
				c.barriers[st] = true
			}
		case "Transport":
			c.transportStores[st] = true
			switch a.classifyTransport(st.Val) {
			case transportBounded, transportUnknown:
				c.barriers[st] = true
			case transportUnboundedCustom:
				c.customTransport = true
			case transportDefault:
			}
		}
	}
}

// callEvent classifies a call, go or defer that mentions the client.
func (a *analysis) callEvent(c *client, v ssa.Value, call ssa.CallInstruction) {
	common := call.Common()
	callee := ssax.CalleeFunc(common)
	if callee != nil && len(common.Args) > 0 && common.Args[0] == v && httptypes.IsMethod(callee, "net/http", "Client") {
		switch {
		case httptypes.IsClientSend(callee):
			c.sends[call] = true
		case callee.Name() == "CloseIdleConnections":
			c.closes[call] = true
		}
		return
	}
	c.escapes[call] = true
}

// judgeClient decides whether some path from the creation reaches a send
// or an escape (judged), or a return, without passing a barrier.
func (a *analysis) judgeClient(c *client, res *Result) {
	if !c.unbounded {
		return
	}
	barrier := func(i ssa.Instruction) bool { return c.barriers[i] }
	for _, at := range sortedByPos(c.sends, c.escapes) {
		if c.sends[at] && a.deadlines.Bounded(at) {
			// The request carries a deadline (set here, or by every
			// caller): the send cannot block forever, whatever the
			// client's Timeout.
			continue
		}
		if c.escapes[at] && timeoutSetThroughHolder(at) {
			// Stored into a field of a struct this function built, and
			// bounded through that field afterwards:
			// s := &svc{http: &http.Client{}}; s.http.Timeout = d.
			continue
		}
		if cfgx.PathAvoiding(c.start, func(i ssa.Instruction) bool { return i == at }, barrier) {
			res.Unbounded = append(res.Unbounded, Unbounded{
				Created:         creationPos(c),
				Constructor:     c.constructor,
				At:              at.Pos(),
				Escapes:         c.escapes[at],
				CustomTransport: c.customTransport,
				StoredIn:        storeTarget(at),
			})
			break
		}
	}
	for _, ret := range sortedByPos(c.returns) {
		if cfgx.PathAvoiding(c.start, func(i ssa.Instruction) bool { return i == ret }, barrier) {
			res.Returns.UnboundedClient = true
			res.Returned = append(res.Returned, Unbounded{
				Created:         creationPos(c),
				Constructor:     c.constructor,
				At:              ret.Pos(),
				CustomTransport: c.customTransport,
			})
			break
		}
	}
}

// judgeFieldCopy judges a copy of *http.DefaultClient stored into a struct
// field that holds an http.Client by value, embedded or named:
// `&Client{Client: *http.DefaultClient}` (mattn/go-mastodon's NewClient).
// No client variable is made, so the copy is followed through the field
// itself: it is unbounded unless, on every path from the copy to the
// function's exit (or to a send through the field), the function sets a
// non-zero Timeout through that field of the same struct (`c.Timeout = d`,
// promoted through the embedding, or `c.Client.Timeout = d`), gives it a
// Transport that bounds the exchange or one we cannot see, overwrites the
// field. A function that hands the struct (or the field) to code we do not
// follow anywhere (an option loop, a method, a go statement) may bound it
// there, on whatever path: it is not judged.
func (a *analysis) judgeFieldCopy(st *ssa.Store, res *Result) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !httptypes.IsClientPtr(fa.Type()) || !isDefaultClientCopy(st.Val) {
		return
	}
	base := fa.X
	sameField := func(v ssa.Value) bool {
		o, ok := v.(*ssa.FieldAddr)
		return ok && o.X == base && o.Field == fa.Field
	}
	barriers := map[ssa.Instruction]bool{}
	targets := map[ssa.Instruction]bool{}
	handedOn := false
	var holderUse func(v ssa.Value, seen map[ssa.Value]bool)
	// fieldUse classifies the uses of &base.F.
	fieldUse := func(f *ssa.FieldAddr) {
		for _, ref := range *f.Referrers() {
			switch r := ref.(type) {
			case *ssa.DebugRef:
			case *ssa.Store:
				if r == st {
					continue
				}
				if r.Addr == f && !isDefaultClientCopy(r.Val) {
					barriers[r] = true // overwritten
				} else if r.Addr != f {
					targets[r] = true // the client's address escapes unbounded
				}
			case *ssa.UnOp:
				// a copy of the client value: it leaves unbounded
				if r.Op == token.MUL {
					targets[r] = true
				}
			case *ssa.FieldAddr:
				name := ssax.FieldName(r)
				for _, fref := range *r.Referrers() {
					fs, ok := fref.(*ssa.Store)
					if !ok || fs.Addr != r {
						continue
					}
					switch name {
					case "Timeout":
						if !isZeroConst(fs.Val) {
							barriers[fs] = true
						}
					case "Transport":
						if c := a.classifyTransport(fs.Val); c == transportBounded || c == transportUnknown {
							barriers[fs] = true
						}
					}
				}
			case ssa.CallInstruction:
				common := r.Common()
				callee := ssax.CalleeFunc(common)
				if callee != nil && len(common.Args) > 0 && common.Args[0] == f && httptypes.IsClientSend(callee) {
					targets[r] = true
					continue
				}
				handedOn = true
			default:
				handedOn = true
			}
		}
	}
	holderUse = func(v ssa.Value, seen map[ssa.Value]bool) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.DebugRef:
			case *ssa.FieldAddr:
				if sameField(r) {
					fieldUse(r)
				}
			case *ssa.Return:
				targets[r] = true
			case *ssa.Store:
				if r.Val == v {
					targets[r] = true // stored away while its client is unbounded
				} else {
					handedOn = true // the whole struct overwritten
				}
			case *ssa.UnOp:
				// a copy of the whole struct, or a load through a
				// pointer-to-pointer holder: not followed
				handedOn = true
			case *ssa.Phi, *ssa.ChangeType:
				holderUse(r.(ssa.Value), seen)
			default:
				handedOn = true
			}
		}
	}
	holderUse(base, map[ssa.Value]bool{})
	if handedOn || len(targets) == 0 {
		return
	}
	path := cfgx.FindPath(st, func(i ssa.Instruction) bool { return targets[i] }, func(i ssa.Instruction) bool { return barriers[i] }, nil)
	if path == nil {
		return
	}
	at := path.Reached
	u := Unbounded{
		Created:  st.Val.Pos(),
		At:       st.Pos(),
		Escapes:  true,
		StoredIn: fieldVar(base.Type(), fa.Field),
	}
	if call, ok := at.(ssa.CallInstruction); ok && httptypes.IsClientSend(ssax.CalleeFunc(call.Common())) {
		u.At, u.Escapes, u.StoredIn = at.Pos(), false, nil
	}
	if !u.Created.IsValid() {
		u.Created = st.Pos()
	}
	res.Unbounded = append(res.Unbounded, u)
}

// storeTarget returns the struct field or package variable that instr, an
// escape, stores into, or nil when it is not such a store.
func storeTarget(instr ssa.Instruction) *types.Var {
	st, ok := instr.(*ssa.Store)
	if !ok {
		return nil
	}
	switch addr := st.Addr.(type) {
	case *ssa.FieldAddr:
		return fieldVar(addr.X.Type(), addr.Field)
	case *ssa.Global:
		v, _ := addr.Object().(*types.Var)
		return v
	}
	return nil
}

// fieldVar returns field i of the struct that t is or points to.
func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i < 0 || i >= s.NumFields() {
		return nil
	}
	return s.Field(i)
}

// timeoutSetThroughHolder reports whether the escape at is a store of the
// client into field F of a struct allocated in this function, and the
// function also stores a non-zero Timeout through that same field
// (holder.F.Timeout = d). It only ever silences.
func timeoutSetThroughHolder(at ssa.Instruction) bool {
	st, ok := at.(*ssa.Store)
	if !ok {
		return false
	}
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	holder, ok := fa.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *holder.Referrers() {
		other, ok := ref.(*ssa.FieldAddr)
		if !ok || other.Field != fa.Field {
			continue
		}
		for _, oref := range *other.Referrers() {
			ld, ok := oref.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL {
				continue
			}
			for _, lref := range *ld.Referrers() {
				tf, ok := lref.(*ssa.FieldAddr)
				if !ok || ssax.FieldName(tf) != "Timeout" {
					continue
				}
				for _, tref := range *tf.Referrers() {
					if ts, ok := tref.(*ssa.Store); ok && ts.Addr == tf && !isZeroConst(ts.Val) {
						return true
					}
				}
			}
		}
	}
	return false
}

func creationPos(c *client) token.Pos {
	if call, ok := c.start.(*ssa.Call); ok {
		return call.Pos()
	}
	return c.start.Pos()
}

// sortedByPos returns the keys of the given sets ordered by position, so the
// reported "at" is the earliest and the choice is deterministic.
func sortedByPos(sets ...map[ssa.Instruction]bool) []ssa.Instruction {
	var out []ssa.Instruction
	for _, s := range sets {
		for i := range s {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// ---- Transports ----

type transportClass int

const (
	transportDefault         transportClass = iota // nil: http.DefaultTransport, no header timeout
	transportUnboundedCustom                       // a known *http.Transport without the bounds
	transportBounded                               // ResponseHeaderTimeout and a dial timeout
	transportUnknown                               // anything we cannot see into
)

// classifyTransport decides whether the RoundTripper stored in a client's
// Transport field bounds the exchange: it must be a *http.Transport we can
// see built in this function, with a non-zero ResponseHeaderTimeout and a
// bounded dial (a custom dial function, a net.Dialer with a Timeout, or the
// dialer inherited by cloning http.DefaultTransport).
func (a *analysis) classifyTransport(v ssa.Value) transportClass {
	class, _ := a.transportBounds(v, 0)
	return class
}

// returnedTransportBounds decides the UnboundedTransport summary: every
// non-nil transport fn returns must be a known *http.Transport without the
// bounds; anything else (a bounded one, a wrapper, one we cannot see,
// http.DefaultTransport itself) says nothing.
func (a *analysis) returnedTransportBounds() (unbounded, dialBounded bool) {
	results := a.fn.Signature.Results()
	idx := -1
	for i := 0; i < results.Len(); i++ {
		if t := results.At(i).Type(); httptypes.IsTransportPtr(t) || httptypes.HasRoundTrip(t) {
			if idx >= 0 {
				return false, false // several transport results: which one would a caller mean?
			}
			idx = i
		}
	}
	if idx < 0 {
		return false, false
	}
	dialBounded = true
	for _, b := range a.fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || idx >= len(ret.Results) {
			continue
		}
		v := ret.Results[idx]
		if ssax.IsNil(ssax.Unconvert(v)) {
			continue
		}
		class, dial := a.transportBounds(v, 0)
		if class != transportUnboundedCustom {
			return false, false
		}
		unbounded = true
		dialBounded = dialBounded && dial
	}
	return unbounded, unbounded && dialBounded
}

// maxTransportDepth bounds the walk through wrappers and globals.
const maxTransportDepth = 4

// transportBounds classifies v and, for a known *http.Transport, says
// whether its dial is bounded.
func (a *analysis) transportBounds(v ssa.Value, depth int) (transportClass, bool) {
	if depth > maxTransportDepth {
		return transportUnknown, false
	}
	v = ssax.Unconvert(v)
	if ssax.IsNil(v) {
		return transportDefault, true
	}
	switch t := v.(type) {
	case *ssa.UnOp:
		g, ok := t.X.(*ssa.Global)
		if !ok || t.Op != token.MUL {
			break
		}
		if httptypes.IsGlobal(g, "DefaultTransport") {
			// http.DefaultTransport has no ResponseHeaderTimeout, unless
			// the program replaced it: code that checks its dynamic type
			// (openai-go: "if DefaultTransport is still *http.Transport,
			// clone it, else keep the wrapper") knows it may be wrapped.
			if inspectsDefaultTransport(t.Parent()) {
				return transportUnknown, false
			}
			return transportDefault, true
		}
		// A package variable of this package: what its initialiser stored.
		if stored := soleInitStore(g); stored != nil {
			return a.transportBounds(stored, depth+1)
		}
	case *ssa.Alloc:
		if !httptypes.IsTransportPtr(t.Type()) {
			return a.classifyWrapper(t, depth), false
		}
		return boundsOf(t, false)
	case *ssa.Extract:
		if call, ok := t.Tuple.(*ssa.Call); ok && httptypes.IsTransportPtr(t.Type()) {
			return a.calleeTransport(call, t)
		}
	case *ssa.Call:
		callee := ssax.CalleeFunc(t.Common())
		if callee != nil && httptypes.IsMethod(callee, "net/http", "Transport", "Clone") {
			return boundsOf(t, clonesDefaultTransport(t.Common().Args[0]))
		}
		return a.calleeTransport(t, t)
	}
	return transportUnknown, false
}

// calleeTransport classifies the transport v that call returns, by the
// callee's summary: a transport without the bounds stays one here unless
// this function adds them to v (t := cleanhttp.DefaultTransport();
// t.ResponseHeaderTimeout = d).
func (a *analysis) calleeTransport(call *ssa.Call, v ssa.Value) (transportClass, bool) {
	callee := ssax.CalleeFunc(call.Common())
	if callee == nil {
		return transportUnknown, false
	}
	ret := a.callee(callee)
	if !ret.UnboundedTransport {
		return transportUnknown, false
	}
	if !httptypes.IsTransportPtr(v.Type()) {
		// Returned as an http.RoundTripper: nothing here can add the
		// bounds without a type assertion, which we do not follow.
		return transportUnboundedCustom, ret.TransportDialBounded
	}
	return boundsOf(v, ret.TransportDialBounded)
}

// classifyWrapper classifies a RoundTripper of the program's own struct
// type (a User-Agent or logging wrapper) by what it wraps: its
// RoundTripper-typed fields. A wrapper whose inner transports are all nil
// delegates to http.DefaultTransport by convention, so it bounds nothing;
// one with no such field, or wrapping something we cannot see, is unknown.
func (a *analysis) classifyWrapper(alloc *ssa.Alloc, depth int) transportClass {
	ptr, ok := alloc.Type().Underlying().(*types.Pointer)
	if !ok {
		return transportUnknown
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return transportUnknown
	}
	inner := -1
	for i := 0; i < st.NumFields(); i++ {
		if httptypes.HasRoundTrip(st.Field(i).Type()) {
			if inner >= 0 {
				return transportUnknown // several inner transports: too clever to guess
			}
			inner = i
		}
	}
	if inner < 0 {
		return transportUnknown
	}
	result := transportDefault
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != inner {
			continue
		}
		for _, fref := range *fa.Referrers() {
			if st, ok := fref.(*ssa.Store); ok && st.Addr == fa {
				switch c, _ := a.transportBounds(st.Val, depth+1); c {
				case transportBounded, transportUnknown:
					return transportUnknown
				case transportUnboundedCustom:
					result = c
				}
			}
		}
	}
	return result
}

// returnsPoolCarrier reports whether a result of fn can hold a pool.
func returnsPoolCarrier(fn *ssa.Function) bool {
	results := fn.Signature.Results()
	for i := 0; i < results.Len(); i++ {
		if poolCarrier(results.At(i).Type(), 0) {
			return true
		}
	}
	return false
}

// inspectsDefaultTransport reports whether fn type-asserts
// http.DefaultTransport, a sign the program expects it to be wrapped.
func inspectsDefaultTransport(fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if ta, ok := instr.(*ssa.TypeAssert); ok {
				if ld, ok := ta.X.(*ssa.UnOp); ok && ld.Op == token.MUL && httptypes.IsGlobal(ld.X, "DefaultTransport") {
					return true
				}
			}
		}
	}
	return false
}

// soleInitStore returns the value stored into global g by its package's
// initialiser, if that is the only store to g there. (ssa.Global keeps no
// referrers, so the initialiser is scanned; stores from other functions are
// not seen, which is why only a package variable that is never reassigned
// in init is trusted.)
func soleInitStore(g *ssa.Global) ssa.Value {
	if g.Pkg == nil {
		return nil
	}
	init := g.Pkg.Func("init")
	if init == nil {
		return nil
	}
	var found ssa.Value
	count := 0
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == g {
				count++
				found = st.Val
			}
		}
	}
	if count != 1 {
		return nil
	}
	return found
}

// boundsOf inspects the stores into the fields of transport t.
func boundsOf(t ssa.Value, dialBounded bool) (transportClass, bool) {
	headerBounded := false
	for _, ref := range *t.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		name := ssax.FieldName(fa)
		for _, fref := range *fa.Referrers() {
			st, ok := fref.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			switch name {
			case "ResponseHeaderTimeout":
				if !isZeroConst(st.Val) {
					headerBounded = true
				}
			case "DialContext", "Dial", "DialTLSContext", "DialTLS":
				if dialFuncBounded(st.Val) {
					dialBounded = true
				}
			}
		}
	}
	if headerBounded && dialBounded {
		return transportBounded, true
	}
	return transportUnboundedCustom, dialBounded
}

// dialFuncBounded: (&net.Dialer{Timeout: d}).DialContext with d != 0 is
// bounded; a net.Dialer without a Timeout is not; any other function is the
// program's own dialer and is trusted.
func dialFuncBounded(v ssa.Value) bool {
	if ssax.IsNil(v) {
		return false
	}
	mc, ok := v.(*ssa.MakeClosure)
	if !ok || len(mc.Bindings) != 1 || !httptypes.IsDialerPtr(mc.Bindings[0].Type()) {
		return true
	}
	dialer := mc.Bindings[0]
	for _, ref := range *dialer.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || ssax.FieldName(fa) != "Timeout" {
			continue
		}
		for _, fref := range *fa.Referrers() {
			if st, ok := fref.(*ssa.Store); ok && st.Addr == fa && !isZeroConst(st.Val) {
				return true
			}
		}
	}
	return false
}

// clonesDefaultTransport reports whether v is http.DefaultTransport (after
// a type assertion to *http.Transport), whose dialer has a 30s timeout.
func clonesDefaultTransport(v ssa.Value) bool {
	if ta, ok := v.(*ssa.TypeAssert); ok {
		v = ta.X
	}
	if ex, ok := v.(*ssa.Extract); ok {
		if ta, ok := ex.Tuple.(*ssa.TypeAssert); ok {
			v = ta.X
		}
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		return httptypes.IsGlobal(ld.X, "DefaultTransport")
	}
	return false
}

// transportCreation returns the new *http.Transport that instr creates, if
// it creates one: a literal or new(http.Transport), a Clone(), or a call to
// a function that returns a new transport (via is that function).
func (a *analysis) transportCreation(instr ssa.Instruction) (t ssa.Value, via *types.Func) {
	switch v := instr.(type) {
	case *ssa.Alloc:
		if httptypes.IsTransportPtr(v.Type()) {
			return v, nil
		}
	case *ssa.Call:
		callee := ssax.CalleeFunc(v.Common())
		if callee == nil {
			return nil, nil
		}
		if httptypes.IsMethod(callee, "net/http", "Transport", "Clone") {
			return v, nil
		}
		if ret := a.callee(callee); ret.NewTransport && !isTuple(v.Type()) && !guardExcludes(ret.PoolGuard, v) {
			return v, callee
		}
	}
	return nil, nil
}

func isTuple(t types.Type) bool {
	_, ok := t.(*types.Tuple)
	return ok
}

// judgeTransport decides the pool rule for one transport creation, and
// whether the function hands the new pool to its caller (alone or inside a
// client it returns).
func (a *analysis) judgeTransport(start ssa.Instruction, t ssa.Value, via *types.Func, res *Result) {
	var (
		escapes          bool
		sends            bool
		returned         bool
		returnedInClient bool
		closes           = map[ssa.Instruction]bool{}
		sendCalls        []ssa.Instruction
		retInstrs        []*ssa.Return
	)
	var visit func(v ssa.Value, seen map[ssa.Value]bool)
	visit = func(v ssa.Value, seen map[ssa.Value]bool) {
		if seen[v] || escapes {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch r := ref.(type) {
			case *ssa.FieldAddr, *ssa.DebugRef:
				// configuring the transport's own fields
			case *ssa.Phi, *ssa.ChangeType:
				visit(r.(ssa.Value), seen)
			case *ssa.MakeInterface:
				visit(r, seen)
			case *ssa.Return:
				returned = true
				retInstrs = append(retInstrs, r)
			case *ssa.Store:
				if r.Val != v {
					continue
				}
				holder := a.clientHolding(r)
				if holder == nil || len(holder.escapes) > 0 {
					escapes = true
					return
				}
				if len(holder.returns) > 0 {
					returnedInClient = true
					for i := range holder.returns {
						retInstrs = append(retInstrs, i.(*ssa.Return))
					}
				}
				for i := range holder.sends {
					sends = true
					sendCalls = append(sendCalls, i)
				}
				for i := range holder.closes {
					closes[i] = true
				}
			case ssa.CallInstruction:
				common := r.Common()
				callee := ssax.CalleeFunc(common)
				if callee != nil && len(common.Args) > 0 && common.Args[0] == v && httptypes.IsMethod(callee, "net/http", "Transport") {
					switch callee.Name() {
					case "RoundTrip":
						sends = true
						sendCalls = append(sendCalls, r)
					case "CloseIdleConnections":
						closes[r] = true
					}
					continue
				}
				if passesToConfigurer(common, v, a.callee) {
					// configureTransport(tr, ep): the helper sets
					// fields and keeps nothing.
					continue
				}
				if w := a.wrapperResult(r, v); w != nil {
					// otelhttp.NewTransport(tr): the wrapper keeps the
					// pool and nothing else does; follow the wrapper.
					visit(w, seen)
					continue
				}
				escapes = true
				return
			default:
				escapes = true
				return
			}
		}
	}
	visit(t, map[ssa.Value]bool{})
	if escapes || keepAlivesDisabled(t) || (sends && !returned && !returnedInClient && allRequestsClose(sendCalls)) {
		// A transport that disables keep-alives, or whose every request
		// here sets req.Close, closes each connection after its
		// response: it keeps no idle pool to abandon.
		return
	}
	for _, r := range retInstrs {
		a.notePoolReturn(r, via)
	}
	if returned {
		res.Returns.NewTransport = true
		a.notePoolReturned(start)
		return
	}
	if returnedInClient {
		res.Returns.ClientWithNewTransport = true
		a.notePoolReturned(start)
		return
	}
	if sends {
		a.judgeAbandoned(start, closes, via, res)
	}
}

// wrapperResult returns the result of call that, by the callee's summary,
// holds the argument v and is itself a round tripper (a transport
// wrapper such as otelhttp.NewTransport), so that the pool v is goes
// where that result goes; nil otherwise.
func (a *analysis) wrapperResult(call ssa.CallInstruction, v ssa.Value) ssa.Value {
	c, ok := call.(*ssa.Call)
	if !ok || c.Common().IsInvoke() {
		return nil
	}
	fn := ssax.CalleeFunc(c.Common())
	if fn == nil || !argsMatchSignature(c.Common(), fn) {
		return nil
	}
	idx := -1
	for i, arg := range c.Common().Args {
		if arg == v {
			if idx >= 0 {
				return nil
			}
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	for _, hd := range a.callee(fn).Holds {
		if hd.Param != idx {
			continue
		}
		r := resultValue(c, hd.Result)
		if r != nil && isRoundTripper(r.Type()) {
			return r
		}
	}
	return nil
}

// isRoundTripper reports whether t is an *http.Transport, an interface
// with a RoundTrip method, or a type whose method set has one.
func isRoundTripper(t types.Type) bool {
	if httptypes.IsTransportPtr(t) || httptypes.HasRoundTrip(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == "RoundTrip" {
			return true
		}
	}
	return false
}

// ConfiguredTransports returns the set of fn's *http.Transport parameters
// (bit i for parameter i, receiver first) that fn only configures: it sets
// or reads their fields, compares them, and passes them only to callees
// whose summaries say the same of that parameter, so a transport leaves
// the call no more shared than it came (go-git's configureTransport,
// plumbing/transport/http/common.go:282, which its newSession calls on a
// fresh clone). Any other use (a store, a return, a closure, an
// interface, a phi, a call we cannot resolve or that has no such summary,
// RoundTrip, CloseIdleConnections, RegisterProtocol) clears the bit.
// Recursive helpers are never configurers: the summary starts empty and
// only grows.
func ConfiguredTransports(fn *ssa.Function, callee CalleeReturns) uint64 {
	if fn.Blocks == nil {
		return 0
	}
	if callee == nil {
		callee = func(*types.Func) Returns { return Returns{} }
	}
	var mask uint64
	for i, p := range fn.Params {
		if i < 64 && httptypes.IsTransportPtr(p.Type()) && onlyConfigured(p, callee) {
			mask |= 1 << i
		}
	}
	return mask
}

func onlyConfigured(v ssa.Value, callee CalleeReturns) bool {
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return false
			}
		case ssa.CallInstruction:
			if !passesToConfigurer(r.Common(), v, callee) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// passesToConfigurer reports whether the static call common passes v only
// as parameters that its callee only configures.
func passesToConfigurer(common *ssa.CallCommon, v ssa.Value, callee CalleeReturns) bool {
	if common.IsInvoke() || common.Value == v {
		return false
	}
	fn := ssax.CalleeFunc(common)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if n := sig.Params().Len(); (sig.Recv() == nil && n != len(common.Args)) || (sig.Recv() != nil && n+1 != len(common.Args)) {
		// A bound-method wrapper (f := o.apply; f(t)) takes the
		// arguments shifted from the method's parameters.
		return false
	}
	mask := callee(fn).ConfiguresTransport
	passed := false
	for i, arg := range common.Args {
		if arg != v {
			continue
		}
		if i >= 64 || mask&(1<<i) == 0 {
			return false
		}
		passed = true
	}
	return passed
}

// judgeClientPool decides the pool rule for a client that a constructor
// returned holding a new transport.
func (a *analysis) judgeClientPool(c *client, res *Result) {
	if len(c.escapes) > 0 {
		return
	}
	if len(c.transportStores) > 0 {
		// The function replaces the Transport the constructor gave
		// the client: whether a new pool is still there is what the
		// ownership model decides (a wrapper around it, or a shared
		// transport in its place). It makes the summary of a returned
		// client itself.
		if len(c.returns) == 0 && len(c.sends) > 0 && a.stillHoldsPool(c) {
			a.judgeAbandoned(c.start, c.closes, c.constructor, res)
		}
		return
	}
	start := c.start
	if c.poolStart != nil {
		start = c.poolStart
	}
	if len(c.returns) > 0 {
		res.Returns.ClientWithNewTransport = true
		a.notePoolReturned(start)
		for r := range c.returns {
			a.notePoolReturn(r.(*ssa.Return), c.constructor)
		}
		return
	}
	if len(c.sends) > 0 {
		a.judgeAbandoned(start, c.closes, c.constructor, res)
	}
}

// stillHoldsPool reports whether, at one of its sends, the constructor's
// client c still holds a new pool by the ownership model (see holds.go),
// and this function drops it.
func (a *analysis) stillHoldsPool(c *client) bool {
	h := a.holdsModel()
	o := h.objs[c.value]
	if o == nil {
		return false
	}
	for _, at := range sortedByPos(c.sends) {
		for _, it := range h.held(o, at, 0, map[*hobj]bool{}) {
			// The constructor's own pool, or one this function put
			// in its place (reported where it is made as well, as
			// before: usesite's newTransport).
			if it.param < 0 && h.droppedHere(it, o) {
				return true
			}
		}
	}
	return false
}

// holdsModel builds the ownership model of a.fn once.
func (a *analysis) holdsModel() *holds {
	if a.model == nil {
		a.model = newHolds(a)
		a.model.create()
		a.model.classify()
	}
	return a.model
}

// judgeAbandoned reports a pool created at start if some path leaves the
// function (or comes round the loop to start again) without closing it.
func (a *analysis) judgeAbandoned(start ssa.Instruction, closes map[ssa.Instruction]bool, via *types.Func, res *Result) {
	inLoop := cfgx.InLoop(start.Block())
	target := func(i ssa.Instruction) bool {
		if _, ok := i.(*ssa.Return); ok {
			return true
		}
		return inLoop && i == start
	}
	if cfgx.PathAvoiding(start, target, func(i ssa.Instruction) bool { return closes[i] }) {
		res.Pools = append(res.Pools, Pool{Created: start.Pos(), InLoop: inLoop, Via: via, ViaConditional: via != nil && a.callee(via).PoolConditional && !a.callee(via).PoolGuard.Set})
	}
}

// clientHolding returns the local client whose Transport field the store
// writes, or nil if the store writes anywhere else.
func (a *analysis) clientHolding(st *ssa.Store) *client {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || ssax.FieldName(fa) != "Transport" {
		return nil
	}
	return a.clients[fa.X]
}

// ---- small helpers ----

func isZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	}
	return false
}

// isCopyOf reports whether v loads one of the aliases already followed.
func isCopyOf(v ssa.Value, aliases map[ssa.Value]bool) bool {
	ld, ok := v.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && aliases[ld.X]
}

// isDefaultClientCopy reports whether v is *http.DefaultClient.
func isDefaultClientCopy(v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	inner, ok := ld.X.(*ssa.UnOp)
	return ok && inner.Op == token.MUL && httptypes.IsGlobal(inner.X, "DefaultClient")
}

// keepAlivesDisabled reports whether the transport t, created in this
// function, has DisableKeepAlives set to a constant true, in its literal or
// by a later store, so it holds no idle connections between requests.
func keepAlivesDisabled(t ssa.Value) bool { return storesTrue(t, "DisableKeepAlives") }

// storesTrue reports whether this function stores constant true in the
// field name of the struct that v points to.
func storesTrue(v ssa.Value, name string) bool {
	for _, ref := range *v.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || ssax.FieldName(fa) != name {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				if k, ok := st.Val.(*ssa.Const); ok && k.Value != nil && constant.BoolVal(k.Value) {
					return true
				}
			}
		}
	}
	return false
}

// allRequestsClose reports whether every send in sends is a Do or
// RoundTrip of a request that this function marks req.Close = true, so the
// transport closes the connection after the response instead of keeping it
// idle (syncthing's UPnP SOAP requests).
func allRequestsClose(sends []ssa.Instruction) bool {
	if len(sends) == 0 {
		return false
	}
	for _, instr := range sends {
		call, ok := instr.(ssa.CallInstruction)
		if !ok {
			return false
		}
		common := call.Common()
		callee := ssax.CalleeFunc(common)
		if callee == nil || (callee.Name() != "Do" && callee.Name() != "RoundTrip") || len(common.Args) != 2 || !storesTrue(common.Args[1], "Close") {
			return false
		}
	}
	return true
}
