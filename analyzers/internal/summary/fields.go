package summary

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// FieldSum is the fact exported for a string field of a struct type this
// package declares: the constant values this package stores into it (its
// defaults: what runs when the user configures nothing) and whether some
// other store puts a value there that is not a constant (a user argument,
// a flag the user may set, an environment variable).
//
// The stores counted are composite literals (Options{Relay: "x"}, in a
// package variable such as DefaultOptions or in a constructor),
// assignments (o.Relay = "x"), and flag defaults that flow into the field
// (flag.StringVar(&o.Relay, "relay", "x", ...), o.Relay = *flag.String(...),
// and urfave/cli's c.String("relay") with a StringFlag{Name: "relay",
// Value: "x"} declared in the same package). Test files are not read: their
// stores are fixtures, not defaults.
type FieldSum struct {
	Defaults []FieldDefault
	// Other is set when some store is not a constant this package knows.
	Other bool
}

// FieldDefault is one constant stored into a field, with where it is set.
type FieldDefault struct {
	Val string // "croc.schollz.com:9009"
	Pos string // "main.go:12", base name only: it crosses packages
	How string // "composite literal", "assignment", `flag "relay" default`
	// store is where this package stores the value into the field (the
	// composite literal's element, the assignment, the StringVar call);
	// NoPos for a default read from another package's fact.
	store token.Pos
}

// Store returns where this package stores the default into the field, or
// token.NoPos when the default is another package's (read from its fact).
func (d FieldDefault) Store() token.Pos { return d.store }

func (*FieldSum) AFact() {}

func (s *FieldSum) String() string {
	var vs []string
	for _, d := range s.Defaults {
		vs = append(vs, fmt.Sprintf("%q@%s", d.Val, d.Pos))
	}
	return fmt.Sprintf("FieldSum(%s, other=%t)", strings.Join(vs, " "), s.Other)
}

// maxFieldDefaults caps the defaults kept per field (first by position).
const maxFieldDefaults = 8

// maxFlagDepth bounds the flag defaults read inside one another's values.
const maxFlagDepth = 4

// fieldScan collects the stores of one package. The values stored are
// read by the package's hosts.Resolver (the one evaluator of constant
// strings); the scan adds to it only what a flag library's value by name
// is (its Call hook), and where each default comes from.
type fieldScan struct {
	pass *analysis.Pass
	r    *hosts.Resolver
	out  map[*types.Var]*FieldSum
	// sites maps the position of a store's SSA instruction (a composite
	// literal element's colon, an assignment's field name, a call's
	// parenthesis) to the source it stands for.
	sites map[token.Pos]site
	// cmdRanges are the source ranges of the Flags of subcommand literals
	// (cli.Command{Flags: ...}).
	cmdRanges [][2]token.Pos
	// cliFlags maps a urfave/cli flag name to the stores of its Value.
	cliFlags map[string][]cliFlag
	// notes are the flag defaults read while resolving the current store.
	notes []note
	depth int
}

// site is the source of a store: where its value starts, and how it
// stores (a composite literal, an assignment); other marks a store whose
// value is not one expression (x.F += s, x.F, err = f()).
type site struct {
	val   token.Pos
	how   string
	other bool
}

// cliFlag is one urfave/cli StringFlag's Value store.
type cliFlag struct {
	store *ssa.Store
	sub   bool // declared in a subcommand's Flags, not the app's
}

// note is a flag default read while resolving a store: its values and
// where it is declared.
type note struct {
	vals hosts.Strs
	how  string
	pos  token.Pos
}

// summarizeFields scans the package's non-test code for constant stores
// into string fields, exports a FieldSum for the fields of this package's
// types, and returns every field's summary it knows: the ones computed
// here (for any struct type, this package's stores only) merged with the
// imported facts of the other packages' fields this package reads. The
// stores are the SSA stores into fields (composite literals, assignments)
// and flag.StringVar calls; their values are what r resolves them to.
func summarizeFields(pass *analysis.Pass, pkg *ssa.Package, r *hosts.Resolver, in *inspector.Inspector) map[*types.Var]*FieldSum {
	fs := &fieldScan{pass: pass, r: r, out: map[*types.Var]*FieldSum{}, sites: map[token.Pos]site{}, cliFlags: map[string][]cliFlag{}}
	fs.indexSites(in)
	var funcs []*ssa.Function
	for _, fn := range ssax.PackageFuncs(pkg) {
		if !fs.inTest(fn.Pos()) {
			funcs = append(funcs, fn)
		}
	}
	// Pass 1: the urfave/cli flag declarations that c.String reads.
	flagNames := map[ssa.Value]string{}
	var flagValues []*ssa.Store
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok || !isCLIStringFlag(fa.X.Type()) {
					continue
				}
				switch ssax.StructFieldName(fa.X.Type(), fa.Field) {
				case "Name":
					if name, ok := constStr(st.Val); ok {
						flagNames[fa.X] = name
					}
				case "Value":
					flagValues = append(flagValues, st)
				}
			}
		}
	}
	// In source order, as the declarations are read.
	sort.Slice(flagValues, func(i, j int) bool { return flagValues[i].Pos() < flagValues[j].Pos() })
	for _, st := range flagValues {
		name := flagNames[st.Addr.(*ssa.FieldAddr).X]
		if name == "" {
			continue
		}
		sub := false
		for _, rg := range fs.cmdRanges {
			if rg[0] <= st.Pos() && st.Pos() < rg[1] {
				sub = true
			}
		}
		fs.cliFlags[name] = append(fs.cliFlags[name], cliFlag{store: st, sub: sub})
	}
	// Pass 2: the stores.
	prev := r.Call
	r.Call = fs.call
	defer func() { r.Call = prev }()
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					fa, ok := x.Addr.(*ssa.FieldAddr)
					if !ok || !x.Pos().IsValid() {
						continue
					}
					fld := fieldVar(fa)
					if fld == nil || !isString(fld.Type()) {
						continue
					}
					st, ok := fs.sites[x.Pos()]
					if !ok || st.other {
						fs.sum(fld).Other = true
						continue
					}
					fs.storeVals(fld, x.Val, x, st.how, st.val)
				case *ssa.Call:
					if fld, name, val, ok := fs.flagVar(x); ok {
						pos := fs.start(x.Pos())
						fs.storeVals(fld, val, x, fmt.Sprintf("flag %q default", name), pos)
						fs.sum(fld).Other = true // the user can set the flag
					}
				}
			}
		}
	}
	for v, s := range fs.out {
		sort.Slice(s.Defaults, func(i, j int) bool {
			a, b := s.Defaults[i], s.Defaults[j]
			if a.Pos != b.Pos {
				return a.Pos < b.Pos
			}
			return a.Val < b.Val
		})
		if len(s.Defaults) > maxFieldDefaults {
			s.Defaults = s.Defaults[:maxFieldDefaults]
			s.Other = true
		}
		if v.Pkg() == pass.Pkg && len(s.Defaults) > 0 {
			pass.ExportObjectFact(v, &FieldSum{Defaults: s.Defaults, Other: s.Other})
		}
	}
	// Fields of other packages' types that this package reads: their
	// facts, merged with this package's own stores.
	seen := map[*types.Var]bool{}
	for _, sel := range pass.TypesInfo.Selections {
		v, ok := sel.Obj().(*types.Var)
		if !ok || sel.Kind() != types.FieldVal || v.Pkg() == nil || v.Pkg() == pass.Pkg || seen[v] || !isString(v.Type()) {
			continue
		}
		seen[v] = true
		var sum FieldSum
		if !pass.ImportObjectFact(v, &sum) {
			continue
		}
		if mine := fs.out[v]; mine != nil {
			mine.Defaults = append(sum.Defaults, mine.Defaults...)
			mine.Other = mine.Other || sum.Other
			continue
		}
		fs.out[v] = &sum
	}
	return fs.out
}

// inTest reports whether pos is in a test file: its stores are fixtures,
// not defaults.
func (fs *fieldScan) inTest(pos token.Pos) bool {
	f := fs.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// indexSites records, from the syntax, what the SSA positions of stores
// stand for: a composite literal element (at its colon, or the element
// itself when unkeyed), an assignment to a field (at the field's name),
// a call (at its parenthesis); and the Flags of subcommand literals.
func (fs *fieldScan) indexSites(in *inspector.Inspector) {
	info := fs.pass.TypesInfo
	in.Preorder([]ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node) {
		if fs.inTest(n.Pos()) {
			return
		}
		switch x := n.(type) {
		case *ast.CompositeLit:
			cmd := isCLIType(info.TypeOf(x), "Command")
			for _, e := range x.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					fs.sites[e.Pos()] = site{val: e.Pos(), how: "composite literal"}
					continue
				}
				fs.sites[kv.Colon] = site{val: kv.Value.Pos(), how: "composite literal"}
				if key, _ := kv.Key.(*ast.Ident); cmd && key != nil && key.Name == "Flags" {
					fs.cmdRanges = append(fs.cmdRanges, [2]token.Pos{kv.Value.Pos(), kv.Value.End()})
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range x.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if len(x.Lhs) != len(x.Rhs) || x.Tok != token.ASSIGN && x.Tok != token.DEFINE {
					fs.sites[sel.Sel.Pos()] = site{other: true}
					continue
				}
				fs.sites[sel.Sel.Pos()] = site{val: x.Rhs[i].Pos(), how: "assignment"}
			}
		case *ast.CallExpr:
			fs.sites[x.Lparen] = site{val: x.Pos()}
		}
	})
}

// start returns where the call whose SSA position (its parenthesis) is
// lparen starts in the source.
func (fs *fieldScan) start(lparen token.Pos) token.Pos {
	if st, ok := fs.sites[lparen]; ok && st.val.IsValid() {
		return st.val
	}
	return lparen
}

// fieldVar returns the field that fa addresses.
func fieldVar(fa *ssa.FieldAddr) *types.Var {
	st, ok := ssax.Deref(fa.X.Type()).Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// storeVals records the values r resolves val to, at instruction at, as
// defaults of fld stored at pos: a flag default read on the way keeps
// where it is declared.
func (fs *fieldScan) storeVals(fld *types.Var, val ssa.Value, at ssa.Instruction, how string, pos token.Pos) {
	fs.notes = fs.notes[:0]
	vals := fs.r.Resolve(val, "", at)
	s := fs.sum(fld)
	for _, v := range vals {
		if !v.IsLiteral() {
			s.Other = true
			continue
		}
		h, p := how, pos
		if n, ok := fs.noteOf(v.Lit); ok {
			h, p = n.how, n.pos
		}
		pp := fs.pass.Fset.Position(p)
		s.Defaults = append(s.Defaults, FieldDefault{Val: v.Lit, Pos: fmt.Sprintf("%s:%d", filepath.Base(pp.Filename), pp.Line), How: h, store: pos})
	}
}

// noteOf returns the flag default that value lit was made from: the one
// it is, else the first one it contains.
func (fs *fieldScan) noteOf(lit string) (note, bool) {
	for _, n := range fs.notes {
		for _, v := range n.vals {
			if v.IsLiteral() && v.Lit == lit {
				return n, true
			}
		}
	}
	for _, n := range fs.notes {
		for _, v := range n.vals {
			if v.IsLiteral() && v.Lit != "" && strings.Contains(lit, v.Lit) {
				return n, true
			}
		}
	}
	return note{}, false
}

func (fs *fieldScan) sum(fld *types.Var) *FieldSum {
	s := fs.out[fld]
	if s == nil {
		s = &FieldSum{}
		fs.out[fld] = s
	}
	return s
}

// call is the Resolver's Call hook: the value of a flag. For
// *flag.String(name, value, usage) (and its FlagSet and pflag forms),
// the pointer's target is the default or what the user sets; for
// urfave/cli's c.String(name), the Value of the StringFlag of that name
// the package declares or what the user sets. A flag of the app applies
// everywhere, one declared in a subcommand only to it. Which command runs
// the reading code is not followed: when the app declares the flag with
// a value known here, its declaration is the one read (not a
// subcommand's flag of the same name). When the app's value is unknown
// (another package's variable without a fact), every declaration counts.
func (fs *fieldScan) call(call *ssa.Call, fn *types.Func, result int, path string) (hosts.Strs, bool) {
	if result != 0 || path != "" || call.Call.IsInvoke() || fn.Pkg() == nil {
		return nil, false
	}
	args := call.Call.Args
	if fs.depth >= maxFlagDepth {
		return hosts.Strs{hosts.Unknown()}, true
	}
	fs.depth++
	defer func() { fs.depth-- }()
	if name, dflt, ok := flagFunc(fn, args); ok {
		vals := fs.r.Resolve(dflt, "", call)
		fs.notes = append(fs.notes, note{vals: vals, how: fmt.Sprintf("flag %q default", name), pos: fs.start(call.Pos())})
		// The user can set the flag: the default is one value of several.
		return hosts.Union(vals, hosts.Strs{hosts.Unknown()}), true
	}
	if !isCLIContextString(fn) || len(args) != 2 {
		return nil, false
	}
	name, ok := constStr(args[1])
	if !ok || len(fs.cliFlags[name]) == 0 {
		return hosts.Strs{hosts.Unknown()}, true
	}
	collect := func(global bool) hosts.Strs {
		var out hosts.Strs
		for _, d := range fs.cliFlags[name] {
			if global && d.sub {
				continue
			}
			vals := fs.r.Resolve(d.store.Val, "", d.store)
			var lits hosts.Strs
			for _, v := range vals {
				if v.IsLiteral() {
					lits = append(lits, v)
				}
			}
			fs.notes = append(fs.notes, note{vals: lits, how: fmt.Sprintf("cli flag %q default", name), pos: fs.sites[d.store.Pos()].val})
			out = append(out, lits...)
		}
		return out
	}
	out := collect(true)
	if len(out) == 0 {
		out = collect(false)
	}
	// The user can set the flag: the default is one value of several.
	return hosts.Union(out, hosts.Strs{hosts.Unknown()}), true
}

// flagVar matches flag.StringVar(&x.F, name, value, usage) and its
// FlagSet and pflag (StringVarP) forms.
func (fs *fieldScan) flagVar(call *ssa.Call) (*types.Var, string, ssa.Value, bool) {
	fn := ssax.FuncObject(call.Call.StaticCallee())
	if fn == nil || fn.Pkg() == nil || !isFlagPkg(fn.Pkg().Path()) {
		return nil, "", nil, false
	}
	args := call.Call.Args
	if fn.Type().(*types.Signature).Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	vi := 2
	switch fn.Name() {
	case "StringVar":
	case "StringVarP":
		vi = 3
	default:
		return nil, "", nil, false
	}
	if len(args) <= vi {
		return nil, "", nil, false
	}
	fa, ok := args[0].(*ssa.FieldAddr)
	if !ok {
		return nil, "", nil, false
	}
	fld := fieldVar(fa)
	if fld == nil || !isString(fld.Type()) {
		return nil, "", nil, false
	}
	name, _ := constStr(args[1])
	return fld, name, args[vi], true
}

// flagFunc matches flag.String(name, value, usage) and its FlagSet and
// pflag (StringP) forms, args with the receiver first.
func flagFunc(fn *types.Func, args []ssa.Value) (string, ssa.Value, bool) {
	if !isFlagPkg(fn.Pkg().Path()) {
		return "", nil, false
	}
	if fn.Type().(*types.Signature).Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	vi := 1
	switch fn.Name() {
	case "String":
	case "StringP":
		vi = 2
	default:
		return "", nil, false
	}
	if len(args) <= vi {
		return "", nil, false
	}
	name, _ := constStr(args[0])
	return name, args[vi], true
}

func isFlagPkg(path string) bool {
	return path == "flag" || path == "github.com/spf13/pflag"
}

// isCLIPkg reports whether pkg is urfave/cli (any major version) or a
// fork of it: a package named cli whose StringFlag has the string fields
// Name and Value (croc builds on github.com/schollz/cli/v2).
func isCLIPkg(pkg *types.Package) bool {
	path := pkg.Path()
	if path == "github.com/urfave/cli" || strings.HasPrefix(path, "github.com/urfave/cli/") {
		return true
	}
	if pkg.Name() != "cli" {
		return false
	}
	flag, ok := pkg.Scope().Lookup("StringFlag").(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := flag.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	fields := 0
	for f := range st.Fields() {
		if (f.Name() == "Name" || f.Name() == "Value") && isString(f.Type()) {
			fields++
		}
	}
	return fields == 2
}

// isCLIType reports whether t is urfave/cli's type name (or a pointer
// to it).
func isCLIType(t types.Type, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Name() == name && isCLIPkg(n.Obj().Pkg())
}

// isCLIStringFlag reports whether t is urfave/cli's StringFlag (or a
// pointer to it).
func isCLIStringFlag(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Name() == "StringFlag" && isCLIPkg(n.Obj().Pkg())
}

// isCLIContextString reports whether fn is urfave/cli's (*Context).String
// (v1, v2) or (*Command).String (v3): a flag's value by name.
func isCLIContextString(fn *types.Func) bool {
	if fn.Name() != "String" || fn.Pkg() == nil || !isCLIPkg(fn.Pkg()) {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && (n.Obj().Name() == "Context" || n.Obj().Name() == "Command")
}

// constStr returns v's value when it is a string constant.
func constStr(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
