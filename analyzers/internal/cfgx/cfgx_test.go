package cfgx_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// The functions call mark(N) to label program points: start(), barrier()
// and target() are the instructions the queries are about.
const src = `package p

func start()   {}
func barrier() {}
func target()  {}

func straight() { start(); barrier(); target() }

func branchSkipsBarrier(c bool) {
	start()
	if c {
		barrier()
	}
	target()
}

func bothBranchesBlock(c bool) {
	start()
	if c {
		barrier()
	} else {
		barrier()
	}
	target()
}

func targetBeforeStartInLoop(n int) {
	for i := 0; i < n; i++ {
		target()
		start()
	}
}

func loopBarrierFirst(n int) {
	for i := 0; i < n; i++ {
		barrier()
		target()
		start()
	}
}

func exitAvoiding(c bool) {
	start()
	if c {
		barrier()
		return
	}
}

func exitAlwaysBlocked() {
	start()
	defer barrier()
}

func noLoop() { start() }
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

// calls returns a predicate matching static calls (or defers) of the named function.
func calls(name string) func(ssa.Instruction) bool {
	return func(i ssa.Instruction) bool {
		c, ok := i.(ssa.CallInstruction)
		if !ok {
			return false
		}
		f := c.Common().StaticCallee()
		return f != nil && f.Name() == name
	}
}

func startOf(t *testing.T, fn *ssa.Function) ssa.Instruction {
	for _, b := range fn.Blocks {
		for _, i := range b.Instrs {
			if calls("start")(i) {
				return i
			}
		}
	}
	t.Fatalf("%s: no start()", fn.Name())
	return nil
}

func TestPathAvoiding(t *testing.T) {
	pkg := build(t)
	tests := []struct {
		fn     string
		target bool // true: target(); false: function exit
		want   bool
	}{
		{"straight", true, false},
		{"branchSkipsBarrier", true, true},
		{"bothBranchesBlock", true, false},
		{"targetBeforeStartInLoop", true, true}, // round the loop
		{"loopBarrierFirst", true, false},       // the barrier comes first on the way round
		{"exitAvoiding", false, true},           // the fall-through path returns without barrier
		{"exitAlwaysBlocked", false, false},     // a defer registered on the path counts
		{"noLoop", true, false},
	}
	for _, tt := range tests {
		fn := pkg.Func(tt.fn)
		var target func(ssa.Instruction) bool
		if tt.target {
			target = calls("target")
		}
		if got := cfgx.PathAvoiding(startOf(t, fn), target, calls("barrier")); got != tt.want {
			t.Errorf("%s: PathAvoiding = %t, want %t", tt.fn, got, tt.want)
		}
	}
}

func TestInLoop(t *testing.T) {
	pkg := build(t)
	for fn, want := range map[string]bool{"targetBeforeStartInLoop": true, "straight": false, "branchSkipsBarrier": false} {
		if got := cfgx.InLoop(startOf(t, pkg.Func(fn)).Block()); got != want {
			t.Errorf("%s: InLoop = %t, want %t", fn, got, want)
		}
	}
}
