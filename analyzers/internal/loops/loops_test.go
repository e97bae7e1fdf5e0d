package loops_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// Each function is one loop shape; f() is the fallible call and crash()
// the no-return function the test oracle knows about.
const src = `package p

import (
	"context"
	"time"
)

func f() error { return nil }
func crash()   { panic("x") }
func work()    {}

func noLoop() { work() }

func endless() {
	for {
		work()
	}
}

func nested() {
	for {
		for i := 0; i < 3; i++ {
			work()
		}
	}
}

func sequential(n int) {
	for i := 0; i < n; i++ {
		work()
	}
	for j := 0; j < n; j++ {
		work()
	}
}

func tick() {
	for range time.Tick(time.Second) {
		work()
	}
}

func ticker(t *time.Ticker) {
	for range t.C {
		work()
	}
}

func overChan(ch chan int) {
	for range ch {
		work()
	}
}

func crashes(c bool) {
	for {
		if c {
			crash()
		}
	}
}

func panics(c bool) {
	for {
		if c {
			panic("boom")
		}
	}
}

func cancellable(ctx context.Context, ch chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-ch:
		}
	}
}

func ctxErr(ctx context.Context) {
	for ctx.Err() == nil {
		work()
	}
}

func breakInSelect(ctx context.Context, ch chan int) {
	for {
		select {
		case <-ctx.Done():
			break
		case <-ch:
		}
	}
}

func labelledBreak(ctx context.Context, ch chan int) {
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-ch:
		}
	}
}

func stopChan(stop chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		work()
	}
}

func untilSuccess() {
	for {
		if err := f(); err == nil {
			return
		}
	}
}

func untilFailure() {
	for {
		if err := f(); err != nil {
			return
		}
	}
}

func crashOnFailure() {
	for {
		if err := f(); err != nil {
			crash()
		}
	}
}

func discarded() {
	for {
		_ = f()
	}
}

func gotoLoop() {
again:
	if err := f(); err != nil {
		goto again
	}
}

func each(yield func(int) bool) {}

func rangeEndless() {
	for {
		for range each {
			work()
		}
	}
}

func rangeReturn() {
	for {
		for i := range each {
			if i > 3 {
				return
			}
		}
	}
}

func rangeNested() {
	for {
		for range each {
			for range each {
				work()
			}
		}
	}
}

type conn struct{}

func (conn) get() error { return nil }

func g() error { return nil }

func methodValue(c conn) {
	get := c.get
	_ = get()
}

func capturedFunc() {
	h := f
	go func() { _ = h() }()
}

func assignedTwice(b bool) {
	h := f
	if b {
		h = g
	}
	go func() { _ = h() }()
}

func opaque(ctx context.Context, op func(context.Context) error, run func() error) {
	_ = op(ctx)
	_ = run()
	go func() { _ = op(ctx) }()
}

func fanOutMap(ch chan int, m map[string]int) {
	for {
		<-ch
		for range m {
			_ = f()
		}
	}
}

func fanOutSlice(ch chan int, s []int, a [4]int, p *[4]int) {
	for {
		<-ch
		for range s {
			_ = f()
		}
		for range a {
			_ = f()
		}
		for range p {
			_ = f()
		}
	}
}

func mark1() {}
func mark2() {}
func mark3() {}

func iteration(ch chan int) {
	for range ch {
		if f() != nil {
			mark1()
			continue
		}
		mark2()
		if f() != nil {
			mark3()
		}
	}
}

func spinOverSlice(s []int) {
	for {
		for range s {
			_ = f()
		}
	}
}

func countedRetry(ch chan int, n int) {
	for {
		<-ch
		for i := 0; i < 3; i++ {
			_ = f()
		}
		for range n {
			_ = f()
		}
	}
}

func innerForInRange(ch chan int, s []int) {
	for {
		<-ch
		for range s {
			for {
				if f() == nil {
					break
				}
			}
		}
	}
}

func rangeInnerLoop() {
	for range each {
		for {
			if err := f(); err == nil {
				break
			}
		}
	}
}
`

func build(t *testing.T) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

var oracle = loops.Oracle{NoReturn: func(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	return fn != nil && fn.Name() == "crash"
}}

func TestFind(t *testing.T) {
	pkg := build(t)
	for name, want := range map[string]int{
		"noLoop": 0, "endless": 1, "nested": 1, "sequential": 2, "tick": 1, "overChan": 1, "gotoLoop": 1,
	} {
		if got := len(loops.Find(pkg.Func(name))); got != want {
			t.Errorf("%s: %d loops, want %d", name, got, want)
		}
	}
}

func TestReachesInIteration(t *testing.T) {
	fn := build(t).Func("iteration")
	blockOf := map[string]*ssa.BasicBlock{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if callee := call.Call.StaticCallee(); callee != nil {
					blockOf[callee.Name()] = b
				}
			}
		}
	}
	l := loops.Find(fn)[0]
	for _, tc := range []struct {
		from, to string
		want     bool
	}{
		{"mark1", "mark2", false}, // mark1's path continues: the next iteration
		{"mark2", "mark1", false},
		{"mark2", "mark3", true},
		{"mark3", "mark2", false},
		{"mark1", "mark3", false},
		{"mark3", "mark3", true},
	} {
		if got := l.ReachesInIteration(blockOf[tc.from], blockOf[tc.to]); got != tc.want {
			t.Errorf("%s reaches %s in one iteration: %v, want %v", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestExits(t *testing.T) {
	pkg := build(t)
	type want struct{ noExit, longRunning bool }
	for name, w := range map[string]want{
		"endless":       {true, true},
		"nested":        {true, true},
		"tick":          {true, true},   // the !ok edge of time.Tick is impossible
		"ticker":        {true, true},   // so is that of a Ticker's C
		"overChan":      {false, false}, // a channel can be closed
		"crashes":       {false, false},
		"panics":        {false, false},
		"cancellable":   {false, true},
		"ctxErr":        {false, true},
		"breakInSelect": {true, true}, // break leaves only the select
		"labelledBreak": {false, true},
		"stopChan":      {false, true},
		"untilSuccess":  {false, false},
	} {
		fn := pkg.Func(name)
		ls := loops.Find(fn)
		if len(ls) != 1 {
			t.Errorf("%s: %d loops, want 1", name, len(ls))
			continue
		}
		cancel, _ := loops.CancelBlocks(fn)
		e := ls[0].ClassifyExits(oracle, cancel)
		if e.NoExit() != w.noExit || e.LongRunning() != w.longRunning {
			t.Errorf("%s: exits %+v: noExit=%t longRunning=%t, want %t %t", name, e, e.NoExit(), e.LongRunning(), w.noExit, w.longRunning)
		}
	}
	if e := loops.Find(pkg.Func("crashes"))[0].ClassifyExits(oracle, nil); e.FailFast == 0 || e.Graceful != 0 {
		t.Errorf("crashes: %+v, want only fail-fast exits", e)
	}
}

func TestSpins(t *testing.T) {
	pkg := build(t)
	for name, want := range map[string]bool{"breakInSelect": true, "labelledBreak": false, "cancellable": false} {
		fn := pkg.Func(name)
		l := loops.Find(fn)[0]
		_, done := loops.CancelBlocks(fn)
		if len(done) != 1 {
			t.Fatalf("%s: %d ctx.Done cases, want 1", name, len(done))
		}
		if got := l.Spins(done[0], oracle); got != want {
			t.Errorf("%s: Spins = %t, want %t", name, got, want)
		}
	}
}

func fallible(fn *ssa.Function) *ssa.Call {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if f := call.Call.StaticCallee(); f != nil && f.Name() == "f" {
					return call
				}
			}
		}
	}
	return nil
}

func TestPersistenceAndCycles(t *testing.T) {
	pkg := build(t)
	noBarrier := func(ssa.Instruction) bool { return false }
	for _, tc := range []struct {
		name                    string
		persistent, failCycle   bool
		successCycle, discarded bool
	}{
		{"untilSuccess", true, true, false, false},
		{"untilFailure", false, false, true, false},
		{"crashOnFailure", false, true, true, false}, // the cycle runs through crash(): Persistent, not Cycle, knows it never returns
		{"discarded", true, true, true, true},
		{"gotoLoop", true, true, false, false},
	} {
		fn := pkg.Func(tc.name)
		call := fallible(fn)
		l := loops.Find(fn)[0]
		err := loops.ErrValue(call)
		fv := loops.FailureView(err, nil)
		if got := loops.Persistent(call, fv, oracle); got != tc.persistent {
			t.Errorf("%s: Persistent = %t, want %t", tc.name, got, tc.persistent)
		}
		if got := l.Cycle(call, fv, noBarrier) != nil; got != tc.failCycle {
			t.Errorf("%s: failure cycle = %t, want %t", tc.name, got, tc.failCycle)
		}
		if got := l.Cycle(call, loops.SuccessView(err, nil), noBarrier) != nil; got != tc.successCycle {
			t.Errorf("%s: success cycle = %t, want %t", tc.name, got, tc.successCycle)
		}
		if got := loops.Discarded(call); got != tc.discarded {
			t.Errorf("%s: Discarded = %t, want %t", tc.name, got, tc.discarded)
		}
	}
}

// TestRetryCycle: going on to the next element of a map, slice or array is
// no retry; a counted loop and an integer range are.
func TestRetryCycle(t *testing.T) {
	pkg := build(t)
	recv := func(i ssa.Instruction) bool {
		u, ok := i.(*ssa.UnOp)
		return ok && u.Op == token.ARROW
	}
	for _, tc := range []struct {
		name  string
		retry []bool // per call of f, in block order
	}{
		{"fanOutMap", []bool{false}},
		{"fanOutSlice", []bool{false, false, false}},
		{"spinOverSlice", []bool{true}},
		{"countedRetry", []bool{true, true}},
		{"innerForInRange", []bool{true}},
	} {
		fn := pkg.Func(tc.name)
		l := loops.Find(fn)[0]
		var calls []*ssa.Call
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					if f := call.Call.StaticCallee(); f != nil && f.Name() == "f" {
						calls = append(calls, call)
					}
				}
			}
		}
		if len(calls) != len(tc.retry) {
			t.Fatalf("%s: %d calls of f, want %d", tc.name, len(calls), len(tc.retry))
		}
		for i, call := range calls {
			fv := loops.FailureView(loops.ErrValue(call), nil)
			if got := l.RetryCycle(call, fv, recv) != nil; got != tc.retry[i] {
				t.Errorf("%s: call %d: retry cycle = %t, want %t", tc.name, i, got, tc.retry[i])
			}
			// Cycle, which does not know about ranges, finds each one.
			if l.Cycle(call, fv, recv) == nil {
				t.Errorf("%s: call %d: no cycle at all", tc.name, i)
			}
		}
	}
}

func TestPosition(t *testing.T) {
	pkg := build(t)
	fset := pkg.Prog.Fset
	for name, wantLine := range map[string]int{"endless": 15, "nested": 21, "tick": 38, "gotoLoop": 151} {
		l := loops.Find(pkg.Func(name))[0]
		if got := fset.Position(l.Position()).Line; got != wantLine {
			t.Errorf("%s: reported at line %d, want %d", name, got, wantLine)
		}
	}
	ls := loops.Find(pkg.Func("sequential"))
	if a, b := fset.Position(ls[0].Position()).Line, fset.Position(ls[1].Position()).Line; a != 29 || b != 32 {
		t.Errorf("sequential: lines %d, %d, want 29, 32", a, b)
	}
}

// A range-over-func body is a synthetic yield closure: it is not part of
// the enclosing loop's blocks, the iterator's "did not preserve panic"
// check is impossible, and a return in the body is a return of the
// enclosing function once the iterator returns.
func TestRangeOverFunc(t *testing.T) {
	pkg := build(t)
	for name, w := range map[string]struct {
		noExit bool
		yields int
	}{
		"rangeEndless": {true, 1},
		"rangeReturn":  {false, 1},
		"rangeNested":  {true, 2},
	} {
		fn := pkg.Func(name)
		ls := loops.Find(fn)
		if len(ls) != 1 {
			t.Errorf("%s: %d loops, want 1", name, len(ls))
			continue
		}
		cancel, _ := loops.CancelBlocks(fn)
		if got := ls[0].ClassifyExits(oracle, cancel).NoExit(); got != w.noExit {
			t.Errorf("%s: NoExit = %t, want %t", name, got, w.noExit)
		}
		ys := ls[0].Yields()
		if len(ys) != w.yields {
			t.Errorf("%s: %d yields, want %d", name, len(ys), w.yields)
		}
		for _, y := range ys {
			if !loops.IsYield(y) {
				t.Errorf("%s: %s is not a yield", name, y)
			}
		}
		if got, want := pkg.Prog.Fset.Position(ls[0].Position()).Line, pkg.Prog.Fset.Position(fn.Pos()).Line+1; got != want {
			t.Errorf("%s: reported at line %d, want %d", name, got, want)
		}
	}
	// The loop inside a yield is the yield's, reported at its own for.
	outer := pkg.Func("rangeInnerLoop")
	if ls := loops.Find(outer); len(ls) != 0 {
		t.Errorf("rangeInnerLoop: %d loops, want 0", len(ls))
	}
	y := outer.AnonFuncs[0]
	ls := loops.Find(y)
	if len(ls) != 1 {
		t.Fatalf("rangeInnerLoop yield: %d loops, want 1", len(ls))
	}
	if got, want := pkg.Prog.Fset.Position(ls[0].Position()).Line, pkg.Prog.Fset.Position(outer.Pos()).Line+2; got != want {
		t.Errorf("rangeInnerLoop: reported at line %d, want %d", got, want)
	}
}

// calls returns the calls through func values (not static calls) in fn
// and the closures it makes, in order.
func calls(fn *ssa.Function) []*ssa.CallCommon {
	var out []*ssa.CallCommon
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if _, static := call.Call.Value.(*ssa.Function); !static && !call.Call.IsInvoke() {
					out = append(out, call.Common())
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		out = append(out, calls(anon)...)
	}
	return out
}

func TestCallee(t *testing.T) {
	pkg := build(t)
	name := func(f *ssa.Function) string {
		if f == nil {
			return ""
		}
		if o := f.Object(); o != nil {
			return o.Name()
		}
		return f.Name()
	}
	for fn, want := range map[string][]string{
		"methodValue":   {"get"},
		"capturedFunc":  {"f"},
		"assignedTwice": {""},
		"opaque":        {"", "", ""},
	} {
		cs := calls(pkg.Func(fn))
		if len(cs) != len(want) {
			t.Errorf("%s: %d calls through values, want %d", fn, len(cs), len(want))
			continue
		}
		for i, c := range cs {
			if got := name(loops.Callee(c)); got != want[i] {
				t.Errorf("%s: call %d resolves to %q, want %q", fn, i, got, want[i])
			}
		}
	}
	cs := calls(pkg.Func("opaque"))
	for i, want := range []string{"op", "", "op"} {
		got := ""
		if p := loops.OpaqueOp(cs[i]); p != nil {
			got = p.Name()
		}
		if got != want {
			t.Errorf("opaque: call %d: OpaqueOp = %q, want %q", i, got, want)
		}
	}
}
