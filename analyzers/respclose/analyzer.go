package respclose

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/bodies"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "respclose"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/respclose/doc.go"

// CategoryLeak is the rule reported for a body left open on some path.
const CategoryLeak = "leak"

// CategoryRoundTripError is the rule reported for a RoundTrip that returns
// an open response together with a non-nil error.
const CategoryRoundTripError = "roundtrip-error"

// Rules lists the analyzer's rules.
var Rules = []report.Rule{{
	Analyzer: Name, Category: CategoryLeak, Level: report.LevelWarning, URL: URL + "#" + CategoryLeak,
	Short: "response body not closed on every path",
	Full:  "An *http.Response body left open on some path keeps its connection out of the pool until the peer gives up, leaving the socket in CLOSE_WAIT. Close it on every path, usually with `defer resp.Body.Close()` right after the error check, or hand it on explicitly.",
}, {
	Analyzer: Name, Category: CategoryRoundTripError, Level: report.LevelWarning, URL: URL + "#" + CategoryRoundTripError,
	Short: "RoundTrip returns an open response with a non-nil error",
	Full:  "http.RoundTripper's contract is to return a nil error when a response was obtained; net/http's Client discards a response returned together with an error without closing it, so its body stays open and the connection sits in CLOSE_WAIT. Close the body before returning the error, or return the response with a nil error and let the caller judge its status.",
}}

// Analyzer is the respclose analyzer. It requires what every reporter does
// (see report.NewAnalyzer) and takes the policy from the policy analyzer.
var Analyzer = report.NewAnalyzer(Name, doc, URL, run)

func run(pass *analysis.Pass) (any, error) {
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	if !sum.Relevant || sum.Bodies == nil {
		return nil, nil
	}
	rep, _, err := report.Setup(pass, Name, pass.ResultOf[directive.Analyzer].(*directive.Index))
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass: pass,
		rep:  rep,
		insp: sum.Inspector(),
	}
	for _, fn := range sum.SSA.Get().SrcFuncs {
		for _, leak := range sum.Bodies.Leaks(fn) {
			c.report(leak)
		}
		c.deferredInLoop(fn)
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	rep  *report.Reporter
	insp *inspector.Inspector
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// report words a leak: what produced the response, the path that leaves
// it open, and the fix.
func (c *checker) report(leak bodies.Leak) {
	pos := leak.Source.Pos()
	if c.rep.Skipped(pos) {
		return
	}
	what := "response body"
	if leak.Callee != "" {
		what = "response body from " + leak.Callee
	}
	if leak.ErrorReturn {
		c.reportErrorReturn(leak, what)
		return
	}
	var where string
	switch exit := leak.Exit.(type) {
	case *ssa.Return:
		// A function that falls off its end has an implicit return
		// with no position of its own.
		explicit := exit.Pos().IsValid()
		where = "the function reaches its end"
		if explicit {
			where = fmt.Sprintf("returning at line %d", c.line(exit.Pos()))
		}
		if cond := c.condition(leak.Branch, leak.BranchTaken); cond != "" {
			where = fmt.Sprintf("the %s branch reaches the end of the function", cond)
			if explicit {
				where = fmt.Sprintf("the %s branch returns (line %d)", cond, c.line(exit.Pos()))
			}
		}
	default:
		where = "the loop comes round and overwrites it"
		if cond := c.condition(leak.Branch, leak.BranchTaken); cond != "" {
			where = fmt.Sprintf("the loop continues on the %s branch", cond)
		}
	}
	msg := fmt.Sprintf("%s is not closed when %s: the connection stays out of the pool (CLOSE_WAIT); close it on every path, e.g. `defer resp.Body.Close()` right after the error check", what, where)
	if leak.Closed {
		msg = fmt.Sprintf("%s is closed on some paths but not when %s: the connection stays out of the pool (CLOSE_WAIT); use `defer resp.Body.Close()` right after the error check so every path closes it", what, where)
	}
	d := analysis.Diagnostic{Pos: pos, Category: CategoryLeak, Message: msg}
	if exit, ok := leak.Exit.(*ssa.Return); ok && exit.Pos().IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: exit.Pos(), Message: "returns here with the body still open"}}
	}
	if !leak.Closed && !cfgx.InLoop(leak.Source.Block()) {
		if fix, ok := c.deferCloseFix(pos); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.rep.Report(d)
}

// reportErrorReturn words a RoundTrip that returns the open response beside
// a non-nil error: reported at the return, since the leak is there.
func (c *checker) reportErrorReturn(leak bodies.Leak, what string) {
	pos := leak.Exit.Pos()
	if !pos.IsValid() || c.rep.Skipped(pos) {
		return
	}
	c.rep.Report(analysis.Diagnostic{
		Pos: pos, Category: CategoryRoundTripError,
		Message: fmt.Sprintf("RoundTrip returns the %s (line %d) together with a non-nil error: net/http's Client discards a response returned with an error without closing it, so the body stays open (CLOSE_WAIT); close the body before returning the error, or return the response with a nil error", what, c.line(leak.Source.Pos())),
		Related: []analysis.RelatedInformation{{Pos: leak.Source.Pos(), Message: "the response comes from here"}},
	})
}

// condition renders the source text of a branch condition, negated when the
// path took the false edge.
func (c *checker) condition(iff *ssa.If, taken bool) string {
	if iff == nil {
		return ""
	}
	pos := iff.Cond.Pos()
	if !pos.IsValid() {
		return ""
	}
	var found ast.Expr
	for cur := range c.insp.Root().Preorder((*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.UnaryExpr)(nil)) {
		e := cur.Node().(ast.Expr)
		switch e := e.(type) {
		case *ast.BinaryExpr:
			if e.OpPos == pos {
				found = e
			}
		case *ast.CallExpr:
			if e.Lparen == pos {
				found = e
			}
		default:
			if e.Pos() == pos {
				found = e
			}
		}
		if found != nil {
			break
		}
	}
	if found == nil {
		return ""
	}
	text := types.ExprString(found)
	if len(text) > 60 {
		return ""
	}
	if !taken {
		// The false arm of a comparison reads best as its opposite:
		// "resp.StatusCode != 200", not "not resp.StatusCode == 200".
		if b, ok := found.(*ast.BinaryExpr); ok {
			if op, ok := oppositeComparison[b.Op]; ok {
				return types.ExprString(&ast.BinaryExpr{X: b.X, Op: op, Y: b.Y})
			}
		}
		return "not " + text
	}
	return text
}

var oppositeComparison = map[token.Token]token.Token{
	token.EQL: token.NEQ, token.NEQ: token.EQL,
	token.LSS: token.GEQ, token.GEQ: token.LSS,
	token.GTR: token.LEQ, token.LEQ: token.GTR,
}

// deferCloseFix offers `defer resp.Body.Close()` after the error check when
// the source is `resp, err := call(...)` immediately followed by
// `if err != nil { ...; return ... }`.
func (c *checker) deferCloseFix(callPos token.Pos) (analysis.SuggestedFix, bool) {
	for cur := range c.insp.Root().Preorder((*ast.BlockStmt)(nil)) {
		block := cur.Node().(*ast.BlockStmt)
		if callPos < block.Lbrace || callPos > block.Rbrace {
			continue
		}
		for i, stmt := range block.List {
			as, ok := stmt.(*ast.AssignStmt)
			if !ok || !(as.Pos() <= callPos && callPos < as.End()) || len(as.Lhs) != 2 || len(as.Rhs) != 1 || i+1 >= len(block.List) {
				continue
			}
			resp, ok1 := as.Lhs[0].(*ast.Ident)
			errID, ok2 := as.Lhs[1].(*ast.Ident)
			iff, ok3 := block.List[i+1].(*ast.IfStmt)
			if !ok1 || !ok2 || !ok3 || resp.Name == "_" || iff.Init != nil || iff.Else != nil || !isErrNotNil(iff.Cond, errID.Name) || !endsInReturn(iff.Body) {
				continue
			}
			col := c.pass.Fset.Position(iff.Pos()).Column
			indent := strings.Repeat("\t", max(col-1, 0))
			text := "\n" + indent + "defer " + resp.Name + ".Body.Close()"
			return analysis.SuggestedFix{
				Message:   "Close the body on every path: defer " + resp.Name + ".Body.Close() after the error check",
				TextEdits: []analysis.TextEdit{{Pos: iff.End(), End: iff.End(), NewText: []byte(text)}},
			}, true
		}
	}
	return analysis.SuggestedFix{}, false
}

func isErrNotNil(cond ast.Expr, name string) bool {
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	x, ok1 := b.X.(*ast.Ident)
	y, ok2 := b.Y.(*ast.Ident)
	return ok1 && ok2 && x.Name == name && y.Name == "nil"
}

func endsInReturn(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}
