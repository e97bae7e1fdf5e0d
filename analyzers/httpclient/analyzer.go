package httpclient

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/clients"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: its vet flag, its nolint key and the first
// part of its rule IDs.
const Name = "httpclient"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/httpclient/doc.go"

// Diagnostic categories (rule IDs within the analyzer).
const (
	CategoryNoTimeout     = "notimeout"
	CategoryDefaultClient = "defaultclient"
	CategoryPkgFunc       = "pkgfunc"
	CategoryPool          = "pool"
)

// Rules lists the analyzer's rules for SARIF and `zombiecheck help`.
var Rules = []report.Rule{
	{Analyzer: Name, Category: CategoryNoTimeout, Level: report.LevelWarning, URL: URL + "#" + CategoryNoTimeout,
		Short: "http.Client used or shared without a timeout",
		Full:  "An http.Client with no Timeout (and no Transport bounding dial and response headers) waits forever on a server that stalls. Set Timeout, or for streaming set a dial timeout and ResponseHeaderTimeout on its Transport and use a per-request context."},
	{Analyzer: Name, Category: CategoryDefaultClient, Level: report.LevelWarning, URL: URL + "#" + CategoryDefaultClient,
		Short: "http.DefaultClient has no timeout",
		Full:  "http.DefaultClient has no Timeout, so a stalled server blocks the request forever. Create one http.Client with a Timeout and share it."},
	{Analyzer: Name, Category: CategoryPkgFunc, Level: report.LevelWarning, URL: URL + "#" + CategoryPkgFunc,
		Short: "http.Get/Head/Post/PostForm use http.DefaultClient: no timeout, no context",
		Full:  "The package-level net/http helpers send through http.DefaultClient, which has no timeout, and take no context. Build the request with http.NewRequestWithContext and send it with a shared http.Client that has a Timeout."},
	{Analyzer: Name, Category: CategoryPool, Level: report.LevelWarning, URL: URL + "#" + CategoryPool,
		Short: "new http.Transport (connection pool) per call or per loop iteration",
		Full:  "Every http.Transport owns an idle connection pool. One created per call and dropped without CloseIdleConnections leaves its connections idle until the peer closes them, then in CLOSE_WAIT; in a loop, one pool per iteration exhausts file descriptors. Create the Transport once and share it."},
}

// Analyzer is the httpclient analyzer. It requires what every reporter does
// (see report.NewAnalyzer) and takes the policy from the policy analyzer.
var Analyzer = report.NewAnalyzer(Name, doc, URL, run)

func run(pass *analysis.Pass) (any, error) {
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	if !sum.Relevant {
		return nil, nil
	}
	rep, pol, err := report.Setup(pass, Name, pass.ResultOf[directive.Analyzer].(*directive.Index))
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:   pass,
		policy: pol,
		rep:    rep,
		insp:   sum.Inspector(),
		sum:    sum,
	}
	c.checkDefaultClientAndPkgFuncs()
	c.checkSummaries(sum)
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	policy *policy.Policy
	rep    *report.Reporter
	insp   *inspector.Inspector
	sum    *summary.Result
	// callsAt indexes the package's SSA calls by position, built the
	// first time a DefaultClient.Do needs its request followed.
	callsAt map[token.Pos]*ssa.Call
}

// checkDefaultClientAndPkgFuncs reports uses of http.DefaultClient and of
// the package-level helpers that send through it. Identity is by object, so
// renamed and dot imports are covered.
func (c *checker) checkDefaultClientAndPkgFuncs() {
	info := c.pass.TypesInfo
	type use struct {
		id     *ast.Ident
		outer  ast.Expr // the selector expression, or the identifier
		parent ast.Node
		// fallback is the variable or field a nil check hands
		// http.DefaultClient to (if x == nil { x = http.DefaultClient }).
		fallback string
		inTest   bool
		// mutated is the field that `c := http.DefaultClient; c.F = v`
		// sets on the shared client through the alias c ("c.Timeout").
		mutated string
	}
	var defaultUses []use
	// An assignment to http.DefaultClient (or its Timeout) bounds the
	// default client for the program that runs it. One in a _test.go file
	// runs only in the test binary: it excuses the package's test files,
	// never its production code (go vet analyses a package together with
	// its in-package tests; the answer for the production files must not
	// change with them).
	boundedInProd, boundedInTests := false, false
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		obj := info.Uses[id]
		if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/http" {
			continue
		}
		outer := ast.Expr(id)
		parentCur := cur.Parent()
		if sel, ok := parentCur.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			outer = sel
			parentCur = parentCur.Parent()
		}
		parent := parentCur.Node()
		switch obj := obj.(type) {
		case *types.Var:
			if !httptypes.IsDefaultClientVar(obj) {
				continue
			}
			if assignsTo(parent, outer) || assignsToField(parentCur, outer) {
				// http.DefaultClient = ... or http.DefaultClient.Timeout = ...:
				// the program bounds the default client itself.
				if c.inTestFile(id.Pos()) {
					boundedInTests = true
				} else {
					boundedInProd = true
				}
				continue
			}
			if _, ok := parent.(*ast.StarExpr); ok {
				// *http.DefaultClient is a copy, judged by notimeout.
				continue
			}
			if cmp, ok := parent.(*ast.BinaryExpr); ok && (cmp.Op == token.EQL || cmp.Op == token.NEQ) {
				// c != http.DefaultClient only compares: nothing is sent.
				continue
			}
			if c.doWithDeadline(parentCur, outer) {
				// http.DefaultClient.Do(req) of a request whose context
				// this function gave a deadline: bounded.
				continue
			}
			defaultUses = append(defaultUses, use{id, outer, parent, nilFallback(info, parentCur, outer), c.inTestFile(id.Pos()), aliasMutation(info, parentCur, outer)})
		case *types.Func:
			if !httptypes.IsNetHTTPFunc(obj, httptypes.PkgFuncsUsingDefaultClient...) {
				continue
			}
			c.rep.Report(analysis.Diagnostic{
				Pos: outer.Pos(), End: outer.End(), Category: CategoryPkgFunc,
				Message: fmt.Sprintf("http.%s sends through http.DefaultClient: no timeout and no context, so a stalled server blocks this call forever; "+
					"build the request with http.NewRequestWithContext and send it with a shared http.Client that has a Timeout", obj.Name()),
			})
		}
	}
	if boundedInProd {
		return
	}
	for _, u := range defaultUses {
		if u.inTest && boundedInTests {
			continue
		}
		msg := "http.DefaultClient has no timeout: a stalled server blocks this request forever; " +
			"create one http.Client with a Timeout and share it"
		if u.mutated != "" {
			msg = fmt.Sprintf("%s = ... sets the field on http.DefaultClient itself, not on a copy: every package's default client changes (and races with their requests); "+
				"build a new client instead (&http.Client{Timeout: 30 * time.Second}), or copy it first (c := *http.DefaultClient)", u.mutated)
		} else if u.fallback != "" {
			msg = fmt.Sprintf("http.DefaultClient has no timeout, and this nil fallback hands it to every caller that leaves %s unset: "+
				"a stalled server blocks their requests forever; fall back to one shared client with a Timeout instead "+
				"(e.g. a package variable &http.Client{Timeout: 30 * time.Second})", u.fallback)
		}
		c.rep.Report(analysis.Diagnostic{
			Pos: u.outer.Pos(), End: u.outer.End(), Category: CategoryDefaultClient,
			Message: msg,
		})
	}
}

// doWithDeadline reports whether the use of http.DefaultClient at
// parentCur (outer) is the receiver of a Do call whose request carries a
// context with a deadline (clients.Deadlines): set in the same function
// (mailpit's rspamd client: context.WithTimeout,
// http.NewRequestWithContext, http.DefaultClient.Do; syncthing's crash
// reporter: req.WithContext), or a context parameter every caller gives
// one, put on the request by a builder (livekit's RTCEngine.validate).
// The deadline bounds the whole exchange, body included, as a Timeout
// would. The request is followed in the function's SSA form, which
// already exists: a package that names http.DefaultClient is relevant.
func (c *checker) doWithDeadline(parentCur inspector.Cursor, outer ast.Expr) bool {
	sel, ok := parentCur.Node().(*ast.SelectorExpr)
	if !ok || sel.X != outer || sel.Sel.Name != "Do" {
		return false
	}
	call, ok := parentCur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != sel || len(call.Args) != 1 {
		return false
	}
	if c.callsAt == nil {
		c.callsAt = map[token.Pos]*ssa.Call{}
		for _, fn := range c.sum.SSA.Get().SrcFuncs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if sc, ok := instr.(*ssa.Call); ok {
						c.callsAt[sc.Pos()] = sc
					}
				}
			}
		}
	}
	sc := c.callsAt[call.Lparen]
	if sc == nil || sc.Call.IsInvoke() || len(sc.Call.Args) != 2 {
		return false
	}
	return clients.NewDeadlines(c.sum.Callers).RequestHasDeadline(sc.Call.Args[1])
}

// aliasMutation returns "x.F" when the use at parentCur defines the local
// variable x as http.DefaultClient (x := http.DefaultClient, or var x =)
// and the enclosing function assigns one of x's fields, so that the shared
// client is changed through the alias. It returns "" otherwise.
func aliasMutation(info *types.Info, parentCur inspector.Cursor, rhs ast.Expr) string {
	var alias types.Object
	switch n := parentCur.Node().(type) {
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
			for i, r := range n.Rhs {
				if id, ok := n.Lhs[i].(*ast.Ident); ok && r == rhs {
					alias = info.Defs[id]
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			for i, r := range n.Values {
				if r == rhs {
					alias = info.Defs[n.Names[i]]
				}
			}
		}
	}
	if alias == nil {
		return ""
	}
	var body ast.Node
	for cur := range parentCur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = cur.Node()
		break
	}
	if body == nil {
		return ""
	}
	found := ""
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found != "" {
			return found == ""
		}
		for _, lhs := range as.Lhs {
			sel, ok := lhs.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if id, ok := sel.X.(*ast.Ident); ok && info.Uses[id] == alias {
				found = id.Name + "." + sel.Sel.Name
			}
		}
		return true
	})
	return found
}

// inTestFile reports whether pos is in a _test.go file.
func (c *checker) inTestFile(pos token.Pos) bool {
	return ssax.InTestFile(c.pass.Fset, pos)
}

// nilFallback returns the text of the checked expression when rhs is the
// fallback of an if statement checking it for nil, as the if's only
// statement: `if x == nil { x = http.DefaultClient }`, the same with an
// else that uses x (`if cfg.HTTP == nil { conf.HTTP = http.DefaultClient }
// else { conf.HTTP = cfg.HTTP }`), or a getter's `if c.HTTP == nil {
// return http.DefaultClient }`. It returns "" for any other shape.
func nilFallback(info *types.Info, parentCur inspector.Cursor, rhs ast.Expr) string {
	var lhs ast.Expr // the assignment's target; nil for a return
	switch st := parentCur.Node().(type) {
	case *ast.AssignStmt:
		i := slices.Index(st.Rhs, rhs)
		if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) || i < 0 {
			return ""
		}
		lhs = st.Lhs[i]
	case *ast.ReturnStmt:
		if len(st.Results) != 1 || st.Results[0] != rhs {
			return ""
		}
	default:
		return ""
	}
	block, ok := parentCur.Parent().Node().(*ast.BlockStmt)
	if !ok || len(block.List) != 1 {
		return ""
	}
	ifs, ok := parentCur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok {
		return ""
	}
	cmp, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok {
		return ""
	}
	// `if x != nil { lhs = x } else { lhs = http.DefaultClient }`: the
	// fallback is the else block, and the body copies x.
	inElse := ifs.Else == ast.Node(block) && cmp.Op == token.NEQ && lhs != nil
	if !inElse && (ifs.Body != block || cmp.Op != token.EQL) {
		return ""
	}
	checked := cmp.X
	if isNilIdent(info, checked) {
		checked = cmp.Y
	} else if !isNilIdent(info, cmp.Y) {
		return ""
	}
	text := types.ExprString(ast.Unparen(checked))
	if inElse {
		if !assignsOnly(ifs.Body, types.ExprString(lhs), text) {
			return ""
		}
		return text
	}
	if lhs != nil && types.ExprString(lhs) != text && !assignsOnly(ifs.Else, types.ExprString(lhs), text) {
		return "" // another variable, which the caller's value never reaches
	}
	return text
}

// assignsOnly reports whether b is a block whose only statement is
// `lhs = checked`.
func assignsOnly(b ast.Stmt, lhs, checked string) bool {
	els, ok := b.(*ast.BlockStmt)
	if !ok || len(els.List) != 1 {
		return false
	}
	as, ok := els.List[0].(*ast.AssignStmt)
	return ok && as.Tok == token.ASSIGN && len(as.Lhs) == 1 && len(as.Rhs) == 1 &&
		types.ExprString(as.Lhs[0]) == lhs && types.ExprString(ast.Unparen(as.Rhs[0])) == checked
}

// isNilIdent reports whether x is the predeclared nil, not a variable
// that shadows it.
func isNilIdent(info *types.Info, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// assignsTo reports whether parent is an assignment whose left side is x.
func assignsTo(parent ast.Node, x ast.Expr) bool {
	as, ok := parent.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, lhs := range as.Lhs {
		if lhs == x {
			return true
		}
	}
	return false
}

// assignsToField reports whether x is the operand of a selector that is
// assigned to, as in http.DefaultClient.Timeout = d.
func assignsToField(parentCur inspector.Cursor, x ast.Expr) bool {
	sel, ok := parentCur.Node().(*ast.SelectorExpr)
	if !ok || sel.X != x {
		return false
	}
	return assignsTo(parentCur.Parent().Node(), sel)
}

// checkSummaries reports the client and transport findings the summary
// analyzer computed for each function of the package.
func (c *checker) checkSummaries(sum *summary.Result) {
	for _, fn := range sum.Funcs {
		res := sum.Clients[fn]
		if len(res.Unbounded) == 0 && len(res.Pools) == 0 {
			continue
		}
		if c.streamingAllowed(fn) {
			res.Unbounded = nil
		}
		for _, u := range res.Unbounded {
			if u.Constructor != nil && c.streamingCovers(u.Constructor) {
				continue
			}
			if u.Constructor != nil && sum.JudgedAtSite(u.Constructor) && !u.CustomTransport {
				// Reported once where the constructor builds it. A
				// caller that gives it an unbounded Transport of its
				// own adds a problem and is still reported.
				continue
			}
			c.reportUnbounded(u, sum)
		}
		for _, p := range res.Pools {
			if !p.InLoop && c.runsOnce(fn, 0) {
				// One pool per process: nothing piles up.
				continue
			}
			c.reportPool(p)
		}
	}
	for _, s := range sum.CtorSites {
		c.reportSite(s, sum)
	}
}

// reportSite reports, once and where it is built, the unbounded client that
// a constructor returns and this package uses without a bound, naming its
// first use (see doc.go, "first use").
func (c *checker) reportSite(s *summary.CtorSite, sum *summary.Result) {
	if c.streamingCovers(s.Ctor) || c.streamingAllowed(s.Fn) || (s.Site.Constructor != nil && c.streamingCovers(s.Site.Constructor)) {
		return
	}
	var uses []summary.CtorUse
	for _, u := range s.Uses {
		if c.streamingAllowed(u.Fn) || (u.U.Constructor != nil && c.streamingCovers(u.U.Constructor)) {
			continue
		}
		uses = append(uses, u)
	}
	if len(uses) == 0 {
		return
	}
	u := s.Site
	what := "http.Client created here has no Timeout"
	fix := "set Timeout here (e.g. 30 * time.Second) so that every caller gets a bounded client, or, for streaming, give its Transport a dial timeout and a ResponseHeaderTimeout and bound each request with a context"
	if u.Constructor != nil {
		what = fmt.Sprintf("http.Client returned by %s has no Timeout", funcName(u.Constructor, c.pass.Pkg))
		fix = fmt.Sprintf("set its Timeout here, or make %s set one", funcName(u.Constructor, c.pass.Pkg))
	}
	if u.CustomTransport {
		what += " and its Transport does not set both a dial timeout and a ResponseHeaderTimeout"
	}
	first := uses[0]
	where := fmt.Sprintf("%s returns it, and it is %s", funcName(s.Ctor, c.pass.Pkg), c.firstUseText(first.Fn, first.U, sum))
	if n := len(uses) - 1; n == 1 {
		where += "; 1 more use here is unbounded too"
	} else if n > 1 {
		where += fmt.Sprintf("; %d more uses here are unbounded too", n)
	}
	c.reportNoTimeout(u, fmt.Sprintf("%s: a server that stalls blocks its requests forever (%s); %s", what, where, fix))
}

// firstUseText describes the use u, in function fn, of a client built
// elsewhere: a send, or a store whose field or variable is then sent
// through (known in this package or through a fact), or another escape.
func (c *checker) firstUseText(fn *ssa.Function, u clients.Unbounded, sum *summary.Result) string {
	if !u.At.IsValid() {
		// Package initialisation (var x = newClient()) has no position.
		if fn.Synthetic == "package initializer" {
			return "first used to initialise a package-level variable, which keeps it still unbounded"
		}
		return fmt.Sprintf("first used by %s, which stores or passes it on still unbounded", localFuncName(fn, c.pass.Pkg))
	}
	at := c.shortPos(u.At)
	by := localFuncName(fn, c.pass.Pkg)
	if !u.Escapes {
		return fmt.Sprintf("first used at %s by %s", at, by)
	}
	if u.StoredIn != nil {
		if fu, ok := sum.FirstUses[u.StoredIn]; ok {
			return fmt.Sprintf("stored at %s by %s and first used at %s by %s", at, by, fu.Pos, fu.Name(c.pass.Pkg))
		}
	}
	return fmt.Sprintf("first used at %s by %s, which stores or passes it on still unbounded", at, by)
}

func (c *checker) shortPos(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// localFuncName names fn (a closure by the function it is declared in).
func localFuncName(fn *ssa.Function, from *types.Package) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return funcName(obj, from)
	}
	return fn.Name()
}

// streamingAllowed reports whether the policy's httpclient.streaming list
// covers fn (or, for a closure, the function it is declared in).
func (c *checker) streamingAllowed(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return c.streamingCovers(obj)
	}
	return c.streamingCoversPackage(c.pass.Pkg.Path())
}

func (c *checker) streamingCovers(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv = receiverName(sig.Recv().Type())
	}
	for _, p := range c.policy.HTTPClient.Streaming {
		if p.MatchFunc(fn.Pkg().Path(), recv, fn.Name()) {
			return true
		}
	}
	return false
}

func (c *checker) streamingCoversPackage(path string) bool {
	for _, p := range c.policy.HTTPClient.Streaming {
		if p.MatchPackage(path) {
			return true
		}
	}
	return false
}

func receiverName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

func (c *checker) reportUnbounded(u clients.Unbounded, sum *summary.Result) {
	what := "http.Client created here has no Timeout"
	if u.Constructor != nil {
		what = fmt.Sprintf("http.Client returned by %s has no Timeout", funcName(u.Constructor, c.pass.Pkg))
	}
	if u.CustomTransport {
		what += " and its Transport does not set both a dial timeout and a ResponseHeaderTimeout"
	}
	where := "it sends a request"
	if u.Escapes {
		where = "it is stored or passed on still unbounded"
	}
	if u.At.IsValid() {
		where += fmt.Sprintf(" at line %d", c.line(u.At))
	}
	if u.Escapes && u.StoredIn != nil {
		if fu, ok := sum.FirstUses[u.StoredIn]; ok {
			where += fmt.Sprintf("; first used at %s by %s", fu.Pos, fu.Name(c.pass.Pkg))
		}
	}
	fix := "set Timeout (e.g. 30 * time.Second), or, for streaming, give its Transport a dial timeout and a ResponseHeaderTimeout and bound each request with a context"
	if u.Constructor != nil {
		fix = "set its Timeout before use, or make the constructor set one"
	}
	c.reportNoTimeout(u, fmt.Sprintf("%s: a server that stalls blocks its requests forever (%s); %s", what, where, fix))
}

// runsOnce reports whether fn runs at most once per process: it is in a
// command (package main) and is main, an init function, or a plain
// unexported function used only as a static callee whose every call site
// is followed on every path by the process's exit (os.Exit, log.Fatal, a
// panic), or lies on no loop of a function that itself runs once. A
// Transport built and dropped there (syncthing's upgradeViaRest, called on
// the --upgrade path of its serve command, which exits after it) is one
// pool, not one per call.
func (c *checker) runsOnce(fn *ssa.Function, depth int) bool {
	if c.pass.Pkg.Name() != "main" || fn == nil || depth > 4 {
		return false
	}
	if fn.Parent() == nil && fn.Signature.Recv() == nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg {
		if name := fn.Name(); name == "main" || name == "init" || strings.HasPrefix(name, "init#") {
			return true
		}
	}
	sites, ok := c.sum.Callers().Sites(fn)
	if !ok || len(sites) == 0 {
		return false
	}
	for _, s := range sites {
		if ssax.ExitsAfter(s) {
			continue // the process ends after this call, whoever makes it
		}
		if ssax.InCycle(s.Block()) || !c.runsOnce(s.Parent(), depth+1) {
			return false
		}
	}
	return true
}

func (c *checker) reportPool(p clients.Pool) {
	msg := "new http.Transport per call: each call opens its own connection pool and abandons it, leaving idle connections to pile up in CLOSE_WAIT; create the Transport once and share it, or call CloseIdleConnections when done"
	if p.InLoop {
		msg = "new http.Transport in every loop iteration: each iteration opens a connection pool and abandons it, exhausting sockets (CLOSE_WAIT); create the Transport once, outside the loop, and share it"
	}
	if p.Via != nil {
		what := "a new http.Transport (connection pool)"
		if sig := p.Via.Type().(*types.Signature); sig.Results().Len() > 0 {
			switch t := sig.Results().At(0).Type(); {
			case httptypes.IsClientPtr(t):
				what = "a client holding a new http.Transport (connection pool)"
			case !httptypes.IsTransportPtr(t) && !httptypes.HasRoundTrip(t):
				// retryablehttp.NewClient: a struct over a new pool.
				what = "a value holding a new http.Transport (connection pool)"
			}
		}
		msg = fmt.Sprintf("%s returns %s on every call, and this code sends through it and drops it: each call abandons a pool whose idle connections pile up in CLOSE_WAIT; create the transport once and share it, or call CloseIdleConnections when done", funcName(p.Via, c.pass.Pkg), what)
		if p.ViaConditional {
			// A fallback getter: `if c.HTTP == nil { return newClient() }`.
			msg = fmt.Sprintf("%s returns %s each time it takes the path that builds one (it does not keep it), and this code sends through it and drops it: each such call abandons a pool whose idle connections pile up in CLOSE_WAIT; create it once and reuse it (for a nil fallback, store it in the field the check reads, or share one), or call CloseIdleConnections when done", funcName(p.Via, c.pass.Pkg), what)
		}
		if p.InLoop {
			msg = strings.Replace(msg, "on every call", "in every loop iteration", 1)
			msg = strings.Replace(msg, "each such call", "each such loop iteration", 1)
		}
	}
	d := analysis.Diagnostic{Pos: p.Created, Category: CategoryPool, Message: msg}
	if lit := c.literalAt(p.Created); lit != nil {
		d.Pos, d.End = lit.Pos(), lit.End()
	}
	c.rep.Report(d)
}

func funcName(fn *types.Func, from *types.Package) string {
	qual := func(p *types.Package) string {
		if p == from {
			return ""
		}
		return p.Name()
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() != from {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// literalAt finds the composite literal whose opening brace is at lbrace
// (SSA reports a literal's allocation at its brace).
func (c *checker) literalAt(lbrace token.Pos) *ast.CompositeLit {
	var found *ast.CompositeLit
	for cur := range c.insp.Root().Preorder((*ast.CompositeLit)(nil)) {
		if lit := cur.Node().(*ast.CompositeLit); lit.Lbrace == lbrace {
			found = lit
			break
		}
	}
	return found
}

func (c *checker) clientLiteralAt(lbrace token.Pos) *ast.CompositeLit {
	lit := c.literalAt(lbrace)
	if lit == nil || !httptypes.IsClient(c.pass.TypesInfo.TypeOf(lit)) {
		return nil
	}
	return lit
}

// addTimeoutFix suggests adding `Timeout: 30 * time.Second` to a keyed (or
// empty) client literal, importing "time" if the file has an import block
// to add it to. It offers nothing where the edit could not compile.
func (c *checker) addTimeoutFix(lit *ast.CompositeLit) (analysis.SuggestedFix, bool) {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return analysis.SuggestedFix{}, false // unkeyed: inserting a key would not compile
		}
	}
	file := c.fileOf(lit.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	timeName, importEdit, ok := c.timePackageName(file, lit.Pos())
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	field := "Timeout: 30 * " + timeName + ".Second"
	var edit analysis.TextEdit
	switch {
	case len(lit.Elts) == 0:
		edit = analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(field)}
	case c.line(lit.Elts[0].Pos()) == c.line(lit.Lbrace):
		edit = analysis.TextEdit{Pos: lit.Elts[0].Pos(), End: lit.Elts[0].Pos(), NewText: []byte(field + ", ")}
	default:
		col := c.pass.Fset.Position(lit.Elts[0].Pos()).Column
		indent := strings.Repeat("\t", max(col-1, 0))
		edit = analysis.TextEdit{Pos: lit.Elts[0].Pos(), End: lit.Elts[0].Pos(), NewText: []byte(field + ",\n" + indent)}
	}
	edits := []analysis.TextEdit{edit}
	if importEdit != nil {
		edits = append([]analysis.TextEdit{*importEdit}, edits...)
	}
	return analysis.SuggestedFix{Message: "Add Timeout: 30 * time.Second (choose a value that fits the endpoint)", TextEdits: edits}, true
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// timePackageName returns the name under which the file can refer to
// package time at pos, and an edit adding the import if it is missing.
func (c *checker) timePackageName(file *ast.File, pos token.Pos) (string, *analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != "time" {
			continue
		}
		if imp.Name == nil {
			return "time", nil, true
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return "", nil, false
		}
		return imp.Name.Name, nil, true
	}
	// Not imported: "time" must not already mean something at pos.
	if scope := c.pass.Pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent("time", pos); obj != nil {
			return "", nil, false
		}
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || !gd.Lparen.IsValid() {
			continue
		}
		return "time", &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"time\"")}, true
	}
	return "", nil, false
}

// reportNoTimeout reports the unbounded client u with msg, at its literal
// when there is one, with the add-a-Timeout fix where it is safe.
func (c *checker) reportNoTimeout(u clients.Unbounded, msg string) {
	d := analysis.Diagnostic{Pos: u.Created, Category: CategoryNoTimeout, Message: msg}
	if lit := c.clientLiteralAt(u.Created); lit != nil {
		d.Pos, d.End = lit.Pos(), lit.End()
		if u.Constructor == nil && !u.CustomTransport {
			if fix, ok := c.addTimeoutFix(lit); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
	}
	c.rep.Report(d)
}
