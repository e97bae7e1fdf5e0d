package summary

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/cfgx"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/names"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/netsum"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// FieldDial is the fact exported on a string field of a struct type this
// package declares, for each function of this package that dials a local
// address and also dials the field's value: directly (c.Options.Relay), or
// through a list field it keeps the value in (croc's
// transferOverLocalRelay appends c.Options.RelayAddress to
// c.reconnectRelayAddresses and later reconnects over that list). The
// field's default is often set downstream (a flag default in package cli):
// the package that stores it reads this fact and decides, with its
// policy, whether the dialler's name promised a local route that the
// default breaks. The fact holds no policy: names and paths only.
type FieldDial struct {
	Dialers []Dialer
}

// Dialer is one function that dials a field's value besides a local
// address.
type Dialer struct {
	Func  string    // "(*croc.Client).transferOverLocalRelay"
	Name  string    // "transferOverLocalRelay": what promises are read from
	Recv  string    // "*Client", or "" for a function
	Pkg   string    // the function's package path
	Local string    // the local host it dials first: "127.0.0.1"
	Tmpl  hosts.Str // the destination, with the field (its path from Func's parameter) as origin
	Dial  bool      // the sink takes host:port
	Via   []netsum.Frame
	// Fill, when the value is dialled as an element of a list field, is
	// where the function puts it into the list, and List that field's
	// path ("reconnectRelayAddresses").
	Fill *netsum.Frame
	List string
}

func (*FieldDial) AFact() {}

func (d *FieldDial) String() string {
	var fs []string
	for _, x := range d.Dialers {
		s := x.Func
		if x.List != "" {
			s += " via " + x.List
		}
		fs = append(fs, s)
	}
	return fmt.Sprintf("FieldDial(%s)", strings.Join(fs, ", "))
}

// ListDial is a destination fn dials as an element of a list field of one
// of its parameters, resolved through the appends into that list that fn
// makes (itself or through a helper it calls with the parameter): Tmpl is
// the appended value, with fn's parameters as origins.
type ListDial struct {
	Tmpl hosts.Str
	Dial bool
	Via  []netsum.Frame // fn's path to the dial
	Fill netsum.Frame   // the append, or the call of the helper that appends
	List string         // the list's field path from the parameter
}

// maxListDials caps the list destinations kept per function.
const maxListDials = 16

// summarizeDials computes, for the package's functions that dial a local
// address, the destinations they dial through list fields, and exports a
// FieldDial fact on each field of this package's types whose value such
// a function dials (directly or through a list).
func summarizeDials(pass *analysis.Pass, net *netsum.Analyzer) map[*ssa.Function][]ListDial {
	out := map[*ssa.Function][]ListDial{}
	facts := map[*types.Var]*FieldDial{}
	fns := make([]*ssa.Function, 0, len(net.Local))
	for fn := range net.Local {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		s := net.Local[fn]
		obj, ok := fn.Object().(*types.Func)
		if !ok || s.Empty() || len(s.Params) == 0 {
			continue
		}
		local := firstLocal(s)
		if local == nil {
			continue
		}
		lds := listDials(net.Resolver, fn, s)
		if len(lds) > 0 {
			out[fn] = lds
		}
		add := func(t hosts.Str, dial bool, via []netsum.Frame, fill *netsum.Frame, list string) {
			if t.Param < 0 || t.Param >= len(fn.Params) || t.Path == "" || strings.Contains(t.Path, "[]") {
				return
			}
			v := FieldByPath(fn.Params[t.Param].Type(), t.Path)
			if v == nil || v.Pkg() != pass.Pkg || !isString(v.Type()) || ExternalFirst(fn, via, local.Via) {
				return
			}
			fd := facts[v]
			if fd == nil {
				fd = &FieldDial{}
				facts[v] = fd
			}
			for _, d := range fd.Dialers {
				if d.Func == netsum.ObjName(obj) && d.Tmpl == t && d.List == list {
					return
				}
			}
			fd.Dialers = append(fd.Dialers, Dialer{
				Func: netsum.ObjName(obj), Name: obj.Name(), Recv: recvName(obj), Pkg: obj.Pkg().Path(),
				Local: local.Host, Tmpl: t, Dial: dial, Via: via, Fill: fill, List: list,
			})
		}
		for _, p := range s.Params {
			if !p.Model && !OptInGatedFlow(fn, p.Tmpl, p.Via) {
				add(p.Tmpl, p.Dial, p.Via, nil, "")
			}
		}
		for _, ld := range lds {
			fill := ld.Fill
			add(ld.Tmpl, ld.Dial, ld.Via, &fill, ld.List)
		}
	}
	vars := make([]*types.Var, 0, len(facts))
	for v := range facts {
		vars = append(vars, v)
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Pos() < vars[j].Pos() })
	for _, v := range vars {
		pass.ExportObjectFact(v, facts[v])
	}
	return out
}

// firstLocal returns a local reach of s (loopback, a unix socket), or nil.
func firstLocal(s *netsum.Summary) *netsum.Reach {
	for i, r := range s.Reaches {
		if hosts.Classify(r.Host, nil) == hosts.Local {
			return &s.Reaches[i]
		}
	}
	return nil
}

func recvName(obj *types.Func) string {
	sig := obj.Type().(*types.Signature)
	if sig.Recv() == nil {
		return ""
	}
	return types.TypeString(sig.Recv().Type(), func(*types.Package) string { return "" })
}

// listDials resolves fn's dials of list-field elements (the parameter
// flows whose path ends in ".[]") against the appends into that list
// that fn makes, directly or through a helper of its package it passes
// the list's owner to. Appends behind an explicit opt-in option (if
// c.AllowRemote { ... }) do not count, nor do dials behind one.
func listDials(r *hosts.Resolver, fn *ssa.Function, s *netsum.Summary) []ListDial {
	var out []ListDial
	for _, p := range s.Params {
		t := p.Tmpl
		if p.Model || t.Param < 0 || !strings.HasSuffix(t.Path, ".[]") || OptInGated(fn, p.Via) {
			continue
		}
		list := strings.TrimSuffix(t.Path, ".[]")
		for _, f := range fills(r, fn, t.Param, list) {
			inst := hosts.Strs{t}.Instantiate(func(i int, path string) hosts.Strs {
				if i == t.Param && path == t.Path {
					return hosts.Strs{f.elem}
				}
				return hosts.Strs{hosts.Unknown()}
			})
			for _, str := range inst {
				if str.IsUnknown() || str.IsLiteral() && str.Lit == "" {
					continue
				}
				if len(out) == maxListDials {
					return out
				}
				out = append(out, ListDial{Tmpl: str, Dial: p.Dial, Via: p.Via, Fill: f.frame, List: list})
			}
		}
	}
	return out
}

// fill is one value appended to a list, with where.
type fill struct {
	elem  hosts.Str
	frame netsum.Frame
}

// fills returns the values that fn (and its closures) store into list
// field path list of its parameter k: stores into the field itself, and
// stores that a helper of the same package makes into the same list of
// the argument fn passes it. A helper's values are instantiated on the
// call's arguments. The list's own elements (append(c.list, x) keeps
// them) are left out.
func fills(r *hosts.Resolver, fn *ssa.Function, k int, list string) []fill {
	var out []fill
	self := netsum.ObjName(fn.Object().(*types.Func))
	funcs := []*ssa.Function{fn}
	for i := 0; i < len(funcs); i++ {
		funcs = append(funcs, funcs[i].AnonFuncs...)
		for _, b := range funcs[i].Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					pk, path, ok := paramPath(x.Addr)
					if !ok || pk != k || path != list || OptInGatedAt(x) {
						continue
					}
					frame := netsum.Frame{Func: self, Pos: ssax.ShortPos(fn, x.Pos()), Callee: "append to " + list}
					for _, e := range r.Resolve(x.Val, "[]", x) {
						if !(e.Param == k && e.Path == list+".[]") {
							out = append(out, fill{elem: e, frame: frame})
						}
					}
				case *ssa.Call:
					g := x.Call.StaticCallee()
					if g == nil || g == fn || g.Pkg != fn.Pkg || g.Blocks == nil || g.Parent() != nil || OptInGatedAt(x) {
						continue
					}
					gobj, ok := g.Object().(*types.Func)
					if !ok {
						continue
					}
					args := x.Call.Args
					for j, a := range args {
						pk, prefix, ok := paramPath(a)
						if !ok || pk != k || !pathHasPrefix(list, prefix) {
							continue
						}
						sub := strings.TrimPrefix(strings.TrimPrefix(list, prefix), ".")
						frame := netsum.Frame{Func: self, Pos: ssax.ShortPos(fn, x.Pos()), Callee: netsum.ObjName(gobj)}
						for _, e := range helperFills(r, g, j, sub) {
							inst := hosts.Strs{e}.Instantiate(func(i int, path string) hosts.Strs {
								if i >= len(args) {
									return hosts.Strs{hosts.Unknown()}
								}
								return r.Resolve(args[i], path, x)
							})
							for _, v := range inst {
								if !(v.Param == k && v.Path == list+".[]") {
									out = append(out, fill{elem: v, frame: frame})
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// helperFills returns the values helper g stores into list field path
// list of its parameter j, with g's parameters as origins, leaving out
// the list's own elements.
func helperFills(r *hosts.Resolver, g *ssa.Function, j int, list string) hosts.Strs {
	var out hosts.Strs
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			pk, path, ok := paramPath(st.Addr)
			if !ok || pk != j || path != list {
				continue
			}
			for _, e := range r.Resolve(st.Val, "[]", st) {
				if !(e.Param == j && e.Path == list+".[]") {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

func pathHasPrefix(path, prefix string) bool {
	return prefix == "" || path == prefix || strings.HasPrefix(path, prefix+".")
}

// paramPath walks a value (an address or a pointer) back through field
// addresses to a parameter of the top-level function it belongs to (a
// closure's captured parameter included): its index and the field path.
func paramPath(v ssa.Value) (int, string, bool) {
	var path []string
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			st, ok := derefType(x.X.Type()).Underlying().(*types.Struct)
			if !ok || x.Field >= st.NumFields() {
				return 0, "", false
			}
			path = append([]string{st.Field(x.Field).Name()}, path...)
			v = x.X
		case *ssa.Parameter:
			fn := x.Parent()
			if fn == nil || fn.Parent() != nil {
				return 0, "", false
			}
			for i, p := range fn.Params {
				if p == x {
					return i, strings.Join(path, "."), true
				}
			}
			return 0, "", false
		case *ssa.FreeVar:
			b := ssax.ClosureBinding(x)
			ok := b != nil
			if !ok {
				return 0, "", false
			}
			v = b
		case *ssa.UnOp:
			// A captured parameter lives in a cell (c := param; the
			// closure shares it): the load reads the one store.
			if x.Op != token.MUL {
				return 0, "", false
			}
			cell := x.X
			if fv, ok := cell.(*ssa.FreeVar); ok {
				b := ssax.ClosureBinding(fv)
				ok := b != nil
				if !ok {
					return 0, "", false
				}
				cell = b
			}
			alloc, ok := cell.(*ssa.Alloc)
			if !ok {
				return 0, "", false
			}
			val, ok := onlyStore(alloc)
			if !ok {
				return 0, "", false
			}
			v = val
		default:
			return 0, "", false
		}
	}
}

// onlyStore returns the value of the single store into a cell, when the
// cell's address is used for nothing but that store and loads.
func onlyStore(alloc *ssa.Alloc) (ssa.Value, bool) {
	var val ssa.Value
	for _, ref := range *alloc.Referrers() {
		switch r := ref.(type) {
		case *ssa.Store:
			if r.Addr != alloc || val != nil {
				return nil, false
			}
			val = r.Val
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil, false
			}
		case *ssa.MakeClosure:
		default:
			return nil, false
		}
	}
	return val, val != nil
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// FieldByPath walks a field path ("Options.RelayAddress") from t, through
// pointers, to the field it names; nil when a step is not a field.
func FieldByPath(t types.Type, path string) *types.Var {
	var v *types.Var
	for _, name := range strings.Split(path, ".") {
		st, ok := derefType(t).Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		v = nil
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == name {
				v = st.Field(i)
				break
			}
		}
		if v == nil {
			return nil
		}
		t = v.Type()
	}
	return v
}

// FirstHop finds the call in fn (or its closures) at pos, the position a
// witness's first frame names.
func FirstHop(fn *ssa.Function, pos string) ssa.Instruction {
	funcs := []*ssa.Function{fn}
	for i := 0; i < len(funcs); i++ {
		funcs = append(funcs, funcs[i].AnonFuncs...)
		for _, b := range funcs[i].Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(ssa.CallInstruction); ok && instr.Pos().IsValid() && ssax.ShortPos(fn, instr.Pos()) == pos {
					return instr
				}
			}
		}
	}
	return nil
}

// TriedFirst reports whether the external call ext can run before the
// local call loc and never after it: the local call is a fallback.
func TriedFirst(ext, loc ssa.Instruction) bool {
	if ext.Parent() != loc.Parent() {
		return false
	}
	is := func(x ssa.Instruction) func(ssa.Instruction) bool {
		return func(i ssa.Instruction) bool { return i == x }
	}
	return cfgx.PathAvoiding(ext, is(loc), nil) && !cfgx.PathAvoiding(loc, is(ext), nil)
}

// ExternalFirst reports whether fn makes the call of witness ext before
// that of witness loc, and never after: a public-first design whose local
// call is the fallback, which a local route name does not misdescribe.
func ExternalFirst(fn *ssa.Function, ext, loc []netsum.Frame) bool {
	if len(ext) == 0 || len(loc) == 0 {
		return false
	}
	e, l := FirstHop(fn, ext[0].Pos), FirstHop(fn, loc[0].Pos)
	return e != nil && l != nil && TriedFirst(e, l)
}

// OptInGated reports whether the first call of witness via, in fn, runs
// only when an explicit opt-in option allows a remote route.
func OptInGated(fn *ssa.Function, via []netsum.Frame) bool {
	if len(via) == 0 {
		return false
	}
	hop := FirstHop(fn, via[0].Pos)
	return hop != nil && OptInGatedAt(hop)
}

// OptInGatedFlow is OptInGated for a destination that comes from field
// path t.Path of parameter t.Param: it is also gated when fn reads that
// field only behind an opt-in option (if c.AllowRemote { c.list =
// append(c.list, c.opts.Relay) } and a later dial of the list's
// elements, which the resolver reads as the field itself).
func OptInGatedFlow(fn *ssa.Function, t hosts.Str, via []netsum.Frame) bool {
	if OptInGated(fn, via) {
		return true
	}
	if t.Param < 0 || t.Path == "" || strings.Contains(t.Path, "[]") {
		return false
	}
	reads := 0
	funcs := []*ssa.Function{fn}
	for i := 0; i < len(funcs); i++ {
		funcs = append(funcs, funcs[i].AnonFuncs...)
		for _, b := range funcs[i].Blocks {
			for _, instr := range b.Instrs {
				load, ok := instr.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				if _, ok := load.X.(*ssa.FieldAddr); !ok {
					continue
				}
				if k, path, ok := paramPath(load.X); !ok || k != t.Param || path != t.Path {
					continue
				}
				if !OptInGatedAt(load) {
					return false
				}
				reads++
			}
		}
	}
	return reads > 0
}

// OptInGatedAt reports whether instr runs only when an explicit opt-in
// option is set: a boolean field whose name admits a remote route
// (AllowRemote, EnableFallback, UseCloud) is true, or one that forbids it
// (DisableRemote, NoFallback) is false. The zero value of such an option
// keeps the route local, so what runs behind it is the user's choice, not
// the function's default. An option of the other polarity (croc's
// `if !c.Options.OnlyLocal`) is no gate: the remote route runs by
// default. In a closure, the gate may also sit around the closure's
// creation in its parent.
func OptInGatedAt(instr ssa.Instruction) bool {
	for depth := 0; instr != nil && depth < 4; depth++ {
		b := instr.Block()
		if b == nil {
			return false
		}
		for d := b.Idom(); d != nil; d = d.Idom() {
			if len(d.Instrs) == 0 || len(d.Succs) != 2 {
				continue
			}
			ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
			if !ok {
				continue
			}
			onTrue, ok := remoteOption(ifi.Cond)
			if !ok {
				continue
			}
			t, f := d.Succs[0], d.Succs[1]
			switch {
			case t.Dominates(b) && !f.Dominates(b):
				if onTrue {
					return true
				}
			case f.Dominates(b) && !t.Dominates(b):
				if !onTrue {
					return true
				}
			}
		}
		fn := b.Parent()
		if fn.Parent() == nil {
			return false
		}
		instr = makeClosureOf(fn)
	}
	return false
}

// makeClosureOf returns the single MakeClosure creating fn in its parent.
func makeClosureOf(fn *ssa.Function) ssa.Instruction {
	var found ssa.Instruction
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				if found != nil {
					return nil
				}
				found = mc
			}
		}
	}
	return found
}

// remoteOption reports whether cond reads a boolean option field that
// governs a remote route, and whether the route runs when cond is true.
func remoteOption(cond ssa.Value) (onTrue, ok bool) {
	neg := false
	if u, isNot := cond.(*ssa.UnOp); isNot && u.Op == token.NOT {
		neg = true
		cond = u.X
	}
	var name string
	switch x := cond.(type) {
	case *ssa.UnOp:
		fa, isFA := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !isFA {
			return false, false
		}
		st, isSt := derefType(fa.X.Type()).Underlying().(*types.Struct)
		if !isSt || fa.Field >= st.NumFields() {
			return false, false
		}
		name = st.Field(fa.Field).Name()
	case *ssa.Field:
		st, isSt := x.X.Type().Underlying().(*types.Struct)
		if !isSt || x.Field >= st.NumFields() {
			return false, false
		}
		name = st.Field(x.Field).Name()
	default:
		return false, false
	}
	remote, forbid := false, false
	for _, tok := range names.Tokens(name) {
		switch tok {
		case "remote", "fallback", "external", "public", "cloud", "internet", "online", "wan":
			remote = true
		case "disable", "disabled", "no", "skip", "deny", "forbid", "block", "never":
			forbid = true
		}
	}
	if !remote {
		return false, false
	}
	return forbid == neg, true
}

// importFieldDials reads the FieldDial facts of the other packages' fields
// this package stores into.
func importFieldDials(pass *analysis.Pass, fields map[*types.Var]*FieldSum) map[*types.Var]*FieldDial {
	out := map[*types.Var]*FieldDial{}
	for v := range fields {
		if v.Pkg() == nil || v.Pkg() == pass.Pkg {
			continue
		}
		var fd FieldDial
		if pass.ImportObjectFact(v, &fd) {
			out[v] = &fd
		}
	}
	return out
}
