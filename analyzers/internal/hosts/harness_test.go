package hosts_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sync"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"golang.org/x/tools/go/ssa"
)

// The tests build SSA from source snippets exactly as buildssa and ssapkg do
// (BuilderMode 0: generic bodies are not instantiated). The standard
// library comes from export data (the "source" importer is used only if
// that fails); third-party packages the sinks name are small stubs, type
// checked from source, with bodies, so constructor summaries can be
// computed from them.

var stubSources = map[string]string{
	"google.golang.org/grpc": `package grpc

import "context"

type ClientConn struct{}
type DialOption interface{ apply() }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return nil, nil
}
func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }
`,
	"github.com/gorilla/websocket": `package websocket

import (
	"context"
	"net/http"
)

type Conn struct{}
type Dialer struct{}

var DefaultDialer = &Dialer{}

func (d *Dialer) Dial(urlStr string, h http.Header) (*Conn, *http.Response, error) { return nil, nil, nil }
func (d *Dialer) DialContext(ctx context.Context, urlStr string, h http.Header) (*Conn, *http.Response, error) {
	return nil, nil, nil
}
`,
	"github.com/coder/websocket": `package websocket

import (
	"context"
	"net/http"
)

type Conn struct{}
type DialOptions struct{}

func Dial(ctx context.Context, u string, opts *DialOptions) (*Conn, *http.Response, error) {
	return nil, nil, nil
}
`,
	// The shape of go-openai's configuration: a default base URL set by a
	// constructor of a struct value, overridable by a field store.
	"github.com/sashabaranov/go-openai": `package openai

import "net/http"

const openaiAPIURLv1 = "https://api.openai.com/v1"

type ClientConfig struct {
	authToken  string
	BaseURL    string
	OrgID      string
	HTTPClient *http.Client
}

func DefaultConfig(authToken string) ClientConfig {
	return ClientConfig{authToken: authToken, BaseURL: openaiAPIURLv1, HTTPClient: &http.Client{}}
}

type Client struct{ config ClientConfig }

func NewClientWithConfig(config ClientConfig) *Client { return &Client{config: config} }
`,
}

var (
	fset    = token.NewFileSet()
	impOnce sync.Once
	imp     *testImporter
)

type stub struct {
	pkg   *types.Package
	files []*ast.File
	info  *types.Info
}

// testImporter serves the stubs from source and everything else from
// export data, caching both.
type testImporter struct {
	mu     sync.Mutex
	gc     types.Importer
	source types.Importer
	stubs  map[string]*stub
	std    map[string]*types.Package
}

func theImporter() *testImporter {
	impOnce.Do(func() {
		imp = &testImporter{
			gc:     importer.ForCompiler(fset, "gc", nil),
			source: importer.ForCompiler(fset, "source", nil),
			stubs:  map[string]*stub{},
			std:    map[string]*types.Package{},
		}
	})
	return imp
}

func (ti *testImporter) Import(path string) (*types.Package, error) {
	if src, ok := stubSources[path]; ok {
		if s, ok := ti.stubs[path]; ok {
			return s.pkg, nil
		}
		f, err := parser.ParseFile(fset, path+"/stub.go", src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		info := newInfo()
		pkg, err := (&types.Config{Importer: ti}).Check(path, fset, []*ast.File{f}, info)
		if err != nil {
			return nil, err
		}
		ti.stubs[path] = &stub{pkg: pkg, files: []*ast.File{f}, info: info}
		return pkg, nil
	}
	if p, ok := ti.std[path]; ok {
		return p, nil
	}
	p, err := ti.gc.Import(path)
	if err != nil {
		p, err = ti.source.Import(path)
	}
	if err != nil {
		return nil, err
	}
	ti.std[path] = p
	return p, nil
}

func newInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// program is one snippet built into SSA.
type program struct {
	t    *testing.T
	prog *ssa.Program
	pkg  *ssa.Package
}

// build type-checks src as package p (import path "example.com/p") and
// builds its SSA form with the stubs' bodies and bodiless std packages.
func build(t *testing.T, src string) *program {
	t.Helper()
	ti := theImporter()
	ti.mu.Lock()
	defer ti.mu.Unlock()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := newInfo()
	conf := &types.Config{Importer: ti, GoVersion: "go1.26"}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	prog := ssa.NewProgram(fset, ssa.BuilderMode(0))
	created := map[*types.Package]bool{pkg: true}
	var create func(p *types.Package)
	create = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if created[imp] {
				continue
			}
			created[imp] = true
			create(imp)
			if s, ok := ti.stubs[imp.Path()]; ok && s.pkg == imp {
				prog.CreatePackage(s.pkg, s.files, s.info, true)
			} else {
				prog.CreatePackage(imp, nil, nil, true)
			}
		}
	}
	create(pkg)
	ssaPkg := prog.CreatePackage(pkg, []*ast.File{f}, info, false)
	prog.Build()
	return &program{t: t, prog: prog, pkg: ssaPkg}
}

// fn returns the package function name, or the method "T.M" / "(*T).M".
func (p *program) fn(name string) *ssa.Function {
	p.t.Helper()
	if f := p.pkg.Func(name); f != nil {
		return f
	}
	for _, m := range p.pkg.Members {
		tm, ok := m.(*ssa.Type)
		if !ok {
			continue
		}
		named, ok := tm.Type().(*types.Named)
		if !ok {
			continue
		}
		for meth := range named.Methods() {
			f := p.prog.FuncValue(meth)
			if f != nil && (tm.Name()+"."+meth.Name() == name) {
				return f
			}
		}
	}
	p.t.Fatalf("no function %s", name)
	return nil
}

// resolver returns a Resolver whose hooks summarize the program's own
// functions (the snippet's and the stubs'), as the summary analyzer will
// through facts; recursion is cut off at a small depth.
func (p *program) resolver() *hosts.Resolver {
	r := &hosts.Resolver{}
	depth := 0
	body := func(fn *types.Func) *ssa.Function {
		if depth > 4 {
			return nil
		}
		f := p.prog.FuncValue(fn)
		if f == nil || f.Blocks == nil {
			return nil
		}
		return f
	}
	r.Callee = func(fn *types.Func, result int) hosts.Strs {
		f := body(fn)
		if f == nil {
			return nil
		}
		depth++
		defer func() { depth-- }()
		return r.ResultStrings(f, result)
	}
	r.FieldsOf = func(fn *types.Func, result int) []hosts.Field {
		f := body(fn)
		if f == nil {
			return nil
		}
		depth++
		defer func() { depth-- }()
		return r.ResultFields(f, result)
	}
	return r
}

// allFuncs returns fn and its closures, recursively.
func allFuncs(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for _, anon := range fn.AnonFuncs {
		out = append(out, allFuncs(anon)...)
	}
	return out
}

// uses resolves the argument of every call to use(...) in function name
// (and its closures), at the call, in instruction order.
func (p *program) uses(name string) []hosts.Strs {
	p.t.Helper()
	r := p.resolver()
	var out []hosts.Strs
	for _, fn := range allFuncs(p.fn(name)) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := call.Common().StaticCallee()
				if callee == nil || callee.Name() != "use" || len(call.Common().Args) != 1 {
					continue
				}
				out = append(out, r.StringsAt(call.Common().Args[0], call))
			}
		}
	}
	if len(out) == 0 {
		p.t.Fatalf("%s calls use() nowhere", name)
	}
	return out
}

// strs renders alternatives for comparison.
func strs(ss hosts.Strs) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.String()
	}
	return out
}

// hostsOf returns the hosts the alternatives designate (URL syntax unless
// dial), sorted, "?" standing for an alternative without one.
func hostsOf(ss hosts.Strs, dial bool) []string {
	var out []string
	for _, s := range ss {
		h, ok := s.Host(dial)
		if !ok {
			h = "?"
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// shape is one table row: the uses in a function and what they resolve to.
type shape struct {
	fn    string
	want  [][]string // per use(): the alternatives' String forms
	hosts [][]string // per use(), optional: hostsOf in URL syntax
}

// checkShapes runs a table of shapes against one snippet.
func checkShapes(t *testing.T, src string, shapes []shape) {
	t.Helper()
	p := build(t, src)
	for _, sh := range shapes {
		t.Run(sh.fn, func(t *testing.T) {
			p.t = t
			got := p.uses(sh.fn)
			if len(got) != len(sh.want) {
				t.Fatalf("%d uses, want %d: %v", len(got), len(sh.want), got)
			}
			for i := range got {
				if g := strs(got[i]); !slices.Equal(g, sh.want[i]) {
					t.Errorf("use #%d = %q, want %q", i, g, sh.want[i])
				}
				if sh.hosts != nil {
					if g := hostsOf(got[i], false); !slices.Equal(g, sh.hosts[i]) {
						t.Errorf("use #%d hosts = %q, want %q", i, g, sh.hosts[i])
					}
				}
			}
		})
	}
}

// L is shorthand for a list of alternatives.
func L(s ...string) []string { return s }

// Uses is shorthand for the per-use lists.
func Uses(u ...[]string) [][]string { return u }
