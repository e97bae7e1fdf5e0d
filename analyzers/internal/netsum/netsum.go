// Package netsum computes, for one SSA function, where its network calls
// may go: the hosts it reaches (each with one shortest witness call path),
// the destinations that come from its parameters (resolved by each caller
// against its own arguments), and the strings and fields it hands back to
// callers (helpers building URLs, constructors setting base URLs).
//
// Summaries are transitively closed: a reach copied
// from a callee carries the callee's whole path, so a fact never points at a
// deeper package's fact. Policy and locality are not applied here; hosts are
// raw, and reporters classify them.
package netsum

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Caps: past them, widen toward silence.
const (
	maxReaches = 16
	maxFrames  = 12
	maxParams  = 16
	maxVirtual = 16
)

// Frame is one step of a witness path, as strings so it can cross packages
// in a fact (no token.Pos: the other package's FileSet is not available).
type Frame struct {
	Func   string // package-qualified caller, "app.callOllama"
	Pos    string // "runner.go:37:9", base name only
	Callee string // what it calls, "app.send" or "(*net/http.Client).Post"
	// CloudModel is set on a request to an Ollama server whose model the
	// server forwards to ollama.com: "gpt-oss:120b-cloud".
	CloudModel string
}

func (f Frame) String() string {
	if f.CloudModel != "" {
		return f.Callee + " [cloud model " + f.CloudModel + "] (" + f.Pos + ")"
	}
	return f.Callee + " (" + f.Pos + ")"
}

// PathString renders a witness path for messages:
// "sender.Post (incident.go:16:27) → (*http.Client).Post (sender.go:15:20)".
func PathString(via []Frame) string {
	parts := make([]string, len(via))
	for i, f := range via {
		parts[i] = f.String()
	}
	return strings.Join(parts, " → ")
}

// Reach is a host the function may connect to, with one witness. Port is
// the port when the destination decides it (a URL's scheme default
// included), else "": a policy's gateway entries name ports.
type Reach struct {
	Host string
	Port string
	Via  []Frame
}

// ParamFlow says a sink's destination is built from a parameter: Tmpl has
// the parameter as its origin (with the literal before and after it).
//
// With Model set, Tmpl is instead the model name of a request to an Ollama
// server (see hosts.Resolver.Models): a caller whose argument makes it a
// cloud model reaches ollama.com, and the last frame of Via, the request,
// is marked with the model (Frame.CloudModel).
type ParamFlow struct {
	Tmpl  hosts.Str
	Dial  bool // the sink takes host:port, not a URL
	Model bool // Tmpl is a model name sent to an Ollama server
	Via   []Frame
}

// Result is a string (URL) the function returns in one result.
type Result struct {
	Index int
	Vals  hosts.Strs
}

// FieldResult is what a constructor stores in fields of one result.
type FieldResult struct {
	Index  int
	Fields []hosts.Field
}

// VCall is a dynamic call through an interface method that this package
// cannot resolve for its importers: the implementations may be declared
// above it (a provider chain in package llm, its providers in package app).
// Each importer resolves it against the implementations it declares, and
// passes it on for packages further up. Via ends at the dynamic call.
//
// When the receiver is a parameter of the summarised function (Path "") or
// an element of a slice parameter (Path "[]"), Param is its index, and the
// caller resolves the call against the concrete types it passes there: a
// chain given only a local provider does not reach a cloud provider
// declared beside it. Otherwise Param is -1, and the call resolves against
// every implementation the importer declares.
type VCall struct {
	Iface  string // package path and name of the interface, "example.com/llm.Provider"
	Method string
	Param  int
	Path   string
	Via    []Frame
}

// Summary is the content of the NetSum fact.
type Summary struct {
	Reaches   []Reach
	Params    []ParamFlow
	Returns   []Result
	RetFields []FieldResult
	Virtual   []VCall
}

// HandsOutHost reports whether a string or field the function returns
// names a host: a URL its callers may send to. Constant strings in general
// do not count (every package returns some).
func (s *Summary) HandsOutHost() bool {
	for _, r := range s.Returns {
		if hosts.NamesHost(r.Vals) {
			return true
		}
	}
	for _, r := range s.RetFields {
		for _, f := range r.Fields {
			if hosts.NamesHost(f.Vals) {
				return true
			}
		}
	}
	return false
}

// Empty reports whether s says nothing.
func (s *Summary) Empty() bool {
	return s == nil || len(s.Reaches) == 0 && len(s.Params) == 0 && len(s.Returns) == 0 && len(s.RetFields) == 0 && len(s.Virtual) == 0
}

// Created is a reach that starts in this function, at Call: a sink with a
// concrete destination, or a callee's parameter flow instantiated with one.
// Egress reports these (a reach merely inherited from a callee is reported
// at the callee).
//
// A destination that cannot be resolved statically is created too, with
// Host "" and Origin naming the environment variable it comes from (or ""
// when nothing is known): egress.strict reports those. They never enter a
// summary, so facts and localroute are unaffected.
type Created struct {
	Host   string
	Origin string
	Call   ssa.CallInstruction
	Via    []Frame
}

// Unresolved reports whether the destination could not be resolved.
func (c Created) Unresolved() bool { return c.Host == "" }

// Lookup returns a callee's summary (through facts for other packages), or
// nil.
type Lookup func(fn *types.Func) *Summary

// Analyzer computes summaries for one package.
type Analyzer struct {
	Lookup Lookup
	Local  map[*ssa.Function]*Summary
	// Impls resolves an interface method to the package's implementations.
	Impls    func(iface *types.Interface, name string) []*ssa.Function
	Resolver *hosts.Resolver
	// CreatedIn records, per function, the reaches it creates.
	CreatedIn map[*ssa.Function][]Created

	byObj map[*types.Func]*ssa.Function
}

// New returns an Analyzer whose resolver consults summaries for helper
// results and constructor fields.
func New(lookup Lookup, impls func(*types.Interface, string) []*ssa.Function) *Analyzer {
	a := &Analyzer{Lookup: lookup, Local: make(map[*ssa.Function]*Summary), Impls: impls, CreatedIn: make(map[*ssa.Function][]Created)}
	a.Resolver = &hosts.Resolver{
		Callee: func(fn *types.Func, result int) hosts.Strs {
			for _, r := range a.summaryOfObj(fn).returns() {
				if r.Index == result {
					return r.Vals
				}
			}
			return nil
		},
		FieldsOf: func(fn *types.Func, result int) []hosts.Field {
			for _, r := range a.summaryOfObj(fn).retFields() {
				if r.Index == result {
					return r.Fields
				}
			}
			return nil
		},
	}
	return a
}

func (s *Summary) returns() []Result {
	if s == nil {
		return nil
	}
	return s.Returns
}

func (s *Summary) retFields() []FieldResult {
	if s == nil {
		return nil
	}
	return s.RetFields
}

// summaryOfObj finds a function's summary by its object: this package's
// (computed so far) or a fact.
func (a *Analyzer) summaryOfObj(fn *types.Func) *Summary {
	if a.byObj == nil {
		a.byObj = make(map[*types.Func]*ssa.Function, len(a.Local))
		for f := range a.Local {
			if obj, ok := f.Object().(*types.Func); ok {
				a.byObj[obj] = f
			}
		}
	}
	if f, ok := a.byObj[fn]; ok {
		return a.Local[f]
	}
	if a.Lookup != nil {
		return a.Lookup(fn)
	}
	return nil
}

func (a *Analyzer) summaryOf(fn *ssa.Function) *Summary {
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if s, ok := a.Local[fn]; ok {
		return s
	}
	if obj, ok := fn.Object().(*types.Func); ok && a.Lookup != nil {
		return a.Lookup(obj)
	}
	return nil
}

// Summarize computes fn's summary (closures folded in) and records the
// reaches fn creates.
func (a *Analyzer) Summarize(fn *ssa.Function) Summary {
	var s Summary
	var created []Created
	self := funcName(fn)
	addReach := func(r Reach) {
		r.Via = capFrames(r.Via)
		s.Reaches = append(s.Reaches, r)
	}
	resolveInto := func(vals hosts.Strs, dial bool, call ssa.CallInstruction, via []Frame, create bool) {
		for _, v := range vals {
			if v.Param >= 0 && v.Lit == "" || v.Param >= 0 && !hostKnown(v, dial) {
				s.Params = append(s.Params, ParamFlow{Tmpl: v, Dial: dial, Via: capFrames(via)})
				continue
			}
			if h, port, ok := v.Endpoint(dial); ok {
				addReach(Reach{Host: h, Port: port, Via: via})
				if create {
					created = append(created, Created{Host: h, Call: call, Via: via})
				}
			} else if create {
				created = append(created, Created{Origin: v.Origin(), Call: call, Via: via})
			}
		}
	}
	// cloudInto adds the reach of ollama.com for each model that Ollama
	// forwards there, marking the request's frame (the last of via) with
	// the model; a model that is exactly a parameter becomes a model flow
	// for the callers. Anything else (a local model, an unknown one) adds
	// nothing.
	cloudInto := func(models hosts.Strs, call ssa.CallInstruction, via []Frame) {
		for _, m := range models {
			if name, ok := hosts.CloudModel(m); ok {
				marked := markCloud(via, name)
				// Ollama forwards over https (server/create.go maps
				// "ollama.com" to "https://ollama.com:443").
				addReach(Reach{Host: sdks.CloudHost, Port: "443", Via: marked})
				created = append(created, Created{Host: sdks.CloudHost, Call: call, Via: marked})
				continue
			}
			if m.Param >= 0 && m.Lit == "" && m.Complete && m.Tail == "" {
				s.Params = append(s.Params, ParamFlow{Tmpl: m, Model: true, Via: capKeepLast(via)})
			}
		}
	}
	for _, f := range withClosures(fn) {
		for _, sink := range hosts.FindSinks(f) {
			frame := Frame{Func: self, Pos: ssax.ShortPos(f, sink.Call.Pos()), Callee: shortCallee(sink.Callee)}
			targets := a.Resolver.Targets(sink)
			resolveInto(targets, sink.Kind.Dial(), sink.Call, []Frame{frame}, true)
			if models, native, ok := a.Resolver.Models(sink); ok && ollamaServer(targets, native) {
				cloudInto(models, sink.Call, []Frame{frame})
			}
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if iface := openInterface(call.Common()); iface != "" {
					method := call.Common().Method.Name()
					frame := Frame{Func: self, Pos: ssax.ShortPos(f, call.Pos()), Callee: iface[strings.LastIndex(iface, "/")+1:] + "." + method}
					param, path := receiverOrigin(fn, call.Common().Value)
					s.Virtual = append(s.Virtual, VCall{Iface: iface, Method: method, Param: param, Path: path, Via: []Frame{frame}})
					if param >= 0 {
						// The receiver is the caller's to choose: each
						// call site resolves it by what it passes, rather
						// than every implementation here counting.
						continue
					}
				}
				for _, callee := range a.callees(call) {
					cs := a.summaryOf(callee)
					if cs == nil || callee == fn {
						continue
					}
					frame := Frame{Func: self, Pos: ssax.ShortPos(f, call.Pos()), Callee: funcName(callee)}
					for _, r := range cs.Reaches {
						addReach(Reach{Host: r.Host, Port: r.Port, Via: append([]Frame{frame}, r.Via...)})
					}
					for _, v := range cs.Virtual {
						via := capFrames(append([]Frame{frame}, v.Via...))
						if a.isLocal(callee) && v.Param < 0 {
							// Resolved against this package's implementations
							// in the callee's own summary already.
							s.Virtual = append(s.Virtual, VCall{Iface: v.Iface, Method: v.Method, Param: -1, Via: via})
							continue
						}
						for _, r := range a.resolveVirtual(fn, call, v, via, &s) {
							addReach(r)
						}
					}
					for _, p := range cs.Params {
						args := call.Common().Args
						if call.Common().IsInvoke() {
							// invoke: Args excludes the receiver, which is Value
							args = append([]ssa.Value{call.Common().Value}, args...)
						}
						inst := hosts.Strs{p.Tmpl}.Instantiate(func(param int, path string) hosts.Strs {
							if param >= len(args) {
								return hosts.Strs{hosts.Unknown()}
							}
							return a.Resolver.Resolve(args[param], path, call)
						})
						if p.Model {
							cloudInto(inst, call, append([]Frame{frame}, p.Via...))
							continue
						}
						resolveInto(inst, p.Dial, call, append([]Frame{frame}, p.Via...), true)
					}
				}
			}
		}
	}
	if fn.Signature.Results().Len() > 0 {
		for i := 0; i < fn.Signature.Results().Len(); i++ {
			t := fn.Signature.Results().At(i).Type()
			if carriesString(t) {
				if vals := a.Resolver.ResultStrings(fn, i); informative(vals) {
					s.Returns = append(s.Returns, Result{Index: i, Vals: vals})
				}
			} else if hosts.HasStringLeaves(t) {
				if fields := a.Resolver.ResultFields(fn, i); len(fields) > 0 {
					s.RetFields = append(s.RetFields, FieldResult{Index: i, Fields: fields})
				}
			}
		}
	}
	a.CreatedIn[fn] = created
	normalize(&s)
	return s
}

func (s *Summary) virtual() []VCall {
	if s == nil {
		return nil
	}
	return s.Virtual
}

// resolveVirtual resolves a callee's dynamic call at a call site of fn: by
// the concrete types the caller passes for the receiver when it can see
// them, else against the package's own implementations. A call it cannot
// close is passed on in s.Virtual for the packages above. It returns the
// reaches found, with their whole paths.
func (a *Analyzer) resolveVirtual(fn *ssa.Function, call ssa.CallInstruction, v VCall, via []Frame, s *Summary) []Reach {
	var impls []*types.Func
	if v.Param >= 0 {
		args := call.Common().Args
		if call.Common().IsInvoke() {
			args = append([]ssa.Value{call.Common().Value}, args...)
		}
		if v.Param >= len(args) {
			return nil
		}
		concrete, param, ok := concreteTypes(fn, args[v.Param], v.Path)
		switch {
		case param >= 0:
			// The caller's own parameter: its callers decide.
			s.Virtual = append(s.Virtual, VCall{Iface: v.Iface, Method: v.Method, Param: param, Path: v.Path, Via: via})
			return nil
		case ok:
			for _, t := range concrete {
				if m := methodOf(t, v.Method); m != nil {
					impls = append(impls, m)
				}
			}
		}
		if !ok {
			impls = a.implementationObjects(fn.Prog, v.Iface, v.Method)
			s.Virtual = append(s.Virtual, VCall{Iface: v.Iface, Method: v.Method, Param: -1, Via: via})
		}
	} else {
		impls = a.implementationObjects(fn.Prog, v.Iface, v.Method)
		s.Virtual = append(s.Virtual, VCall{Iface: v.Iface, Method: v.Method, Param: -1, Via: via})
	}
	var out []Reach
	last := via[len(via)-1]
	for _, impl := range impls {
		is := a.summaryOfObj(impl)
		if is == nil {
			continue
		}
		implFrame := Frame{Func: last.Func, Pos: last.Pos, Callee: ObjName(impl)}
		for _, r := range is.Reaches {
			path := append(append(append([]Frame(nil), via[:len(via)-1]...), implFrame), r.Via...)
			out = append(out, Reach{Host: r.Host, Port: r.Port, Via: path})
		}
	}
	return out
}

// receiverOrigin reports whether an interface call's receiver is a
// parameter of top (path "") or an element of a slice parameter (path
// "[]", as a range over it loads it), else -1.
func receiverOrigin(top *ssa.Function, v ssa.Value) (int, string) {
	path := ""
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if ia, ok := load.X.(*ssa.IndexAddr); ok {
			v, path = ia.X, "[]"
		}
	}
	if p, ok := v.(*ssa.Parameter); ok {
		for i, q := range top.Params {
			if q == p {
				if path == "[]" {
					if _, isSlice := p.Type().Underlying().(*types.Slice); !isSlice {
						return -1, ""
					}
				}
				return i, path
			}
		}
	}
	return -1, ""
}

// concreteTypes finds the dynamic types of an interface argument (path "")
// or of the elements of a slice argument built from a literal (path "[]").
// param is set instead when the argument is a parameter of top; ok is false
// when the types cannot all be seen.
func concreteTypes(top *ssa.Function, arg ssa.Value, path string) (ts []types.Type, param int, ok bool) {
	if p, isParam := arg.(*ssa.Parameter); isParam {
		for i, q := range top.Params {
			if q == p {
				return nil, i, false
			}
		}
		return nil, -1, false
	}
	if path == "" {
		if mi, isMI := arg.(*ssa.MakeInterface); isMI {
			return []types.Type{mi.X.Type()}, -1, true
		}
		return nil, -1, false
	}
	sl, isSlice := arg.(*ssa.Slice)
	if !isSlice {
		return nil, -1, false
	}
	alloc, isAlloc := sl.X.(*ssa.Alloc)
	if !isAlloc || alloc.Referrers() == nil {
		return nil, -1, false
	}
	for _, ref := range *alloc.Referrers() {
		ia, isIA := ref.(*ssa.IndexAddr)
		if !isIA {
			if ref == sl {
				continue
			}
			return nil, -1, false
		}
		for _, use := range *ia.Referrers() {
			st, isStore := use.(*ssa.Store)
			if !isStore || st.Addr != ia {
				continue
			}
			mi, isMI := st.Val.(*ssa.MakeInterface)
			if !isMI {
				return nil, -1, false
			}
			ts = append(ts, mi.X.Type())
		}
	}
	return ts, -1, true
}

// methodOf returns the method a dynamic call of name on a value of type t
// runs (promoted methods included), or nil.
func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	if obj == nil {
		// An unexported method: look it up in the type's own package.
		if n, ok := types.Unalias(ssax.Deref(t)).(*types.Named); ok {
			obj, _, _ = types.LookupFieldOrMethod(t, true, n.Obj().Pkg(), name)
		}
	}
	m, _ := obj.(*types.Func)
	return m
}

// ObjName is the package-qualified name of a function known by its object.
func ObjName(obj *types.Func) string {
	sig := obj.Type().(*types.Signature)
	qual := func(p *types.Package) string { return p.Name() }
	if sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + obj.Name()
	}
	if obj.Pkg() != nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	return obj.Name()
}

// isLocal reports whether fn belongs to the package being summarised.
func (a *Analyzer) isLocal(fn *ssa.Function) bool {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	_, ok := a.Local[fn]
	return ok
}

// openInterface returns the qualified name of the interface an invoke call
// dispatches through, if importers may declare implementations the package
// cannot see: a named interface outside the standard library (std's
// network sinks are modelled by name, and io.Reader-style interfaces would
// fill every summary).
func openInterface(common *ssa.CallCommon) string {
	if !common.IsInvoke() {
		return ""
	}
	named, ok := types.Unalias(common.Value.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	path := named.Obj().Pkg().Path()
	if ssax.IsStdPackage(path) {
		return ""
	}
	return path + "." + named.Obj().Name()
}

// implementationObjects is implementationsOf by object.
func (a *Analyzer) implementationObjects(prog *ssa.Program, iface, method string) []*types.Func {
	var out []*types.Func
	for _, fn := range a.implementationsOf(prog, iface, method) {
		if fn.Origin() != nil {
			fn = fn.Origin()
		}
		if obj, ok := fn.Object().(*types.Func); ok {
			out = append(out, obj)
		}
	}
	return out
}

// implementationsOf resolves a VCall against the package's own
// implementations of the interface.
func (a *Analyzer) implementationsOf(prog *ssa.Program, iface, method string) []*ssa.Function {
	if a.Impls == nil {
		return nil
	}
	i := strings.LastIndex(iface, ".")
	if i < 0 {
		return nil
	}
	pkg := prog.ImportedPackage(iface[:i])
	if pkg == nil {
		return nil
	}
	obj, ok := pkg.Pkg.Scope().Lookup(iface[i+1:]).(*types.TypeName)
	if !ok {
		return nil
	}
	it, ok := obj.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	return a.Impls(it, method)
}

// callees lists the functions a call may reach: the static callee, or the
// package's implementations of an invoked interface method.
func (a *Analyzer) callees(call ssa.CallInstruction) []*ssa.Function {
	common := call.Common()
	if common.IsInvoke() {
		if a.Impls == nil {
			return nil
		}
		iface, ok := common.Value.Type().Underlying().(*types.Interface)
		if !ok {
			return nil
		}
		return a.Impls(iface, common.Method.Name())
	}
	if f := common.StaticCallee(); f != nil {
		return []*ssa.Function{f}
	}
	return nil
}

// hostKnown reports whether v's host is decided by its literal prefix even
// though a parameter follows (base URL literal + parameter path).
func hostKnown(v hosts.Str, dial bool) bool {
	_, ok := v.Host(dial)
	return ok
}

func informative(vals hosts.Strs) bool {
	for _, v := range vals {
		if !v.IsUnknown() && v != hosts.Literal("") {
			return true
		}
	}
	return false
}

func carriesString(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return true
	}
	if sdks.ClientType(t) {
		return true // an SDK client carries its base URL
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.Obj().Pkg() != nil {
			path, name := n.Obj().Pkg().Path(), n.Obj().Name()
			return path == "net/url" && name == "URL" || path == "net/http" && name == "Request"
		}
	}
	return false
}

// withClosures returns fn and its closures: a closure's calls count as its
// parent's (they run on the parent's behalf, or are handed out by it).
func withClosures(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for i := 0; i < len(out); i++ {
		out = append(out, out[i].AnonFuncs...)
	}
	return out
}

func capFrames(via []Frame) []Frame {
	if len(via) > maxFrames {
		if via[len(via)-1].CloudModel != "" {
			return capKeepLast(via)
		}
		via = via[:maxFrames]
	}
	return append([]Frame(nil), via...)
}

// capKeepLast caps via but keeps its last frame, the request a cloud-model
// reach or model flow is about.
func capKeepLast(via []Frame) []Frame {
	if len(via) <= maxFrames {
		return append([]Frame(nil), via...)
	}
	out := append([]Frame(nil), via[:maxFrames-1]...)
	return append(out, via[len(via)-1])
}

// markCloud returns a copy of via whose last frame is marked with model.
func markCloud(via []Frame, model string) []Frame {
	out := capKeepLast(via)
	if len(out) > 0 {
		out[len(out)-1].CloudModel = model
	}
	return out
}

// CloudModel reports whether a witness path ends in a request whose cloud
// model Ollama forwards to ollama.com, and returns the model.
func CloudModel(via []Frame) (string, bool) {
	if len(via) == 0 {
		return "", false
	}
	m := via[len(via)-1].CloudModel
	return m, m != ""
}

// ollamaServer reports whether a request whose destinations are targets
// goes to an Ollama server that forwards cloud models, rather than to
// ollama.com itself. A client of the Ollama API (native) talks to an
// Ollama server wherever it points, unless every destination is
// ollama.com: the request then goes there directly, and its reach is
// already the destination's. An OpenAI-compatible client talks to Ollama
// only when a destination names Ollama's port.
func ollamaServer(targets hosts.Strs, native bool) bool {
	for _, t := range targets {
		if native {
			if h, ok := t.Host(false); !ok || h != sdks.CloudHost {
				return true
			}
			continue
		}
		if _, port, ok := t.Endpoint(false); ok && port == sdks.OllamaPort {
			return true
		}
	}
	return false
}

// normalize sorts and deduplicates a summary and applies the caps: one
// witness per host (the shortest, then lexically first).
func normalize(s *Summary) {
	type endpoint struct{ host, port string }
	best := make(map[endpoint][]Frame)
	for _, r := range s.Reaches {
		k := endpoint{r.Host, r.Port}
		if cur, ok := best[k]; !ok || better(r.Via, cur) {
			best[k] = r.Via
		}
	}
	s.Reaches = s.Reaches[:0]
	for k, via := range best {
		s.Reaches = append(s.Reaches, Reach{Host: k.host, Port: k.port, Via: via})
	}
	sort.Slice(s.Reaches, func(i, j int) bool {
		x, y := s.Reaches[i], s.Reaches[j]
		if x.Host != y.Host {
			return x.Host < y.Host
		}
		return x.Port < y.Port
	})
	if len(s.Reaches) > maxReaches {
		s.Reaches = s.Reaches[:maxReaches]
	}
	// Params are told apart and ordered by their template's text (what
	// fmt's %+v printed, Str.String, computed once per flow).
	type keyed struct {
		tmpl string
		p    ParamFlow
	}
	seen := make(map[string]bool)
	var params []keyed
	for _, p := range s.Params {
		tmpl := p.Tmpl.String()
		k := tmpl + "|" + strconv.FormatBool(p.Dial) + "|" + strconv.FormatBool(p.Model)
		if !seen[k] {
			seen[k] = true
			params = append(params, keyed{tmpl, p})
		}
	}
	sort.Slice(params, func(i, j int) bool { return params[i].tmpl < params[j].tmpl })
	if len(params) > maxParams {
		params = params[:maxParams]
	}
	s.Params = s.Params[:0]
	for _, k := range params {
		s.Params = append(s.Params, k.p)
	}
	if len(s.Params) == 0 {
		s.Params = nil
	}

	type vkey struct {
		iface, method, path string
		param               int
	}
	bestV := make(map[vkey][]Frame)
	for _, v := range s.Virtual {
		k := vkey{v.Iface, v.Method, v.Path, v.Param}
		if cur, ok := bestV[k]; !ok || better(v.Via, cur) {
			bestV[k] = v.Via
		}
	}
	s.Virtual = s.Virtual[:0]
	for k, via := range bestV {
		s.Virtual = append(s.Virtual, VCall{Iface: k.iface, Method: k.method, Param: k.param, Path: k.path, Via: via})
	}
	sort.Slice(s.Virtual, func(i, j int) bool {
		x, y := s.Virtual[i], s.Virtual[j]
		if x.Iface != y.Iface {
			return x.Iface < y.Iface
		}
		if x.Method != y.Method {
			return x.Method < y.Method
		}
		if x.Param != y.Param {
			return x.Param < y.Param
		}
		return x.Path < y.Path
	})
	if len(s.Virtual) > maxVirtual {
		s.Virtual = s.Virtual[:maxVirtual]
	}
	if len(s.Virtual) == 0 {
		s.Virtual = nil
	}
}

func better(a, b []Frame) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return framesText(a) < framesText(b)
}

// framesText is fmt.Sprint(via), "[f1 f2]", without fmt's reflection:
// better compares it for every candidate witness.
func framesText(via []Frame) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, f := range via {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.String())
	}
	b.WriteByte(']')
	return b.String()
}

// funcName is the package-qualified name used in frames.
func funcName(fn *ssa.Function) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return ObjName(obj)
	}
	return fn.Name()
}

// shortCallee turns "(*net/http.Client).Post" into "(*http.Client).Post".
func shortCallee(full string) string {
	if i := strings.LastIndex(full, "/"); i >= 0 {
		open := strings.HasPrefix(full, "(")
		star := strings.HasPrefix(full, "(*")
		rest := full[i+1:]
		switch {
		case star:
			return "(*" + rest
		case open:
			return "(" + rest
		}
		return rest
	}
	return full
}

// LocalCallees returns the functions of a.Local that fn (with its
// closures) may call: what a change in their summaries can change in fn's.
func (a *Analyzer) LocalCallees(fn *ssa.Function) []*ssa.Function {
	seen := make(map[*ssa.Function]bool)
	var out []*ssa.Function
	for _, f := range withClosures(fn) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				var targets []*ssa.Function
				for _, callee := range a.callees(call) {
					targets = append(targets, callee)
					if a.isLocal(callee) {
						continue
					}
					// Implementations here that resolve the callee's
					// dynamic calls (see Summarize).
					for _, v := range a.summaryOf(callee).virtual() {
						targets = append(targets, a.implementationsOf(fn.Prog, v.Iface, v.Method)...)
					}
				}
				for _, callee := range targets {
					if callee.Origin() != nil {
						callee = callee.Origin()
					}
					for callee.Parent() != nil {
						callee = callee.Parent()
					}
					if _, local := a.Local[callee]; local && !seen[callee] && callee != fn {
						seen[callee] = true
						out = append(out, callee)
					}
				}
			}
		}
	}
	return out
}
