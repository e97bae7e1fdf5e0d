package hosts

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// Memory is modelled as locations: a root value and a field path within it.
// A root is where an object comes from: an Alloc (a local variable or
// composite literal), a package variable, a parameter, a captured variable,
// a make(map) or make(slice), or a call's result. The path names fields,
// "[]" standing for any element; pointers along it are dereferenced
// implicitly, so c.inner.BaseURL through a pointer field is (c, inner.BaseURL).
//
// A read of a location at an instruction walks backwards through the CFG to
// the writes that reach it (reachingStores): a store to
// the same path, or to a path that contains it (a whole-struct copy), ends
// the walk on that path; a store to an element ("[]", any index) or a call
// that is passed the object's address may write, so it adds its value (or
// Unknown) and the walk goes on. Reaching the root's definition gives its
// initial contents: zero for an Alloc, the summary for a call, the origin
// for a parameter. Writes through other aliases are not seen; like the
// design, this ignores escape.

// write is one instruction that may change a location.
type write struct {
	instr ssa.Instruction
	root  ssa.Value
	path  []string
	val   ssa.Value // the stored value; nil for a clobber
	// clobber: the object's address is passed to a call, which may write
	// anything into it.
	clobber bool
}

// writeIndex holds the writes of one function.
type writeIndex struct {
	at     map[ssa.Instruction][]write
	byRoot map[ssa.Value][]write
}

// writesIn returns the (cached) writes of fn.
func (r *Resolver) writesIn(fn *ssa.Function) *writeIndex {
	if wi, ok := r.writes[fn]; ok {
		return wi
	}
	if r.writes == nil {
		r.writes = map[*ssa.Function]*writeIndex{}
	}
	wi := &writeIndex{at: map[ssa.Instruction][]write{}, byRoot: map[ssa.Value][]write{}}
	for _, w := range collectWrites(fn) {
		wi.at[w.instr] = append(wi.at[w.instr], w)
		wi.byRoot[w.root] = append(wi.byRoot[w.root], w)
	}
	r.writes[fn] = wi
	return wi
}

// collectWrites lists fn's writes in instruction order.
func collectWrites(fn *ssa.Function) []write {
	var out []write
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Store:
				if root, p, ok := addrPath(x.Addr); ok {
					out = append(out, write{instr: x, root: root, path: p, val: x.Val})
				}
			case *ssa.MapUpdate:
				if root, p, ok := addrPath(x.Map); ok {
					out = append(out, write{instr: x, root: root, path: append(p, "[]"), val: x.Value})
				}
			case ssa.CallInstruction:
				out = append(out, clobbers(x)...)
			}
		}
	}
	return out
}

// readOnlyPkgs are standard packages whose functions do not write through
// the pointers, slices or maps they are given (fmt's scanning functions
// excepted), so passing an object to them does not clobber it.
var readOnlyPkgs = map[string]bool{
	"fmt": true, "log": true, "log/slog": true, "strings": true, "strconv": true,
	"errors": true, "net/http": true, "net/url": true, "context": true, "time": true,
	"sort": true, "os": true,
}

// clobbers returns a clobber for each object whose address a call is given
// (receiver included), unless the callee is known not to write.
func clobbers(call ssa.CallInstruction) []write {
	common := call.Common()
	var args []ssa.Value
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() != "copy" || len(common.Args) == 0 {
			return nil
		}
		args = common.Args[:1]
	} else {
		fn, all := calleeArgs(common)
		if fn != nil && fn.Pkg() != nil && readOnlyPkgs[fn.Pkg().Path()] && !scans(fn) {
			return nil
		}
		args = all
		if fn == nil && !common.IsInvoke() {
			args = append([]ssa.Value{common.Value}, common.Args...)
		}
	}
	var out []write
	for _, a := range args {
		if !mayPoint(a) {
			continue
		}
		if root, p, ok := addrPath(a); ok {
			out = append(out, write{instr: call, root: root, path: p, clobber: true})
		}
	}
	return out
}

// scans reports whether fn is one of fmt's scanning functions, which write
// through their arguments.
func scans(fn *types.Func) bool {
	if fn.Pkg().Path() != "fmt" {
		return false
	}
	n := fn.Name()
	return len(n) >= 4 && (n[:4] == "Scan" || (len(n) >= 5 && (n[1:5] == "scan")))
}

// mayPoint reports whether a value may carry the address of an object:
// a pointer, slice or map, possibly inside an interface.
func mayPoint(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.Type().Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	}
	return false
}

// addrPath finds the location an address (or a value read from memory)
// denotes: its root and the field path from it. ok is false for an address
// that is not a single location (a phi of pointers, a lookup with comma-ok,
// a constant).
func addrPath(v ssa.Value) (root ssa.Value, path []string, ok bool) {
	var rev []string
	for range 4 * MaxDepth {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			name := ssax.StructFieldName(x.X.Type(), x.Field)
			if name == "" {
				return nil, nil, false
			}
			rev = append(rev, name)
			v = x.X
		case *ssa.Field:
			name := ssax.StructFieldName(x.X.Type(), x.Field)
			if name == "" {
				return nil, nil, false
			}
			rev = append(rev, name)
			v = x.X
		case *ssa.IndexAddr:
			rev = append(rev, "[]")
			v = x.X
		case *ssa.Index:
			if isStringLike(x.X.Type()) {
				return nil, nil, false
			}
			rev = append(rev, "[]")
			v = x.X
		case *ssa.Lookup:
			if x.CommaOk || isStringLike(x.X.Type()) {
				return nil, nil, false
			}
			rev = append(rev, "[]")
			v = x.X
		case *ssa.Slice:
			if isStringLike(x.X.Type()) {
				return nil, nil, false
			}
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil, nil, false
			}
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.SliceToArrayPointer:
			v = x.X
		case *ssa.TypeAssert:
			if x.CommaOk {
				return nil, nil, false
			}
			v = x.X
		case *ssa.Alloc, *ssa.Global, *ssa.Parameter, *ssa.FreeVar, *ssa.MakeMap, *ssa.MakeSlice, *ssa.Call:
			slices.Reverse(rev)
			return v, rev, true
		case *ssa.Extract:
			if _, isCall := x.Tuple.(*ssa.Call); !isCall {
				return nil, nil, false
			}
			slices.Reverse(rev)
			return v, rev, true
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// rootFunc returns the function a root belongs to, or nil for a package
// variable.
func rootFunc(root ssa.Value) *ssa.Function {
	switch r := root.(type) {
	case *ssa.Parameter:
		return r.Parent()
	case *ssa.FreeVar:
		return r.Parent()
	case ssa.Instruction:
		return r.Parent()
	}
	return nil
}

// writesTo returns every write whose root is root: within its function, or
// anywhere in the package for a package variable.
func (e *eval) writesTo(root ssa.Value) []write {
	if g, ok := root.(*ssa.Global); ok {
		return e.r.globalWrites(g)
	}
	if fn := rootFunc(root); fn != nil {
		return e.r.writesIn(fn).byRoot[root]
	}
	return nil
}

// location reads (root, path) as it is at instruction at; with at nil, or
// at in another function, every write counts. A url.URL or http.Request
// whose fields are written is read field by field (composeURL).
func (e *eval) location(root ssa.Value, path []string, at ssa.Instruction) Strs {
	leaf := leafType(root.Type(), path)
	if leaf != nil && (isURLType(leaf) || isRequestType(leaf)) && e.writesBelow(root, path) {
		if isRequestType(leaf) {
			return e.location(root, concatPath(path, []string{"URL"}), at)
		}
		return e.composeURL(root, path, at)
	}
	fn := rootFunc(root)
	if _, isGlobal := root.(*ssa.Global); isGlobal && at != nil {
		fn = at.Parent()
	}
	if at != nil && fn != nil && at.Parent() == fn && at.Block() != nil {
		return e.walkBack(root, path, at)
	}
	return e.everyWrite(root, path)
}

// writesBelow reports whether something writes strictly inside (root,
// path), such as u.Host of a url.URL at path.
func (e *eval) writesBelow(root ssa.Value, path []string) bool {
	for _, w := range e.writesTo(root) {
		if len(w.path) > len(path) && hasPrefixPath(w.path, path) {
			return true
		}
	}
	return false
}

// walkBack unions the writes that reach at on some path through the CFG,
// and the root's initial contents where no write intervenes.
func (e *eval) walkBack(root ssa.Value, path []string, at ssa.Instruction) Strs {
	fn := at.Parent()
	wi := e.r.writesIn(fn)
	type item struct {
		b   *ssa.BasicBlock
		end int // scan b.Instrs[:end] backwards
	}
	start := at.Block()
	end := slices.Index(start.Instrs, at)
	if end < 0 {
		return unknown()
	}
	var out Strs
	visited := map[*ssa.BasicBlock]bool{}
	work := []item{{start, end}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		stopped := false
	scan:
		for i := it.end - 1; i >= 0; i-- {
			instr := it.b.Instrs[i]
			if v, ok := instr.(ssa.Value); ok && v == root {
				out = append(out, e.initial(root, path)...)
				stopped = true
				break
			}
			for _, w := range wi.at[instr] {
				if w.root != root {
					continue
				}
				vals, stop, _ := e.apply(w, path)
				out = append(out, vals...)
				if stop {
					stopped = true
					break scan
				}
			}
		}
		if stopped {
			continue
		}
		if len(it.b.Preds) == 0 {
			out = append(out, e.initial(root, path)...)
			continue
		}
		for _, p := range it.b.Preds {
			if !visited[p] {
				visited[p] = true
				work = append(work, item{p, len(p.Instrs)})
			}
		}
	}
	return out.normalize()
}

// everyWrite is the flow-insensitive read: the union of all writes to the
// location, and its initial contents. An Alloc's zero value counts only
// when nothing writes the location (it is seldom read before the first
// write, and the empty string carries no host).
func (e *eval) everyWrite(root ssa.Value, path []string) Strs {
	if g, ok := root.(*ssa.Global); ok {
		return e.globalValue(g, path)
	}
	var out Strs
	written := false
	for _, w := range e.writesTo(root) {
		vals, _, relevant := e.apply(w, path)
		out = append(out, vals...)
		written = written || relevant
	}
	switch root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		if !written {
			out = append(out, e.initial(root, path)...)
		}
	default:
		out = append(out, e.initial(root, path)...)
	}
	return out.normalize()
}

// apply is what write w contributes to a read of path on the same root:
// its values, whether it ends the walk (a definite write), and whether it
// concerns path at all.
func (e *eval) apply(w write, path []string) (vals Strs, stop, relevant bool) {
	definite := !slices.Contains(w.path, "[]")
	switch {
	case w.clobber:
		if hasPrefixPath(path, w.path) || hasPrefixPath(w.path, path) {
			return unknown(), false, true
		}
	case hasPrefixPath(path, w.path):
		// The write covers path: the same location, or a whole value that
		// contains it.
		return e.read(w.val, path[len(w.path):], w.instr, edgeCopy), definite, true
	case hasPrefixPath(w.path, path):
		// A write inside the value read: we cannot tell what it changes.
		return unknown(), false, true
	}
	return nil, false, false
}

// initial is what a root holds before any write in its function.
func (e *eval) initial(root ssa.Value, path []string) Strs {
	switch r := root.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		return zeroStrs(leafType(ssax.Deref(root.Type()), path), path)
	case *ssa.Parameter:
		fn := r.Parent()
		if fn == nil || fn.Parent() != nil {
			// A closure's own parameter: its callers are not followed.
			return unknown()
		}
		i := slices.Index(fn.Params, r)
		if i < 0 {
			return unknown()
		}
		return one(FromParam(i, joinPath(path)))
	case *ssa.FreeVar:
		return e.freeVarValue(r, path)
	case *ssa.Global:
		return e.globalValue(r, path)
	case *ssa.Call:
		return e.callResult(r, 0, path)
	case *ssa.Extract:
		if call, ok := r.Tuple.(*ssa.Call); ok {
			return e.callResult(call, r.Index, path)
		}
	}
	return unknown()
}

// composeURL reads a url.URL at (root, path) field by field, as
// (*url.URL).String would print it: scheme "://" host, then the path, query
// and fragment. When those are not all known, a "/" stands for the end of
// the authority (the real separator may be "?" or "#"; the host is the
// same). User info is not modelled; an Opaque URL is unknown.
func (e *eval) composeURL(root ssa.Value, path []string, at ssa.Instruction) Strs {
	get := func(f string) Strs { return e.location(root, concatPath(path, []string{f}), at) }
	if !isEmptyLit(get("Opaque")) {
		return unknown()
	}
	scheme, host := get("Scheme"), get("Host")
	p, q, frag := get("Path"), get("RawQuery"), get("Fragment")
	var rest Strs
	switch {
	case isEmptyLit(p) && isEmptyLit(q) && isEmptyLit(frag):
		rest = one(Literal(""))
	case isEmptyLit(q) && isEmptyLit(frag) && allLiterals(p):
		rest = p.map1(func(s Str) Str {
			if s.Lit != "" && s.Lit[0] != '/' {
				return Literal("/" + s.Lit)
			}
			return s
		})
	default:
		rest = one(Prefix("/"))
	}
	return Concat(Concat(Concat(scheme, one(Literal("://"))), host), rest)
}

func isEmptyLit(ss Strs) bool { return len(ss) == 1 && ss[0] == Literal("") }

func allLiterals(ss Strs) bool {
	for _, s := range ss {
		if !s.IsLiteral() {
			return false
		}
	}
	return len(ss) > 0
}

// ---- package variables ----

// globalWrites returns the writes to g anywhere in its package: in every
// function, method and closure, including the synthetic init that holds
// the variable initialisers.
func (r *Resolver) globalWrites(g *ssa.Global) []write {
	if g.Pkg == nil {
		return nil
	}
	if r.globals == nil {
		r.globals = map[*ssa.Package]map[*ssa.Global][]write{}
	}
	idx, ok := r.globals[g.Pkg]
	if !ok {
		idx = map[*ssa.Global][]write{}
		for _, fn := range ssax.PackageFuncs(g.Pkg) {
			for _, w := range collectWrites(fn) {
				if gw, ok := w.root.(*ssa.Global); ok {
					idx[gw] = append(idx[gw], w)
				}
			}
		}
		r.globals[g.Pkg] = idx
	}
	return idx[g]
}

// globalValue is what package variable g may hold at path: every write in
// its package, or its zero value when none applies. A variable of a package
// whose bodies are not in the program (an import) is unknown; so is one
// whose address escapes into a call (flag.StringVar(&base, …)), through the
// clobber that adds.
func (e *eval) globalValue(g *ssa.Global, path []string) Strs {
	if g.Pkg == nil {
		return unknown()
	}
	if init := g.Pkg.Func("init"); init == nil || init.Blocks == nil {
		// Another package's variable: what its package's summary says.
		if v, ok := g.Object().(*types.Var); ok && e.r.VarOf != nil {
			p := joinPath(path)
			for _, f := range e.r.VarOf(v) {
				if f.Path == p {
					return f.Vals.normalize()
				}
			}
		}
		return unknown()
	}
	var out Strs
	written := false
	for _, w := range e.r.globalWrites(g) {
		vals, _, relevant := e.apply(w, path)
		out = append(out, vals...)
		written = written || relevant
	}
	if !written {
		out = append(out, zeroStrs(leafType(ssax.Deref(g.Type()), path), path)...)
	}
	return out.normalize()
}

// ---- captured variables ----

// freeVarValue is what a closure's captured variable holds: the union of
// the bindings of every MakeClosure of the closure in its parent, read
// flow-insensitively (the closure may run at any time).
func (e *eval) freeVarValue(fv *ssa.FreeVar, path []string) Strs {
	fn := fv.Parent()
	if fn == nil || fn.Parent() == nil {
		return unknown()
	}
	idx := slices.Index(fn.FreeVars, fv)
	if idx < 0 {
		return unknown()
	}
	var out Strs
	for _, mc := range e.r.makeClosures(fn) {
		if idx < len(mc.Bindings) {
			out = append(out, e.read(mc.Bindings[idx], path, nil, edgeCopy)...)
		}
	}
	if len(out) == 0 {
		return unknown()
	}
	return out.normalize()
}

// makeClosures returns the MakeClosure instructions that create closure
// fn, in its parent.
func (r *Resolver) makeClosures(fn *ssa.Function) []*ssa.MakeClosure {
	if mcs, ok := r.closures[fn]; ok {
		return mcs
	}
	if r.closures == nil {
		r.closures = map[*ssa.Function][]*ssa.MakeClosure{}
	}
	var out []*ssa.MakeClosure
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				out = append(out, mc)
			}
		}
	}
	r.closures[fn] = out
	return out
}
