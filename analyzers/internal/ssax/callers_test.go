package ssax_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

const callersSrc = `package p

import (
	"log"
	"os"
)

func leaf(x int) int { return x }

func once() { leaf(1) }

func twice() {
	for i := 0; i < 2; i++ {
		leaf(2)
	}
}

func exits(ok bool) {
	if ok {
		leaf(3)
		os.Exit(0)
	}
	leaf(4)
	if !ok {
		log.Fatal("no")
	}
	panic("x")
}

func returnsAfter(ok bool) int {
	n := leaf(5)
	if ok {
		os.Exit(1)
	}
	return n
}

func loopsBack() {
	for {
		leaf(6)
		if leaf(0) > 0 {
			os.Exit(1)
		}
	}
}

// valued is stored as a func value: its callers are unknown.
func valued(x int) int { return x }

var table = []func(int) int{valued}

func callsValued() { valued(7) }

func Exported(x int) int { return x }

func callsExported() { Exported(8) }

var initialised = leaf(9)
`

func buildCallers(t *testing.T) *ssa.Package {
	t.Helper()
	return buildFrom(t, callersSrc)
}

// siteWith returns the call of leaf in fn whose constant argument is n.
func siteWith(t *testing.T, fn *ssa.Function, n int64) ssa.CallInstruction {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok || call.Common().StaticCallee() == nil || call.Common().StaticCallee().Name() != "leaf" {
				continue
			}
			if k, ok := call.Common().Args[0].(*ssa.Const); ok && k.Int64() == n {
				return call
			}
		}
	}
	t.Fatalf("%s has no leaf(%d)", fn.Name(), n)
	return nil
}

func TestCallers(t *testing.T) {
	pkg := buildCallers(t)
	c := ssax.NewCallers(pkg, ssax.PackageFuncs(pkg))

	sites, ok := c.Sites(pkg.Func("leaf"))
	if !ok {
		t.Fatal("Sites(leaf): not ok, want every caller known")
	}
	// leaf(0) to leaf(6), and leaf(9) from the package initialiser,
	// counted once although PackageFuncs lists init too.
	if len(sites) != 8 {
		t.Errorf("Sites(leaf) = %d sites, want 8", len(sites))
	}
	args, ok := c.Args(pkg.Func("leaf").Params[0])
	if !ok || len(args) != len(sites) {
		t.Errorf("Args(leaf.x) = %d, %v; want %d, true", len(args), ok, len(sites))
	}
	if _, ok := c.Sites(pkg.Func("valued")); ok {
		t.Error("Sites(valued) ok; want not ok: it is stored as a func value")
	}
	if _, ok := c.Sites(pkg.Func("Exported")); ok {
		t.Error("Sites(Exported) ok; want not ok: callers outside the package are unknown")
	}
}

const methodCallersSrc = `package p

type T struct{}

func (T) plain(x int) int    { return x }
func (T) valued(x int) int   { return x }
func (T) expr(x int) int     { return x }
func (T) invoked(x int) int  { return x }
func (T) Exported(x int) int { return x }

type G[E any] struct{}

func (G[E]) generic(x int) int { return x }

type invoker interface{ invoked(int) int }

func calls(t T, i invoker, g G[int]) {
	t.plain(1)
	t.plain(2)
	t.valued(3)
	t.expr(4)
	t.invoked(5)
	t.Exported(6)
	g.generic(7)
	i.invoked(8)
}

var (
	f = T{}.valued
	h = T.expr
)
`

func TestCallSitesMethods(t *testing.T) {
	pkg := buildFrom(t, methodCallersSrc)
	c := ssax.NewCallers(pkg, ssax.PackageFuncs(pkg))
	method := func(typ, name string) *ssa.Function {
		t.Helper()
		T := pkg.Type(typ).Type()
		sel := pkg.Prog.MethodSets.MethodSet(T).Lookup(pkg.Pkg, name)
		if sel == nil {
			t.Fatalf("no method %s.%s", typ, name)
		}
		return pkg.Prog.MethodValue(sel)
	}
	if sites, ok := c.CallSites(method("T", "plain")); !ok || len(sites) != 2 {
		t.Errorf("CallSites(T.plain) = %d sites, %v; want 2, true", len(sites), ok)
	}
	if _, ok := c.Sites(method("T", "plain")); ok {
		t.Error("Sites(T.plain) ok; want not ok: Sites takes plain functions only")
	}
	for _, name := range []string{"valued", "expr", "invoked", "Exported"} {
		if _, ok := c.CallSites(method("T", name)); ok {
			t.Errorf("CallSites(T.%s) ok; want not ok", name)
		}
	}
	generic := false
	for _, fn := range ssax.PackageFuncs(pkg) {
		if fn.Name() == "generic" {
			generic = true
			if _, ok := c.CallSites(fn); ok {
				t.Error("CallSites(G.generic) ok; want not ok: a method of a generic type")
			}
		}
	}
	if !generic {
		t.Error("G.generic not among the package's functions")
	}
	if sites, ok := c.CallSites(pkg.Func("calls")); !ok || len(sites) != 0 {
		t.Errorf("CallSites(calls) = %d, %v; want 0, true (as Sites)", len(sites), ok)
	}
}

func TestExitsAfterAndInCycle(t *testing.T) {
	pkg := buildCallers(t)
	for _, tc := range []struct {
		fn      string
		arg     int64
		exits   bool
		inCycle bool
	}{
		{"once", 1, false, false},
		{"twice", 2, false, true},
		{"exits", 3, true, false},
		{"exits", 4, true, false}, // log.Fatal or panic on every path
		{"returnsAfter", 5, false, false},
		{"loopsBack", 6, false, true},
	} {
		site := siteWith(t, pkg.Func(tc.fn), tc.arg)
		if got := ssax.ExitsAfter(site); got != tc.exits {
			t.Errorf("ExitsAfter(%s: leaf(%d)) = %v, want %v", tc.fn, tc.arg, got, tc.exits)
		}
		if got := ssax.InCycle(site.Block()); got != tc.inCycle {
			t.Errorf("InCycle(%s: leaf(%d)) = %v, want %v", tc.fn, tc.arg, got, tc.inCycle)
		}
	}
}
