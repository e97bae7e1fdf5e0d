package summary

import (
	"fmt"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// LoopSum is the fact exported for a function that, on every call, does
// fallible I/O (PerformsIO) or waits (Waits; Adaptive when the delay is
// computed, as in a backoff helper). zombieloop needs it to see that a
// call to another package's `Refresh()` is I/O, or that its
// `Pace(attempt)` is a wait.
type LoopSum struct {
	PerformsIO, Waits, Adaptive bool
	// Swallows: the function returns no error but does fallible I/O and
	// drops every error of it; the call path to that I/O.
	Swallows []string
}

func (*LoopSum) AFact() {}

func (s *LoopSum) String() string {
	return fmt.Sprintf("LoopSum(io=%t, waits=%t, adaptive=%t)", s.PerformsIO, s.Waits, s.Adaptive)
}

// LoopFacts holds the LoopSum facts of the functions of other packages
// that this package calls, imported during Run.
type LoopFacts map[*types.Func]loops.FuncFact

// Lookup returns the imported summary of fn, if any.
func (f LoopFacts) Lookup(fn *types.Func) (loops.FuncFact, bool) {
	s, ok := f[fn]
	return s, ok
}

// summarizeLoops imports the LoopSum facts of every statically called
// function of another package, then exports one for every top-level
// function of this package that does I/O or waits. Facts hold
// observations only: the policy's backoff list is applied by zombieloop
// when reporting.
func summarizeLoops(pass *analysis.Pass, funcs []*ssa.Function) LoopFacts {
	imported := make(LoopFacts)
	for _, obj := range externalCallees(pass, funcs) {
		var sum LoopSum
		if pass.ImportObjectFact(obj, &sum) {
			imported[obj] = loops.FuncFact{PerformsIO: sum.PerformsIO, Waits: sum.Waits, Adaptive: sum.Adaptive, Swallows: sum.Swallows}
		}
	}
	cl := &loops.Classifier{Pkg: pass.Pkg, Fact: imported.Lookup}
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != pass.Pkg {
			continue
		}
		if s := cl.Summarize(fn); s.PerformsIO || s.Waits || s.Swallows != nil {
			pass.ExportObjectFact(obj, &LoopSum{PerformsIO: s.PerformsIO, Waits: s.Waits, Adaptive: s.Adaptive, Swallows: s.Swallows})
		}
	}
	return imported
}
