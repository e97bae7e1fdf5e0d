package zombieloop

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: its vet flag, its nolint key and the first
// part of its rule IDs.
const Name = "zombieloop"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/zombieloop/doc.go"

// Diagnostic categories. A loop gets one diagnostic that lists every trait
// found; its category is the most severe trait, in this order.
const (
	CategorySpin     = "spin"
	CategoryHot      = "hot"
	CategoryZombie   = "zombie"
	CategoryFixed    = "fixed"
	CategoryLeak     = "leak"
	CategoryNoCancel = "nocancel"
	CategorySleepCtx = "sleepctx"
)

// Rules lists the analyzer's rules for SARIF and `zombiecheck help`.
var Rules = []report.Rule{
	{Analyzer: Name, Category: CategorySpin, Level: report.LevelError, URL: URL + "#" + CategorySpin,
		Short: "ctx.Done() case falls back into the loop, which then spins",
		Full:  "Once the context is cancelled, a select on ctx.Done() never blocks again. If the case only leaves the select (a break inside a select does not leave the loop), the loop spins at full CPU. Return (or break to a label outside the loop) on ctx.Done()."},
	{Analyzer: Name, Category: CategoryHot, Level: report.LevelError, URL: URL + "#" + CategoryHot,
		Short: "failing I/O call retried at once, with no wait on the failure path",
		Full:  "While the call keeps failing (a dead peer, EMFILE on Accept), the loop comes back to it without waiting, burning CPU and hammering the peer. Wait on the failure path with exponential backoff, capped and jittered and reset on success, and return on ctx.Done()."},
	{Analyzer: Name, Category: CategoryZombie, Level: report.LevelWarning, URL: URL + "#" + CategoryZombie,
		Short: "loop never exits, discards the error and retries at a fixed pace",
		Full:  "A loop with no exit, no cancellation and no crash, whose I/O error is discarded (or tested only to wait and go round again) and whose waits are fixed, keeps going for ever without anyone noticing that every call fails, and leaks whatever each iteration leaves behind. Handle the error, back off exponentially with a cap and jitter, reset on success, and exit on ctx.Done()."},
	{Analyzer: Name, Category: CategoryFixed, Level: report.LevelWarning, URL: URL + "#" + CategoryFixed,
		Short: "failure retried at a short fixed interval, faster than the success pace",
		Full:  "When the call fails, the loop retries after a constant delay shorter than zombieloop.short (default 1s), while on success it runs slower: failures make it poll faster. Use exponential backoff with a cap and jitter, reset on success."},
	{Analyzer: Name, Category: CategoryLeak, Level: report.LevelError, URL: URL + "#" + CategoryLeak,
		Short: "resource leaked on every iteration of a loop that never returns",
		Full:  "A defer inside a loop that only ends at cancellation (or never) runs only when the function returns, so every iteration piles up one more deferred call and whatever it was meant to release. Likewise a context's cancel func not called, or a dialled connection not closed, on some path back to the top of such a loop leaves one context or socket behind per cycle. Release resources inside the iteration (call Close or cancel directly, on every path), or move the body into a function."},
	{Analyzer: Name, Category: CategoryNoCancel, Level: report.LevelWarning, URL: URL + "#" + CategoryNoCancel,
		Short: "loop doing I/O never exits on the context in scope",
		Full:  "A context.Context is in scope, but the loop never exits on it: the goroutine outlives its caller and keeps doing I/O after shutdown. Select on ctx.Done() (or check ctx.Err()) and return. Not reported in package main."},
	sleepCtxRule,
	dropWriteRule,
}

// Analyzer is the zombieloop analyzer. It requires what every reporter does
// (see report.NewAnalyzer) and takes the policy from the policy analyzer.
var Analyzer = report.NewAnalyzer(Name, doc, URL, run)

func run(pass *analysis.Pass) (any, error) {
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	if !sum.Relevant {
		return nil, nil // no network, no stream read: no I/O loops to judge
	}
	rep, pol, err := report.Setup(pass, Name, pass.ResultOf[directive.Analyzer].(*directive.Index))
	if err != nil {
		return nil, err
	}
	short := pol.ZombieLoop.Short
	if short <= 0 {
		short = time.Second
	}
	c := &checker{
		pass: pass,
		rep:  rep,
		cl: &loops.Classifier{
			Pkg:   pass.Pkg,
			Short: short,
			Fact:  sum.Loops.Lookup,
			Backoff: func(pkgPath, recv, name string) bool {
				for _, p := range pol.ZombieLoop.Backoff {
					if p.MatchFunc(pkgPath, recv, name) {
						return true
					}
				}
				return false
			},
		},
	}
	c.oracle = loops.Oracle{NoReturn: c.cl.NoReturn}
	c.callers = sum.Callers
	c.srcFuncs = sum.SSA.Get().SrcFuncs
	for _, fn := range c.srcFuncs {
		if fn.Pos().IsValid() && c.rep.Skipped(fn.Pos()) {
			continue
		}
		c.checkFunc(fn)
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	rep    *report.Reporter
	cl     *loops.Classifier
	oracle loops.Oracle
	// callers indexes the package's static calls (summary.Result.Callers).
	callers func() *ssax.Callers
	// srcFuncs are the package's functions; fields indexes the values
	// they store in its structs' unexported fields (fieldStores).
	srcFuncs []*ssa.Function
	fields   fieldIndex
}

// checkFunc judges every loop of fn.
func (c *checker) checkFunc(fn *ssa.Function) {
	ls := loops.Find(fn)
	if len(ls) == 0 {
		return
	}
	cancel, doneCases := loops.CancelBlocks(fn)
	stopped := cancel
	if flags := loops.StopFlagBlocks(fn); len(flags) > 0 {
		stopped = make(map[*ssa.BasicBlock]bool, len(cancel)+len(flags))
		for b := range cancel {
			stopped[b] = true
		}
		for b := range flags {
			stopped[b] = true
		}
	}
	for _, l := range ls {
		c.checkLoop(l, cancel, stopped, doneCases)
	}
}

// traits collects what is wrong with one loop.
type traits struct {
	spin     bool
	hot      []string // "retries callee at once ..."
	fixed    []string // "callee every d"
	zombie   []string // "callee (pace)"
	nocancel string   // the context's name
	// hotDiscarded: a call retried at once also has its error discarded.
	hotDiscarded bool
	// hotRead: how many of hot are stream reads spinning at EOF.
	hotRead int
	// hotEOF: how many of hot stop only on io.EOF (see failureView).
	hotEOF int
	// hotScan: how many of hot are bufio.Scanner.Scan calls made again
	// after they returned false.
	hotScan int
	leaks   []string
	// cycleLeaks: a cancel func or connection not released on some
	// cycle; zombieloop's own finding, like defers.
	cycleLeaks []string
	noExit     bool
	// dropWrite: copy loops that discard a write's error.
	dropWrite []string
	// sleepctx: the loop pauses with time.Sleep and never looks at the
	// context in scope; reported only when nothing else is.
	sleepctx, sleepctxFix string
	// nocancelWhy: how a loop that has exits still never stops on its
	// context (a call taking it fails for ever after cancellation).
	nocancelWhy string
}

// checkLoop decides every rule for loop l and reports one diagnostic
// listing the traits found.
//
// Per fallible call C: P(C) (no return or crash reachable while C keeps
// failing, cancellation aside) gates hot, fixed and zombie; the pacing
// questions are cycle questions in the failure view, so a wait anywhere on
// the cycle (top, error branch, bottom) counts.
//
// stopped is cancel plus the branches taken on a stop flag (see
// loops.StopFlagBlocks): the failure views of hot, fixed and zombie leave
// both aside, since a loop that returns only once Close has set its
// closed flag still spins until then on a call that keeps failing.
func (c *checker) checkLoop(l *loops.Loop, cancel, stopped map[*ssa.BasicBlock]bool, doneCases []loops.DoneCase) {
	var t traits
	exits := l.ClassifyExits(c.oracle, cancel)
	t.noExit = exits.NoExit()

	for _, dc := range doneCases {
		if l.Spins(dc, c.oracle) {
			t.spin = true
		}
	}

	// For call C, another call that blocks for input (Read, Accept,
	// Receive) succeeds while C fails and paces the loop like an event.
	var current *ssa.Call
	input := func(i ssa.Instruction) bool {
		call, ok := i.(*ssa.Call)
		return ok && call != current && c.cl.InputCall(call.Common())
	}
	isWait := func(i ssa.Instruction) bool { return input(i) || c.cl.InstrPace(i, l) != loops.NoWait }
	notShort := func(i ssa.Instruction) bool {
		p := c.cl.InstrPace(i, l)
		return p == loops.Invariant || p == loops.Adaptive || input(i)
	}
	// A zombie's waits are fixed timers or none: an adaptive wait is
	// backoff, and an event wait makes it an event loop, paced by its
	// producer.
	notFixed := func(i ssa.Instruction) bool {
		return c.cl.InstrPace(i, l) == loops.Adaptive || loops.EventPaced(i) || input(i)
	}

	// A wait-until-ready poll that ends at a deadline set in this function
	// polls at a fixed pace by design: it stops when the deadline passes.
	timeBoxed := deadlineDone(l, doneCases)
	doesIO := false
	// ctxFails: a call that takes the context and whose failure path
	// never leaves the loop (see ctxRetry).
	ctxName, ctxFails := "", ""
	seenName := map[string]bool{}
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if w := c.droppedWrite(l, call, exits, cancel); w != "" && !seenName["write\x00"+w] {
				seenName["write\x00"+w] = true
				t.dropWrite = append(t.dropWrite, w)
			}
			// A read of a local stream (bufio.Reader, os.Stdin) is judged
			// for hot only: at EOF it fails at once every time, so going
			// round again with no wait spins; but it is not a remote call,
			// so it makes no loop an I/O loop, a zombie or a fixed poller
			// (a tail -f that sleeps on EOF is fine).
			scan := loops.ScannerRead(call.Common())
			stream := !c.cl.Fallible(call.Common()) && (loops.StreamRead(call.Common()) || decodeRead(call.Common()) || scan)
			if !stream && !c.cl.Fallible(call.Common()) {
				if t.noExit {
					if z := c.swallowed(l, call, cancel, notFixed); z != "" && !seenName["swallow\x00"+z] {
						seenName["swallow\x00"+z] = true
						t.zombie = append(t.zombie, z)
					}
				}
				continue
			}
			// An opaque operation handed to a helper (a ctx-first func
			// parameter) is judged only on how fast the helper retries
			// it: nothing shows that it does I/O, so it does not make the
			// loop an I/O loop (nocancel) nor a zombie.
			opaque := loops.OpaqueOp(call.Common()) != nil
			if !opaque && !stream {
				doesIO = true
			}
			current = call
			name := c.calleeName(call.Common())
			err := loops.ErrValue(call)
			view := func(cancel map[*ssa.BasicBlock]bool) (fv *loops.View, eofOnly bool) {
				if scan {
					return c.scannerView(l, call, cancel), false
				}
				return c.failureView(call, stream, cancel)
			}
			fv, eofOnly := view(cancel)
			if fv == nil {
				continue
			}
			persistent := loops.Persistent(call, fv, c.oracle)
			if persistent && ctxFails == "" && !opaque && exits.Cancel == 0 && !t.noExit {
				ctxName, ctxFails = c.ctxRetry(l, call, fv, name, func(i ssa.Instruction) bool { return loops.EventPaced(i) || input(i) })
			}
			if len(stopped) != len(cancel) {
				fv, eofOnly = view(stopped)
				persistent = loops.Persistent(call, fv, c.oracle)
			}
			if !persistent {
				continue
			}
			key := func(kind string) bool {
				k := kind + "\x00" + name
				if seenName[k] {
					return false
				}
				seenName[k] = true
				return true
			}
			// A call bounded by a deadline set each time round waits
			// until that deadline before it fails: its failure path is
			// paced, neither hot nor faster than success.
			paced := deadlinePaced(call, l)
			hot := !paced && l.RetryCycle(call, fv, isWait) != nil
			if hot && eofOnly && key("hot") {
				t.hot = append(t.hot, eofOnlyPart(call.Common(), name))
				t.hotEOF++
			}
			if hot && scan && key("hot") {
				t.hot = append(t.hot, fmt.Sprintf("calls %s again at once after it returned false: a Scanner that has stopped (at the end of its input or on an error, which it keeps) returns false at once on every later call, so the loop spins", name))
				t.hotScan++
			}
			if hot && stream && !scan && key("hot") {
				h := fmt.Sprintf("reads %s again at once when it fails: at EOF or on a closed input it returns at once with nothing, so the loop spins", name)
				if loops.Discarded(call) {
					h += ", and its error is discarded"
				}
				t.hot = append(t.hot, h)
				t.hotRead++
			}
			if stream {
				continue
			}
			if hot && key("hot") {
				h := fmt.Sprintf("retries %s at once when it fails: no wait on the failure path", name)
				if loops.Discarded(call) {
					h += ", and its error is discarded"
					t.hotDiscarded = true
				}
				t.hot = append(t.hot, h)
			}
			if !hot && !paced && !timeBoxed {
				if p := l.RetryCycle(call, fv, notShort); p != nil && l.RetryCycle(call, loops.SuccessView(err, cancel), notShort) == nil && key("fixed") {
					t.fixed = append(t.fixed, name+" "+c.paceOf(p, l, loops.Short))
				}
			}
			if t.noExit && !opaque {
				dropped := "discarded"
				if !loops.Discarded(call) {
					dropped = ""
					if silenced(l, call, isWait) {
						dropped = "looked at but dropped: its failure path only waits"
					}
				}
				if dropped != "" {
					if p := l.RetryCycle(call, fv, notFixed); p != nil && key("zombie") {
						t.zombie = append(t.zombie, fmt.Sprintf("error from %s %s; retries %s with no backoff", name, dropped, c.paceOf(p, l, loops.Invariant)))
					}
				}
			}
		}
	}

	// I/O in the body of a range-over-func statement inside the loop is
	// the loop's I/O, as it would be in the body of a range over a slice.
	yields := l.Yields()
	for _, y := range yields {
		for _, b := range y.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok && !doesIO && c.cl.Fallible(call.Common()) && loops.OpaqueOp(call.Common()) == nil {
					doesIO = true
				}
			}
		}
	}
	if t.noExit && doesIO && c.pass.Pkg.Name() != "main" {
		t.nocancel = loops.ContextInScope(l.Fn)
	}
	if ctxFails != "" && c.pass.Pkg.Name() != "main" {
		t.nocancel, t.nocancelWhy = ctxName, ctxFails
	}
	t.sleepctx, t.sleepctxFix = c.sleepCtxPart(l, exits, doesIO), sleepCtxFix
	if t.sleepctx == "" {
		t.sleepctx, t.sleepctxFix = c.sleepWaitPart(l, exits, doesIO), sleepWaitFix
	}
	if exits.LongRunning() {
		t.leaks = c.leaks(l, yields)
		t.cycleLeaks = c.cycleLeaks(l)
	}
	c.report(l, t)
}

// paceOf describes the waits on a cycle: "every 3m0s" for one constant
// wait of the given class, "at a fixed pace" otherwise, or "at once".
func (c *checker) paceOf(p *cfgx.Path, l *loops.Loop, want loops.Pace) string {
	any := false
	for _, b := range p.Blocks {
		for _, instr := range b.Instrs {
			pace := c.cl.InstrPace(instr, l)
			if pace == loops.NoWait {
				continue
			}
			any = true
			if d, ok := constWait(instr); ok && (pace == want || want == loops.Invariant) {
				return "every " + d.String()
			}
		}
	}
	if !any {
		return "at once"
	}
	if want == loops.Invariant {
		// A fixed but computed delay: name it as the source does.
		for _, b := range p.Blocks {
			for _, instr := range b.Instrs {
				if e := c.sleepExpr(instr); e != "" && c.cl.InstrPace(instr, l) == loops.Invariant {
					return "every " + e
				}
			}
		}
	}
	return "at a fixed pace"
}

// sleepExpr returns the source text of d in time.Sleep(d), or "".
func (c *checker) sleepExpr(instr ssa.Instruction) string {
	call, ok := instr.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return ""
	}
	if f := loops.FuncOf(call.Common()); f == nil || f.Pkg() == nil || f.Pkg().Path() != "time" || f.Name() != "Sleep" {
		return ""
	}
	if ce := c.callExpr(call.Pos()); ce != nil && len(ce.Args) == 1 {
		return types.ExprString(ce.Args[0])
	}
	return ""
}

// callExpr returns the call expression whose left parenthesis is at pos
// (the position go/ssa gives a call), or nil.
func (c *checker) callExpr(pos token.Pos) *ast.CallExpr {
	if !pos.IsValid() {
		return nil
	}
	for _, file := range c.pass.Files {
		if pos < file.Pos() || pos >= file.End() {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(file, func(n ast.Node) bool {
			if found != nil || n == nil || n.Pos() > pos || n.End() <= pos {
				return false
			}
			if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == pos {
				found = ce
				return false
			}
			return true
		})
		return found
	}
	return nil
}

// constWait returns the constant duration of time.Sleep(d), <-time.After(d)
// or <-time.Tick(d).
func constWait(instr ssa.Instruction) (time.Duration, bool) {
	var arg ssa.Value
	switch instr := instr.(type) {
	case *ssa.Call:
		if f := loops.FuncOf(instr.Common()); f != nil && f.Pkg() != nil && f.Pkg().Path() == "time" && f.Name() == "Sleep" {
			arg = instr.Call.Args[0]
		}
	case *ssa.UnOp:
		if instr.Op != token.ARROW {
			return 0, false
		}
		if d, ok := timerConst(instr.X); ok {
			return d, true
		}
		if call, ok := instr.X.(*ssa.Call); ok && len(call.Call.Args) == 1 {
			f := call.Call.StaticCallee()
			if loops.IsFunc(f, "time", "After") || loops.IsFunc(f, "time", "Tick") {
				arg = call.Call.Args[0]
			}
		}
	case *ssa.Select:
		for _, st := range instr.States {
			if d, ok := timerConst(st.Chan); ok {
				return d, true
			}
			if call, ok := st.Chan.(*ssa.Call); ok && len(call.Call.Args) == 1 {
				f := call.Call.StaticCallee()
				if loops.IsFunc(f, "time", "After") || loops.IsFunc(f, "time", "Tick") {
					arg = call.Call.Args[0]
				}
			}
		}
	}
	if k, ok := arg.(*ssa.Const); ok {
		return loops.ConstDuration(k)
	}
	return 0, false
}

// timerConst returns d for the C channel of time.NewTicker(d) or
// time.NewTimer(d) with a constant d.
func timerConst(ch ssa.Value) (time.Duration, bool) {
	load, ok := ch.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return 0, false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return 0, false
	}
	mk, ok := fa.X.(*ssa.Call)
	if !ok || len(mk.Call.Args) != 1 {
		return 0, false
	}
	f := mk.Call.StaticCallee()
	if !loops.IsFunc(f, "time", "NewTicker") && !loops.IsFunc(f, "time", "NewTimer") {
		return 0, false
	}
	if k, ok := mk.Call.Args[0].(*ssa.Const); ok {
		return loops.ConstDuration(k)
	}
	return 0, false
}

// leaks lists what a long-running loop leaks per iteration: defers (its
// own rule), and, as context only, new Transports (httpclient's pool rule)
// and response bodies never closed (respclose).
//
// The bodies of range-over-func statements inside the loop (yields) run
// on every iteration too: a defer there goes on the function's stack.
func (c *checker) leaks(l *loops.Loop, yields []*ssa.Function) []string {
	var out, defers []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	blocks := l.Blocks
	for _, y := range yields {
		blocks = append(blocks[:len(blocks):len(blocks)], y.Blocks...)
	}
	for _, b := range blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Defer:
				what := "a function value"
				if f := loops.FuncOf(instr.Common()); f != nil {
					what = f.Name()
				}
				if !seen["defer "+what] {
					seen["defer "+what] = true
					defers = append(defers, what)
				}
			case *ssa.Alloc:
				if httptypes.IsTransportPtr(instr.Type()) {
					add("a new http.Transport (connection pool) per iteration")
				}
			case *ssa.Call:
				if f := loops.FuncOf(instr.Common()); f != nil && f.Name() == "Clone" && httptypes.IsTransport(ssax.Deref(recvType(f))) {
					add("a new http.Transport (connection pool) per iteration")
				}
				if resp := responseOf(instr); resp != nil && c.bodyOpen(resp) {
					add("a response body left open on every iteration")
				}
			}
		}
	}
	if len(defers) > 0 {
		out = append([]string{fmt.Sprintf("defer inside the loop (%s) runs only when the function returns, so each iteration piles one up",
			strings.Join(defers, ", "))}, out...)
	}
	return out
}

func recvType(f *types.Func) types.Type {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}

// responseOf returns the *http.Response result of call, if any.
func responseOf(call *ssa.Call) ssa.Value {
	if httptypes.IsResponsePtr(call.Type()) {
		return call
	}
	if tup, ok := call.Type().(*types.Tuple); ok && tup.Len() > 0 && httptypes.IsResponsePtr(tup.At(0).Type()) {
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
				return ex
			}
		}
	}
	return nil
}

// bodyOpen reports whether resp's body is certainly never closed: resp is
// only read (fields, nil tests) and no load of resp.Body is closed or
// handed on. Any other use counts as handing it on (respclose is the
// general tool; this only adds context to a loop finding).
func (c *checker) bodyOpen(resp ssa.Value) bool {
	for _, ref := range *resp.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.FieldAddr:
			if !isBodyField(r) {
				continue
			}
			for _, lr := range *r.Referrers() {
				load, ok := lr.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					return false
				}
				for _, u := range *load.Referrers() {
					switch u := u.(type) {
					case *ssa.DebugRef:
					case ssa.CallInstruction:
						cc := u.Common()
						if cc.IsInvoke() && cc.Value == load && cc.Method.Name() == "Close" {
							return false
						}
						if f := loops.FuncOf(cc); f == nil || f.Pkg() == nil || f.Pkg() == c.pass.Pkg || !ssax.IsStdPackage(f.Pkg().Path()) {
							return false
						}
					case *ssa.MakeInterface, *ssa.ChangeInterface:
						// passed to io.ReadAll and friends: read, not closed
						// unless handed on further.
						for _, uu := range *u.(ssa.Value).Referrers() {
							if cc, ok := uu.(ssa.CallInstruction); ok {
								if f := loops.FuncOf(cc.Common()); f != nil && f.Pkg() != nil && ssax.IsStdPackage(f.Pkg().Path()) {
									continue
								}
							}
							return false
						}
					default:
						return false
					}
				}
			}
		default:
			return false
		}
	}
	return true
}

func isBodyField(fa *ssa.FieldAddr) bool {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	return ok && fa.Field < st.NumFields() && st.Field(fa.Field).Name() == "Body"
}

// calleeName names a call's callee for messages: "http.Get",
// "Client.Post", "Listener.Accept"; for a call through a func value, the
// parameter or the expression called ("op", "fetch").
func (c *checker) calleeName(cc *ssa.CallCommon) string {
	f := loops.FuncOf(cc)
	if f == nil {
		if p := loops.OpaqueOp(cc); p != nil {
			return p.Name()
		}
		if ce := c.callExpr(cc.Pos()); ce != nil {
			switch fun := ast.Unparen(ce.Fun).(type) {
			case *ast.Ident, *ast.SelectorExpr:
				return types.ExprString(fun)
			}
		}
		return "the call"
	}
	if r := loops.RecvName(f); r != "" {
		return r + "." + f.Name()
	}
	if f.Pkg() != nil {
		return f.Pkg().Name() + "." + f.Name()
	}
	return f.Name()
}

// report emits the loop's one diagnostic, if any trait was found.
func (c *checker) report(l *loops.Loop, t traits) {
	var parts, fixes []string
	category := ""
	set := func(cat string) {
		if category == "" {
			category = cat
		}
	}
	if t.spin {
		set(CategorySpin)
		parts = append(parts, "the ctx.Done() case falls back into the loop, so after cancellation it spins (a break there leaves only the select)")
		fixes = append(fixes, "return on ctx.Done()")
	}
	if len(t.hot) > 0 {
		set(CategoryHot)
		parts = append(parts, t.hot...)
	}
	if len(t.zombie) > 0 {
		set(CategoryZombie)
		parts = append([]string{"loop never exits"}, parts...)
		parts = append(parts, t.zombie...)
	}
	if len(t.fixed) > 0 {
		set(CategoryFixed)
		for _, f := range t.fixed {
			parts = append(parts, "retries "+f+" when it fails, with no backoff and faster than on success")
		}
	}
	if t.hotRead > 0 {
		fixes = append(fixes, "stop on io.EOF and return (or break) on any other read error")
	}
	if t.hotEOF > 0 {
		fixes = append(fixes, eofOnlyFix)
	}
	if t.hotScan > 0 {
		fixes = append(fixes, "leave the loop once Scan returns false (return sc.Err(), which is nil at the end of input)")
	}
	if len(t.hot)-t.hotRead-t.hotEOF-t.hotScan+len(t.fixed)+len(t.zombie) > 0 {
		fixes = append(fixes, "back off exponentially with a cap and jitter, reset on success (cenkalti/backoff/v5 Retry, k8s wait.Backoff, or a min(d*2, max) timer)")
	}
	if len(t.zombie) > 0 || t.hotDiscarded {
		fixes = append(fixes, "handle the error")
	}
	if len(t.dropWrite) > 0 {
		set(CategoryDropWrite)
		parts = append(parts, t.dropWrite...)
		fixes = append(fixes, dropWriteFix)
	}
	if hasDefer(t.leaks) || len(t.cycleLeaks) > 0 {
		set(CategoryLeak)
	}
	t.leaks = append(t.leaks, t.cycleLeaks...)
	if t.nocancel != "" {
		set(CategoryNoCancel)
	}
	// New Transports and open bodies are httpclient's and respclose's
	// findings: they are mentioned as context, never reported alone.
	if len(t.leaks) > 0 && category != "" {
		parts = append(parts, t.leaks...)
		fixes = append(fixes, "release per-iteration resources inside the iteration (close bodies, call cancel, share one client)")
	}
	if t.nocancel != "" {
		parts = append(parts, fmt.Sprintf("never exits on %s although it is in scope", t.nocancel))
		if t.nocancelWhy != "" {
			parts = append(parts, t.nocancelWhy)
		}
		if t.nocancelWhy != "" {
			fixes = append(fixes, "return when "+t.nocancel+".Err() != nil on the failure path (or select on "+t.nocancel+".Done() in the wait)")
		} else if !t.spin {
			fixes = append(fixes, "return on "+t.nocancel+".Done()")
		}
	}
	if category == "" && t.sleepctx != "" {
		set(CategorySleepCtx)
		parts = append(parts, t.sleepctx)
		fixes = append(fixes, t.sleepctxFix)
	}
	if category == "" {
		return
	}
	msg := strings.Join(parts, "; ")
	if len(fixes) > 0 {
		msg += "; fix: " + strings.Join(fixes, "; ")
	}
	pos := l.Position()
	c.rep.Report(analysis.Diagnostic{Pos: pos, Category: category, Message: msg})
}

func hasDefer(leaks []string) bool {
	for _, s := range leaks {
		if strings.HasPrefix(s, "defer") {
			return true
		}
	}
	return false
}
