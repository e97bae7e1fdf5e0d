package zombieloop

import (
	"go/token"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// drainsChildPipe reports whether src, the source a copy loop reads, is
// the stdout or stderr pipe of a child process ((*exec.Cmd).StdoutPipe or
// StderrPipe), possibly wrapped in a bufio.Reader or Scanner, either made
// in the loop's function or handed to it by every caller in the package.
//
// Such a loop relays what the child writes (to a log, a terminal) and must
// read to the end whatever becomes of its destination: a child whose pipe
// nobody drains blocks on a full pipe buffer. Going on after a failed write
// is then the right behaviour, not a zombie copy (syncthing's monitor,
// cmd/syncthing/monitor.go copyStderr and copyStdout, which tee the
// child's output into stdout and a log file).
func (c *checker) drainsChildPipe(src ssa.Value) bool {
	return c.childPipe(src, 0)
}

func (c *checker) childPipe(v ssa.Value, depth int) bool {
	if v == nil || depth > 6 {
		return false
	}
	v = ssax.Unconvert(v)
	switch x := v.(type) {
	case *ssa.Extract:
		call, ok := x.Tuple.(*ssa.Call)
		if !ok || x.Index != 0 {
			return false
		}
		f := ssax.CalleeFunc(&call.Call)
		if f == nil || f.Pkg() == nil || f.Pkg().Path() != "os/exec" {
			return false
		}
		return f.Name() == "StdoutPipe" || f.Name() == "StderrPipe"
	case *ssa.Call:
		// bufio.NewReader(r), NewReaderSize(r, n), NewScanner(r).
		f := ssax.CalleeFunc(&x.Call)
		if f == nil || f.Pkg() == nil || f.Pkg().Path() != "bufio" || len(x.Call.Args) == 0 {
			return false
		}
		switch f.Name() {
		case "NewReader", "NewReaderSize", "NewScanner":
			return c.childPipe(x.Call.Args[0], depth+1)
		}
		return false
	case *ssa.UnOp:
		// A captured variable: every value stored into it.
		if x.Op != token.MUL {
			return false
		}
		fv, ok := x.X.(*ssa.FreeVar)
		if !ok {
			return false
		}
		alloc, ok := ssax.ClosureBinding(fv).(*ssa.Alloc)
		if !ok {
			return false
		}
		stored := false
		for _, ref := range *alloc.Referrers() {
			st, ok := ref.(*ssa.Store)
			if !ok || st.Addr != alloc {
				continue
			}
			if !c.childPipe(st.Val, depth+1) {
				return false
			}
			stored = true
		}
		return stored
	case *ssa.FreeVar:
		return c.childPipe(ssax.ClosureBinding(x), depth+1)
	case *ssa.Parameter:
		args, ok := c.callers().Args(x)
		if !ok || len(args) == 0 {
			return false
		}
		for _, a := range args {
			if !c.childPipe(a, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
