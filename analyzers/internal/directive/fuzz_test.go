package directive

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// FuzzParseOne checks that the directive parser never panics and that
// every directive either parses into a known verb with targets and a reason
// or carries a Problem saying why not.
func FuzzParseOne(f *testing.F) {
	for _, s := range []string{
		"",
		" ",
		"ignore",
		"ignore respclose",
		"ignore respclose the body is closed by the caller",
		"ignore respclose,zombieloop/sleep both are handled upstream",
		"allow api.example.com the hosted API is the product",
		"handled respclose closed in Close // trailing note",
		"bogus x y",
		"ignore respclose //",
		"\x00\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := parseOne(text)
		if d.Problem != "" {
			return
		}
		known := false
		for _, v := range Verbs {
			known = known || v == d.Verb
		}
		if !known || len(d.Targets) == 0 || d.Reason == "" {
			t.Fatalf("parseOne(%q) = %+v without a Problem", text, d)
		}
		// The same text inside a real comment goes through Parse too.
		if strings.ContainsAny(text, "\n\r") || strings.Contains(text, "*/") {
			return
		}
		src := "package p\n\n" + Prefix + text + "\nvar x int\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
		if err != nil {
			return
		}
		ix := Parse(fset, []*ast.File{file})
		_ = ix.Ignored(fset.Position(file.Package), "respclose", "")
	})
}
