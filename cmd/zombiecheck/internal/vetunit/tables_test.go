package vetunit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// numbers returns n comma-separated numeric elements written as elem(i).
func numbers(n int, elem func(i int) string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s, ", elem(i))
	}
	return b.String()
}

func TestTrimTables(t *testing.T) {
	big := minTableElems
	num := func(i int) string { return fmt.Sprint(i % 251) }
	src := "package p\n\ntype word struct{ a, b uint8 }\n\nconst k = 3\n\nfunc f() int { return 1 }\n\n" +
		// Trimmed: numeric tables at or over the threshold.
		"var slice = []byte{" + numbers(big, num) + "}\n" +
		"var fixed = [2048]uint16{" + numbers(big, num) + "}\n" +
		"var dots = [...]int32{" + numbers(big-1, func(i int) string { return "-" + num(i) }) + "5000: 1}\n" +
		"var keyed = [...]float64{" + numbers(big, func(i int) string { return fmt.Sprintf("%#x: 1.5", i+5) }) + "}\n" +
		"var structs = [...]word{" + numbers(big/2, func(i int) string { return "{1, 'x'}" }) + "}\n" +
		"var nested = [][2]int{" + numbers(big/2, func(i int) string { return "{1, 2}" }) + "}\n" +
		// Kept: too small, or something other than numbers in it.
		"var small = []int{" + numbers(big-1, num) + "}\n" +
		"var strs = []string{" + numbers(big, func(i int) string { return `"https://example.com"` }) + "}\n" +
		"var consts = []int{" + numbers(big, num) + "k}\n" +
		"var calls = []int{" + numbers(big, num) + "f()}\n" +
		"var funcs = []func() int{" + numbers(big, func(int) string { return "f" }) + "}\n" +
		"var fields = []word{" + numbers(big, func(int) string { return "{a: 1}" }) + "}\n" +
		"var typedWords = [...]word{" + numbers(big/2, func(i int) string { return "word{1, 'x'}" }) + "}\n" +
		"var pointers = []any{" + numbers(big, num) + "&word{}}\n" +
		"var inner = []any{" + numbers(big, num) + "[]int{1}}\n" +
		"var lens = [...]int{" + numbers(big, num) + "len(\"ab\")}\n" +
		"const n = len(dots) + len(keyed)\n" +
		"func local() []int { return []int{" + numbers(big, num) + "} }\n"

	check := func(trim bool) (*ast.File, *types.Package) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if trim {
			trimTables([]*ast.File{f})
		}
		pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f, pkg
	}
	_, before := check(false)
	f, after := check(true)

	trimmed := map[string]bool{"slice": true, "fixed": true, "dots": true, "keyed": true, "structs": true, "nested": true, "typedWords": true}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || decl.Tok != token.VAR {
					continue
				}
				name := vs.Names[0].Name
				lit, ok := vs.Values[0].(*ast.CompositeLit)
				if !ok {
					continue
				}
				if got := len(lit.Elts) == 0; got != trimmed[name] {
					t.Errorf("%s: trimmed = %t, want %t", name, got, trimmed[name])
				}
				if tb, ta := before.Scope().Lookup(name).Type(), after.Scope().Lookup(name).Type(); tb.String() != ta.String() {
					t.Errorf("%s: type %s after trimming, want %s", name, ta, tb)
				}
			}
		case *ast.FuncDecl:
			ast.Inspect(decl, func(n ast.Node) bool {
				if lit, ok := n.(*ast.CompositeLit); ok && len(lit.Elts) == 0 {
					t.Errorf("%s: a literal inside a function was trimmed", decl.Name.Name)
				}
				return true
			})
		}
	}
	if nb, na := before.Scope().Lookup("n").(*types.Const).Val(), after.Scope().Lookup("n").(*types.Const).Val(); nb.String() != na.String() || nb.String() != fmt.Sprint(5001+minTableElems+5) {
		t.Errorf("len of the trimmed [...] tables: %s, want %s (%d)", na, nb, 5001+minTableElems+5)
	}
}

// TestTrimTablesDotImport: in a file with a dot import, an element's type
// name may be the import's only use, so typed elements keep the table.
func TestTrimTablesDotImport(t *testing.T) {
	src := "package p\n\nimport . \"example.com/q\"\n\n" +
		"var typed = []T{" + numbers(minTableElems, func(int) string { return "T{1, 2}" }) + "}\n" +
		"var untyped = []T{" + numbers(minTableElems, func(int) string { return "{1, 2}" }) + "}\n"
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	trimTables([]*ast.File{f})
	for i, want := range []bool{false, true} {
		vs := f.Decls[i+1].(*ast.GenDecl).Specs[0].(*ast.ValueSpec)
		if got := len(vs.Values[0].(*ast.CompositeLit).Elts) == 0; got != want {
			t.Errorf("%s: trimmed = %t, want %t", vs.Names[0].Name, got, want)
		}
	}
}
