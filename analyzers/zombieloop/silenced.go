package zombieloop

import (
	"go/token"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// silenced reports whether loop l looks at the error of call only to pick
// its failure path, and that path does nothing but wait before it goes
// round again: `if err != nil { time.Sleep(d); continue }`. Nothing logs,
// returns, counts or hands on the failure, so, as with an error assigned
// to `_`, no one ever sees it: the zombie rule's "discarded". Every use of
// the error must be a comparison with nil that an If branches on, and
// every instruction dominated by a failure branch inside the loop must be
// free of effects other than waits (isWait).
func silenced(l *loops.Loop, call *ssa.Call, isWait func(ssa.Instruction) bool) bool {
	err := loops.ErrValue(call)
	if err == nil || err.Referrers() == nil {
		return false
	}
	tests := loops.ErrorTests(err)
	if len(tests) == 0 {
		return false
	}
	for _, r := range *err.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.BinOp:
			if _, tested := tests[r.Block()]; !tested || !nilTest(r) || len(*r.Referrers()) != 1 {
				return false
			}
		default:
			return false
		}
	}
	for _, br := range tests {
		for _, b := range l.Blocks {
			if !br.Err.Dominates(b) {
				continue
			}
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Go, *ssa.Defer, *ssa.Store, *ssa.Send, *ssa.MapUpdate, *ssa.Return, *ssa.Panic:
					return false
				case ssa.CallInstruction:
					if !isWait(instr) {
						return false
					}
				}
			}
		}
	}
	return true
}

// nilTest reports whether bin compares a value with nil.
func nilTest(bin *ssa.BinOp) bool {
	return (bin.Op == token.EQL || bin.Op == token.NEQ) && (ssax.IsNil(bin.X) || ssax.IsNil(bin.Y))
}
