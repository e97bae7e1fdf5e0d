package summary

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
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

// fieldScan collects the stores of one package.
type fieldScan struct {
	pass *analysis.Pass
	out  map[*types.Var]*FieldSum
	// pkgVarInit maps this package's variables to their initializers.
	pkgVarInit map[*types.Var]ast.Expr
	// localDef maps a local variable defined once to its definition.
	localDef map[*types.Var]ast.Expr
	// cliFlags maps a urfave/cli flag name to its Value expressions.
	cliFlags map[string][]ast.Expr
	// cmdFlags holds the Value expressions of flags declared in a
	// subcommand's Flags (cli.Command{Flags: ...}), not the app's.
	cmdFlags map[ast.Expr]bool
}

// summarizeFields scans the package's non-test files for constant stores
// into string fields, exports a FieldSum for the fields of this package's
// types, and returns every field's summary it knows: the ones computed
// here (for any struct type, this package's stores only) merged with the
// imported facts of the other packages' fields this package reads.
func summarizeFields(pass *analysis.Pass) map[*types.Var]*FieldSum {
	fs := &fieldScan{pass: pass, out: map[*types.Var]*FieldSum{}, pkgVarInit: map[*types.Var]ast.Expr{}, localDef: map[*types.Var]ast.Expr{}, cliFlags: map[string][]ast.Expr{}, cmdFlags: map[ast.Expr]bool{}}
	var files []*ast.File
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		files = append(files, f)
	}
	// Pass 1: definitions the values refer to.
	defs := map[*types.Var]int{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.ValueSpec:
				for i, name := range x.Names {
					v, ok := pass.TypesInfo.Defs[name].(*types.Var)
					if !ok || i >= len(x.Values) || len(x.Names) != len(x.Values) {
						continue
					}
					if v.Parent() == pass.Pkg.Scope() {
						fs.pkgVarInit[v] = x.Values[i]
					} else {
						fs.localDef[v] = x.Values[i]
						defs[v]++
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range x.Lhs {
					id, ok := lhs.(*ast.Ident)
					if !ok {
						continue
					}
					var v *types.Var
					if x.Tok == token.DEFINE {
						v, _ = pass.TypesInfo.Defs[id].(*types.Var)
					}
					if v == nil {
						v, _ = pass.TypesInfo.Uses[id].(*types.Var)
					}
					if v == nil || v.Parent() == pass.Pkg.Scope() {
						continue
					}
					defs[v]++
					if len(x.Lhs) == len(x.Rhs) {
						fs.localDef[v] = x.Rhs[i]
					} else {
						delete(fs.localDef, v)
						defs[v]++
					}
				}
			case *ast.CompositeLit:
				if isCLIType(pass.TypesInfo.TypeOf(x), "Command") {
					fs.markCommandFlags(x)
				}
				if isCLIStringFlag(pass.TypesInfo.TypeOf(x)) {
					var name string
					var val ast.Expr
					for _, e := range x.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						key, _ := kv.Key.(*ast.Ident)
						if key == nil {
							continue
						}
						switch key.Name {
						case "Name":
							name, _ = constString(pass, kv.Value)
						case "Value":
							val = kv.Value
						}
					}
					if name != "" && val != nil {
						fs.cliFlags[name] = append(fs.cliFlags[name], val)
					}
				}
			}
			return true
		})
	}
	for v, n := range defs {
		if n != 1 {
			delete(fs.localDef, v)
		}
	}
	// Pass 2: the stores.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CompositeLit:
				st, ok := underStruct(pass.TypesInfo.TypeOf(x))
				if !ok {
					return true
				}
				for i, e := range x.Elts {
					var fld *types.Var
					val := e
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						key, _ := kv.Key.(*ast.Ident)
						if key == nil {
							continue
						}
						fld, _ = pass.TypesInfo.Uses[key].(*types.Var)
						val = kv.Value
					} else if i < st.NumFields() {
						fld = st.Field(i)
					}
					fs.store(fld, val, "composite literal")
				}
			case *ast.AssignStmt:
				if len(x.Lhs) != len(x.Rhs) {
					for _, lhs := range x.Lhs {
						fs.store(fs.fieldOf(lhs), nil, "")
					}
					return true
				}
				for i, lhs := range x.Lhs {
					if x.Tok != token.ASSIGN && x.Tok != token.DEFINE {
						fs.store(fs.fieldOf(lhs), nil, "")
						continue
					}
					fs.store(fs.fieldOf(lhs), x.Rhs[i], "assignment")
				}
			case *ast.CallExpr:
				if fld, name, val, ok := fs.flagVar(x); ok {
					fs.storeVals(fld, val, fmt.Sprintf("flag %q default", name), x.Pos())
					fs.sum(fld).Other = true // the user can set the flag
				}
			}
			return true
		})
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

// fieldOf returns the string field that lhs (x.F) stores into, or nil.
func (fs *fieldScan) fieldOf(lhs ast.Expr) *types.Var {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := fs.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	v, _ := s.Obj().(*types.Var)
	return v
}

// store records that val is stored into fld.
func (fs *fieldScan) store(fld *types.Var, val ast.Expr, how string) {
	if fld == nil || !isString(fld.Type()) {
		return
	}
	if val == nil {
		fs.sum(fld).Other = true
		return
	}
	fs.storeVals(fld, val, how, val.Pos())
}

func (fs *fieldScan) storeVals(fld *types.Var, val ast.Expr, how string, pos token.Pos) {
	if fld == nil || !isString(fld.Type()) {
		return
	}
	vals, complete := fs.value(val, 0)
	s := fs.sum(fld)
	if !complete {
		s.Other = true
	}
	for _, v := range vals {
		h, at := how, pos
		if v.how != "" {
			h, at = v.how, v.pos
		}
		p := fs.pass.Fset.Position(at)
		s.Defaults = append(s.Defaults, FieldDefault{Val: v.s, Pos: fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line), How: h, store: pos})
	}
}

func (fs *fieldScan) sum(fld *types.Var) *FieldSum {
	s := fs.out[fld]
	if s == nil {
		s = &FieldSum{}
		fs.out[fld] = s
	}
	return s
}

// val is one constant a value may be, with how it got there when that is
// a flag default.
type val struct {
	s, how string
	pos    token.Pos // where a flag default is declared, when it is one
}

// maxValDepth bounds the definitions value follows.
const maxValDepth = 6

// value returns the constant strings e may be, and whether those are all
// it may be.
func (fs *fieldScan) value(e ast.Expr, depth int) ([]val, bool) {
	if depth > maxValDepth {
		return nil, false
	}
	info := fs.pass.TypesInfo
	if s, ok := constString(fs.pass, e); ok {
		return []val{{s: s}}, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				return nil, false
			}
			id = sel.Sel
		} else {
			id = x.(*ast.Ident)
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil, false
		}
		if init, ok := fs.pkgVarInit[v]; ok {
			return fs.value(init, depth+1)
		}
		if def, ok := fs.localDef[v]; ok {
			return fs.value(def, depth+1)
		}
		if v.Pkg() != nil && v.Pkg() != fs.pass.Pkg && v.Parent() == v.Pkg().Scope() {
			return fs.importedVar(v)
		}
		return nil, false
	case *ast.StarExpr:
		// *p where p := flag.String("relay", "x", usage)
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok {
			return nil, false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil, false
		}
		def, ok := fs.localDef[v]
		if !ok {
			def, ok = fs.pkgVarInit[v]
		}
		if !ok {
			return nil, false
		}
		call, ok := ast.Unparen(def).(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		name, dflt, ok := flagFunc(fs.pass, call)
		if !ok {
			return nil, false
		}
		// The user can set the flag: the default is one value of several.
		vals, _ := fs.value(dflt, depth+1)
		return withHow(vals, fmt.Sprintf("flag %q default", name), call.Pos()), false
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return nil, false
		}
		a, okA := fs.value(x.X, depth+1)
		b, okB := fs.value(x.Y, depth+1)
		return product(a, b, ""), okA && okB
	case *ast.CallExpr:
		if fn := calleeFunc(fs.pass, x); fn != nil {
			if fn.Pkg() != nil && fn.Pkg().Path() == "net" && fn.Name() == "JoinHostPort" && len(x.Args) == 2 {
				a, okA := fs.value(x.Args[0], depth+1)
				b, okB := fs.value(x.Args[1], depth+1)
				return product(a, b, ":"), okA && okB
			}
			if isCLIContextString(fn) && len(x.Args) == 1 {
				name, ok := constString(fs.pass, x.Args[0])
				if !ok || len(fs.cliFlags[name]) == 0 {
					return nil, false
				}
				// A flag of the app applies everywhere; one declared in a
				// subcommand only to it. Which command runs the reading
				// code is not followed: when the app declares the flag
				// with a value known here, its declaration is the one read
				// (not a subcommand's flag of the same name). When the
				// app's value is unknown (another package's variable
				// without a fact), every declaration counts, as before.
				collect := func(global bool) []val {
					var out []val
					for _, d := range fs.cliFlags[name] {
						if global && fs.cmdFlags[d] {
							continue
						}
						vs, _ := fs.value(d, depth+1)
						out = append(out, withHow(vs, fmt.Sprintf("cli flag %q default", name), d.Pos())...)
					}
					return out
				}
				out := collect(true)
				if len(out) == 0 {
					out = collect(false)
				}
				// The user can set the flag: the default is one value of
				// several, so the list is never complete.
				return out, false
			}
		}
	}
	return nil, false
}

// importedVar reads another package's variable through its VarSum fact.
func (fs *fieldScan) importedVar(v *types.Var) ([]val, bool) {
	var sum VarSum
	if !fs.pass.ImportObjectFact(v, &sum) {
		return nil, false
	}
	var out []val
	complete := true
	for _, f := range sum.Fields {
		if f.Path != "" {
			continue
		}
		for _, s := range f.Vals {
			if s.Complete && !s.HasOrigin() {
				out = append(out, val{s: s.Lit})
			} else {
				complete = false
			}
		}
	}
	return out, complete
}

func withHow(vs []val, how string, pos token.Pos) []val {
	out := make([]val, len(vs))
	for i, v := range vs {
		out[i] = val{s: v.s, how: how, pos: pos}
		if v.how != "" {
			out[i].how, out[i].pos = v.how, v.pos
		}
	}
	return out
}

// product concatenates every a with every b, joined by sep.
func product(a, b []val, sep string) []val {
	var out []val
	for _, x := range a {
		for _, y := range b {
			if len(out) == maxFieldDefaults {
				return out
			}
			how, pos := x.how, x.pos
			if how == "" {
				how, pos = y.how, y.pos
			}
			s := x.s + sep + y.s
			if sep == ":" {
				s = net.JoinHostPort(x.s, y.s)
			}
			out = append(out, val{s: s, how: how, pos: pos})
		}
	}
	return out
}

// flagVar matches flag.StringVar(&x.F, name, value, usage) and its
// FlagSet and pflag (StringVarP) forms.
func (fs *fieldScan) flagVar(call *ast.CallExpr) (*types.Var, string, ast.Expr, bool) {
	fn := calleeFunc(fs.pass, call)
	if fn == nil || fn.Pkg() == nil || !isFlagPkg(fn.Pkg().Path()) {
		return nil, "", nil, false
	}
	vi := 2
	switch fn.Name() {
	case "StringVar":
	case "StringVarP":
		vi = 3
	default:
		return nil, "", nil, false
	}
	if len(call.Args) <= vi {
		return nil, "", nil, false
	}
	addr, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
	if !ok || addr.Op != token.AND {
		return nil, "", nil, false
	}
	fld := fs.fieldOf(addr.X)
	if fld == nil {
		return nil, "", nil, false
	}
	name, _ := constString(fs.pass, call.Args[1])
	return fld, name, call.Args[vi], true
}

// flagFunc matches flag.String(name, value, usage) and its FlagSet and
// pflag (StringP) forms.
func flagFunc(pass *analysis.Pass, call *ast.CallExpr) (string, ast.Expr, bool) {
	fn := calleeFunc(pass, call)
	if fn == nil || fn.Pkg() == nil || !isFlagPkg(fn.Pkg().Path()) {
		return "", nil, false
	}
	vi := 1
	switch fn.Name() {
	case "String":
	case "StringP":
		vi = 2
	default:
		return "", nil, false
	}
	if len(call.Args) <= vi {
		return "", nil, false
	}
	name, _ := constString(pass, call.Args[0])
	return name, call.Args[vi], true
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

// markCommandFlags records the Value of each StringFlag declared in the
// Flags of subcommand literal cmd.
func (fs *fieldScan) markCommandFlags(cmd *ast.CompositeLit) {
	for _, e := range cmd.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, _ := kv.Key.(*ast.Ident); key == nil || key.Name != "Flags" {
			continue
		}
		ast.Inspect(kv.Value, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isCLIStringFlag(fs.pass.TypesInfo.TypeOf(lit)) {
				return true
			}
			for _, fe := range lit.Elts {
				if fkv, ok := fe.(*ast.KeyValueExpr); ok {
					if key, _ := fkv.Key.(*ast.Ident); key != nil && key.Name == "Value" {
						fs.cmdFlags[fkv.Value] = true
					}
				}
			}
			return false
		})
	}
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

func calleeFunc(pass *analysis.Pass, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := pass.TypesInfo.Uses[id].(*types.Func)
	return fn
}

func constString(pass *analysis.Pass, e ast.Expr) (string, bool) {
	tv, ok := pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

func underStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
