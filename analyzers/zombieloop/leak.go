package zombieloop

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"golang.org/x/tools/go/ssa"
)

// A cycle resource is something a long-running loop acquires on an
// iteration and must release before the next one: the cancel function of
// a derived context, or a dialled connection.
type cycleResource struct {
	what    string // "the cancel func of context.WithTimeout"
	verb    string // "called", "closed"
	why     string // what each such cycle leaves behind
	release func(ssa.Instruction) bool
}

// contextCtors return a derived context and its cancel function.
var contextCtors = map[string]bool{
	"WithCancel": true, "WithTimeout": true, "WithDeadline": true,
	"WithCancelCause": true, "WithTimeoutCause": true, "WithDeadlineCause": true,
}

// dialFuncs are the std functions and methods that open a connection the
// caller must close: package functions of net and crypto/tls, and the
// Dial methods of net.Dialer and tls.Dialer.
var dialFuncs = map[string]map[string]bool{
	"net":        {"Dial": true, "DialTimeout": true, "DialTCP": true, "DialUDP": true, "DialUnix": true, "DialIP": true, "DialContext": true},
	"crypto/tls": {"Dial": true, "DialWithDialer": true, "DialContext": true},
}

// cycleLeaks lists the resources that loop l acquires and can fail to
// release on some cycle: a path from the acquiring call back to it, in the
// loop, on which the call succeeded and no release runs. go vet's
// lostcancel only asks this of paths to the function's return; a
// long-running loop never returns, so an iteration that skips cancel()
// leaves its context (and timer) alive until the parent context ends, and
// one that skips Close leaves a socket open (in CLOSE_WAIT once the peer
// hangs up). A resource that is deferred, handed on (to a goroutine, a
// function, a field, a channel, the next iteration) or whose release
// cannot be seen is assumed to be handled.
func (c *checker) cycleLeaks(l *loops.Loop) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			r := resourceOf(call)
			if r == nil {
				continue
			}
			var err ssa.Value
			if tup, ok := call.Type().(*types.Tuple); ok && types.Identical(tup.At(tup.Len()-1).Type(), errorType) {
				err = loops.ErrValue(call)
			}
			// Cancellation blocks stay in the view: one that falls back
			// into the loop (a restart channel) is a real cycle.
			if l.Cycle(call, loops.SuccessView(err, nil), r.release) == nil {
				continue
			}
			s := fmt.Sprintf("%s is not %s on some iteration: %s", r.what, r.verb, r.why)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

var errorType = types.Universe.Lookup("error").Type()

// resourceOf returns the resource call acquires, when it is one this
// check knows and every use of the value to release is seen.
func resourceOf(call *ssa.Call) *cycleResource {
	f := loops.FuncOf(call.Common())
	if f == nil || f.Pkg() == nil || call.Common().IsInvoke() {
		return nil
	}
	path, name := f.Pkg().Path(), f.Name()
	switch {
	case path == "context" && contextCtors[name]:
		fn := extract(call, 1)
		if fn == nil {
			return nil // discarded: go vet's lostcancel reports it
		}
		calls, ok := cancelCalls(fn)
		if !ok {
			return nil
		}
		why := "each such cycle leaves a context alive until the parent ends"
		if strings.Contains(name, "Timeout") || strings.Contains(name, "Deadline") {
			why = "each such cycle leaves a context and its timer alive until the deadline passes"
		}
		return &cycleResource{
			what: "the cancel func of context." + name,
			verb: "called",
			why:  why,
			release: func(i ssa.Instruction) bool {
				return calls[i]
			},
		}
	case dialFuncs[path][name]:
		conn := extract(call, 0)
		if conn == nil {
			return nil
		}
		closes, ok := closeCalls(conn, 0)
		if !ok {
			return nil
		}
		what := "the connection from " + f.Pkg().Name() + "." + name
		if r := loops.RecvName(f); r != "" {
			what = "the connection from " + r + "." + name
		}
		return &cycleResource{
			what: what,
			verb: "closed",
			why:  "each such cycle leaves a socket open (in CLOSE_WAIT once the peer hangs up)",
			release: func(i ssa.Instruction) bool {
				return closes[i]
			},
		}
	}
	return nil
}

// extract returns `extract #i` of a tuple-valued call, or nil.
func extract(call *ssa.Call, i int) ssa.Value {
	if call.Referrers() == nil {
		return nil
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// cancelCalls returns the direct (non-deferred) calls of the cancel
// function fn. ok is false when fn is used in any other way: deferred
// (the defer rule reports it), passed on, stored, captured, or merged
// with another value.
func cancelCalls(fn ssa.Value) (calls map[ssa.Instruction]bool, ok bool) {
	calls = map[ssa.Instruction]bool{}
	for _, ref := range *fn.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if r.Call.Value != fn {
				return nil, false // an argument
			}
			calls[r] = true
		default:
			return nil, false
		}
	}
	return calls, len(calls) > 0
}

// readWriters are std functions that read from or write to a reader or
// writer argument without closing it: helpers, and wrappers whose result
// has no Close (so the connection cannot be closed through them either).
var readWriters = map[string]map[string]bool{
	"fmt":           {"Fprint": true, "Fprintf": true, "Fprintln": true, "Fscan": true, "Fscanf": true, "Fscanln": true},
	"io":            {"ReadFull": true, "ReadAtLeast": true, "ReadAll": true, "Copy": true, "CopyN": true, "CopyBuffer": true, "WriteString": true},
	"bufio":         {"NewReader": true, "NewReaderSize": true, "NewWriter": true, "NewWriterSize": true, "NewScanner": true},
	"encoding/json": {"NewEncoder": true, "NewDecoder": true},
}

// closeCalls returns the Close calls on the connection conn (through the
// interface or a concrete method, and through interface conversions). ok
// is false when conn can be closed or kept somewhere this check cannot
// see: it is passed to a function other than a std read or write helper,
// stored, sent, returned, captured, asserted to another type, or merged
// with another value.
func closeCalls(conn ssa.Value, depth int) (closes map[ssa.Instruction]bool, ok bool) {
	closes = map[ssa.Instruction]bool{}
	if depth > 3 || conn.Referrers() == nil {
		return nil, false
	}
	for _, ref := range *conn.Referrers() {
		switch r := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if r.Op != token.EQL && r.Op != token.NEQ {
				return nil, false
			}
		case *ssa.ChangeInterface, *ssa.MakeInterface:
			sub, ok := closeCalls(r.(ssa.Value), depth+1)
			if !ok {
				return nil, false
			}
			for i := range sub {
				closes[i] = true
			}
		case *ssa.Call:
			cc := r.Common()
			args := cc.Args
			method := false
			switch {
			case cc.IsInvoke() && cc.Value == conn:
				method = true
			case cc.StaticCallee() != nil && cc.StaticCallee().Signature.Recv() != nil && len(args) > 0 && args[0] == conn:
				method, args = true, args[1:]
			}
			if method {
				if m := loops.FuncOf(cc); m != nil && m.Name() == "Close" {
					closes[r] = true
				}
			}
			passed := false
			for _, a := range args {
				passed = passed || a == conn
			}
			if !passed {
				continue
			}
			if f := loops.FuncOf(cc); f == nil || f.Pkg() == nil || cc.IsInvoke() || !readWriters[f.Pkg().Path()][f.Name()] {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return closes, true
}
