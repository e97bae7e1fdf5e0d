package ssax

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Callers indexes the static call sites of a package's functions, for the
// questions that need every caller of a function: what a parameter is
// bound to, whether a function runs at most once.
type Callers struct {
	sites   map[*ssa.Function][]ssa.CallInstruction
	escaped map[*ssa.Function]bool
	// methodValues holds the Ids (types.Func.Id) of the methods whose
	// method value (x.m) or method expression (T.m) the package takes:
	// SSA makes those through a synthetic bound wrapper or thunk, whose
	// object is the method.
	methodValues map[string]bool
	// invoked holds the Ids of the methods the package calls through an
	// interface (or a type parameter).
	invoked map[string]bool
}

// NewCallers indexes the calls made in funcs (a package's source
// functions, closures included) and in pkg's synthetic init function,
// which holds the package-level variables' initialisers.
func NewCallers(pkg *ssa.Package, funcs []*ssa.Function) *Callers {
	c := &Callers{sites: map[*ssa.Function][]ssa.CallInstruction{}, escaped: map[*ssa.Function]bool{},
		methodValues: map[string]bool{}, invoked: map[string]bool{}}
	if init := pkg.Func("init"); init != nil && !slices.Contains(funcs, init) {
		funcs = append([]*ssa.Function{init}, funcs...)
	}
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				var ops [16]*ssa.Value
				operands := instr.Operands(ops[:0])
				if call, ok := instr.(ssa.CallInstruction); ok {
					if cc := call.Common(); cc.IsInvoke() {
						c.invoked[cc.Method.Id()] = true
					} else if callee, ok := cc.Value.(*ssa.Function); ok {
						c.sites[callee] = append(c.sites[callee], call)
						operands = operands[1:] // the callee itself
					}
				}
				for _, op := range operands {
					if op == nil || *op == nil {
						continue
					}
					if g, ok := (*op).(*ssa.Function); ok {
						c.escaped[g] = true
						if m, ok := g.Object().(*types.Func); ok && g.Synthetic != "" && m.Signature().Recv() != nil {
							c.methodValues[m.Id()] = true
						}
					}
				}
			}
		}
	}
	return c
}

// Sites returns the static call sites of fn in the package, and ok when
// they are all its callers: fn is a plain unexported function (no
// receiver, not a closure, not generic) that is never used as a value
// (stored, passed, bound), so nothing else can call it.
func (c *Callers) Sites(fn *ssa.Function) ([]ssa.CallInstruction, bool) {
	if fn == nil || fn.Parent() != nil || fn.Object() == nil || fn.Object().Exported() || fn.Signature.Recv() != nil || fn.TypeParams().Len() > 0 {
		return nil, false
	}
	if c.escaped[fn] {
		return nil, false
	}
	return c.sites[fn], true
}

// CallSites is Sites, extended to methods: it also returns the static
// call sites of an unexported method (not of a generic type), and ok when
// those are all its callers. Code outside the package cannot name an
// unexported method, so the only other callers would be dynamic: an
// interface (or type-parameter) call of a method with the same Id, or a
// method value or method expression of it, anywhere in the package; with
// any of those it is not ok. (The promoted-method wrappers of a type that
// embeds the receiver are reached only those ways, and reflection cannot
// call an unexported method.)
func (c *Callers) CallSites(fn *ssa.Function) ([]ssa.CallInstruction, bool) {
	if fn == nil || fn.Signature.Recv() == nil {
		return c.Sites(fn)
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Synthetic != "" || obj.Exported() || fn.TypeParams().Len() > 0 || obj.Signature().RecvTypeParams().Len() > 0 {
		return nil, false
	}
	if c.escaped[fn] || c.methodValues[obj.Id()] || c.invoked[obj.Id()] {
		return nil, false
	}
	return c.sites[fn], true
}

// Args returns the argument that every call site in the package passes for
// parameter p, and ok when those are all the values p can have (see Sites).
func (c *Callers) Args(p *ssa.Parameter) ([]ssa.Value, bool) {
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if idx < 0 {
		return nil, false
	}
	sites, ok := c.Sites(fn)
	if !ok {
		return nil, false
	}
	args := make([]ssa.Value, 0, len(sites))
	for _, s := range sites {
		cc := s.Common()
		if idx >= len(cc.Args) {
			return nil, false
		}
		args = append(args, cc.Args[idx])
	}
	return args, true
}

// InCycle reports whether block b lies on a cycle of its function's
// control-flow graph: code in it can run more than once per call.
func InCycle(b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	return false
}

// ExitsAfter reports whether every path from call ends the process before
// its function returns or comes back to call: each reaches a call of
// os.Exit, syscall.Exit, log.Fatal*, log.Panic* or a panic.
func ExitsAfter(call ssa.CallInstruction) bool {
	b := call.Block()
	if b == nil {
		return false
	}
	start := -1
	for i, instr := range b.Instrs {
		if instr == call {
			start = i + 1
		}
	}
	if start < 0 {
		return false
	}
	// ends reports, for a run of instructions, whether it ends the
	// process (exits) or returns (returns); neither means the path goes
	// on to the block's successors.
	ends := func(instrs []ssa.Instruction) (exits, returns bool) {
		for _, instr := range instrs {
			switch x := instr.(type) {
			case *ssa.Panic:
				return true, false
			case *ssa.Return:
				return false, true
			case *ssa.Call:
				if endsProcess(x.Common()) {
					return true, false
				}
			}
		}
		return false, false
	}
	if exits, returns := ends(b.Instrs[start:]); exits || returns {
		return exits
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	if len(work) == 0 {
		return false
	}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return false // back to the call before the process ends
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		exits, returns := ends(x.Instrs)
		switch {
		case exits:
			continue
		case returns || len(x.Succs) == 0:
			return false
		}
		work = append(work, x.Succs...)
	}
	return true
}

// endsProcess reports whether cc is a call that does not return: os.Exit,
// syscall.Exit, log.Fatal, Fatalf, Fatalln, Panic, Panicf, Panicln.
func endsProcess(cc *ssa.CallCommon) bool {
	f := cc.StaticCallee()
	if f == nil || f.Pkg == nil || f.Signature.Recv() != nil {
		return false
	}
	switch f.Pkg.Pkg.Path() + "." + f.Name() {
	case "os.Exit", "syscall.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
		return true
	}
	return false
}
