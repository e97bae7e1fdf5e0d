package ssax_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// src holds one small function per case; the tests find the instructions
// they ask about by function name.
const src = `package p

type I interface{ M() int }

type T struct{}

func (T) M() int   { return 1 }
func (*T) N() int  { return 2 }

func f() int { return 0 }

func g[X any](x X) X { return x }

type G[X any] struct{ x X }

func (q *G[X]) Get() X { return q.x }

// ---- calls ----

func callStatic() int           { return f() }
func callMethod(t T) int        { return t.M() }
func callPtrMethod(t *T) int    { return t.N() }
func callInvoke(i I) int        { return i.M() }
func callGeneric() int          { return g(1) }
func callGenericMethod(q *G[int]) int { return q.Get() }
func callLiteral() int          { return func() int { return 3 }() }
func callParam(fp func() int) int { return fp() }
func callLocal() int            { h := f; return h() }
func callCaptured() int {
	h := f
	return func() int { return h() }()
}
func callBound(t T) int         { m := t.M; return m() }
func callBuiltin(s []int) int   { return len(s) }

// ---- nil ----

type P struct{ a, b int }

type Ptr interface{ *int | *string }

func nilPtr(p *int) bool          { return p == nil }
func nilIface(e error) bool       { return e != nil }
func nilSlice(s []int) bool       { return s == nil }
func nilMap(m map[int]int) bool   { return m == nil }
func nilFunc(fp func()) bool      { return fp == nil }
func nilChan(c chan int) bool     { return c == nil }
func nilTypeParam[X Ptr](x X) bool { return x == nil }
func zeroStruct(p P) bool         { var z P; return p == z }
func zeroArray(a [2]int) bool     { var z [2]int; return a == z }
func zeroTypeParam[X comparable](x X) bool { var z X; return x == z }
func zeroInt(i int) bool          { return i == 0 }
func zeroString(s string) bool    { return s == "" }

// ---- fields ----

type S struct{ a, b int }

type PS *S

type Outer struct {
	S
	c int
}

type AliasS = S

func fieldAddr(p *S) int     { return p.b }
func fieldValue(s S) int     { return s.b }
func fieldNamedPtr(p PS) int { return p.a }
func fieldEmbedded(o *Outer) int { return o.b }
func fieldAlias(p *AliasS) int   { return p.a }

// ---- conversions ----

type MyS S

func convIface(p *S) any        { return p }
func convChangeIface(e error) any { return e }
func convTypeThenIface(p *S) any { return (*MyS)(p) }
func convNone(p *S) *S          { return p }

// ---- package functions ----

var V = func() int { return 4 }()

func init() { _ = f() }

func init() { _ = func() int { return 5 }() }

type AliasT = T
`

func build(t *testing.T) *ssa.Package {
	t.Helper()
	return buildFrom(t, src)
}

// buildFrom builds package p from one file's source.
func buildFrom(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Mode 0, as ssapkg builds: generic bodies are not instantiated.
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func fn(t *testing.T, pkg *ssa.Package, name string) *ssa.Function {
	t.Helper()
	f := pkg.Func(name)
	if f == nil {
		t.Fatalf("no function %s", name)
	}
	return f
}

// instrs returns the instructions of fn and its closures, in order.
func instrs(fn *ssa.Function) []ssa.Instruction {
	var out []ssa.Instruction
	for _, b := range fn.Blocks {
		out = append(out, b.Instrs...)
	}
	for _, anon := range fn.AnonFuncs {
		out = append(out, instrs(anon)...)
	}
	return out
}

// lastCall returns the last call instruction of fn or its closures.
func lastCall(t *testing.T, fn *ssa.Function) *ssa.CallCommon {
	t.Helper()
	var c *ssa.CallCommon
	for _, instr := range instrs(fn) {
		if call, ok := instr.(ssa.CallInstruction); ok {
			c = call.Common()
		}
	}
	if c == nil {
		t.Fatalf("%s makes no call", fn.Name())
	}
	return c
}

// funcString names a *types.Func with its receiver, "" for nil.
func funcString(f *types.Func) string {
	if f == nil {
		return ""
	}
	return f.FullName()
}

func TestCalleeFunc(t *testing.T) {
	pkg := build(t)
	for _, tc := range []struct {
		fn, want string
	}{
		{"callStatic", "p.f"},
		{"callMethod", "(p.T).M"},
		{"callPtrMethod", "(*p.T).N"},
		// An invoke names the interface method: the doc of the copy in
		// httptypes said nil, its code (and every caller) said this.
		{"callInvoke", "(p.I).M"},
		// An instance's callee is the generic function.
		{"callGeneric", "p.g"},
		{"callGenericMethod", "(*p.G[X]).Get"},
		// A closure literal declares no object.
		{"callLiteral", ""},
		// A func value is opaque...
		{"callParam", ""},
		// ...but a local written once is lifted to the function itself.
		{"callLocal", "p.f"},
		// A variable captured by a closure is loaded from its cell: not
		// followed (loops.FuncOf does follow it).
		{"callCaptured", ""},
		// A method value calls the bound wrapper, which declares the method.
		{"callBound", "(p.T).M"},
		{"callBuiltin", ""},
	} {
		t.Run(tc.fn, func(t *testing.T) {
			got := funcString(ssax.CalleeFunc(lastCall(t, fn(t, pkg, tc.fn))))
			if got != tc.want {
				t.Errorf("CalleeFunc = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFuncObject(t *testing.T) {
	pkg := build(t)
	if got := ssax.FuncObject(nil); got != nil {
		t.Errorf("FuncObject(nil) = %v, want nil", got)
	}
	if got := funcString(ssax.FuncObject(fn(t, pkg, "f"))); got != "p.f" {
		t.Errorf("FuncObject(f) = %q, want p.f", got)
	}
	// Closures and the synthetic package initialiser declare nothing.
	for _, f := range []*ssa.Function{fn(t, pkg, "callLiteral").AnonFuncs[0], fn(t, pkg, "init")} {
		if got := ssax.FuncObject(f); got != nil {
			t.Errorf("FuncObject(%s) = %v, want nil", f.Name(), got)
		}
	}
	// An instance maps to its generic origin.
	inst := lastCall(t, fn(t, pkg, "callGeneric")).StaticCallee()
	if inst.Origin() == nil {
		t.Fatalf("%s is not an instance", inst)
	}
	if got, want := ssax.FuncObject(inst), pkg.Pkg.Scope().Lookup("g"); got != want {
		t.Errorf("FuncObject(%s) = %v, want %v", inst, got, want)
	}
}

func TestIsNil(t *testing.T) {
	pkg := build(t)
	for _, tc := range []struct {
		fn   string
		want bool
		// valueNil is the answer of the copy bodies had (Const.Value ==
		// nil), which also took the zero struct, array and type parameter
		// for nil.
		valueNil bool
	}{
		{"nilPtr", true, true},
		{"nilIface", true, true},
		{"nilSlice", true, true},
		{"nilMap", true, true},
		{"nilFunc", true, true},
		{"nilChan", true, true},
		{"nilTypeParam", true, true},
		{"zeroStruct", false, true},
		{"zeroArray", false, true},
		{"zeroTypeParam", false, true},
		{"zeroInt", false, false},
		{"zeroString", false, false},
	} {
		t.Run(tc.fn, func(t *testing.T) {
			var bin *ssa.BinOp
			for _, instr := range instrs(fn(t, pkg, tc.fn)) {
				if b, ok := instr.(*ssa.BinOp); ok {
					bin = b
				}
			}
			if bin == nil {
				t.Fatal("no comparison")
			}
			if ssax.IsNil(bin.X) {
				t.Errorf("IsNil(%s) = true for the non-constant operand", bin.X)
			}
			k, ok := bin.Y.(*ssa.Const)
			if !ok {
				t.Fatalf("operand %s is a %T, not a constant", bin.Y, bin.Y)
			}
			if got := ssax.IsNil(k); got != tc.want {
				t.Errorf("IsNil(%s) = %v, want %v", k, got, tc.want)
			}
			if got := k.Value == nil; got != tc.valueNil {
				t.Errorf("%s: Value == nil is %v, want %v", k, got, tc.valueNil)
			}
		})
	}
}

func TestFieldName(t *testing.T) {
	pkg := build(t)
	for _, tc := range []struct {
		fn   string
		want []string // the fields selected, in order
	}{
		{"fieldAddr", []string{"b"}},
		{"fieldValue", []string{"b"}},
		// Through a defined pointer type: hosts' copy answered "".
		{"fieldNamedPtr", []string{"a"}},
		// A promoted field is reached through the embedded one.
		{"fieldEmbedded", []string{"S", "b"}},
		{"fieldAlias", []string{"a"}},
	} {
		t.Run(tc.fn, func(t *testing.T) {
			var got []string
			for _, instr := range instrs(fn(t, pkg, tc.fn)) {
				v, ok := instr.(ssa.Value)
				if !ok {
					continue
				}
				switch v.(type) {
				case *ssa.FieldAddr, *ssa.Field:
					got = append(got, ssax.FieldName(v))
				default:
					if name := ssax.FieldName(v); name != "" {
						t.Errorf("FieldName(%s) = %q for a %T", v, name, v)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("fields = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStructFieldName(t *testing.T) {
	pkg := build(t)
	s := pkg.Pkg.Scope().Lookup("S").Type()
	tp := fn(t, pkg, "zeroTypeParam").Params[0].Type()
	for _, tc := range []struct {
		name string
		t    types.Type
		i    int
		want string
	}{
		{"struct", s, 1, "b"},
		{"pointer", types.NewPointer(s), 0, "a"},
		{"defined pointer", pkg.Pkg.Scope().Lookup("PS").Type(), 1, "b"},
		{"alias", pkg.Pkg.Scope().Lookup("AliasS").Type(), 0, "a"},
		{"out of range", s, 2, ""},
		{"negative", s, -1, ""},
		{"not a struct", types.Typ[types.Int], 0, ""},
		{"pointer to pointer", types.NewPointer(types.NewPointer(s)), 0, ""},
		{"type parameter", tp, 0, ""},
		{"nil", nil, 0, ""},
	} {
		if got := ssax.StructFieldName(tc.t, tc.i); got != tc.want {
			t.Errorf("%s: StructFieldName(%v, %d) = %q, want %q", tc.name, tc.t, tc.i, got, tc.want)
		}
	}
}

func TestDeref(t *testing.T) {
	pkg := build(t)
	s := pkg.Pkg.Scope().Lookup("S").Type()
	ps := pkg.Pkg.Scope().Lookup("PS").Type()
	alias := types.NewAlias(types.NewTypeName(token.NoPos, pkg.Pkg, "AP", nil), types.NewPointer(s))
	for _, tc := range []struct {
		name    string
		t, want types.Type
	}{
		{"pointer", types.NewPointer(s), s},
		{"alias of pointer", alias, s},
		{"not a pointer", s, s},
		// A defined pointer type is named: Deref leaves it, like every copy did.
		{"defined pointer", ps, ps},
		{"nil", nil, nil},
	} {
		if got := ssax.Deref(tc.t); got != tc.want {
			t.Errorf("%s: Deref(%v) = %v, want %v", tc.name, tc.t, got, tc.want)
		}
	}
}

func TestUnconvert(t *testing.T) {
	pkg := build(t)
	for _, name := range []string{"convIface", "convChangeIface", "convTypeThenIface", "convNone"} {
		t.Run(name, func(t *testing.T) {
			f := fn(t, pkg, name)
			var ret *ssa.Return
			for _, instr := range instrs(f) {
				if r, ok := instr.(*ssa.Return); ok {
					ret = r
				}
			}
			if ret == nil || len(ret.Results) != 1 {
				t.Fatal("no single-result return")
			}
			if got := ssax.Unconvert(ret.Results[0]); got != f.Params[0] {
				t.Errorf("Unconvert(%s) = %s (%T), want the parameter %s", ret.Results[0], got, got, f.Params[0])
			}
		})
	}
}

func TestPackageFuncs(t *testing.T) {
	pkg := build(t)
	var got []string
	for _, f := range ssax.PackageFuncs(pkg) {
		got = append(got, f.String())
	}
	// Member names in order, each function followed by its closures; the
	// methods of generic types are in (the copy in loops left them out),
	// an alias adds no second copy of its type's methods (the copy in
	// hosts added them again).
	want := []string{
		"(*p.G[X]).Get", // type G
		"(p.T).M",       // type T
		"(*p.T).N",
		"p.callBound",
		"p.callBuiltin",
		"p.callCaptured", "p.callCaptured$1",
		"p.callGeneric",
		"p.callGenericMethod",
		"p.callInvoke",
		"p.callLiteral", "p.callLiteral$1",
		"p.callLocal",
		"p.callMethod",
		"p.callParam",
		"p.callPtrMethod",
		"p.callStatic",
		"p.convChangeIface", "p.convIface", "p.convNone", "p.convTypeThenIface",
		"p.f",
		"p.fieldAddr",
		"p.fieldAlias",
		"p.fieldEmbedded",
		"p.fieldNamedPtr",
		"p.fieldValue",
		"p.g",
		"p.init", "p.init$1",
		"p.init#1",
		"p.init#2", "p.init#2$1",
		"p.nilChan",
		"p.nilFunc",
		"p.nilIface",
		"p.nilMap",
		"p.nilPtr",
		"p.nilSlice",
		"p.nilTypeParam",
		"p.zeroArray",
		"p.zeroInt",
		"p.zeroString",
		"p.zeroStruct",
		"p.zeroTypeParam",
	}
	if !slices.Equal(got, want) {
		t.Errorf("PackageFuncs =\n%q\nwant\n%q", got, want)
	}
	// A package created from export data has no bodies.
	prog := ssa.NewProgram(token.NewFileSet(), 0)
	bodiless := prog.CreatePackage(pkg.Pkg, nil, nil, true)
	if fs := ssax.PackageFuncs(bodiless); len(fs) != 0 {
		t.Errorf("PackageFuncs(bodiless) = %v, want none", fs)
	}
}

func TestIsStdPackage(t *testing.T) {
	vendored := "vendor/golang.org/x/net/http/httpguts"
	if _, err := os.Stat(filepath.Join(ssax.GOROOT(), "src", vendored)); err != nil {
		vendored = ""
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"fmt", true},
		{"net/http", true},
		{"unsafe", true},
		{"crypto/internal/fips140", true},
		{vendored, vendored != ""},
		// Dot-free paths are not std by themselves: analysistest's
		// packages and dot-free module paths have them. The copy in loops
		// said std for these.
		{"a", false},
		{"retry", false},
		{"example/lib", false},
		{"github.com/zombiecheck/zombiecheck", false},
		{"golang.org/x/net/http/httpguts", false},
		{"C", false},
		{"", false},
	} {
		if tc.path == "" && tc.want {
			continue
		}
		if got := ssax.IsStdPackage(tc.path); got != tc.want {
			t.Errorf("IsStdPackage(%q) = %v, want %v", tc.path, got, tc.want)
		}
		// The cached answer is the same.
		if got := ssax.IsStdPackage(tc.path); got != tc.want {
			t.Errorf("IsStdPackage(%q) = %v the second time, want %v", tc.path, got, tc.want)
		}
	}
}

func TestIsStdFile(t *testing.T) {
	root := ssax.GOROOT()
	if root == "" {
		t.Skip("no GOROOT")
	}
	for _, tc := range []struct {
		name string
		want bool
	}{
		{filepath.Join(root, "src", "fmt", "print.go"), true},
		{filepath.Join(root, "src", "net", "http", "client.go"), true},
		{filepath.Join(root, "src"), false},
		{filepath.Join(root, "srcx", "a.go"), false},
		{filepath.Join(root, "misc", "a.go"), false},
		{"/tmp/testdata/src/a/a.go", false},
		{"a.go", false},
		{"", false},
	} {
		if got := ssax.IsStdFile(tc.name); got != tc.want {
			t.Errorf("IsStdFile(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestInTestFile(t *testing.T) {
	fset := token.NewFileSet()
	lib := fset.AddFile("/m/p/lib.go", -1, 10)
	test := fset.AddFile("/m/p/lib_test.go", -1, 10)
	odd := fset.AddFile("/m/p/test.go", -1, 10)
	for _, tt := range []struct {
		pos  token.Pos
		want bool
	}{
		{lib.Pos(3), false},
		{test.Pos(3), true},
		{odd.Pos(0), false}, // a file named test.go is not a test file
		{token.NoPos, false},
	} {
		if got := ssax.InTestFile(fset, tt.pos); got != tt.want {
			t.Errorf("InTestFile(%s) = %v, want %v", fset.Position(tt.pos), got, tt.want)
		}
	}
}
