// Package directive parses zombiecheck's comment directives, one family in
// the manner of staticcheck's //lint:ignore:
//
//	//zombiecheck:ignore <analyzer>[/<category>][,...] <reason>
//	//zombiecheck:handled <analyzer> <reason>
//	//zombiecheck:allow <host> <reason>
//
// A directive applies to its own line and to the line below it, so it can
// trail the offending code or stand on the line above. The reason is
// mandatory: a suppression nobody explained is itself a finding.
package directive

import (
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts every directive.
const Prefix = "//zombiecheck:"

// Verbs are the known directive verbs.
var Verbs = []string{"ignore", "handled", "allow"}

// Analyzer parses the directives of a package once for every reporter.
var Analyzer = &analysis.Analyzer{
	Name:       "zombiecheck_directive",
	Doc:        "parses //zombiecheck: comment directives",
	Run:        func(pass *analysis.Pass) (any, error) { return Parse(pass.Fset, pass.Files), nil },
	ResultType: reflect.TypeFor[*Index](),
}

// Directive is one parsed //zombiecheck: comment.
type Directive struct {
	Pos     token.Pos
	File    string
	Line    int
	Verb    string
	Targets []string // for ignore/handled: analyzer or analyzer/category names; for allow: hosts
	Reason  string
	// Problem is non-empty when the directive is malformed; it says why.
	Problem string
}

// Index holds a package's directives by file and line.
type Index struct {
	All    []*Directive
	byLine map[string]map[int][]*Directive
}

// Parse collects the directives of files.
func Parse(fset *token.FileSet, files []*ast.File) *Index {
	ix := &Index{byLine: make(map[string]map[int][]*Directive)}
	for _, f := range files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if !strings.HasPrefix(c.Text, Prefix) {
					continue
				}
				posn := fset.Position(c.Pos())
				d := parseOne(c.Text[len(Prefix):])
				d.Pos, d.File, d.Line = c.Pos(), posn.Filename, posn.Line
				ix.All = append(ix.All, d)
				lines := ix.byLine[d.File]
				if lines == nil {
					lines = make(map[int][]*Directive)
					ix.byLine[d.File] = lines
				}
				lines[d.Line] = append(lines[d.Line], d)
			}
		}
	}
	return ix
}

func parseOne(text string) *Directive {
	// A trailing comment ("//zombiecheck:ignore x // note") is not part of
	// the directive, so it cannot pass for a reason.
	text, _, _ = strings.Cut(text, " //")
	fields := strings.Fields(text)
	d := &Directive{}
	if len(fields) == 0 {
		d.Problem = "empty zombiecheck directive: write //zombiecheck:<verb> <target> <reason>"
		return d
	}
	d.Verb = fields[0]
	known := false
	for _, v := range Verbs {
		if v == d.Verb {
			known = true
		}
	}
	if !known {
		d.Problem = "unknown zombiecheck directive " + quote(d.Verb) + " (known: " + strings.Join(Verbs, ", ") + ")"
		return d
	}
	if len(fields) < 2 {
		d.Problem = "//zombiecheck:" + d.Verb + " needs a target and a reason"
		return d
	}
	d.Targets = strings.Split(fields[1], ",")
	d.Reason = strings.Join(fields[2:], " ")
	if d.Reason == "" {
		d.Problem = "//zombiecheck:" + d.Verb + " " + fields[1] + " has no reason: say why, e.g. //zombiecheck:" + d.Verb + " " + fields[1] + " <why this is safe>"
	}
	return d
}

func quote(s string) string { return "\"" + s + "\"" }

// Ignored reports whether a well-formed ignore directive on the line of
// posn, or the line above, covers the analyzer (and category). Malformed
// directives suppress nothing.
func (ix *Index) Ignored(posn token.Position, analyzer, category string) bool {
	return ix.find(posn, "ignore", func(target string) bool {
		return target == analyzer || (category != "" && target == analyzer+"/"+category)
	})
}

// find reports whether a well-formed directive with verb, whose target
// satisfies match, applies at posn.
func (ix *Index) find(posn token.Position, verb string, match func(string) bool) bool {
	lines := ix.byLine[posn.Filename]
	for _, line := range []int{posn.Line, posn.Line - 1} {
		for _, d := range lines[line] {
			if d.Verb != verb || d.Problem != "" {
				continue
			}
			for _, t := range d.Targets {
				if match(t) {
					return true
				}
			}
		}
	}
	return false
}

// Names reports whether the directive names analyzer (alone or with a
// category) among its targets.
func (d *Directive) Names(analyzer string) bool {
	for _, t := range d.Targets {
		if t == analyzer || strings.HasPrefix(t, analyzer+"/") {
			return true
		}
	}
	return false
}

// AnalyzerNames are the analyzers a directive may name.
var AnalyzerNames = []string{"directives", "egress", "httpclient", "localroute", "respclose", "zombieloop"}

// IsAnalyzerName reports whether name is one of AnalyzerNames.
func IsAnalyzerName(name string) bool {
	for _, n := range AnalyzerNames {
		if n == name {
			return true
		}
	}
	return false
}

// InDoc reports whether a function's doc comment carries a well-formed
// directive with verb naming analyzer, such as
// `//zombiecheck:handled respclose the pool owns these bodies`.
func InDoc(doc *ast.CommentGroup, verb, analyzer string) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if !strings.HasPrefix(c.Text, Prefix) {
			continue
		}
		d := parseOne(c.Text[len(Prefix):])
		if d.Problem == "" && d.Verb == verb && d.Names(analyzer) {
			return true
		}
	}
	return false
}
