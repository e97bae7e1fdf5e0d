// Package bodies follows the ownership of *http.Response bodies through one
// SSA function: where a response (or its Body) comes from, where it is
// closed, where ownership moves on (returned, stored, sent, handed to a
// function that keeps or closes it), and whether some path leaves the
// function with the body still open.
//
// The model is go vet's lostcancel applied to ownership: a response obliges
// the function that receives it; the obligation ends at a release (Close) or
// a transfer; a path from the response to an exit that meets neither is a
// leak. The branch on which the producing call's error is non-nil is not
// followed, since the response is nil there.
package bodies

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Summary is what a function does with responses, seen by its callers. It
// is the content of the RespSum fact: plain sorted data.
type Summary struct {
	// ReturnsOwned lists the results that carry an open response or body
	// the caller must close.
	ReturnsOwned []int
	// ClosesParam lists the parameters (receiver first for methods) whose
	// response or body the function closes.
	ClosesParam []int
	// TransfersParam lists the parameters the function keeps: stores,
	// sends or hands on, so their owner changes.
	TransfersParam []int
	// PassesParam lists parameters returned as results (generic wrappers
	// such as must(v T, err error) T): the caller's obligation follows the
	// value to the result.
	PassesParam []ParamToResult
	// ReturnsReleased: the function returns a response whose body it has
	// already closed (read it, then deferred Close; or swapped in a
	// NopCloser). Callers owe nothing; an interface whose implementations
	// all do this is not a source.
	ReturnsReleased bool
}

// ParamToResult says parameter Param comes back as result Result.
type ParamToResult struct{ Param, Result int }

// Empty reports whether s says nothing.
func (s Summary) Empty() bool {
	return len(s.ReturnsOwned) == 0 && len(s.ClosesParam) == 0 && len(s.TransfersParam) == 0 && len(s.PassesParam) == 0 && !s.ReturnsReleased
}

// Lookup returns the summary of a callee, or nil when none is known (a
// standard function, a package without facts).
type Lookup func(fn *types.Func) *Summary

// Leak is a response whose body some path leaves open.
type Leak struct {
	Source ssa.Instruction // the call (or receive) that produced the response
	Callee string          // what produced it, for the message
	// Exit is where the path leaves the function, or the source itself
	// when the path comes round a loop and overwrites the response.
	Exit ssa.Instruction
	// Branch is the last conditional the leaking path took, if any, and
	// which way (true: the condition held).
	Branch      *ssa.If
	BranchTaken bool
	// Closed reports whether the body is closed on some other path: the
	// leak is a missed path, not a missing Close.
	Closed bool
	// ErrorReturn: Exit is a RoundTrip's return of the open response
	// beside a non-nil error, which net/http's Client drops unclosed.
	ErrorReturn bool
}

// Analyzer holds what the analysis of one package needs: summaries of this
// package's functions (closures included) and of callees elsewhere.
type Analyzer struct {
	Lookup Lookup
	Local  map[*ssa.Function]*Summary
	// Impls, if set, returns the methods named name of the package's own
	// concrete types that implement iface.
	Impls func(iface *types.Interface, name string) []*ssa.Function
	// Funcs, if set, are the package's source functions: where the
	// function values stored in fields and globals are looked for.
	Funcs []*ssa.Function
	cells map[*ssa.Alloc]kind // what each local variable was seen to hold
	// stored indexes, per struct field or global of func type, the
	// function values the package stores there (nil entry: a value of
	// unknown origin). Built on first use.
	stored map[any][]*ssa.Function
	// wraps records, per wrapper value (kindWrap), the field that holds
	// the response.
	wraps map[ssa.Value]int
}

// kind is what a tracked value is.
type kind int

const (
	kindResp kind = iota // *http.Response
	kindBody             // its Body, or any io.Closer standing for it
	kindCell             // a local variable (Alloc) holding a tracked value
	kindWrap             // a local struct holding the response in a field
)

// events are the instructions that end or move an obligation, found by
// following a value and its aliases.
type events struct {
	releases  map[ssa.Instruction]bool // Close, or a callee that closes
	transfers map[ssa.Instruction]bool // ownership moves on
	returns   map[int]bool             // result indexes the value is returned as
	// returnedAt records, per Return, which results carry the value;
	// returnInstrs lists those Returns in the order found.
	returnedAt   map[*ssa.Return]map[int]bool
	returnInstrs []*ssa.Return
	// dynamic lists the calls through a function value (a field, a
	// parameter, a variable) that receive the value, with the argument
	// positions: whether each borrows or takes ownership is decided once
	// every other event is known (resolveDynamic).
	dynamic     map[*ssa.Call][]int
	dynamicList []*ssa.Call
}

func newEvents() *events {
	return &events{releases: map[ssa.Instruction]bool{}, transfers: map[ssa.Instruction]bool{}, returns: map[int]bool{}, returnedAt: map[*ssa.Return]map[int]bool{}, dynamic: map[*ssa.Call][]int{}}
}

type tracked struct {
	v ssa.Value
	k kind
}

// follow collects the events on v (of kind k) and all its aliases.
func (a *Analyzer) follow(v ssa.Value, k kind) *events {
	ev := newEvents()
	seen := make(map[tracked]bool)
	var visit func(v ssa.Value, k kind)
	visit = func(v ssa.Value, k kind) {
		t := tracked{v, k}
		if seen[t] || v == nil {
			return
		}
		seen[t] = true
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, ref := range *refs {
			a.classify(v, k, ref, ev, visit)
		}
	}
	visit(v, k)
	a.resolveDynamic(v, ev)
	return ev
}

// classify decides what one use of a tracked value means.
func (a *Analyzer) classify(v ssa.Value, k kind, ref ssa.Instruction, ev *events, visit func(ssa.Value, kind)) {
	if k == kindWrap {
		a.classifyWrap(v, ref, ev, visit)
		return
	}
	switch r := ref.(type) {
	case *ssa.DebugRef, *ssa.BinOp, *ssa.If:
		// comparisons (resp != nil) and debug info do nothing
	case *ssa.Phi, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.TypeAssert:
		visit(r.(ssa.Value), k)
	case *ssa.MakeInterface:
		visit(r, k)
	case *ssa.Extract:
		visit(r, k)
	case *ssa.FieldAddr:
		if k == kindResp && ssax.FieldName(r) == "Body" {
			for _, fref := range *r.Referrers() {
				switch fr := fref.(type) {
				case *ssa.UnOp:
					if fr.Op == token.MUL {
						visit(fr, kindBody)
					}
				case *ssa.Store:
					// resp.Body = io.NopCloser(...): the code manages the
					// body itself (the NopCloser-after-close idiom).
					if fr.Addr == r {
						ev.releases[fr] = true
					}
				}
			}
		}
	case *ssa.Field:
		if k == kindResp && ssax.FieldName(r) == "Body" {
			visit(r, kindBody)
		}
	case *ssa.UnOp:
		if k == kindCell && r.Op == token.MUL {
			visit(r, a.cellContent(v))
		}
	case *ssa.Store:
		switch {
		case k == kindCell && r.Addr == v:
			// a new value stored into the variable: not ours
		case r.Val == v:
			if cell, ok := r.Addr.(*ssa.Alloc); ok && isCellFor(cell, v) {
				if a.cells == nil {
					a.cells = make(map[*ssa.Alloc]kind)
				}
				a.cells[cell] = k
				visit(cell, kindCell)
				return
			}
			if fa, ok := r.Addr.(*ssa.FieldAddr); ok && k == kindResp {
				if alloc, ok := fa.X.(*ssa.Alloc); ok {
					// `result = &Response{Response: resp}`: a struct
					// of this function's own holds the response; the
					// obligation follows the struct (vault's redirect
					// retry drops it at goto START).
					a.wrap(alloc, fa.Field, visit)
					return
				}
			}
			ev.transfers[r] = true
		}
	case *ssa.Return:
		if ev.returnedAt[r] == nil {
			ev.returnedAt[r] = map[int]bool{}
			ev.returnInstrs = append(ev.returnInstrs, r)
		}
		for i, res := range r.Results {
			if res == v {
				ev.returns[i] = true
				ev.returnedAt[r][i] = true
			}
		}
		ev.transfers[r] = true
	case *ssa.Send, *ssa.MapUpdate, *ssa.Slice, *ssa.IndexAddr:
		ev.transfers[ref] = true
	case *ssa.MakeClosure:
		a.closureEvent(r, v, ev)
	case ssa.CallInstruction:
		a.callEvent(v, k, r, ev, visit)
	default:
		ev.transfers[ref] = true // a use we do not model: assume it takes ownership
	}
}

// callEvent decides what passing a tracked value to a call means.
func (a *Analyzer) callEvent(v ssa.Value, k kind, call ssa.CallInstruction, ev *events, visit func(ssa.Value, kind)) {
	common := call.Common()
	// Close on the body itself: the release.
	if common.IsInvoke() && common.Value == v {
		if common.Method.Name() == "Close" {
			ev.releases[call] = true
		}
		return
	}
	if common.Value == v {
		return // calling a tracked function value: not ours
	}
	if k == kindCell {
		// the variable's address handed on: it may be closed through it
		ev.transfers[call] = true
		return
	}
	args := common.Args
	callee := common.StaticCallee()
	for i, arg := range args {
		if arg != v {
			continue
		}
		if callee != nil && i == 0 && common.Signature().Recv() != nil {
			if fn, ok := callee.Object().(*types.Func); ok && httptypes.IsMethod(fn, "net/http", "Response") {
				continue // resp.Cookies(), resp.Location(), resp.Write(w): reads only
			}
			if isCloseMethod(callee) {
				ev.releases[call] = true
				continue
			}
		}
		sum := a.summaryOf(callee)
		if sum != nil && sum.Empty() && paramIsOpaque(common, i) {
			// A summary covers only parameters that can carry a response
			// (response, closer, type parameter); through `any` the callee
			// may keep it in ways the summary does not record.
			sum = nil
		}
		if sum == nil {
			if callee != nil && stdReads(callee) {
				continue
			}
			if pass, ok := stdPasses(callee, i); ok {
				if c, isCall := call.(*ssa.Call); isCall {
					visitResult(c, pass, k, visit)
				}
				continue
			}
			// Unknown callee: a parameter that can close is a transfer
			// (widen toward silence); a mere reader keeps the obligation.
			// A plain call through a function value is decided later,
			// from its signature and the evidence around it.
			if paramCanClose(common, i) {
				if c, ok := call.(*ssa.Call); ok && callee == nil && !common.IsInvoke() {
					if ev.dynamic[c] == nil {
						ev.dynamicList = append(ev.dynamicList, c)
					}
					ev.dynamic[c] = append(ev.dynamic[c], i)
					continue
				}
				ev.transfers[call] = true
			}
			continue
		}
		switch {
		case contains(sum.ClosesParam, i):
			ev.releases[call] = true
		case contains(sum.TransfersParam, i):
			ev.transfers[call] = true
		default:
			for _, p := range sum.PassesParam {
				if p.Param == i {
					if c, isCall := call.(*ssa.Call); isCall {
						visitResult(c, p.Result, k, visit)
					}
				}
			}
		}
	}
}

// visitResult follows result i of call as an alias.
func visitResult(call *ssa.Call, i int, k kind, visit func(ssa.Value, kind)) {
	if _, ok := call.Type().(*types.Tuple); !ok {
		if i == 0 {
			visit(call, k)
		}
		return
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			visit(ex, k)
		}
	}
}

// closureEvent handles a closure that captures a tracked value: if the
// closure closes it and is called or deferred here, that is a release; if
// the closure escapes, ownership goes with it.
func (a *Analyzer) closureEvent(mc *ssa.MakeClosure, v ssa.Value, ev *events) {
	fn, _ := mc.Fn.(*ssa.Function)
	idx := -1
	for i, b := range mc.Bindings {
		if b == v {
			idx = i
		}
	}
	if fn == nil || idx < 0 || idx >= len(fn.FreeVars) {
		ev.transfers[mc] = true
		return
	}
	closes, transfers := a.freeVarEffect(fn, idx)
	if transfers || !closes {
		if transfers {
			ev.transfers[mc] = true
		}
		return
	}
	// The release happens where the closure runs.
	called := false
	for _, ref := range *mc.Referrers() {
		if call, ok := ref.(ssa.CallInstruction); ok && call.Common().Value == mc {
			ev.releases[call] = true
			called = true
		}
	}
	if !called {
		ev.transfers[mc] = true // stored or passed on: it will close later
	}
}

// freeVarEffect reports whether closure fn closes (or hands on) the value
// its free variable idx holds.
func (a *Analyzer) freeVarEffect(fn *ssa.Function, idx int) (closes, transfers bool) {
	fv := fn.FreeVars[idx]
	k := kindOf(fv.Type())
	if k < 0 {
		return false, false
	}
	ev := a.follow(fv, k)
	return len(ev.releases) > 0, len(ev.transfers) > 0
}

func (a *Analyzer) summaryOf(callee *ssa.Function) *Summary {
	if callee == nil {
		return nil
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	if s, ok := a.Local[callee]; ok {
		return s
	}
	if fn, ok := callee.Object().(*types.Func); ok && a.Lookup != nil {
		return a.Lookup(fn)
	}
	return nil
}

// Summarize computes fn's summary from the events on its parameters and on
// the responses it produces.
func (a *Analyzer) Summarize(fn *ssa.Function) Summary {
	var s Summary
	for i, p := range fn.Params {
		k := kindOf(p.Type())
		if k < 0 {
			continue
		}
		ev := a.follow(p, k)
		switch {
		case len(ev.releases) > 0:
			s.ClosesParam = append(s.ClosesParam, i)
		case len(ev.returns) > 0:
			for r := range ev.returns {
				s.PassesParam = append(s.PassesParam, ParamToResult{Param: i, Result: r})
			}
		case len(ev.transfers) > 0:
			s.TransfersParam = append(s.TransfersParam, i)
		}
	}
	owned := map[int]bool{}
	for _, src := range a.sources(fn) {
		ev := a.follow(src.value, src.kind)
		if len(ev.returns) == 0 {
			continue
		}
		if src.released {
			s.ReturnsReleased = true
			continue
		}
		// A response returned after its Close was deferred (or made) on
		// every path is handed over released: the caller owes nothing.
		released := func(i ssa.Instruction) bool { return ev.releases[i] }
		skip := nilEdges(src)
		for _, ret := range ev.returnInstrs {
			if cfgx.FindPath(src.instr, func(i ssa.Instruction) bool { return i == ret }, released, skip) == nil {
				s.ReturnsReleased = true
				continue
			}
			for r := range ev.returnedAt[ret] {
				owned[r] = true
			}
		}
	}
	for r := range owned {
		s.ReturnsOwned = append(s.ReturnsOwned, r)
	}
	sort.Ints(s.ReturnsOwned)
	sort.Slice(s.PassesParam, func(i, j int) bool {
		if s.PassesParam[i].Param != s.PassesParam[j].Param {
			return s.PassesParam[i].Param < s.PassesParam[j].Param
		}
		return s.PassesParam[i].Result < s.PassesParam[j].Result
	})
	return s
}

// Handled is the summary of a function whose doc says
// `//zombiecheck:handled respclose <reason>`: every response or body it is
// given counts as closed, and nothing it returns needs closing.
func Handled(fn *ssa.Function) Summary {
	var s Summary
	for i, p := range fn.Params {
		if kindOf(p.Type()) >= 0 {
			s.ClosesParam = append(s.ClosesParam, i)
		}
	}
	return s
}

// source is one response produced in fn.
type source struct {
	// released: the response arrives already consumed; it is followed only
	// to see whether it is returned (ReturnsReleased), never reported.
	released bool
	instr    ssa.Instruction
	kind     kind      // kindResp, or kindBody for a function returning the body
	value    ssa.Value // the *http.Response (or body) value
	err      ssa.Value // the call's error result, if any
	callee   string
}

// sources finds the responses fn receives: from net/http calls, interface
// methods returning *http.Response, project functions whose summary says
// they return an open response, and channel receives.
func (a *Analyzer) sources(fn *ssa.Function) []source {
	var out []source
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch v := instr.(type) {
			case *ssa.Call:
				if s, ok := a.callSource(v); ok {
					out = append(out, s)
				}
			case *ssa.UnOp:
				if v.Op == token.ARROW && httptypes.IsResponsePtr(elemOfRecv(v)) {
					val := ssa.Value(v)
					if v.CommaOk {
						val = extractOf(v, 0)
					}
					if val != nil {
						out = append(out, source{instr: v, value: val, kind: kindResp, callee: "a channel receive"})
					}
				}
			}
		}
	}
	return out
}

func elemOfRecv(v *ssa.UnOp) types.Type {
	ch, ok := v.X.Type().Underlying().(*types.Chan)
	if !ok {
		return nil
	}
	return ch.Elem()
}

// callSource decides whether a call produces a response the caller owns.
func (a *Analyzer) callSource(call *ssa.Call) (source, bool) {
	results := resultTypes(call)
	respIdx, errIdx := -1, -1
	hasBytes := false
	for i, t := range results {
		switch {
		case httptypes.IsResponsePtr(t) && respIdx < 0:
			respIdx = i
		case isError(t):
			errIdx = i
		case isByteSlice(t):
			hasBytes = true
		}
	}
	common := call.Common()
	var name string
	owned := false
	if common.IsInvoke() {
		// Any interface method returning a response (RoundTripper,
		// a Doer): the implementation hands over an open body, unless it
		// also returns the body's bytes (it read and closed it), or every
		// implementation this package can see is summarised as closing it
		// (prometheus' apiClient.Do).
		owned = respIdx >= 0 && !hasBytes && !a.implementationsRelease(common) &&
			!(len(common.Args) > 0 && isHeadRequest(common.Args[0]))
		name = common.Method.Name()
	} else if callee := common.StaticCallee(); callee != nil {
		fn, _ := callee.Object().(*types.Func)
		if callee.Origin() != nil {
			if o, ok := callee.Origin().Object().(*types.Func); ok {
				fn = o
			}
		}
		switch {
		case fn == nil:
		case neverClose(fn):
			// a websocket handshake: the body is the live connection
		case httptypes.IsNetHTTPFunc(fn, "Get", "Head", "Post", "PostForm"),
			httptypes.IsMethod(fn, "net/http", "Client", "Do", "Get", "Head", "Post", "PostForm"),
			httptypes.IsMethod(fn, "net/http", "Transport", "RoundTrip"):
			owned = respIdx >= 0 && !sendsHead(fn, common)
		default:
			if s := a.summaryOf(callee); s != nil && len(s.ReturnsOwned) > 0 && !hasBytes {
				// The callee's summary names the result that carries
				// the open response or body. A callee that also returns
				// the body's bytes read and closed it on the paths that
				// matter: its summary's open path is a streaming mode
				// the caller opts into (mautrix's MakeFullRequest with
				// DontReadBody), and trusting the summary there made
				// every caller a false leak.
				r := s.ReturnsOwned[0]
				if r < len(results) {
					respIdx = r
					owned = true
				}
			}
		}
		if fn != nil {
			name = funcLabel(fn)
		}
	}
	released := false
	if !owned {
		// A response that arrives already consumed (returned with its
		// bytes, by a websocket handshake, or by a callee summarised as
		// ReturnsReleased) is tracked only so that returning it marks this
		// function ReturnsReleased in turn.
		if respIdx < 0 || !httptypes.IsResponsePtr(results[respIdx]) || !a.consumedSource(common, hasBytes) {
			return source{}, false
		}
		released = true
	}
	s := source{instr: call, callee: name, kind: kindResp, released: released}
	if !httptypes.IsResponsePtr(results[respIdx]) {
		s.kind = kindBody
	}
	if len(results) == 1 {
		s.value = call
	} else {
		s.value = extractOf(call, respIdx)
		if errIdx >= 0 {
			s.err = extractOf(call, errIdx)
		}
	}
	if s.value == nil {
		return source{}, false // the response is discarded outright: bodyless? leave to vet
	}
	return s, true
}

// sendsHead reports whether a net/http send sends a HEAD request: http.Head,
// (*http.Client).Head, or Do or RoundTrip of a request built as HEAD. Its
// response has no body to close: net/http hands back http.NoBody and puts
// the connection back in its pool before it returns the response.
func sendsHead(fn *types.Func, common *ssa.CallCommon) bool {
	if fn.Name() == "Head" {
		return true
	}
	return len(common.Args) > 1 && isHeadRequest(common.Args[1])
}

// isHeadRequest reports whether req is the request of http.NewRequest or
// http.NewRequestWithContext called with the constant method "HEAD", and
// nothing stores into its Method field.
func isHeadRequest(req ssa.Value) bool {
	ext, ok := req.(*ssa.Extract)
	if !ok || ext.Index != 0 {
		return false
	}
	call, ok := ext.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := ssax.CalleeFunc(call.Common())
	method := 0
	switch {
	case httptypes.IsNetHTTPFunc(fn, "NewRequest"):
	case httptypes.IsNetHTTPFunc(fn, "NewRequestWithContext"):
		method = 1
	default:
		return false
	}
	c, ok := call.Call.Args[method].(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String || constant.StringVal(c.Value) != "HEAD" { // http.MethodHead
		return false
	}
	for _, ref := range *ext.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok && ssax.FieldName(fa) == "Method" {
			return false // the method may change before the send
		}
	}
	return true
}

// consumedSource reports whether a call that returns a response hands it
// over already consumed.
func (a *Analyzer) consumedSource(common *ssa.CallCommon, hasBytes bool) bool {
	if hasBytes {
		return true
	}
	if common.IsInvoke() {
		return a.implementationsRelease(common)
	}
	callee := common.StaticCallee()
	if callee == nil {
		return false
	}
	if fn, ok := callee.Object().(*types.Func); ok && neverClose(fn) {
		return true
	}
	s := a.summaryOf(callee)
	return s != nil && s.ReturnsReleased
}

// implementationsRelease reports whether the interface method invoked has
// implementations among the package's own types and every one of them
// returns a response it already closed (prometheus' apiClient.Do). An
// implementation that returns no response at all (a test stub) is no
// evidence either way. With no implementation in sight the call stays a
// source (open world: a RoundTripper's response is the caller's to close).
func (a *Analyzer) implementationsRelease(common *ssa.CallCommon) bool {
	iface, ok := common.Value.Type().Underlying().(*types.Interface)
	if !ok || a.Impls == nil {
		return false
	}
	impls := a.Impls(iface, common.Method.Name())
	if len(impls) == 0 {
		return false
	}
	for _, impl := range impls {
		s := a.summaryOf(impl)
		if s == nil || len(s.ReturnsOwned) > 0 || !s.ReturnsReleased {
			return false
		}
	}
	return true
}

// Leaks finds, for every response fn produces, a path on which its body is
// neither closed nor handed on.
func (a *Analyzer) Leaks(fn *ssa.Function) []Leak {
	var out []Leak
	roundTrip := isRoundTrip(fn)
	for _, src := range a.sources(fn) {
		if src.released {
			continue
		}
		ev := a.follow(src.value, src.kind)
		if roundTrip {
			out = append(out, a.errorReturns(src, ev, nilEdges(src))...)
		}
		barrier := func(i ssa.Instruction) bool { return ev.releases[i] || ev.transfers[i] }
		overwrite := func(i ssa.Instruction) bool { return i == src.instr }
		exit := func(i ssa.Instruction) bool {
			_, ok := i.(*ssa.Return)
			return ok
		}
		skip := nilEdges(src)
		// Round a loop, the next response overwrites this one: that path
		// is named first, since it holds whatever the variables the loop
		// tested say after it (a retry's continue), whereas a path out of
		// the loop may depend on them.
		path := cfgx.FindPath(src.instr, overwrite, barrier, skip)
		if path == nil {
			path = cfgx.FindPath(src.instr, exit, barrier, skip)
		}
		if path == nil {
			continue
		}
		leak := Leak{Source: src.instr, Callee: src.callee, Exit: path.Reached, Closed: len(ev.releases) > 0}
		// Name the last decision on the path, other than the nil checks.
		// Round a loop, that is the last one before the loop's header:
		// the decision that sent this attempt round (a retry's continue),
		// not a check of the next attempt's own setup.
		last := len(path.Blocks) - 2
		if path.Reached == src.instr {
			// The loop's header, or a goto's label: the first block
			// on the way round that dominates the source.
			for i := 1; i < len(path.Blocks); i++ {
				if strings.HasSuffix(path.Blocks[i].Comment, ".loop") || path.Blocks[i].Dominates(src.instr.Block()) {
					last = i - 1
					break
				}
			}
		}
		// Where the body is closed on some paths, the decision to name is
		// the latest one whose other arm goes on to close it: the branch
		// that chose not to.
		decisions := func(pick func(b *ssa.BasicBlock, taken *ssa.BasicBlock) bool) bool {
			for i := last; i >= 0; i-- {
				b := path.Blocks[i]
				if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && !isNilCheckOf(iff, src, skip) && iff.Cond.Pos().IsValid() && !strings.HasSuffix(b.Comment, ".loop") && pick(b, path.Blocks[i+1]) {
					leak.Branch = iff
					leak.BranchTaken = b.Succs[0] == path.Blocks[i+1]
					return true
				}
			}
			return false
		}
		otherArm := func(b, taken *ssa.BasicBlock) *ssa.BasicBlock {
			if b.Succs[0] == taken {
				return b.Succs[1]
			}
			return b.Succs[0]
		}
		named := leak.Closed && decisions(func(b, taken *ssa.BasicBlock) bool {
			return reachesRelease(otherArm(b, taken), src.instr.Block(), ev)
		})
		// Round a loop with no close anywhere: the decision whose other
		// arm leaves the loop, rather than one both of whose arms go
		// round (a GetBody check before the retry's continue).
		// An error check of a step on the way (resp.Location() before a
		// redirect's goto) is not the decision to go round: it is named
		// only when no other decision leaves the loop.
		if !named && path.Reached == src.instr {
			named = decisions(func(b, taken *ssa.BasicBlock) bool {
				return !isErrNilCheck(b) && !blockReaches(otherArm(b, taken), src.instr.Block())
			})
		}
		if !named && path.Reached == src.instr {
			named = decisions(func(b, taken *ssa.BasicBlock) bool {
				return !blockReaches(otherArm(b, taken), src.instr.Block())
			})
		}
		if !named {
			decisions(func(_, _ *ssa.BasicBlock) bool { return true })
		}
		out = append(out, leak)
	}
	return out
}

// isErrNilCheck reports whether block b ends in a comparison of an error
// with nil.
func isErrNilCheck(b *ssa.BasicBlock) bool {
	iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return false
	}
	return ssax.IsNil(cmp.Y) && isError(cmp.X.Type()) || ssax.IsNil(cmp.X) && isError(cmp.Y.Type())
}

// blockReaches reports whether block to is reachable from block from.
func blockReaches(from, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// reachesRelease reports whether the body is dealt with (closed, handed
// on, or returned) somewhere reachable from block from without entering
// stop (the source's block, where the next attempt's response would be
// produced).
func reachesRelease(from, stop *ssa.BasicBlock, ev *events) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{from}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] || b == stop {
			continue
		}
		seen[b] = true
		for _, instr := range b.Instrs {
			if ev.releases[instr] || ev.transfers[instr] {
				return true
			}
			if ret, ok := instr.(*ssa.Return); ok && len(ev.returnedAt[ret]) > 0 {
				return true
			}
		}
		work = append(work, b.Succs...)
	}
	return false
}

// nilEdges returns the CFG edges on which the response is known to be nil:
// the branch where the producing call's error is non-nil, and the branch
// where the response itself is compared equal to nil.
func nilEdges(src source) func(from, to *ssa.BasicBlock) bool {
	skip := make(map[[2]*ssa.BasicBlock]bool)
	seen := make(map[ssa.Value]bool)
	var mark func(v ssa.Value, nilMeansSkip bool)
	mark = func(v ssa.Value, nilMeansSkip bool) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			if phi, ok := ref.(*ssa.Phi); ok {
				// err assigned in both arms of an if: the check on the
				// merged value is this call's check on this path.
				mark(phi, nilMeansSkip)
				continue
			}
			if st, ok := ref.(*ssa.Store); ok && st.Val == v {
				// A named result or a captured variable lives in a
				// cell: follow the loads that this store reaches.
				for _, ld := range loadsReachedInBlock(st) {
					mark(ld, nilMeansSkip)
				}
				continue
			}
			if fa, ok := ref.(*ssa.FieldAddr); ok && nilMeansSkip && ssax.FieldName(fa) == "Body" {
				// resp.Body == nil: nothing to close on that branch.
				for _, fref := range *fa.Referrers() {
					if ld, ok := fref.(*ssa.UnOp); ok && ld.Op == token.MUL {
						mark(ld, true)
					}
				}
				continue
			}
			if !nilMeansSkip {
				// errors.As(err, &t), errors.Is(err, ErrX), t, ok :=
				// err.(T): where they hold, err is not nil.
				if b, holds, ok := impliesNonNil(ref, v); ok {
					skip[[2]*ssa.BasicBlock{b, holds}] = true
					continue
				}
			}
			cmp, ok := ref.(*ssa.BinOp)
			if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) || !(ssax.IsNil(cmp.X) || ssax.IsNil(cmp.Y)) {
				continue
			}
			for _, cref := range *cmp.Referrers() {
				iff, ok := cref.(*ssa.If)
				if !ok {
					continue
				}
				b := iff.Block()
				// For the error: skip the edge where err != nil holds.
				// For the response: skip the edge where resp == nil holds.
				neqHolds, eqHolds := b.Succs[0], b.Succs[1]
				if cmp.Op == token.EQL {
					neqHolds, eqHolds = eqHolds, neqHolds
				}
				if nilMeansSkip {
					skip[[2]*ssa.BasicBlock{b, eqHolds}] = true
				} else {
					skip[[2]*ssa.BasicBlock{b, neqHolds}] = true
				}
			}
		}
	}
	mark(src.err, false)
	mark(src.value, true)
	return func(from, to *ssa.BasicBlock) bool { return skip[[2]*ssa.BasicBlock{from, to}] }
}

// impliesNonNil reports whether ref is a test on err that can only hold
// when err is not nil, branched on by an If: a call of errors.As(err, ...)
// or of errors.Is(err, target) with a target that is not the nil constant,
// or the ok of a comma-ok type assertion err.(T). It returns the If's block
// and the successor entered when the test holds.
func impliesNonNil(ref ssa.Instruction, err ssa.Value) (*ssa.BasicBlock, *ssa.BasicBlock, bool) {
	var cond ssa.Value
	switch ref := ref.(type) {
	case *ssa.Call:
		callee := ref.Call.StaticCallee()
		args := ref.Call.Args
		if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "errors" || len(args) != 2 || args[0] != err {
			return nil, nil, false
		}
		switch callee.Name() {
		case "As":
		case "Is":
			if ssax.IsNil(args[1]) {
				return nil, nil, false
			}
		default:
			return nil, nil, false
		}
		cond = ref
	case *ssa.TypeAssert:
		if !ref.CommaOk || ref.X != err {
			return nil, nil, false
		}
		for _, r := range *ref.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 {
				cond = ex
			}
		}
	}
	if cond == nil {
		return nil, nil, false
	}
	negated := false
	for {
		refs := *cond.Referrers()
		if len(refs) != 1 {
			return nil, nil, false
		}
		switch r := refs[0].(type) {
		case *ssa.UnOp:
			if r.Op != token.NOT {
				return nil, nil, false
			}
			negated = !negated
			cond = r
			continue
		case *ssa.If:
			b := r.Block()
			if negated {
				return b, b.Succs[1], true
			}
			return b, b.Succs[0], true
		}
		return nil, nil, false
	}
}

// loadsReachedInBlock returns the loads of st's cell that certainly read
// the value st stored: later in st's block, or in blocks reached from it
// through single-predecessor edges (so st dominates them), with no other
// store to the cell on the way. That covers `resp, err := f()` followed by
// checks when resp or err live in cells (named results, captured vars).
func loadsReachedInBlock(st *ssa.Store) []ssa.Value {
	cell, ok := st.Addr.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	// scanFrom reports whether the walk may continue past the block.
	scanFrom := func(instrs []ssa.Instruction) bool {
		for _, instr := range instrs {
			if other, ok := instr.(*ssa.Store); ok && other.Addr == cell {
				return false
			}
			if ld, ok := instr.(*ssa.UnOp); ok && ld.Op == token.MUL && ld.X == cell {
				out = append(out, ld)
			}
		}
		return true
	}
	start := st.Block()
	idx := 0
	for i, instr := range start.Instrs {
		if instr == st {
			idx = i
		}
	}
	if !scanFrom(start.Instrs[idx+1:]) {
		return out
	}
	const maxBlocks = 16
	seen := map[*ssa.BasicBlock]bool{start: true}
	work := append([]*ssa.BasicBlock(nil), start.Succs...)
	for len(work) > 0 && len(seen) < maxBlocks {
		b := work[0]
		work = work[1:]
		if seen[b] || len(b.Preds) != 1 {
			continue
		}
		seen[b] = true
		if scanFrom(b.Instrs) {
			work = append(work, b.Succs...)
		}
	}
	return out
}

// isNilCheckOf reports whether iff tests the source's error or response
// (or a copy of them) against nil.
func isNilCheckOf(iff *ssa.If, src source, skip func(from, to *ssa.BasicBlock) bool) bool {
	b := iff.Block()
	if len(b.Succs) == 2 && (skip(b, b.Succs[0]) || skip(b, b.Succs[1])) {
		return true
	}
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
		return false
	}
	for _, v := range []ssa.Value{cmp.X, cmp.Y} {
		if v == nil {
			continue
		}
		if v == src.err || v == src.value {
			return true
		}
		if phi, ok := v.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				if e == src.err || e == src.value {
					return true
				}
			}
		}
	}
	return false
}

// ---- helpers ----

// kindOf returns the kind of a value of type t, or -1 if it cannot carry
// a response or body.
func kindOf(t types.Type) kind {
	switch {
	case httptypes.IsResponsePtr(t):
		return kindResp
	case isCloser(t):
		return kindBody
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if httptypes.IsResponsePtr(p.Elem()) || isCloser(p.Elem()) {
			return kindCell
		}
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return kindBody // a generic wrapper's T may be the response
	}
	return -1
}

// isCloser reports whether t is an interface with a Close method
// (io.Closer, io.ReadCloser and friends).
func isCloser(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == "Close" {
			return true
		}
	}
	return false
}

// paramCanClose reports whether parameter i of an unknown callee could
// close what it receives: a response, or an interface with Close.
func paramCanClose(common *ssa.CallCommon, i int) bool {
	sig := common.Signature()
	params := sig.Params()
	off := 0
	if sig.Recv() != nil && !common.IsInvoke() {
		off = 1 // static method calls pass the receiver as Args[0]
		if i == 0 {
			return true
		}
	}
	j := i - off
	if j < 0 || j >= params.Len() {
		if sig.Variadic() && params.Len() > 0 {
			j = params.Len() - 1
		} else {
			return true
		}
	}
	t := params.At(j).Type()
	if s, ok := t.(*types.Slice); ok && sig.Variadic() && j == params.Len()-1 {
		t = s.Elem()
	}
	return httptypes.IsResponsePtr(t) || isCloser(t) || types.IsInterface(t) && types.NewMethodSet(t).Len() == 0
}

// paramIsOpaque reports whether argument i of the call lands in a
// parameter of an interface type without a Close method and no other
// methods (any): the callee's summary does not track such parameters.
func paramIsOpaque(common *ssa.CallCommon, i int) bool {
	sig := common.Signature()
	params := sig.Params()
	j := i
	if sig.Recv() != nil && !common.IsInvoke() {
		j = i - 1
	}
	if j < 0 {
		return false
	}
	if j >= params.Len() {
		j = params.Len() - 1
	}
	if j < 0 {
		return false
	}
	t := params.At(j).Type()
	if s, ok := t.(*types.Slice); ok && sig.Variadic() && j == params.Len()-1 {
		t = s.Elem()
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() == 0
}

// cellContent returns the kind of what the local variable (or captured
// variable) v holds: what was stored into it, else what its type says.
func (a *Analyzer) cellContent(v ssa.Value) kind {
	if cell, ok := v.(*ssa.Alloc); ok {
		if k, ok := a.cells[cell]; ok {
			return k
		}
	}
	if p, ok := v.Type().Underlying().(*types.Pointer); ok {
		if k := kindOf(p.Elem()); k >= 0 && k != kindCell {
			return k
		}
	}
	return kindBody
}

// isCellFor reports whether cell is a local variable whose type can hold v.
func isCellFor(cell *ssa.Alloc, v ssa.Value) bool {
	p, ok := cell.Type().Underlying().(*types.Pointer)
	return ok && types.Identical(p.Elem(), v.Type())
}

func isCloseMethod(fn *ssa.Function) bool {
	return fn.Name() == "Close" && fn.Signature.Recv() != nil
}

func resultTypes(call *ssa.Call) []types.Type {
	if tup, ok := call.Type().(*types.Tuple); ok {
		out := make([]types.Type, tup.Len())
		for i := range out {
			out[i] = tup.At(i).Type()
		}
		return out
	}
	return []types.Type{call.Type()}
}

func extractOf(v ssa.Value, i int) ssa.Value {
	for _, ref := range *v.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func funcLabel(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), func(p *types.Package) string { return p.Name() }) + ")." + fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// neverClose lists functions whose response needs no Close: a successful
// websocket handshake hands the connection to the socket, and the docs say
// the body does not need to be closed.
func neverClose(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "github.com/coder/websocket", "nhooyr.io/websocket":
		return fn.Name() == "Dial"
	case "github.com/gorilla/websocket":
		return httptypes.IsMethod(fn, "github.com/gorilla/websocket", "Dialer", "Dial", "DialContext")
	case "net/http/httptest":
		return httptypes.IsMethod(fn, "net/http/httptest", "ResponseRecorder", "Result")
	}
	return false
}

// stdReads lists standard functions that take a response or body and only
// read it: the obligation stays with the caller.
func stdReads(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return false
	}
	switch obj.FullName() {
	case "net/http/httputil.DumpResponse":
		return true
	}
	return false
}

// stdPasses lists standard functions that wrap a body and return the
// wrapper: closing the result closes the original.
func stdPasses(fn *ssa.Function, arg int) (result int, ok bool) {
	if fn == nil {
		return 0, false
	}
	obj, isFunc := fn.Object().(*types.Func)
	if !isFunc || obj.Pkg() == nil {
		return 0, false
	}
	if obj.FullName() == "net/http.MaxBytesReader" && arg == 1 {
		return 0, true
	}
	return 0, false
}
