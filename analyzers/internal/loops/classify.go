package loops

import (
	"go/token"
	"go/types"
	"strings"
	"time"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/knowledge"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Pace is the duration class of a wait.
type Pace int

const (
	NoWait    Pace = iota
	Short          // a constant below zombieloop.short
	Invariant      // a constant at or above it, or a value fixed for the loop
	Adaptive       // a value that changes from one iteration to the next
)

// Classifier answers "is this call fallible I/O?" and "is this a wait, and
// how long?" for the functions of one package. Policy
// and facts arrive as functions, so the same Classifier serves the summary
// analyzer (no policy) and the reporting analyzer.
type Classifier struct {
	Pkg   *types.Package
	Short time.Duration // below this a constant wait is Short
	// Backoff reports whether a function is a project backoff helper
	// (the policy's zombieloop.backoff); may be nil.
	Backoff func(pkgPath, recv, name string) bool
	// NoReturnFact reports a no-return fact (ctrlflow); may be nil.
	NoReturnFact func(*types.Func) bool
	// Fact returns the cross-package summary of a function of another
	// package, if one was exported; may be nil.
	Fact func(*types.Func) (FuncFact, bool)

	ioMemo map[*ssa.Function]bool
	wtMemo map[*ssa.Function]Pace
	// implMemo: implsDoIO's answer per interface method.
	implMemo map[*types.Func]bool
}

// FuncFact is what a function is known to do on every call, as far as
// loops care: fallible I/O, waiting, and whether the wait adapts.
type FuncFact struct {
	PerformsIO, Waits, Adaptive bool
	// Swallows is set for a function that returns no error, does
	// fallible I/O and drops every error of it: the call path from the
	// function to the I/O (see Swallowed).
	Swallows []string
}

func (c *Classifier) init() {
	if c.ioMemo == nil {
		c.ioMemo = make(map[*ssa.Function]bool)
		c.wtMemo = make(map[*ssa.Function]Pace)
	}
	if c.Short <= 0 {
		c.Short = time.Second
	}
}

// stdIO lists the standard packages whose error-returning functions and
// methods do I/O.
var stdIO = map[string]bool{
	"net": true, "net/http": true, "net/rpc": true, "net/smtp": true,
	"database/sql": true, "crypto/tls": true, "os/exec": true,
}

// ioMethodNames are interface methods assumed to do I/O.
var ioMethodNames = map[string]bool{
	"Accept": true, "Read": true, "Write": true, "Do": true, "RoundTrip": true,
	"Receive": true, "Recv": true, "Send": true, "Dial": true, "DialContext": true,
	"Publish": true, "Fetch": true, "Poll": true, "Consume": true,
	"ReadMessage": true, "WriteMessage": true, "Get": true, "Post": true,
}

// ioHelpers are io functions that read or write through an io.Reader or
// io.Writer argument; they do network I/O when that argument is a
// connection (io.ReadFull(conn, hdr)).
var ioHelpers = map[string]bool{
	"ReadFull": true, "ReadAtLeast": true, "ReadAll": true, "Copy": true,
	"CopyN": true, "CopyBuffer": true, "WriteString": true,
}

// netArg reports whether some argument of call is a value of a type
// declared by a std I/O package (net.Conn, *net.TCPConn, *tls.Conn)
// converted to an interface.
func netArg(call *ssa.CallCommon) bool {
	for _, a := range call.Args {
		var x ssa.Value
		switch a := a.(type) {
		case *ssa.MakeInterface:
			x = a.X
		case *ssa.ChangeInterface:
			x = a.X
		default:
			continue
		}
		t := x.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && stdIO[n.Obj().Pkg().Path()] &&
			n.Obj().Pkg().Path() != "net/http" {
			return true
		}
	}
	return false
}

// notIO are name prefixes of std functions that return an error without
// doing I/O: constructors, parsers, configuration and cleanup.
var notIO = []string{"New", "Parse", "Split", "Join", "Close", "Set", "Scan", "Err", "Cancel"}

func lastIsError(sig *types.Signature) bool {
	r := sig.Results()
	if r.Len() == 0 {
		return false
	}
	return types.Identical(r.At(r.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// FuncOf returns the callee of c as a *types.Func (the interface method
// for invokes, the origin for generic instances), or nil.
func FuncOf(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	return ssax.FuncObject(Callee(c))
}

// Callee returns the function a call certainly calls: its static callee,
// or the function that the func value it calls through certainly holds
// (see Resolve). It returns nil for invokes and opaque func values.
func Callee(c *ssa.CallCommon) *ssa.Function {
	if c.IsInvoke() {
		return nil
	}
	if f := c.StaticCallee(); f != nil {
		return f
	}
	return Resolve(c.Value)
}

// Resolve returns the function the func value v certainly holds: a
// function, a closure or a method value (`get := c.Get` is a closure over
// the bound method wrapper), also when it was kept in a local variable
// that is written exactly once (`dial := net.Dial` captured by a
// goroutine). It returns nil for parameters, struct fields, globals and
// variables assigned more than once.
func Resolve(v ssa.Value) *ssa.Function {
	switch v := Root(v).(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	}
	return nil
}

// Root follows a func value back through conversions and through loads of
// local variables written exactly once (including variables captured by
// closures) to the value first stored, and returns it: a *ssa.Function, a
// *ssa.MakeClosure, a *ssa.Parameter, or whatever else it ends at.
func Root(v ssa.Value) ssa.Value {
	for depth := 0; depth < 8; depth++ {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if st := onlyStored(x.X, 0); st != nil {
					v = st
					continue
				}
			}
		}
		return v
	}
	return v
}

// onlyStored returns the one value ever stored at addr, a local variable
// (an Alloc, or a closure's free variable bound to one), when it is
// written by exactly one Store and is otherwise only loaded, or captured
// by closures that only load it. It returns nil otherwise.
func onlyStored(addr ssa.Value, depth int) ssa.Value {
	if depth > 4 {
		return nil
	}
	if fv, ok := addr.(*ssa.FreeVar); ok {
		b := ssax.ClosureBinding(fv)
		if b == nil {
			return nil
		}
		return onlyStored(b, depth+1)
	}
	a, ok := addr.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return nil
	}
	var val ssa.Value
	for _, ref := range *a.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != a || val != nil {
				return nil
			}
			val = r.Val
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !onlyLoaded(r, a) {
				return nil
			}
		default:
			return nil
		}
	}
	return val
}

// onlyLoaded reports whether every free variable that mc binds to a is
// only loaded inside the closure.
func onlyLoaded(mc *ssa.MakeClosure, a ssa.Value) bool {
	f, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != a || i >= len(f.FreeVars) || f.FreeVars[i].Referrers() == nil {
			continue
		}
		for _, ref := range *f.FreeVars[i].Referrers() {
			switch r := ref.(type) {
			case *ssa.UnOp:
				if r.Op != token.MUL {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return true
}

// RecvName returns the name of fn's receiver type, or "".
func RecvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// NoReturn reports whether a call never returns: a known std function,
// a ctrlflow no-return fact, or a Fatal/Panic method of a logging library.
func (c *Classifier) NoReturn(call *ssa.CallCommon) bool {
	fn := FuncOf(call)
	if fn == nil {
		return false
	}
	if knowledge.NoReturn(fn) {
		return true
	}
	if c.NoReturnFact != nil && !call.IsInvoke() && c.NoReturnFact(fn) {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	name := fn.Name()
	for _, p := range []string{"k8s.io/klog", "go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog", "github.com/golang/glog"} {
		if strings.HasPrefix(path, p) && (strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic") || name == "Exit" || strings.HasPrefix(name, "Exit")) {
			return true
		}
	}
	return false
}

// Fallible reports whether call is a fallible I/O call: its last
// result is an error and it is std I/O, an interface call with an I/O
// method name, a context-first call into another package, or a function of
// this package that makes one of those calls (depth ≤ 4).
func (c *Classifier) Fallible(call *ssa.CallCommon) bool {
	c.init()
	if !lastIsError(call.Signature()) {
		return false
	}
	if c.WaitPace(call) != NoWait {
		return false
	}
	return c.ioCall(call, 0) || OpaqueOp(call) != nil
}

// OpaqueOp returns the parameter that call calls through when it is an
// operation handed to a retry or polling helper: a func parameter (of the
// function or, captured, of an enclosing one) whose first parameter is a
// context.Context and whose last result is an error. Nothing shows what
// it does, but that signature is the remote-call shape, and
// the helper's loop is what decides how it is retried. An opaque func
// value of any other signature, or held in a struct field, is not judged.
func OpaqueOp(call *ssa.CallCommon) *ssa.Parameter {
	if call.IsInvoke() || call.StaticCallee() != nil {
		return nil
	}
	p, ok := Root(call.Value).(*ssa.Parameter)
	if !ok {
		return nil
	}
	sig := call.Signature()
	if sig.Params().Len() == 0 || !IsContext(sig.Params().At(0).Type()) || !lastIsError(sig) {
		return nil
	}
	return p
}

func (c *Classifier) ioCall(call *ssa.CallCommon, depth int) bool {
	fn := FuncOf(call)
	if fn == nil {
		// A closure of this package, called directly or through a
		// variable: what its body does.
		if f := Callee(call); f != nil && f.Pkg != nil && f.Pkg.Pkg == c.Pkg && depth < 4 {
			return c.doesIO(f, depth+1)
		}
		return false // other calls through function values: unknown, skipped
	}
	if fn.Pkg() == nil {
		return false
	}
	if isLibrary(fn) {
		return false
	}
	path := fn.Pkg().Path()
	if stdIO[path] && lastIsError(call.Signature()) && !hasAnyPrefix(fn.Name(), notIO) {
		return true
	}
	if path == "io" && ioHelpers[fn.Name()] && lastIsError(call.Signature()) && netArg(call) {
		return true
	}
	if call.IsInvoke() && writeNeverFails(call.Value.Type()) {
		return false
	}
	if call.IsInvoke() && lastIsError(call.Signature()) &&
		(ioMethodNames[fn.Name()] || strings.HasPrefix(fn.Name(), "Query") || strings.HasPrefix(fn.Name(), "Exec")) {
		return true
	}
	sig := call.Signature()
	if fn.Pkg() != c.Pkg && sig.Params().Len() > 0 && IsContext(sig.Params().At(0).Type()) && lastIsError(sig) &&
		!(ssax.IsStdPackage(path) && hasAnyPrefix(fn.Name(), notIO)) {
		return true
	}
	if fn.Pkg() != c.Pkg && !call.IsInvoke() && c.Fact != nil && lastIsError(sig) {
		if f, ok := c.Fact(fn); ok && f.PerformsIO {
			return true
		}
	}
	if fn.Pkg() == c.Pkg && !call.IsInvoke() && depth < 4 {
		if f := Callee(call); f != nil {
			return c.doesIO(f, depth+1)
		}
	}
	if fn.Pkg() == c.Pkg && call.IsInvoke() && depth < 4 {
		return c.implsDoIO(call, depth)
	}
	return false
}

// writeNeverFails reports whether t is one of package hash's interfaces
// (hash.Hash, Hash32, Hash64), whose Write "never returns an error": a
// digest loop over one is not I/O. Counting it made every package with a
// helper like uuid.NewHash(h hash.Hash, ...) perform I/O, and with it
// every package importing that one relevant.
func writeNeverFails(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "hash"
}

// Summarize returns what fn, a function of this package, does on every
// call: the fact exported for callers in other packages.
func (c *Classifier) Summarize(fn *ssa.Function) FuncFact {
	c.init()
	w := c.funcWaits(fn, 0)
	return FuncFact{PerformsIO: c.doesIO(fn, 0), Waits: w != NoWait, Adaptive: w == Adaptive, Swallows: c.SwallowsFunc(fn)}
}

// doesIO reports whether fn (or a closure it calls) makes a fallible I/O
// call, following this package's functions up to depth 4.
func (c *Classifier) doesIO(fn *ssa.Function, depth int) bool {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if v, ok := c.ioMemo[fn]; ok {
		return v
	}
	c.ioMemo[fn] = false // cycles: assume no
	res := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || res {
				continue
			}
			cc := call.Common()
			if c.WaitPace(cc) != NoWait {
				continue
			}
			if lastIsError(cc.Signature()) && c.ioCall(cc, depth) {
				res = true
			} else if f := cc.StaticCallee(); f != nil && f.Parent() == fn && depth < 4 {
				res = c.doesIO(f, depth+1) // an immediately called closure
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if !res && depth < 4 {
			// Closures passed to helpers (retry wrappers, errgroup) run
			// on the function's behalf.
			res = c.doesIO(anon, depth+1)
		}
	}
	c.ioMemo[fn] = res
	return res
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// library is one entry of the backoff and retry table.
type library struct {
	path  string // package path (prefix match on "path" or "path/vN")
	names []string
	pace  Pace
}

var libraries = []library{
	{"github.com/cenkalti/backoff", []string{"Retry", "RetryNotify", "RetryWithData", "RetryNotifyWithData", "RetryNotifyWithTimer", "RetryNotifyWithTimerAndData", "NewTicker", "NewTickerWithTimer"}, Adaptive},
	{"github.com/avast/retry-go", []string{"Do", "DoWithData"}, Adaptive},
	{"github.com/sethvargo/go-retry", []string{"Do", "DoValue"}, Adaptive},
	{"github.com/hashicorp/go-retryablehttp", []string{"Do", "Get", "Head", "Post", "PostForm", "RoundTrip"}, Adaptive},
	{"k8s.io/apimachinery/pkg/util/wait", []string{"ExponentialBackoff", "ExponentialBackoffWithContext", "BackoffUntil", "BackoffUntilWithContext"}, Adaptive},
	{"k8s.io/apimachinery/pkg/util/wait", []string{"Until", "UntilWithContext", "JitterUntil", "JitterUntilWithContext", "NonSlidingUntil", "NonSlidingUntilWithContext", "Forever", "Poll", "PollImmediate", "PollInfinite", "PollUntil", "PollUntilContextCancel", "PollUntilContextTimeout", "PollImmediateUntil", "PollWithContext", "PollImmediateWithContext", "PollImmediateInfinite"}, Invariant},
	{"k8s.io/client-go/util/retry", []string{"OnError", "RetryOnConflict"}, Adaptive},
	{"k8s.io/client-go/util/workqueue", []string{"Get"}, Invariant},
	{"golang.org/x/time/rate", []string{"Wait", "WaitN"}, Invariant},
	{"github.com/googleapis/gax-go", []string{"Sleep", "Invoke"}, Adaptive},
	{"github.com/eapache/go-resiliency/retrier", []string{"Run", "RunCtx", "RunFn"}, Adaptive},
}

func libPathMatch(path, lib string) bool {
	if path == lib {
		return true
	}
	rest, ok := strings.CutPrefix(path, lib+"/v")
	return ok && rest != "" && !strings.Contains(rest, "/")
}

// isLibrary reports whether fn belongs to a backoff or retry library:
// such calls are waits (or delay calculations), never fallible I/O.
func isLibrary(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	for _, lib := range libraries {
		if libPathMatch(fn.Pkg().Path(), lib.path) {
			return true
		}
	}
	return false
}

// WaitPace classifies a call that waits: a library entry point, time.Sleep,
// sync waits, an interface method named Wait/Sleep/Backoff, a policy
// backoff helper, a helper of another package whose name says it waits, or
// a function of this package that waits. It returns NoWait otherwise.
func (c *Classifier) WaitPace(call *ssa.CallCommon) Pace {
	c.init()
	fn := FuncOf(call)
	if fn == nil {
		// A closure of this package that waits (a retry step that
		// sleeps on failure) is a wait.
		if f := Callee(call); f != nil && f.Pkg != nil && f.Pkg.Pkg == c.Pkg {
			return c.funcWaits(f, 0)
		}
		return NoWait
	}
	if fn.Pkg() == nil {
		return NoWait
	}
	path, name := fn.Pkg().Path(), fn.Name()
	for _, lib := range libraries {
		if libPathMatch(path, lib.path) {
			for _, n := range lib.names {
				if n == name {
					return lib.pace
				}
			}
		}
	}
	if c.Backoff != nil && c.Backoff(path, RecvName(fn), name) {
		return Adaptive
	}
	switch {
	case path == "time" && name == "Sleep" && len(call.Args) == 1:
		return c.DurationPace(call.Args[0], nil)
	case path == "sync" && name == "Wait":
		return Invariant
	}
	if call.IsInvoke() && (name == "Wait" || name == "Sleep" || name == "Backoff") {
		return Adaptive
	}
	if fn.Pkg() != c.Pkg {
		if c.Fact != nil && !call.IsInvoke() {
			if f, ok := c.Fact(fn); ok && f.Waits {
				if f.Adaptive {
					return Adaptive
				}
				return Invariant
			}
		}
		if !ssax.IsStdPackage(path) && (strings.Contains(name, "Sleep") || strings.Contains(name, "Backoff") || strings.HasPrefix(name, "Wait") || strings.Contains(name, "Pause")) {
			return Adaptive
		}
		return NoWait
	}
	if f := Callee(call); f != nil && !call.IsInvoke() {
		return c.funcWaits(f, 0)
	}
	return NoWait
}

// funcWaits reports whether a function of this package waits on every call
// as far as its body shows: it contains time.Sleep or a blocking receive
// outside any loop. A constant sleep keeps its class; any computed delay
// (from a parameter such as an attempt number) is Adaptive.
func (c *Classifier) funcWaits(fn *ssa.Function, depth int) Pace {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if v, ok := c.wtMemo[fn]; ok {
		return v
	}
	c.wtMemo[fn] = NoWait
	best := NoWait
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var p Pace
			switch instr := instr.(type) {
			case *ssa.Call:
				cc := instr.Common()
				if f := FuncOf(cc); f != nil && f.Pkg() != nil && f.Pkg().Path() == "time" && f.Name() == "Sleep" && len(cc.Args) == 1 {
					if _, ok := cc.Args[0].(*ssa.Const); ok {
						p = c.DurationPace(cc.Args[0], nil)
					} else {
						p = Adaptive
					}
				} else if depth < 4 {
					if f := FuncOf(cc); f != nil && f.Pkg() == c.Pkg && !cc.IsInvoke() {
						if sf := cc.StaticCallee(); sf != nil {
							p = c.funcWaits(sf, depth+1)
						}
					} else {
						p = c.WaitPace(cc)
					}
				}
			case *ssa.Select:
				if instr.Blocking {
					p = Adaptive
				}
			}
			if p > best {
				best = p
			}
		}
	}
	c.wtMemo[fn] = best
	return best
}

// InstrPace classifies instr as a wait inside loop l: a waiting
// call, a receive or send on a channel, or a blocking select (paced by its
// fastest case that is not a cancellation). A select with default is not a
// wait.
func (c *Classifier) InstrPace(instr ssa.Instruction, l *Loop) Pace {
	c.init()
	switch instr := instr.(type) {
	case *ssa.Call:
		p := c.WaitPace(instr.Common())
		if p != NoWait && len(instr.Common().Args) == 1 {
			if f := FuncOf(instr.Common()); f != nil && f.Pkg() != nil && f.Pkg().Path() == "time" && f.Name() == "Sleep" {
				return c.DurationPace(instr.Common().Args[0], l)
			}
		}
		return p
	case *ssa.UnOp:
		if instr.Op == token.ARROW {
			return c.chanPace(instr.X, l)
		}
	case *ssa.Send:
		return Invariant
	case *ssa.Select:
		if !instr.Blocking {
			return NoWait
		}
		best := NoWait
		for _, st := range instr.States {
			var p Pace
			if st.Dir == types.SendOnly {
				p = Invariant
			} else if IsDoneChan(st.Chan) {
				continue
			} else {
				p = c.chanPace(st.Chan, l)
			}
			switch {
			case p == Short || best == NoWait:
				best = p
			case best != Short && p == Adaptive:
				best = Adaptive
			}
		}
		if best == NoWait {
			return Invariant // only cancellation cases: blocks until cancelled
		}
		return best
	}
	return NoWait
}

// EventPaced reports whether instr waits for an event rather than for
// time: a send, a receive from a channel that is not a timer, ticker or
// time.After/Tick, or a blocking select with such a case. An event loop is
// paced by its producer; it is not a fixed-pace retry.
func EventPaced(instr ssa.Instruction) bool {
	switch instr := instr.(type) {
	case *ssa.Send:
		return true
	case *ssa.UnOp:
		return instr.Op == token.ARROW && !TimeChan(instr.X)
	case *ssa.Select:
		if !instr.Blocking {
			return false
		}
		for _, st := range instr.States {
			if st.Dir == types.SendOnly || !IsDoneChan(st.Chan) && !TimeChan(st.Chan) {
				return true
			}
		}
	}
	return false
}

// inputPrefixes name calls that block until input arrives.
var inputPrefixes = []string{"Accept", "Read", "Recv", "Receive", "Fetch", "Poll", "Consume"}

// InputCall reports whether call is a fallible call that blocks until input
// arrives (Accept, Read*, Recv*, Receive*, Fetch*, Poll*, Consume*). When
// another call on the loop fails, such a call still succeeds and paces the
// loop like an event wait: a UDP server whose WriteTo fails is paced by its
// ReadFrom.
func (c *Classifier) InputCall(call *ssa.CallCommon) bool {
	fn := FuncOf(call)
	return fn != nil && hasAnyPrefix(fn.Name(), inputPrefixes) && c.Fallible(call)
}

// TimeChan reports whether ch is time.After(d), time.Tick(d) or a timer's
// or ticker's C.
func TimeChan(ch ssa.Value) bool {
	if call, ok := ch.(*ssa.Call); ok {
		f := call.Common().StaticCallee()
		return IsFunc(f, "time", "After") || IsFunc(f, "time", "Tick")
	}
	if load, ok := ch.(*ssa.UnOp); ok && load.Op == token.MUL {
		if fa, ok := load.X.(*ssa.FieldAddr); ok {
			return IsTimeTimerOrTicker(fa.X.Type())
		}
	}
	return false
}

// chanPace classifies a receive from ch: time.After/Tick(d) by d, a timer
// or ticker by its creation and Reset durations, any other channel as an
// event source (Invariant).
func (c *Classifier) chanPace(ch ssa.Value, l *Loop) Pace {
	if call, ok := ch.(*ssa.Call); ok {
		f := call.Common().StaticCallee()
		if (IsFunc(f, "time", "After") || IsFunc(f, "time", "Tick")) && len(call.Call.Args) == 1 {
			return c.DurationPace(call.Call.Args[0], l)
		}
		return Invariant
	}
	load, ok := ch.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return Invariant
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || !IsTimeTimerOrTicker(fa.X.Type()) {
		return Invariant
	}
	timer := fa.X
	pace := Invariant
	if mk, ok := timer.(*ssa.Call); ok && len(mk.Call.Args) == 1 {
		f := mk.Common().StaticCallee()
		if IsFunc(f, "time", "NewTimer") || IsFunc(f, "time", "NewTicker") {
			pace = c.DurationPace(mk.Call.Args[0], l)
		}
	}
	// timer.Reset(d) anywhere on the timer decides too.
	for _, ref := range *timer.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok || call.Call.IsInvoke() || len(call.Call.Args) != 2 || call.Call.Args[0] != timer {
			continue
		}
		if f := call.Call.StaticCallee(); f != nil && f.Name() == "Reset" {
			p := c.DurationPace(call.Call.Args[1], l)
			if p == Adaptive || p == Short && pace != Adaptive {
				pace = p
			}
		}
	}
	return pace
}

// DurationPace classifies a duration value relative to loop l (nil: no
// loop, so only constants are Short).
func (c *Classifier) DurationPace(v ssa.Value, l *Loop) Pace {
	return c.durPace(v, l, map[ssa.Value]bool{})
}

func (c *Classifier) durPace(v ssa.Value, l *Loop, seen map[ssa.Value]bool) Pace {
	if seen[v] {
		return Adaptive // a value that depends on itself round the loop
	}
	seen[v] = true
	if k, ok := v.(*ssa.Const); ok {
		if d, ok := ConstDuration(k); ok && d < c.Short {
			return Short
		}
		return Invariant
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || instr.Block() == nil || l == nil || !l.Contains(instr.Block()) {
		return Invariant // parameter, global, free variable, or fixed before the loop
	}
	switch v := v.(type) {
	case *ssa.Phi:
		p := NoWait
		for _, e := range v.Edges {
			q := c.durPace(e, l, seen)
			if q == Adaptive {
				return Adaptive
			}
			if p == NoWait || q == Invariant {
				p = q
			}
		}
		return p
	case *ssa.Convert:
		return c.durPace(v.X, l, seen)
	case *ssa.ChangeType:
		return c.durPace(v.X, l, seen)
	case *ssa.BinOp:
		x, y := c.durPace(v.X, l, seen), c.durPace(v.Y, l, seen)
		if x == Adaptive || y == Adaptive {
			return Adaptive
		}
		return Invariant
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && (b.Name() == "min" || b.Name() == "max") {
			res := Invariant
			for _, a := range v.Call.Args {
				if c.durPace(a, l, seen) == Adaptive {
					res = Adaptive
				}
			}
			return res
		}
		if f := FuncOf(v.Common()); f != nil && f.Pkg() != nil && strings.HasPrefix(f.Pkg().Path(), "math/rand") {
			return Invariant // jitter on a fixed base
		}
		return Adaptive // bo.NextBackOff(), b.Duration(), math.Pow, ...
	case *ssa.Extract:
		if _, ok := v.Tuple.(*ssa.Call); ok {
			return Adaptive
		}
	}
	return Invariant
}

// ConstDuration returns the value of an integer constant as a duration.
func ConstDuration(k *ssa.Const) (time.Duration, bool) {
	if k.Value == nil {
		return 0, false
	}
	if _, ok := k.Type().Underlying().(*types.Basic); !ok {
		return 0, false
	}
	if b := k.Type().Underlying().(*types.Basic); b.Info()&types.IsInteger == 0 {
		return 0, false
	}
	return time.Duration(k.Int64()), true
}

// streamReads are the read methods of bufio.Reader: they return at once at
// EOF or on a closed input, with zero values and an error.
var streamReads = map[string]bool{
	"Read": true, "ReadByte": true, "ReadBytes": true, "ReadLine": true,
	"ReadRune": true, "ReadSlice": true, "ReadString": true,
}

// StreamRead reports whether call reads a stream that is not a connection:
// a bufio.Reader read method or (*os.File).Read (os.Stdin, a pipe). Such a
// read is not fallible I/O in the sense of Fallible (it is not a remote
// call, and a loop over it does not make its function an I/O function),
// but at EOF or on a closed input it fails at once, every time, so a loop
// that drops its error and goes round again with no wait spins.
func StreamRead(call *ssa.CallCommon) bool {
	fn := FuncOf(call)
	if fn == nil || fn.Pkg() == nil || call.IsInvoke() {
		return false
	}
	switch fn.Pkg().Path() + "." + RecvName(fn) {
	case "bufio.Reader":
		return streamReads[fn.Name()]
	case "os.File":
		return fn.Name() == "Read"
	}
	return false
}
