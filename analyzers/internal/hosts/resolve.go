package hosts

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Resolver turns SSA values into abstract strings. Its
// answers depend only on the SSA form and on the two hooks, which is how
// callee summaries (of this package, or of others through facts) plug in.
//
// A Resolver caches per-function indexes of the stores it has seen, so reuse
// one for all the functions of a package. It is not safe for concurrent
// use. The hooks may call back into the Resolver (to summarize a callee on
// demand); bounding that recursion is up to them. Their answers are assumed
// fixed during one call of Strings, Resolve, Targets or the Result methods.
type Resolver struct {
	// Callee, if set, returns what a called function returns in result
	// index result (a string, *url.URL or *http.Request, as the URL it
	// carries), with parameter origins (FromParam) that the Resolver
	// instantiates from the call's arguments. nil means unknown. fn is the
	// origin of a generic instantiation; for an invoke it is the interface
	// method.
	Callee func(fn *types.Func, result int) Strs
	// FieldsOf, if set, returns what a called constructor stores into the
	// fields of its result (RetFields): {Path: "baseURL", Vals: …}, paths
	// as in Str.Path. Parameter origins are instantiated as for Callee.
	FieldsOf func(fn *types.Func, result int) []Field
	// VarOf, if set, returns what a package variable of another package
	// may hold (PackageVar of that package's Resolver): {Path: "" for a
	// string variable, "[]" for the elements of a list, "BaseURL" for a
	// field}. nil means unknown.
	VarOf func(v *types.Var) []Field
	// Call, if set, answers for the calls whose results its client
	// models itself (a flag library's value read by name, whose
	// declarations the client indexes): ok false leaves the call to the
	// Resolver. path is as in Str.Path; for a pointer result (flag.String)
	// "" is what the pointer points to. The answer is used as it is: no
	// parameter origins are instantiated.
	Call func(call *ssa.Call, fn *types.Func, result int, path string) (vals Strs, ok bool)

	writes   map[*ssa.Function]*writeIndex
	globals  map[*ssa.Package]map[*ssa.Global][]write
	closures map[*ssa.Function][]*ssa.MakeClosure
	hostVars map[*ssa.Package]map[*ssa.Global]bool
}

// Field is what a constructor stores into one field path of its result.
type Field struct {
	Path string // as in Str.Path: "baseURL", "config.BaseURL"
	Vals Strs
}

// maxFields caps the fields ResultFields reports, and maxFieldDepth the
// nesting it explores.
const (
	maxFields     = 16
	maxFieldDepth = 3
)

// debugPanics makes the entry points re-panic instead of widening to
// Unknown; tests set it so that a bug is not mistaken for an unknown value.
var debugPanics = false

// Strings returns the abstract strings that v may hold. For a *url.URL or
// *http.Request value, that is the URL it carries. A value loaded from
// memory is read as memory held it at the load; but a pointer (to a struct,
// a url.URL, a request) has no point of use here, so every store to what it
// points to counts. Use StringsAt to read at a particular use.
func (r *Resolver) Strings(v ssa.Value) Strs { return r.Resolve(v, "", nil) }

// StringsAt is Strings for the value as it is at instruction at: fields of
// local structs and parameters take the stores that reach at (the last
// write wins), so `cfg.BaseURL = "http://localhost:8000/v1"` after
// `cfg := openai.DefaultConfig(key)` overrides the default.
func (r *Resolver) StringsAt(v ssa.Value, at ssa.Instruction) Strs { return r.Resolve(v, "", at) }

// Resolve returns the abstract strings held in field path of v (as in
// Str.Path, "" for v itself) at instruction at (nil: flow-insensitive). It is
// how a caller instantiates a parameter origin {Param, Path} on its actual
// argument. It never panics: an internal failure widens to Unknown.
func (r *Resolver) Resolve(v ssa.Value, path string, at ssa.Instruction) (out Strs) {
	defer r.guard(&out)
	return r.newEval().read(v, splitPath(path), at, edgeCopy)
}

// Targets returns the destinations of a sink, in the syntax its kind reads
// (Host(s.Kind.Dial())): the URL of a request, and for a dial on a unix
// network the address prefixed with UnixPrefix, so that Host reports a unix
// socket.
func (r *Resolver) Targets(s Sink) (out Strs) {
	defer r.guard(&out)
	ev := r.newEval()
	targets, narrowed := ev.modelTargets(s)
	if !narrowed {
		targets = ev.read(s.Arg, nil, s.Call, edgeCopy)
	}
	if s.Network == nil || s.Kind != HostPort {
		return targets
	}
	nets := ev.read(s.Network, nil, s.Call, edgeCopy)
	if len(nets) == 0 {
		return targets
	}
	for _, n := range nets {
		if !n.IsLiteral() || !strings.HasPrefix(n.Lit, "unix") {
			return targets
		}
	}
	return targets.map1(func(a Str) Str {
		a.Lit = UnixPrefix + a.Lit
		return a
	})
}

// PackageVar returns what package variable g may hold at each of its
// string and URL leaves (the variable itself when it is a string, "[]" for
// the elements of a list or map, field paths of a struct), from every write
// in its package: what importers read through VarOf. Leaves that name no
// host are left out, so only variables that hand out destinations (a base
// URL, a provider list) give anything. A string variable whose package
// uses it as a host (HostVars) also gives its bare hosts
// ("croc.schollz.com", no scheme, no port).
func (r *Resolver) PackageVar(g *ssa.Global) (out []Field) {
	defer func() {
		if p := recover(); p != nil {
			if debugPanics {
				panic(p)
			}
			out = nil
		}
	}()
	t := ssax.Deref(g.Type())
	paths := leafPaths(t)
	if isStringLike(t) {
		paths = [][]string{nil}
	}
	ev := r.newEval()
	for _, p := range paths {
		vals := ev.globalValue(g, p)
		if NamesHost(vals) || len(p) == 0 && bareHostIn(vals) && r.HostVars(g.Pkg)[g] {
			out = append(out, Field{Path: joinPath(p), Vals: vals})
		}
		if len(out) == maxFields {
			break
		}
	}
	return out
}

// NamesHost reports whether one of vals designates a host as a URL or as
// a dial target with a port.
func NamesHost(vals Strs) bool {
	for _, v := range vals {
		if _, ok := v.Host(false); ok {
			return true
		}
		if _, port, ok := v.Endpoint(true); ok && port != "" {
			return true
		}
	}
	return false
}

// ResultStrings returns what fn returns in result index result, as the union
// over its return statements, with fn's parameters as origins: the Returns
// of fn's summary.
func (r *Resolver) ResultStrings(fn *ssa.Function, result int) (out Strs) {
	defer r.guard(&out)
	ev := r.newEval()
	if result < 0 {
		return nil
	}
	for _, ret := range returns(fn) {
		if result < len(ret.Results) {
			out = append(out, ev.read(ret.Results[result], nil, ret, edgeCopy)...)
		}
	}
	return out.normalize()
}

// ResultFields returns what fn stores into the string and URL fields (and
// the elements of string lists and maps, at "[]") of its
// result index result (through pointers, up to maxFieldDepth levels), at
// each return: the RetFields of a constructor's summary. Fields about which
// nothing is known (only Unknown, or only the empty string) are left out.
// The result is sorted by path and holds at most maxFields fields.
func (r *Resolver) ResultFields(fn *ssa.Function, result int) (out []Field) {
	defer func() {
		if p := recover(); p != nil {
			if debugPanics {
				panic(p)
			}
			out = nil
		}
	}()
	if fn == nil || result < 0 || result >= fn.Signature.Results().Len() {
		return nil
	}
	paths := leafPaths(fn.Signature.Results().At(result).Type())
	rets := returns(fn)
	ev := r.newEval()
	for _, p := range paths {
		var vals Strs
		for _, ret := range rets {
			if result < len(ret.Results) {
				vals = append(vals, ev.read(ret.Results[result], p, ret, edgeCopy)...)
			}
		}
		vals = vals.normalize()
		// Elements count only when they name a host (a provider list):
		// generated getters return the caller's lists by the hundred,
		// and summarising each as "the parameter's elements" costs
		// memory and fact size for nothing. An unexported helper that
		// hands back the elements of a list kept in a field of its
		// receiver or argument (croc's reconnectRelayCandidates over
		// c.reconnectRelayAddresses) is the exception: its callers dial
		// them, and the field's appends say what they are.
		if informative(vals) && (!slices.Contains(p, "[]") || NamesHost(vals) || unexportedFunc(fn) && elementsOfParamField(vals)) {
			out = append(out, Field{Path: joinPath(p), Vals: vals})
		}
		if len(out) == maxFields {
			break
		}
	}
	slices.SortFunc(out, func(a, b Field) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// unexportedFunc reports whether fn is a declared function or method
// that other packages cannot call.
func unexportedFunc(fn *ssa.Function) bool {
	obj := fn.Object()
	return obj != nil && !obj.Exported()
}

// elementsOfParamField reports whether one of vals is exactly the
// elements of a list field of a parameter ("param0.addrs.[]").
func elementsOfParamField(vals Strs) bool {
	for _, v := range vals {
		if v.Param >= 0 && v.Lit == "" && strings.HasSuffix(v.Path, ".[]") {
			return true
		}
	}
	return false
}

// informative reports whether vals says more than "unknown" or "empty".
func informative(vals Strs) bool {
	for _, s := range vals {
		if !s.IsUnknown() && s != Literal("") {
			return true
		}
	}
	return false
}

// guard turns a panic into Unknown (widen toward silence).
func (r *Resolver) guard(out *Strs) {
	if p := recover(); p != nil {
		if debugPanics {
			panic(p)
		}
		*out = unknown()
	}
}

func returns(fn *ssa.Function) []*ssa.Return {
	if fn == nil {
		return nil
	}
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			out = append(out, ret)
		}
	}
	return out
}

// ---- the evaluator ----

// edge says how a value was reached from the one that reads it. It decides
// how a cycle through a phi is widened (see eval.read).
type edge uint8

const (
	edgeCopy   edge = iota // the value passes unchanged (phi, load, field)
	edgeAppend             // the value is the left operand of "+": a prefix
	edgeOther              // any other transformation
)

// key identifies one question: the value v (at field path) as it is at
// instruction at.
type key struct {
	v    ssa.Value
	path string
	at   ssa.Instruction
}

type frame struct {
	k     key
	via   edge
	hit   bool // a read inside re-entered this frame (a cycle)
	cycle edge // the worst edge on such a cycle
}

// eval is one top-level question's state. Answers are memoized within it
// only when they do not depend on a frame still open (a cycle), so a
// partial answer computed inside a cycle is never reused. An answer cut
// short by the depth cap is memoized: the order of evaluation is fixed by
// the SSA form, so this stays deterministic, and it keeps shared
// subexpressions (s = s + s, repeated) linear. No state survives between
// top-level questions, because the hooks' answers may change between them
// (a summary fixpoint).
type eval struct {
	r     *Resolver
	memo  map[key]Strs
	index map[key]int
	stack []frame
	// low is the lowest stack index that the current computation
	// depended on (math.MaxInt: none).
	low int
}

func (r *Resolver) newEval() *eval {
	return &eval{r: r, memo: map[key]Strs{}, index: map[key]int{}, low: math.MaxInt}
}

// read answers "what strings does v hold at field path, at instruction
// at?". A string value is immutable, so at is dropped for it; memory reads
// use it.
//
// A phi on a loop can depend on itself. The re-entered read returns the
// empty set, and the phi's answer is widened by what lies on the cycle:
// nothing when only copies do (u = phi(u0, u)), incomplete alternatives
// when the value is only appended to (s = s + "&k=v"), and an extra Unknown
// otherwise (s = strings.TrimSuffix(s, "/")).
func (e *eval) read(v ssa.Value, path []string, at ssa.Instruction, via edge) Strs {
	if v == nil {
		return unknown()
	}
	if len(path) == 0 && isStringLike(v.Type()) {
		at = nil
	}
	k := key{v, joinPath(path), at}
	if res, ok := e.memo[k]; ok {
		return res
	}
	if i, ok := e.index[k]; ok {
		worst := via
		for _, f := range e.stack[i+1:] {
			worst = max(worst, f.via)
		}
		e.stack[i].hit = true
		e.stack[i].cycle = max(e.stack[i].cycle, worst)
		e.low = min(e.low, i)
		return nil
	}
	if len(e.stack) >= MaxDepth {
		return unknown()
	}
	idx := len(e.stack)
	e.stack = append(e.stack, frame{k: k, via: via})
	e.index[k] = idx
	outerLow := e.low
	e.low = math.MaxInt

	res := e.compute(v, path, at)

	f := e.stack[idx]
	if f.hit {
		switch f.cycle {
		case edgeAppend:
			res = res.widenIncomplete()
		case edgeOther:
			res = Union(res, unknown())
		}
	}
	e.stack = e.stack[:idx]
	delete(e.index, k)
	res = res.normalize()
	if e.low >= idx {
		// Everything this answer depended on is closed now.
		e.memo[k] = res
		e.low = outerLow
	} else {
		e.low = min(outerLow, e.low)
	}
	return res
}

// compute dispatches on the SSA form of v.
func (e *eval) compute(v ssa.Value, path []string, at ssa.Instruction) Strs {
	switch x := v.(type) {
	case *ssa.Phi:
		var out Strs
		for _, in := range x.Edges {
			out = append(out, e.read(in, path, at, edgeCopy)...)
		}
		return out
	case *ssa.Const:
		return constStrs(x, path)
	case *ssa.BinOp:
		if x.Op != token.ADD || len(path) > 0 || !isStringLike(x.Type()) {
			return unknown()
		}
		return Concat(e.read(x.X, nil, nil, edgeAppend), e.read(x.Y, nil, nil, edgeOther))
	case *ssa.Call:
		if len(path) > 0 || !isStringLike(x.Type()) {
			return e.location(x, path, at)
		}
		return e.callResult(x, 0, path)
	case *ssa.Extract:
		return e.extract(x, path, at)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return unknown()
		}
		if isRef(x.Type()) {
			// A loaded pointer: what it points to is read where it is
			// used, not where it was loaded.
			if root, p, ok := addrPath(x); ok {
				if at == nil {
					at = x
				}
				return e.location(root, concatPath(p, path), at)
			}
		}
		// A loaded value (a string, a struct copy) is what memory held
		// at the load.
		return e.read(x.X, path, x, edgeCopy)
	case *ssa.Field:
		name := ssax.StructFieldName(x.X.Type(), x.Field)
		if name == "" {
			return unknown()
		}
		return e.read(x.X, prepend(name, path), at, edgeCopy)
	case *ssa.Index:
		if isStringLike(x.X.Type()) {
			return unknown()
		}
		return e.read(x.X, prepend("[]", path), at, edgeCopy)
	case *ssa.Lookup:
		if x.CommaOk || isStringLike(x.X.Type()) {
			return unknown()
		}
		return e.read(x.X, prepend("[]", path), x, edgeCopy)
	case *ssa.MakeInterface:
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.ChangeType:
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.ChangeInterface:
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.SliceToArrayPointer:
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.TypeAssert:
		if x.CommaOk {
			return unknown()
		}
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.Convert:
		if isStringLike(x.X.Type()) || isTypeParam(x.X.Type()) {
			return e.read(x.X, path, at, edgeCopy)
		}
		return unknown()
	case *ssa.Slice:
		if isStringLike(x.X.Type()) {
			if x.Low == nil && x.High == nil {
				return e.read(x.X, path, at, edgeCopy)
			}
			return unknown()
		}
		// A slice of an array or slice shares its elements.
		return e.read(x.X, path, at, edgeCopy)
	case *ssa.FieldAddr:
		if root, p, ok := addrPath(x); ok {
			return e.location(root, concatPath(p, path), at)
		}
		// Not a single location (a field of a phi of pointers): read the
		// field on each pointer.
		name := ssax.StructFieldName(x.X.Type(), x.Field)
		if name == "" {
			return unknown()
		}
		return e.read(x.X, prepend(name, path), at, edgeCopy)
	case *ssa.IndexAddr:
		if root, p, ok := addrPath(x); ok {
			return e.location(root, concatPath(p, path), at)
		}
		return e.read(x.X, prepend("[]", path), at, edgeCopy)
	case *ssa.Alloc, *ssa.Global, *ssa.Parameter, *ssa.FreeVar, *ssa.MakeMap, *ssa.MakeSlice:
		root, p, ok := addrPath(x)
		if !ok {
			return unknown()
		}
		return e.location(root, concatPath(p, path), at)
	}
	return unknown()
}

// isRef reports whether values of type t refer to memory they do not hold:
// pointers, slices and maps.
func isRef(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

// extract handles component Index of a tuple: a call's result, a map
// lookup or type assertion with comma-ok, or a range step over a map.
func (e *eval) extract(x *ssa.Extract, path []string, at ssa.Instruction) Strs {
	switch t := x.Tuple.(type) {
	case *ssa.Call:
		if len(path) > 0 || !isStringLike(x.Type()) {
			return e.location(x, path, at)
		}
		return e.callResult(t, x.Index, path)
	case *ssa.Lookup:
		if x.Index != 0 || isStringLike(t.X.Type()) {
			return unknown()
		}
		return e.read(t.X, prepend("[]", path), t, edgeCopy)
	case *ssa.TypeAssert:
		if x.Index != 0 {
			return unknown()
		}
		return e.read(t.X, path, at, edgeCopy)
	case *ssa.Next:
		rng, ok := t.Iter.(*ssa.Range)
		if !ok || t.IsString || x.Index != 2 {
			return unknown()
		}
		return e.read(rng.X, prepend("[]", path), t, edgeCopy)
	}
	return unknown()
}

// constStrs is a constant's value at path: a string constant, or the zero
// value (a nil pointer or collection holds nothing; a zero struct's string
// field is "").
func constStrs(c *ssa.Const, path []string) Strs {
	if len(path) == 0 {
		if c.Value != nil && c.Value.Kind() == constant.String {
			return one(Literal(constant.StringVal(c.Value)))
		}
		if c.Value == nil && isStringLike(c.Type()) {
			return one(Literal(""))
		}
		if c.Value == nil {
			return nil
		}
		return unknown()
	}
	return zeroStrs(leafType(c.Type(), path), path)
}

// zeroStrs is the zero value of type t, found at path: "" for a string or a
// url.URL; nothing for pointers and the elements of collections.
func zeroStrs(t types.Type, path []string) Strs {
	if slices.Contains(path, "[]") || t == nil {
		return nil
	}
	if isStringLike(t) {
		return one(Literal(""))
	}
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr && isURLType(t) {
		return one(Literal(""))
	}
	return nil
}

// ---- calls ----

// callResult is what a call's result index i holds at path: a model of the
// standard library by name, or the hooks' summaries instantiated with the
// call's arguments.
func (e *eval) callResult(call *ssa.Call, i int, path []string) Strs {
	common := call.Common()
	if b, ok := common.Value.(*ssa.Builtin); ok {
		return e.builtin(call, b, path)
	}
	fn, args := calleeArgs(common)
	if fn == nil {
		return unknown()
	}
	if e.r.Call != nil {
		if res, ok := e.r.Call(call, fn, i, joinPath(path)); ok {
			return res
		}
	}
	if res, ok := e.stdCall(call, fn, args, i, path); ok {
		return res
	}
	if res, ok := e.sdkClient(call, fn, args, i); ok {
		return res
	}
	if res, ok := e.sdkDerived(call, fn, args, i, path); ok {
		return res
	}
	if len(path) == 0 {
		if e.r.Callee != nil {
			if ss := e.r.Callee(fn, i); ss != nil {
				return e.instantiate(ss.normalize(), args, call)
			}
		}
		return unknown()
	}
	// The table's config constructors come first: their summaries join
	// an argument with the default it replaces when empty (go-openai's
	// DefaultAnthropicConfig), which the table keeps apart.
	if res := e.sdkConfig(call, fn, args, i, path); res != nil {
		return res
	}
	if e.r.FieldsOf != nil {
		p := joinPath(path)
		for _, f := range e.r.FieldsOf(fn, i) {
			if f.Path == p {
				return e.instantiate(f.Vals.normalize(), args, call)
			}
		}
	}
	return unknown()
}

// instantiate resolves parameter origins in a callee's answer on the
// call's arguments (receiver first), at the call.
func (e *eval) instantiate(ss Strs, args []ssa.Value, call *ssa.Call) Strs {
	return ss.Instantiate(func(p int, path string) Strs {
		if p < 0 || p >= len(args) {
			return unknown()
		}
		return e.read(args[p], splitPath(path), call, edgeOther)
	})
}

// builtin models append: the elements of append(s, x...) are those of s
// and of x.
func (e *eval) builtin(call *ssa.Call, b *ssa.Builtin, path []string) Strs {
	args := call.Common().Args
	if b.Name() != "append" || len(args) != 2 || len(path) == 0 || path[0] != "[]" || isStringLike(args[1].Type()) {
		return unknown()
	}
	return Union(e.read(args[0], path, call, edgeCopy), e.read(args[1], path, call, edgeCopy))
}

// stdCall models the standard-library functions by
// name. ok is false for any other function.
func (e *eval) stdCall(call *ssa.Call, fn *types.Func, args []ssa.Value, i int, path []string) (Strs, bool) {
	arg := func(k int) Strs {
		if k >= len(args) {
			return unknown()
		}
		return e.read(args[k], nil, call, edgeOther)
	}
	str := func(ss Strs) Strs {
		if len(path) > 0 || i != 0 {
			return unknown()
		}
		return ss
	}
	switch fn.FullName() {
	case "fmt.Sprintf":
		if len(path) > 0 || len(args) != 2 {
			return unknown(), true
		}
		return e.sprintf(call, args[0], args[1]), true
	case "strings.TrimRight", "strings.TrimSuffix":
		cut, ok := constString(argAt(args, 1))
		if !ok {
			return str(unknown()), true
		}
		if fn.Name() == "TrimRight" {
			return str(arg(0).map1(func(s Str) Str { return trimRight(s, cut) })), true
		}
		return str(arg(0).map1(func(s Str) Str { return trimSuffix(s, cut) })), true
	case "strings.TrimSpace":
		return str(arg(0).map1(trimSpace)), true
	case "strings.ToLower":
		return str(arg(0).map1(toLower)), true
	case "path.Clean":
		return str(arg(0).map1(cleanPath)), true
	case "os.Getenv", "os.LookupEnv":
		if i != 0 || len(path) > 0 {
			return unknown(), true
		}
		if name, ok := constString(argAt(args, 0)); ok {
			return one(FromEnv(name)), true
		}
		return unknown(), true
	case "net.JoinHostPort":
		return str(joinHostPort(arg(0), arg(1))), true
	case "net/url.JoinPath":
		return str(arg(0).map1(basePrefix)), true
	case "net/url.Parse", "net/url.ParseRequestURI":
		if i != 0 {
			return unknown(), true
		}
		return urlDerive(arg(0), path), true
	case "(*net/url.URL).JoinPath":
		return urlDerive(arg(0).map1(basePrefix), path), true
	case "(*net/url.URL).ResolveReference":
		return urlDerive(resolveRef(arg(0), arg(1)), path), true
	case "(*net/url.URL).Parse":
		if i != 0 {
			return unknown(), true
		}
		return urlDerive(resolveRef(arg(0), arg(1)), path), true
	case "(*net/url.URL).String", "(*net/url.URL).Redacted":
		return str(arg(0)), true
	case "(*net/url.URL).Hostname":
		return str(arg(0).map1(hostname)), true
	case "net/http.NewRequest":
		if i != 0 {
			return unknown(), true
		}
		return requestDerive(arg(1), path), true
	case "net/http.NewRequestWithContext":
		if i != 0 {
			return unknown(), true
		}
		return requestDerive(arg(2), path), true
	case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
		if len(args) == 0 {
			return unknown(), true
		}
		return e.read(args[0], path, call, edgeCopy), true
	}
	return nil, false
}

func argAt(args []ssa.Value, k int) ssa.Value {
	if k < len(args) {
		return args[k]
	}
	return nil
}

// urlDerive reads path within the *url.URL whose string form is u.
func urlDerive(u Strs, path []string) Strs {
	switch len(path) {
	case 0:
		return u
	case 1:
		return u.map1(func(s Str) Str { return urlField(s, path[0]) })
	}
	return unknown()
}

// requestDerive reads path within the *http.Request that NewRequest builds
// for URL u: the request itself stands for its URL, and its Host field
// starts as the URL's host.
func requestDerive(u Strs, path []string) Strs {
	switch {
	case len(path) == 0:
		return u
	case path[0] == "URL":
		return urlDerive(u, path[1:])
	case len(path) == 1 && path[0] == "Host":
		return urlDerive(u, path)
	}
	return unknown()
}

// sprintf models fmt.Sprintf with a constant format: literal text is kept,
// %s, %v and %d substitute their argument (recovered from the varargs
// array), "%%" is a percent sign, and any other verb, flag, width or
// explicit index makes the rest unknown.
func (e *eval) sprintf(call *ssa.Call, format, slice ssa.Value) Strs {
	f, ok := constString(format)
	if !ok {
		return unknown()
	}
	elems, known := varargs(slice)
	out := one(Literal(""))
	n := 0
	for len(f) > 0 {
		if allIncomplete(out) {
			return out
		}
		pct := strings.IndexByte(f, '%')
		if pct < 0 {
			return Concat(out, one(Literal(f)))
		}
		out = Concat(out, one(Literal(f[:pct])))
		if pct+1 >= len(f) {
			return Concat(out, unknown())
		}
		verb := f[pct+1]
		f = f[pct+2:]
		switch verb {
		case '%':
			out = Concat(out, one(Literal("%")))
		case 's', 'v', 'd':
			if !known || n >= len(elems) || elems[n] == nil {
				return Concat(out, unknown())
			}
			out = Concat(out, e.formatArg(call, elems[n], verb))
			n++
		default:
			return Concat(out, unknown())
		}
	}
	return out
}

func allIncomplete(ss Strs) bool {
	for _, s := range ss {
		if s.Complete {
			return false
		}
	}
	return true
}

// varargs recovers the elements of a ...any argument: nil for no
// arguments, or the values stored into the fresh array behind the slice.
// known is false when the slice comes from anywhere else.
func varargs(v ssa.Value) (elems []ssa.Value, known bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value == nil {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	ptr, ok := types.Unalias(alloc.Type()).(*types.Pointer)
	if !ok {
		return nil, false
	}
	arr, ok := ptr.Elem().Underlying().(*types.Array)
	if !ok || arr.Len() > 64 {
		return nil, false
	}
	elems = make([]ssa.Value, arr.Len())
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok || c.Value == nil {
			continue
		}
		k, exact := constant.Int64Val(constant.ToInt(c.Value))
		if !exact || k < 0 || int(k) >= len(elems) {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				elems[k] = st.Val
			}
		}
	}
	return elems, true
}

// formatArg is the text a %s, %v or %d verb prints for x (an element of
// the varargs array, usually a MakeInterface). Strings (without a String
// method) and *url.URL print as their strings, integer and boolean
// constants as themselves; anything else is unknown.
func (e *eval) formatArg(call *ssa.Call, x ssa.Value, verb byte) Strs {
	inner := x
	if mi, ok := x.(*ssa.MakeInterface); ok {
		inner = mi.X
	}
	t := inner.Type()
	switch {
	case verb != 'd' && isURLPtr(t):
		return e.read(inner, nil, call, edgeOther)
	case hasFormatMethod(t):
		return unknown()
	case verb != 'd' && isStringLike(t):
		return e.read(inner, nil, call, edgeOther)
	}
	c, ok := inner.(*ssa.Const)
	if !ok || c.Value == nil {
		return unknown()
	}
	switch c.Value.Kind() {
	case constant.Int:
		if verb == 'd' || verb == 'v' {
			return one(Literal(c.Value.ExactString()))
		}
	case constant.Bool:
		if verb == 'v' {
			return one(Literal(c.Value.ExactString()))
		}
	}
	return unknown()
}

// hasFormatMethod reports whether fmt would print a value of type t through
// one of its methods rather than as its underlying value.
func hasFormatMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"String", "Error", "Format"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

func constString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// ---- types and paths ----

// isStringLike reports whether t's underlying type is a string type.
func isStringLike(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isStringCollection reports whether t is a slice, array or map whose
// elements are strings or URLs: a list of provider base URLs, a map from
// provider name to URL. Its elements are read at path "[]".
func isStringCollection(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return false
	}
	return isStringLike(elem) || isURLType(elem)
}

// HasStringLeaves reports whether values of type t hold strings or URLs
// at field or element paths (a struct with a BaseURL field, a []string of
// base URLs), so that a function returning one may hand a destination to
// its caller: Resolver.ResultFields reads them.
func HasStringLeaves(t types.Type) bool {
	t = ssax.Deref(t)
	if isStringCollection(t) {
		return true
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

func isURLPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamedType(p.Elem(), "net/url", "URL")
}

// leafType returns the type found at path within a value of type t,
// dereferencing pointers implicitly, or nil.
func leafType(t types.Type, path []string) types.Type {
	for _, step := range path {
		if t == nil {
			return nil
		}
		u := ssax.Deref(t).Underlying()
		if step == "[]" {
			switch c := u.(type) {
			case *types.Slice:
				t = c.Elem()
			case *types.Array:
				t = c.Elem()
			case *types.Map:
				t = c.Elem()
			default:
				return nil
			}
			continue
		}
		st, ok := u.(*types.Struct)
		if !ok {
			return nil
		}
		t = nil
		for f := range st.Fields() {
			if f.Name() == step {
				t = f.Type()
				break
			}
		}
	}
	return t
}

// leafPaths lists the field paths of string and URL fields within a value
// of type t, through pointers and nested structs, up to maxFieldDepth
// levels, never entering the same named type twice on one path. The order
// is the declaration order.
func leafPaths(t types.Type) [][]string {
	var out [][]string
	var walk func(t types.Type, prefix []string, seen []types.Type)
	walk = func(t types.Type, prefix []string, seen []types.Type) {
		if len(prefix) >= maxFieldDepth || len(out) >= 4*maxFields {
			return
		}
		t = ssax.Deref(t)
		for _, s := range seen {
			if types.Identical(s, t) {
				return
			}
		}
		if isStringCollection(t) {
			out = append(out, append(slices.Clone(prefix), "[]"))
			return
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return
		}
		seen = append(seen, t)
		for f := range st.Fields() {
			p := append(slices.Clone(prefix), f.Name())
			switch ft := f.Type(); {
			case isStringLike(ft), isURLType(ft), sdks.ClientType(ft):
				out = append(out, p)
			default:
				// Lists only as direct fields (cfg.Fallbacks): generated
				// API types nest []string everywhere, and reading each
				// of them at every return costs memory for nothing.
				if _, ok := ssax.Deref(ft).Underlying().(*types.Struct); ok || len(prefix) == 0 && isStringCollection(ft) {
					walk(ft, p, seen)
				}
			}
		}
	}
	walk(t, nil, nil)
	return out
}

func joinPath(p []string) string { return strings.Join(p, ".") }

func splitPath(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

func prepend(step string, path []string) []string {
	return append([]string{step}, path...)
}

func concatPath(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}

// hasPrefixPath reports whether p starts with prefix.
func hasPrefixPath(p, prefix []string) bool {
	return len(prefix) <= len(p) && slices.Equal(p[:len(prefix)], prefix)
}

// String renders a Field as "path: alternatives", for tests and debugging.
func (f Field) String() string { return fmt.Sprintf("%s: %s", f.Path, f.Vals) }
