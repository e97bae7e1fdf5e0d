package directives

import (
	_ "embed"
	"reflect"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "directives"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/directives/doc.go"

// CategoryMalformed is the one rule.
const CategoryMalformed = "malformed"

// Rules lists the analyzer's rules.
var Rules = []report.Rule{{
	Analyzer: Name, Category: CategoryMalformed, Level: report.LevelWarning, URL: URL + "#" + CategoryMalformed,
	Short: "//zombiecheck: directive that suppresses nothing",
	Full:  "A //zombiecheck: directive without a reason, with an unknown verb, or naming an analyzer that does not exist suppresses nothing. Write //zombiecheck:ignore <analyzer>[/<rule>] <reason>.",
}}

// Analyzer reports malformed directives.
var Analyzer = &analysis.Analyzer{
	Name:     Name,
	Doc:      report.Doc(doc),
	URL:      URL,
	Requires: []*analysis.Analyzer{directive.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		return report.Guard(pass, Name, func() (any, error) { return run(pass) })
	},
	ResultType: reflect.TypeFor[struct{}](),
}

func run(pass *analysis.Pass) (any, error) {
	ix := pass.ResultOf[directive.Analyzer].(*directive.Index)
	for _, d := range ix.All {
		msg := d.Problem
		if msg == "" && (d.Verb == "ignore" || d.Verb == "handled") {
			msg = unknownTargets(d)
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: CategoryMalformed, Message: msg + "; the directive suppresses nothing"})
		}
	}
	return struct{}{}, nil
}

// unknownTargets names the targets of d that are not zombiecheck analyzers.
func unknownTargets(d *directive.Directive) string {
	var unknown []string
	for _, t := range d.Targets {
		name, _, _ := strings.Cut(t, "/")
		if !directive.IsAnalyzerName(name) {
			unknown = append(unknown, t)
		}
	}
	if len(unknown) == 0 {
		return ""
	}
	return "//zombiecheck:" + d.Verb + " names no zombiecheck analyzer: " + strings.Join(unknown, ", ") + " (analyzers: " + strings.Join(directive.AnalyzerNames, ", ") + ")"
}
