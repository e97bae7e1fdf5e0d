package zombieloop

import (
	"fmt"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"golang.org/x/tools/go/ssa"
)

// swallowed judges a call in a loop with no exit that returns no error but
// whose helper does fallible I/O and drops every error of it (a watchdog's
// notify(), a heartbeat()): the zombie rule's shape with the discarding
// done one call deeper. While the I/O keeps failing, the loop goes on at
// its fixed pace for ever and no one sees a failure. A helper that looks
// at any I/O error, or a loop paced by events or by an adaptive wait, is
// left alone. It returns the zombie trait, or "".
func (c *checker) swallowed(l *loops.Loop, call *ssa.Call, cancel map[*ssa.BasicBlock]bool, notFixed func(ssa.Instruction) bool) string {
	via := c.cl.Swallowed(call.Common())
	if via == nil {
		return ""
	}
	p := l.Cycle(call, loops.FailureView(nil, cancel), notFixed)
	if p == nil {
		return ""
	}
	name := c.calleeName(call.Common())
	return fmt.Sprintf("%s does I/O and drops its error inside (%s), so no failure is ever seen; calls it %s with no backoff (return the error from %s and handle it in the loop)",
		name, strings.Join(via, " → "), c.paceOf(p, l, loops.Invariant), name)
}
