package localroute

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/names"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/netsum"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "localroute"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/localroute/doc.go"

// CategoryExternal is reported for a promise of locality that an external
// host breaks.
const CategoryExternal = "external"

// CategoryGateway is reported for a promise of locality kept only on the
// wire: the local address is a routing gateway the policy lists.
const CategoryGateway = "gateway"

// Rules lists the analyzer's rules.
var Rules = []report.Rule{{
	Analyzer: Name, Category: CategoryExternal, Level: report.LevelError, URL: URL + "#" + CategoryExternal,
	Short: "function promises a local model but reaches an external host",
	Full:  "The function's name, receiver, doc comment or the policy's local.only list promises a local model or provider, but its calls (through helpers and other packages) reach an external host. Route it to the local endpoint only, or rename it to admit the remote route (...OrCloud, ...WithFallback).",
}, {
	Analyzer: Name, Category: CategoryGateway, Level: report.LevelWarning, URL: URL + "#" + CategoryGateway,
	Short: "function promises a local model but sends to a routing gateway",
	Full:  "The function promises a local model, and every host it reaches is local, but one of them is a routing gateway listed in the policy's local.gateways (a LiteLLM proxy on localhost:4000, say), which may forward the request to a cloud provider. Call the model server directly, or rename the function to admit the gateway route (...ViaGateway, ...ViaRouter).",
}}

// Analyzer is the localroute analyzer. It requires what every reporter does
// (see report.NewAnalyzer) and takes the policy from the policy analyzer.
var Analyzer = report.NewAnalyzer(Name, doc, URL, run)

func run(pass *analysis.Pass) (any, error) {
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	if !sum.Relevant || sum.Net == nil {
		return nil, nil
	}
	rep, pol, err := report.Setup(pass, Name, pass.ResultOf[directive.Analyzer].(*directive.Index))
	if err != nil {
		return nil, err
	}
	decls := report.FuncDecls(pass)
	reported := make(map[*ssa.Function]bool)
	for _, fn := range sum.SSA.Get().SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || rep.Skipped(fn.Pos()) {
			continue
		}
		s := sum.Net.Local[fn]
		if s.Empty() {
			continue
		}
		var external, local, gateways []netsum.Reach
		for _, r := range s.Reaches {
			if gatewayOf(r, pol) != nil {
				gateways = append(gateways, r)
				continue
			}
			switch hosts.Classify(r.Host, pol.Local.Hosts) {
			case hosts.External:
				external = append(external, r)
			case hosts.Local:
				local = append(local, r)
			}
		}
		defaults := fieldDefaultReaches(fn, s, sum.ListDials[fn], sum.Fields, pol)
		if len(external) == 0 && len(gateways) == 0 && len(defaults) == 0 {
			continue
		}
		why, promised := promise(obj, decls[obj.Pos()], pol)
		if !promised {
			// A name that promises a local route (transferOverLocalRelay)
			// and dials a local address: any external host it also
			// reaches, by default or not, breaks the promise, unless the
			// external call comes first and the local one is its
			// fallback (the name then describes the fallback).
			if len(local) == 0 {
				continue
			}
			route := names.PromisesLocalRoute(obj.Name(), names.Config{ExtraHonestWords: pol.Local.Honest})
			if !route.Local {
				continue
			}
			ext := append(append([]netsum.Reach(nil), external...), reachesOf(defaults)...)
			if len(ext) == 0 || localOnlyAfter(fn, ext[0], local[0]) {
				continue
			}
			reportRoute(rep, fn, obj, decls[obj.Pos()], route.Reason, external, defaults, local)
			reported[fn] = true
			continue
		}
		if len(external) > 0 || len(defaults) > 0 {
			reportFunc(pass, rep, fn, obj, decls[obj.Pos()], why, append(external, reachesOf(defaults)...), local)
			reported[fn] = true
		} else {
			reportGateway(pass, rep, fn, obj, decls[obj.Pos()], why, gateways[0], pol)
		}
	}
	reportBrokenByCaller(pass, rep, sum, decls, pol, reported)
	reportDownstreamDefaults(pass, rep, sum, pol)
	return nil, nil
}

// reportBrokenByCaller reports the calls that pass an external destination
// into a function that promises a local model (callLocalModel(groqURL)):
// the promising function reaches only what it is given, so the promise is
// broken at the call, and that is where it is reported. A caller already
// reported for the same reach is not reported again, nor are calls into
// the standard library or an SDK of the table.
func reportBrokenByCaller(pass *analysis.Pass, rep *report.Reporter, sum *summary.Result, decls map[token.Pos]*ast.FuncDecl, pol *policy.Policy, reported map[*ssa.Function]bool) {
	seen := make(map[token.Pos]bool)
	for _, fn := range sum.SSA.Get().SrcFuncs {
		if fn.Parent() != nil || reported[fn] || rep.Skipped(fn.Pos()) {
			continue
		}
		for _, c := range sum.Net.CreatedIn[fn] {
			if c.Unresolved() || len(c.Via) < 2 || seen[c.Call.Pos()] || hosts.Classify(c.Host, pol.Local.Hosts) != hosts.External {
				continue
			}
			callee := c.Call.Common().StaticCallee()
			if callee == nil {
				continue
			}
			if callee.Origin() != nil {
				callee = callee.Origin()
			}
			obj, ok := callee.Object().(*types.Func)
			if !ok || obj.Pkg() == nil || callee == fn || sdks.InSDK(obj.Pkg().Path()) || ssax.IsStdPackage(obj.Pkg().Path()) {
				continue
			}
			why, promised := promise(obj, decls[obj.Pos()], pol)
			if !promised {
				continue
			}
			seen[c.Call.Pos()] = true
			name := funcName(obj)
			what, fix := c.Host, "pass the local endpoint"
			if model, ok := netsum.CloudModel(c.Via); ok {
				// The destination is the promising function's own; the
				// caller's model is what reaches the cloud.
				what, fix = fmt.Sprintf("cloud model %s (which Ollama forwards to %s)", model, c.Host), "pass a local model"
			}
			rep.Report(analysis.Diagnostic{
				Pos:      c.Call.Pos(),
				Category: CategoryExternal,
				Message: fmt.Sprintf("call passes %s to %s, which promises a local model: %s [%s]; %s, or rename %s to admit the remote route",
					what, name, netsum.PathString(c.Via), why, fix, obj.Name()),
			})
		}
	}
}

// promise decides whether the function promises locality, and why.
func promise(obj *types.Func, decl *ast.FuncDecl, pol *policy.Policy) (string, bool) {
	recv := ""
	if sig := obj.Type().(*types.Signature); sig.Recv() != nil {
		recv = types.TypeString(sig.Recv().Type(), func(*types.Package) string { return "" })
	}
	for _, p := range pol.Local.Only {
		name := strings.TrimPrefix(strings.TrimPrefix(recv, "*"), ".")
		if p.MatchFunc(obj.Pkg().Path(), name, obj.Name()) || p.MatchPackage(obj.Pkg().Path()) {
			return fmt.Sprintf("the policy's local.only lists %s", p), true
		}
	}
	doc := ""
	if decl != nil && decl.Doc != nil {
		doc = decl.Doc.Text()
	}
	p := names.PromisesLocal(names.Subject{Name: obj.Name(), Recv: recv, Doc: doc, PkgPath: obj.Pkg().Path()},
		names.Config{ExtraLocalWords: pol.Local.Words, ExtraHonestWords: pol.Local.Honest})
	return p.Reason, p.Local
}

// gatewayOf returns the policy's gateway entry that r's endpoint matches.
func gatewayOf(r netsum.Reach, pol *policy.Policy) *policy.GatewayPattern {
	for i, g := range pol.Local.Gateways {
		if g.Match(r.Host, r.Port) {
			return &pol.Local.Gateways[i]
		}
	}
	return nil
}

// funcName is the function as messages name it: "callOllama",
// "(*OnPremModel).Chat".
func funcName(obj *types.Func) string {
	if sig := obj.Type().(*types.Signature); sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), func(*types.Package) string { return "" }) + ")." + obj.Name()
	}
	return obj.Name()
}

// witnessPath renders "name → first hop → ... → sink".
func witnessPath(name string, r netsum.Reach) string {
	if len(r.Via) == 0 {
		return name
	}
	return name + " → " + netsum.PathString(r.Via)
}

func reportFunc(pass *analysis.Pass, rep *report.Reporter, fn *ssa.Function, obj *types.Func, decl *ast.FuncDecl, why string, external, local []netsum.Reach) {
	var hostNames []string
	for _, r := range external {
		if !slices.Contains(hostNames, r.Host) {
			hostNames = append(hostNames, r.Host)
		}
	}
	sort.Strings(hostNames)
	witness := external[0]
	name := funcName(obj)
	msg := fmt.Sprintf("%s promises a local model but reaches %s: %s", name, strings.Join(hostNames, ", "), witnessPath(name, witness))
	firstExt := firstHop(fn, witness)
	if len(local) > 0 && firstExt != nil {
		if firstLocal := firstHop(fn, local[0]); firstLocal != nil && triedFirst(firstExt, firstLocal) {
			msg += fmt.Sprintf("; the local %s is tried only after the external call (external-first fallback)", local[0].Host)
		}
	}
	fix := "call the local endpoint only"
	if model, ok := netsum.CloudModel(witness.Via); ok {
		// The request's own destination may well be local: the model is
		// what sends it on.
		endpoint := "Ollama endpoint"
		for _, l := range local {
			if sameRequest(l.Via, witness.Via) {
				endpoint = "local Ollama endpoint"
				break
			}
		}
		msg += fmt.Sprintf("; %s, but cloud model %s, which Ollama forwards to %s", endpoint, model, witness.Host)
		fix = "use a local model"
	}
	msg += fmt.Sprintf(" [%s]; %s, or rename the function to admit the remote route", why, fix)
	pos, end := obj.Pos(), token.NoPos
	if decl != nil {
		pos, end = decl.Name.Pos(), decl.Name.End()
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Category: CategoryExternal, Message: msg}
	if firstExt != nil && firstExt.Pos().IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: firstExt.Pos(), Message: "first call on the way to " + witness.Host}}
	}
	rep.Report(d)
}

// reportGateway reports a promising function whose only non-local reach
// is a gateway the policy lists.
func reportGateway(pass *analysis.Pass, rep *report.Reporter, fn *ssa.Function, obj *types.Func, decl *ast.FuncDecl, why string, witness netsum.Reach, pol *policy.Policy) {
	name := funcName(obj)
	endpoint := witness.Host
	if witness.Port != "" {
		endpoint = hosts.JoinHostPort(witness.Host, witness.Port)
	}
	msg := fmt.Sprintf("%s promises a local model but sends to %s, a routing gateway that may forward to the cloud (local.gateways lists %s): %s [%s]; call the model server directly, or rename the function to admit the gateway route",
		name, endpoint, gatewayOf(witness, pol), witnessPath(name, witness), why)
	pos, end := obj.Pos(), token.NoPos
	if decl != nil {
		pos, end = decl.Name.Pos(), decl.Name.End()
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Category: CategoryGateway, Message: msg}
	if hop := firstHop(fn, witness); hop != nil && hop.Pos().IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: hop.Pos(), Message: "first call on the way to the gateway " + endpoint}}
	}
	rep.Report(d)
}

// firstHop finds the call in fn (or its closures) that the witness's first
// frame names.
func firstHop(fn *ssa.Function, r netsum.Reach) ssa.Instruction {
	if len(r.Via) == 0 {
		return nil
	}
	want := r.Via[0].Pos
	funcs := []*ssa.Function{fn}
	for i := 0; i < len(funcs); i++ {
		funcs = append(funcs, funcs[i].AnonFuncs...)
		for _, b := range funcs[i].Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(ssa.CallInstruction); ok && instr.Pos().IsValid() && report.ShortPos(fn.Prog.Fset, instr.Pos()) == want {
					return instr
				}
			}
		}
	}
	return nil
}

// triedFirst reports whether the external call ext can run before the
// local call loc and never after it: the local call is a fallback.
func triedFirst(ext, loc ssa.Instruction) bool {
	if ext.Parent() != loc.Parent() {
		return false
	}
	is := func(x ssa.Instruction) func(ssa.Instruction) bool {
		return func(i ssa.Instruction) bool { return i == x }
	}
	return cfgx.PathAvoiding(ext, is(loc), nil) && !cfgx.PathAvoiding(loc, is(ext), nil)
}

// sameRequest reports whether two witness paths end at the same call.
func sameRequest(a, b []netsum.Frame) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	x, y := a[len(a)-1], b[len(b)-1]
	return x.Func == y.Func && x.Pos == y.Pos
}

// fieldReach is a reach through a field default: the function dials a
// field of one of its parameters (c.Options.RelayAddress), and a constant
// this or the field's own package stores into that field names an
// external host. Fill and List are set when the field's value is dialled
// as an element of a list field (List) that the function fills with it
// (at Fill); Field is then "" for a literal appended to the list.
type fieldReach struct {
	netsum.Reach
	Field   string // "Options.RelayAddress"
	Default summary.FieldDefault
	Fill    *netsum.Frame
	List    string // "reconnectRelayAddresses"
}

func reachesOf(frs []fieldReach) []netsum.Reach {
	out := make([]netsum.Reach, len(frs))
	for i, fr := range frs {
		out[i] = fr.Reach
	}
	return out
}

// fieldDefaultReaches resolves fn's destinations that come from a field of
// a parameter (the receiver's c.Options.RelayAddress, through any helper)
// against the constants stored into that field: the defaults, set in a
// constructor, an options literal (DefaultOptions) or a flag default. A
// field that is also set from something else (a user argument) still
// counts: the default is what runs when the user configures nothing. Only
// defaults that name an external host are returned; a field whose
// defaults are all local, or that has no constant store, adds nothing.
//
// The destinations include the elements of a list field that fn fills
// before dialling them (lists: the summary's ListDials), and leave out
// dials behind an explicit opt-in option (if c.AllowRemote).
func fieldDefaultReaches(fn *ssa.Function, s *netsum.Summary, lists []summary.ListDial, fields map[*types.Var]*summary.FieldSum, pol *policy.Policy) []fieldReach {
	type dest struct {
		tmpl hosts.Str
		dial bool
		via  []netsum.Frame
		fill *netsum.Frame
		list string
	}
	var dests []dest
	for _, p := range s.Params {
		if !p.Model && !summary.OptInGatedFlow(fn, p.Tmpl, p.Via) {
			dests = append(dests, dest{tmpl: p.Tmpl, dial: p.Dial, via: p.Via})
		}
	}
	for _, l := range lists {
		fill := l.Fill
		dests = append(dests, dest{tmpl: l.Tmpl, dial: l.Dial, via: l.Via, fill: &fill, list: l.List})
	}
	var out []fieldReach
	seen := make(map[string]bool)
	for _, p := range dests {
		t := p.tmpl
		if len(p.via) == 0 {
			continue
		}
		last := p.via[len(p.via)-1].Func
		if p.fill != nil && t.IsLiteral() {
			// A literal put into the list: the host is the list's.
			h, port, ok := t.Endpoint(p.dial)
			if !ok || hosts.Classify(h, pol.Local.Hosts) != hosts.External || seen[h+"\x00"+p.list] {
				continue
			}
			seen[h+"\x00"+p.list] = true
			d := summary.FieldDefault{Val: t.Lit, Pos: p.fill.Pos, How: "appended"}
			out = append(out, fieldReach{Reach: netsum.Reach{Host: h, Port: port, Via: p.via}, Default: d, Fill: p.fill, List: p.list})
			continue
		}
		if t.Param < 0 || t.Param >= len(fn.Params) || t.Lit != "" || t.Path == "" || strings.Contains(t.Path, "[]") {
			continue
		}
		v := summary.FieldByPath(fn.Params[t.Param].Type(), t.Path)
		if v == nil || fields[v] == nil {
			continue
		}
		for _, d := range fields[v].Defaults {
			inst := hosts.Strs{t}.Instantiate(func(int, string) hosts.Strs { return hosts.Strs{hosts.Literal(d.Val)} })
			for _, str := range inst {
				h, port, ok := str.Endpoint(p.dial)
				if !ok || hosts.Classify(h, pol.Local.Hosts) != hosts.External || seen[h+"\x00"+t.Path] {
					continue
				}
				seen[h+"\x00"+t.Path] = true
				via := append(append([]netsum.Frame(nil), p.via...), netsum.Frame{
					Func:   last,
					Pos:    d.Pos,
					Callee: fmt.Sprintf("default of %s: %q (%s)", t.Path, d.Val, d.How),
				})
				out = append(out, fieldReach{Reach: netsum.Reach{Host: h, Port: port, Via: via}, Field: t.Path, Default: d, Fill: p.fill, List: p.list})
			}
		}
	}
	return out
}

// localOnlyAfter reports whether fn tries the local address only after
// the external one: a public-first design whose local call is the
// fallback, which a local route name does not misdescribe.
func localOnlyAfter(fn *ssa.Function, ext, loc netsum.Reach) bool {
	e, l := firstHop(fn, ext), firstHop(fn, loc)
	return e != nil && l != nil && triedFirst(e, l)
}

// reportRoute reports a function whose name promises a local route, that
// dials a local address and also reaches an external host: by default
// through a field (a relay address whose default is public), or directly.
func reportRoute(rep *report.Reporter, fn *ssa.Function, obj *types.Func, decl *ast.FuncDecl, why string, external []netsum.Reach, defaults []fieldReach, local []netsum.Reach) {
	name := funcName(obj)
	var hostNames []string
	all := append(append([]netsum.Reach(nil), external...), reachesOf(defaults)...)
	for _, r := range all {
		if !slices.Contains(hostNames, r.Host) {
			hostNames = append(hostNames, r.Host)
		}
	}
	sort.Strings(hostNames)
	var msg, fix string
	switch {
	case len(defaults) > 0 && defaults[0].Fill != nil && defaults[0].Field == "":
		d := defaults[0]
		msg = fmt.Sprintf("%s promises a local route but, besides the local %s, dials the elements of %s, into which it puts the external host %s: %s",
			name, local[0].Host, d.List, d.Host, routePath(name, d))
		fix = fmt.Sprintf("keep external hosts out of %s on the local route, or rename the function to admit the external route", d.List)
		all = []netsum.Reach{d.Reach}
	case len(defaults) > 0 && defaults[0].Fill != nil:
		d := defaults[0]
		msg = fmt.Sprintf("%s promises a local route but, besides the local %s, dials the elements of %s, into which it puts %s, whose default %q (%s at %s) is the external host %s: %s",
			name, local[0].Host, d.List, d.Field, d.Default.Val, d.Default.How, d.Default.Pos, d.Host, routePath(name, d))
		fix = fmt.Sprintf("keep %s out of %s on the local route (or gate it behind an explicit opt-in option), make its default local, or rename the function to admit the external route", d.Field, d.List)
		all = []netsum.Reach{d.Reach}
	case len(defaults) > 0:
		d := defaults[0]
		witness := d.Reach
		msg = fmt.Sprintf("%s promises a local route but, besides the local %s, dials %s, whose default %q (%s at %s) is the external host %s: %s",
			name, local[0].Host, d.Field, d.Default.Val, d.Default.How, d.Default.Pos, witness.Host, witnessPath(name, witness))
		fix = fmt.Sprintf("dial only the local address, make the default of %s local, or rename the function to admit the external route", d.Field)
		all = []netsum.Reach{witness}
	default:
		msg = fmt.Sprintf("%s promises a local route but, besides the local %s, reaches %s: %s", name, local[0].Host, strings.Join(hostNames, ", "), witnessPath(name, external[0]))
		fix = "dial only the local address, or rename the function to admit the external route"
	}
	msg += fmt.Sprintf(" [%s]; %s", why, fix)
	pos, end := obj.Pos(), token.NoPos
	if decl != nil {
		pos, end = decl.Name.Pos(), decl.Name.End()
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Category: CategoryExternal, Message: msg}
	if hop := firstHop(fn, all[0]); hop != nil && hop.Pos().IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: hop.Pos(), Message: "first call on the way to " + all[0].Host}}
	}
	rep.Report(d)
}

// routePath renders the path of a field reach: for a list element, first
// where the function puts the value into the list, then the dial of the
// list's elements.
func routePath(name string, d fieldReach) string {
	if d.Fill == nil {
		return witnessPath(name, d.Reach)
	}
	what := d.Field
	if what == "" {
		what = strconv.Quote(d.Default.Val)
	}
	via := d.Via
	if d.Field != "" && d.Default.Pos != "" && len(via) > 0 && strings.HasPrefix(via[len(via)-1].Callee, "default of ") {
		via = via[:len(via)-1] // the default's frame: the message names it
	}
	put := fmt.Sprintf("%s (%s) puts %s into %s", d.Fill.Callee, d.Fill.Pos, what, d.List)
	if strings.HasPrefix(d.Fill.Callee, "append to ") {
		put = fmt.Sprintf("appends %s to %s (%s)", what, d.List, d.Fill.Pos)
	}
	return fmt.Sprintf("%s → %s; then %s", name, put, witnessPath(name, netsum.Reach{Via: via}))
}

// reportDownstreamDefaults reports, in a package that stores an external
// default into another package's field (cli's croc.Options{RelayAddress:
// c.String("relay")} with the flag's default croc.schollz.com), the
// functions of the field's package that promise a local route and dial
// that field besides their local address (their FieldDial facts): the
// promise is broken by the default given here, which the field's own
// package cannot see. One report per field and function, at the first
// store (by position) whose default names an external host.
func reportDownstreamDefaults(pass *analysis.Pass, rep *report.Reporter, sum *summary.Result, pol *policy.Policy) {
	vars := make([]*types.Var, 0, len(sum.Fields))
	for v, fs := range sum.Fields {
		if v.Pkg() != nil && v.Pkg() != pass.Pkg && len(fs.Defaults) > 0 {
			vars = append(vars, v)
		}
	}
	sort.Slice(vars, func(i, j int) bool {
		if vars[i].Pkg().Path() != vars[j].Pkg().Path() {
			return vars[i].Pkg().Path() < vars[j].Pkg().Path()
		}
		return vars[i].Pos() < vars[j].Pos()
	})
	for _, v := range vars {
		fd := sum.FieldDials[v]
		if fd == nil {
			continue
		}
		defaults := slices.Clone(sum.Fields[v].Defaults)
		sort.SliceStable(defaults, func(i, j int) bool { return defaults[i].Store() < defaults[j].Store() })
		for _, dl := range fd.Dialers {
			route := names.PromisesLocalRoute(dl.Name, names.Config{ExtraHonestWords: pol.Local.Honest})
			if !route.Local {
				continue
			}
			for _, d := range defaults {
				if !d.Store().IsValid() || rep.Skipped(d.Store()) {
					continue
				}
				host, ok := externalDefault(dl, d, pol)
				if !ok {
					continue
				}
				fr := fieldReach{Reach: netsum.Reach{Host: host, Via: dl.Via}, Field: dl.Tmpl.Path, Default: d, Fill: dl.Fill, List: dl.List}
				where := ""
				if dl.List != "" {
					where = fmt.Sprintf(" (as an element of %s)", dl.List)
				}
				rep.Report(analysis.Diagnostic{
					Pos:      d.Store(),
					Category: CategoryExternal,
					Message: fmt.Sprintf("%s gets the default %q here (%s at %s), the external host %s, which %s dials%s besides the local %s although it promises a local route: %s [%s]; pass a local address here when the local route is meant, keep %s off %s's route, or rename %s to admit the external route",
						dl.Tmpl.Path, d.Val, d.How, d.Pos, host, dl.Func, where, dl.Local, routePath(dl.Func, fr), route.Reason, dl.Tmpl.Path, dl.Name, dl.Name),
				})
				break
			}
		}
	}
}

// externalDefault instantiates the dialler's destination with default d
// and returns the host when it is external.
func externalDefault(dl summary.Dialer, d summary.FieldDefault, pol *policy.Policy) (string, bool) {
	inst := hosts.Strs{dl.Tmpl}.Instantiate(func(int, string) hosts.Strs { return hosts.Strs{hosts.Literal(d.Val)} })
	for _, str := range inst {
		h, _, ok := str.Endpoint(dl.Dial)
		if ok && hosts.Classify(h, pol.Local.Hosts) == hosts.External {
			return h, true
		}
	}
	return "", false
}
