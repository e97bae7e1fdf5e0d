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
	if target == nil {
		target = isReturn
	}
	start := from.Block()
	// Scan the remainder of the start block.
	idx := indexOf(start, from)
	if hit, blocked := scan(start.Instrs[idx+1:], target, barrier); hit {
		return true
	} else if blocked {
		return false
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), start.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		hit, blocked := scan(b.Instrs, target, barrier)
		if hit {
			return true
		}
		if blocked {
			continue
		}
		work = append(work, b.Succs...)
	}
	return false
}

// scan walks instrs in order and reports whether a target is reached before
// any barrier (hit), or a barrier stops the walk (blocked).
func scan(instrs []ssa.Instruction, target, barrier func(ssa.Instruction) bool) (hit, blocked bool) {
	for _, instr := range instrs {
		if target(instr) {
			return true, false
		}
		if barrier != nil && barrier(instr) {
			return false, true
		}
	}
	return false, false
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
