// Package cfgx answers control-flow questions over a function's SSA blocks:
// "can execution get from here to there without passing one of these
// instructions?" and "is this block inside a loop?". Every path-sensitive
// rule in zombiecheck (a timeout set before use, a body closed on every path,
// a failure cycle without a wait) is phrased as one of these questions.
package cfgx

import "golang.org/x/tools/go/ssa"

// PathAvoiding reports whether some execution path that starts just after
// instruction from reaches an instruction for which target returns true
// without first executing an instruction for which barrier returns true.
// The start instruction itself is neither a target nor a barrier; it can be
// reached again (as a target or barrier) by going round a loop.
//
// If target is nil, the question is whether the path can leave the function
// (reach a Return) avoiding the barriers; a Panic is not counted as leaving,
// since nothing after a panic is the caller's concern.
func PathAvoiding(from ssa.Instruction, target, barrier func(ssa.Instruction) bool) bool {
	return FindPath(from, target, barrier, nil) != nil
}

// Path is a witness execution path: the blocks passed, in order, ending
// with the block that holds the target instruction Reached.
type Path struct {
	Blocks  []*ssa.BasicBlock
	Reached ssa.Instruction
}

// FindPath is PathAvoiding that also returns the shortest witness (in
// blocks), or nil. If skipEdge is non-nil, the CFG edges it rejects are not
// followed: a caller uses it to ignore, say, the branch on which a call's
// error is non-nil.
func FindPath(from ssa.Instruction, target, barrier func(ssa.Instruction) bool, skipEdge func(from, to *ssa.BasicBlock) bool) *Path {
	if target == nil {
		target = isReturn
	}
	start := from.Block()
	idx := indexOf(start, from)
	if hit, blocked := scan(start.Instrs[idx+1:], target, barrier); hit != nil {
		return &Path{Blocks: []*ssa.BasicBlock{start}, Reached: hit}
	} else if blocked {
		return nil
	}
	// Breadth-first, so the witness is a shortest path.
	parent := make(map[*ssa.BasicBlock]*ssa.BasicBlock)
	seen := make(map[*ssa.BasicBlock]bool)
	var queue []*ssa.BasicBlock
	enqueue := func(from *ssa.BasicBlock) {
		for _, succ := range from.Succs {
			if skipEdge != nil && skipEdge(from, succ) {
				continue
			}
			if !seen[succ] {
				seen[succ] = true
				parent[succ] = from
				queue = append(queue, succ)
			}
		}
	}
	enqueue(start)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		hit, blocked := scan(b.Instrs, target, barrier)
		if hit != nil {
			var blocks []*ssa.BasicBlock
			for x := b; ; x = parent[x] {
				blocks = append(blocks, x)
				if x == start && len(blocks) > 1 || parent[x] == nil {
					break
				}
			}
			for i, j := 0, len(blocks)-1; i < j; i, j = i+1, j-1 {
				blocks[i], blocks[j] = blocks[j], blocks[i]
			}
			return &Path{Blocks: blocks, Reached: hit}
		}
		if blocked {
			continue
		}
		enqueue(b)
	}
	return nil
}

// scan walks instrs in order and returns the first target reached before
// any barrier (hit), or reports that a barrier stops the walk (blocked).
// An instruction that is both stops the walk.
func scan(instrs []ssa.Instruction, target, barrier func(ssa.Instruction) bool) (hit ssa.Instruction, blocked bool) {
	for _, instr := range instrs {
		// A barrier wins over a target: a return that hands the value on
		// is a transfer, not an exit that leaks it.
		if barrier != nil && barrier(instr) {
			return nil, true
		}
		if target(instr) {
			return instr, false
		}
	}
	return nil, false
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}

func isReturn(instr ssa.Instruction) bool {
	_, ok := instr.(*ssa.Return)
	return ok
}

// InLoop reports whether block b lies on a cycle of its function's CFG,
// that is, whether it can execute more than once per call.
func InLoop(b *ssa.BasicBlock) bool {
	// b is on a cycle iff b is reachable from one of its successors.
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
}
