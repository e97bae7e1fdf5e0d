// Package summary is zombiecheck's only fact-producing analyzer. It decides
// whether a package can touch the network at all (the pre-filter that keeps
// SSA from being built for most dependencies), and for relevant packages it
// computes per-function summaries once, exports the cross-package parts as
// facts, and hands the rest to the reporting analyzers as its Result.
//
// Facts flow only within one analyzer (a pass imports the facts its own
// FactTypes produced on dependencies), so every reporter reads facts through
// this analyzer's Result rather than declaring facts of its own. Summaries
// are transitively closed: a fact never refers to a deeper package's fact,
// because facts about a dependency's functions are visible only to its
// direct importers.
package summary

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"reflect"
	"sort"
	"sync"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/bodies"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/clients"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/netsum"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssapkg"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes summaries. It takes no configuration and no policy: facts
// hold raw observations, and policy is applied only when reporting, so one
// instance serves every reporter and every policy.
var Analyzer = &analysis.Analyzer{
	Name:       "zombiecheck_summary",
	Doc:        "computes per-function network summaries shared by the zombiecheck analyzers",
	URL:        "https://github.com/zombiecheck/zombiecheck",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssapkg.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(ClientSum), new(RespSum), new(NetSum), new(Relevant), new(LoopSum), new(VarSum), new(FieldSum), new(FieldDial), new(ClientUseSum)},
}

// ClientSum is the fact exported for a function that hands its caller an
// *http.Client without a timeout, or a new connection pool (an
// *http.Transport, alone or inside a client). The caller judges what it
// received at its own uses: it may set a Timeout, or keep the pool. It is
// also exported for a function that only configures an *http.Transport
// parameter (Returns.ConfiguresTransport), so that a caller passing it a
// pool of its own still owns that pool alone.
type ClientSum struct {
	Returns clients.Returns
	// JudgedAtSite: the unbounded client is reported once, where it is
	// built (in this package, which uses it unbounded itself, or in the
	// package of the constructor it comes from), so callers that only use
	// it as it is have nothing more to report.
	JudgedAtSite bool
}

func (*ClientSum) AFact() {}

func (s *ClientSum) String() string {
	g := ""
	if pg := s.Returns.PoolGuard; pg.Set {
		g = fmt.Sprintf(", poolGuard=param%d.field%d==%t", pg.Param, pg.Field, pg.Want)
	}
	if s.Returns.PoolConditional {
		g += ", poolConditional"
	}
	if s.JudgedAtSite {
		g += ", judgedAtSite"
	}
	if s.Returns.UnboundedTransport {
		g += fmt.Sprintf(", unboundedTransport(dialBounded=%t)", s.Returns.TransportDialBounded)
	}
	if s.Returns.ConfiguresTransport != 0 {
		g += fmt.Sprintf(", configuresTransport=%#b", s.Returns.ConfiguresTransport)
	}
	for _, h := range s.Returns.Holds {
		what := "newPool"
		if h.Param >= 0 {
			what = fmt.Sprintf("param%d", h.Param)
		}
		g += fmt.Sprintf(", holds(result%d.%s=%s)", h.Result, h.Path, what)
	}
	return fmt.Sprintf("ClientSum(unboundedClient=%t, newTransport=%t, clientWithNewTransport=%t%s)",
		s.Returns.UnboundedClient, s.Returns.NewTransport, s.Returns.ClientWithNewTransport, g)
}

// RespSum is the fact exported for a function that returns an open
// *http.Response (or body), or closes, keeps or passes through one it is
// given: what callers in other packages need to know to follow ownership.
type RespSum struct {
	Summary bodies.Summary
}

func (*RespSum) AFact() {}

func (s *RespSum) String() string {
	return fmt.Sprintf("RespSum(returnsOwned=%v, closes=%v, transfers=%v, passes=%v, returnsReleased=%t)",
		s.Summary.ReturnsOwned, s.Summary.ClosesParam, s.Summary.TransfersParam, s.Summary.PassesParam, s.Summary.ReturnsReleased)
}

// Relevant is the package fact marking a package that can reach the
// network. Package facts reach only direct importers, so a package is
// relevant if it imports a network package or a relevant package:
// transitive by induction.
type Relevant struct{}

func (*Relevant) AFact()         {}
func (*Relevant) String() string { return "Relevant" }

// Result is what the reporting analyzers read.
type Result struct {
	// Relevant is false for the standard library and for packages that
	// need no analysis (see NeedsAnalysis); nothing else is set then.
	Relevant bool
	// SSA is the package's shared, lazily built SSA form.
	SSA *ssapkg.Handle
	// Clients holds the client and transport findings of every source
	// function of the package (closures included), keyed by function.
	Clients map[*ssa.Function]clients.Result
	// Funcs lists the keys of Clients in source order.
	Funcs []*ssa.Function
	// CtorSites are this package's constructors whose unbounded client is
	// reported once, where it is built, in order of that site.
	CtorSites []*CtorSite
	// FirstUses maps client fields and package variables to the first
	// send through them: this package's own, and the facts of the other
	// packages' fields and variables that this package stores clients in.
	FirstUses map[*types.Var]FirstUse
	// Bodies follows response ownership in this package's functions, with
	// every callee summary it needs already imported.
	Bodies *bodies.Analyzer
	// Net holds the network summaries of the package's functions and the
	// reaches each one creates.
	Net *netsum.Analyzer
	// Loops holds the LoopSum facts of the other packages' functions called here.
	Loops LoopFacts
	// Fields holds the constant defaults of string fields: those this
	// package stores (into any struct type's fields) merged with the
	// FieldSum facts of the other packages' fields it reads.
	Fields map[*types.Var]*FieldSum
	// ListDials holds, for the functions that dial a local address, what
	// else they dial as elements of a list field (a reconnect list that
	// a helper fills from an options field).
	ListDials map[*ssa.Function][]ListDial
	// FieldDials holds the FieldDial facts of the other packages' fields
	// in Fields: the functions there that dial the field besides a local
	// address. (A reporter's pass cannot read the summary's facts.)
	FieldDials map[*types.Var]*FieldDial

	pkg          *types.Package
	judged       map[*types.Func]bool
	importJudged func(*types.Func) bool

	files      []*ast.File
	inspectOne sync.Once
	inspector  *inspector.Inspector

	callersOne sync.Once
	callers    *ssax.Callers
}

// Inspector returns an AST inspector for the package, built on first use
// and shared by the reporters: unlike requiring inspect.Analyzer, nothing
// is built for the (many) packages that cannot reach the network.
func (r *Result) Inspector() *inspector.Inspector {
	r.inspectOne.Do(func() { r.inspector = inspector.New(r.files) })
	return r.inspector
}

// Callers returns the index of the package's static call sites, built on
// first use over its SSA form and shared by the reporters (zombieloop's
// child-pipe relays, httpclient's once-per-process functions).
func (r *Result) Callers() *ssax.Callers {
	r.callersOne.Do(func() {
		p := r.SSA.Get()
		r.callers = ssax.NewCallers(p.Pkg, p.SrcFuncs)
	})
	return r.callers
}

// networkImports are the packages whose import makes a package relevant.
var networkImports = map[string]bool{
	"net":                    true,
	"net/http":               true,
	"net/http/httputil":      true,
	"net/rpc":                true,
	"net/smtp":               true,
	"crypto/tls":             true,
	"database/sql":           true,
	"google.golang.org/grpc": true,
}

func run(pass *analysis.Pass) (res any, err error) {
	result := &Result{SSA: pass.ResultOf[ssapkg.Analyzer].(*ssapkg.Handle), files: pass.Files, pkg: pass.Pkg}
	if !relevant(pass) {
		return result, nil
	}
	result.Relevant = true

	defer func() {
		// A panic while summarising leaves the package with no summaries:
		// callers then know nothing, which keeps them silent, never loud.
		if r := recover(); r != nil {
			result.Clients = nil
			result.Funcs = nil
			result.CtorSites = nil
			result.judged = nil
			res, err = result, nil
		}
	}()

	// Keep what this run exports: exportsFacts judges the package by it.
	// (Asking the driver for AllObjectFacts instead makes it decode the
	// facts of every package below this one.)
	var exports []analysis.ObjectFact
	exportObjectFact := pass.ExportObjectFact
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		exports = append(exports, analysis.ObjectFact{Object: obj, Fact: fact})
		exportObjectFact(obj, fact)
	}

	pkg := result.SSA.Get()
	local := make(map[*types.Func]clients.Returns) // this package's constructors
	// configured holds, for this package's functions with *http.Transport
	// parameters, the ones they only configure (clients.ConfiguredTransports).
	configured := make(map[*types.Func]uint64)
	calleeReturns := func(fn *types.Func) clients.Returns {
		if fn.Pkg() == pass.Pkg {
			r := local[fn]
			r.ConfiguresTransport = configured[fn]
			return r
		}
		var sum ClientSum
		if pass.ImportObjectFact(fn, &sum) {
			return sum.Returns
		}
		return clients.Returns{}
	}

	// Transport configurers first (they return no client or transport, so
	// the constructors below depend on them, never the reverse): a
	// fixpoint, monotone, for helpers that call helpers.
	var configurers []*ssa.Function
	for _, fn := range pkg.SrcFuncs {
		if fn.Object() != nil && hasTransportParam(fn) {
			configurers = append(configurers, fn)
		}
	}
	for round := 0; round < 10; round++ {
		changed := false
		for _, fn := range configurers {
			obj := fn.Object().(*types.Func)
			if m := clients.ConfiguredTransports(fn, calleeReturns); m != configured[obj] {
				configured[obj] = m
				changed = true
			}
		}
		if !changed {
			break
		}
	}

	// Functions returning a client or transport form a small set; iterate
	// them to a fixpoint (monotone: flags only turn on) so that one
	// constructor wrapping another is summarised whatever the source order.
	var constructors []*ssa.Function
	for _, fn := range pkg.SrcFuncs {
		if returnsClientOrTransport(fn) && fn.Object() != nil {
			constructors = append(constructors, fn)
		}
	}
	// settled keeps each constructor's analysis from the round in which no
	// summary changed: it was computed with the final facts, so the
	// reporting pass below need not repeat it.
	settled := make(map[*ssa.Function]clients.Result, len(constructors))
	// A send through an unbounded client of a request whose context every
	// caller gave a deadline is bounded: the callers index is built the
	// first time such a send is met.
	deadlines := clients.NewDeadlines(result.Callers)
	for round := 0; round < 10; round++ {
		changed := false
		for _, fn := range constructors {
			obj := fn.Object().(*types.Func)
			res := clients.Analyze(fn, calleeReturns, deadlines)
			settled[fn] = res
			if !res.Returns.Equal(local[obj]) {
				local[obj] = res.Returns
				changed = true
			}
		}
		if !changed {
			break
		}
		clear(settled) // the cap may end the loop on a changing round
	}
	result.Bodies = summarizeBodies(pass, pkg.SrcFuncs)
	result.Net = summarizeNet(pass, pkg.SrcFuncs, result.Bodies.Impls)
	summarizeVars(pass, pkg.Pkg, result.Net.Resolver)
	result.Loops = summarizeLoops(pass, pkg.SrcFuncs)
	result.Fields = summarizeFields(pass, pkg.Pkg, result.Net.Resolver, result.Inspector())
	result.ListDials = summarizeDials(pass, result.Net)
	result.FieldDials = importFieldDials(pass, result.Fields)

	result.Clients = make(map[*ssa.Function]clients.Result, len(pkg.SrcFuncs))
	for _, fn := range pkg.SrcFuncs {
		res, ok := settled[fn]
		if !ok {
			res = clients.Analyze(fn, calleeReturns, deadlines)
		}
		result.Clients[fn] = res
		result.Funcs = append(result.Funcs, fn)
	}
	result.judgeClientSites(pass, pass.Pkg, constructors)
	result.summarizeFirstUses(pass, pkg.SrcFuncs)
	var exported []*types.Func
	for fn, ret := range local {
		if ret.Any() || configured[fn] != 0 {
			exported = append(exported, fn)
		}
	}
	for fn, m := range configured {
		if _, ok := local[fn]; !ok && m != 0 {
			exported = append(exported, fn)
		}
	}
	sort.Slice(exported, func(i, j int) bool { return exported[i].Pos() < exported[j].Pos() })
	for _, fn := range exported {
		ret := local[fn]
		ret.ConfiguresTransport = configured[fn]
		pass.ExportObjectFact(fn, &ClientSum{Returns: ret, JudgedAtSite: result.judged[fn]})
	}
	// Mark the package relevant for its importers only if it summarised
	// something they can use: importing a package that reaches the network
	// in no function we could see is no reason to build SSA for the
	// importer (generated API packages above net would all qualify).
	if exportsFacts(exports) {
		pass.ExportPackageFact(&Relevant{})
	}
	return result, nil
}

// returnsClientOrTransport reports whether one of fn's results can carry a
// client or a transport: *http.Client, *http.Transport, an interface with
// a RoundTrip method (http.RoundTripper or a project's own), or a struct
// that holds one of those (retryablehttp's Client, otelhttp's Transport).
func returnsClientOrTransport(fn *ssa.Function) bool {
	results := fn.Signature.Results()
	for i := 0; i < results.Len(); i++ {
		t := results.At(i).Type()
		if httptypes.IsClientPtr(t) || httptypes.IsTransportPtr(t) || httptypes.HasRoundTrip(t) || clients.PoolCarrier(t) {
			return true
		}
	}
	return false
}

// hasTransportParam reports whether one of fn's parameters (receiver
// included) is an *http.Transport.
func hasTransportParam(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if httptypes.IsTransportPtr(p.Type()) {
			return true
		}
	}
	return false
}

// exportsFacts reports whether exports, the object facts a pass exported,
// hold one that says one of the package's functions touches the network: hands out clients or responses,
// reaches a host or takes a destination as a parameter, or performs I/O.
// A package whose importers need its close-helper summaries is still
// summarised itself; its importers only consult its facts.
// Facts that only describe returned strings or waits do not count: nearly
// every package has a function returning a constant string or calling
// time.Sleep, and counting them made all of Kubernetes' API packages
// "relevant" (SSA built for k8s.io/api/core/v1 alone cost 220 MB).
func exportsFacts(exports []analysis.ObjectFact) bool {
	for _, f := range exports {
		switch fact := f.Fact.(type) {
		case *ClientSum:
			// A helper that only configures a transport it is given,
			// or a wrapper that only keeps what it is given, hands out
			// nothing: its callers build the transport.
			r := fact.Returns
			if r.UnboundedClient || r.UnboundedTransport || r.HandsOutPool() {
				return true
			}
		case *RespSum:
			// A helper that closes or keeps what it is given produces no
			// response; only one that hands out an open response does.
			if len(fact.Summary.ReturnsOwned) > 0 {
				return true
			}
		case *NetSum:
			// Dynamic calls (Virtual) do not count: nearly every package
			// calls some interface, and counting them made all of
			// Kubernetes' API packages relevant again (SSA for each, peak
			// RSS 200 MB). An importer that declares network-reaching
			// implementations imports a network package itself.
			if len(fact.Summary.Reaches) > 0 || len(fact.Summary.Params) > 0 || fact.Summary.HandsOutHost() {
				return true
			}
		case *LoopSum:
			if fact.PerformsIO {
				return true
			}
		case *VarSum:
			return true // only variables that name a host get one
		}
	}
	return false
}

// relevant decides, before any SSA is built, whether the package needs
// analysis: it can reach the network or read a stream (see NeedsAnalysis).
func relevant(pass *analysis.Pass) bool {
	files := make([]string, len(pass.Files))
	for i, f := range pass.Files {
		files[i] = pass.Fset.File(f.Pos()).Name()
	}
	imports := pass.Pkg.Imports()
	paths := make([]string, len(imports))
	for i, imp := range imports {
		paths[i] = imp.Path()
	}
	return NeedsAnalysis(files, paths, func(i int) bool {
		return pass.ImportPackageFact(imports[i], new(Relevant))
	})
}

// NeedsAnalysis is the pre-filter, decided from what is known before a
// package is parsed: the name of one of its Go files, the paths of its
// direct imports, and whether the i'th import carries the Relevant fact.
// A package needs analysis if it is not in the standard library (std's
// network use is modelled by name at its callers) and it imports a network
// package, a package of an LLM SDK in the sdks table, or a relevant
// package. Drivers that can skip a package before type-checking it (the
// vet-protocol driver) use the same function, so the two can never
// disagree.
//
// A package that imports none of those may still hand out destinations:
// a config package returning the provider chain, or declaring it in a
// package variable. It counts when one of its files has a string literal
// that starts with a network URL ("https://..."), found by reading the
// files, not parsing them (see scanFiles).
//
// A package that never touches the network may still spin on a stream: a
// REPL over stdin, an agent prompt or a pipe protocol that reads with
// bufio and drops the error. It counts when it imports bufio and one of
// its files calls one of bufio.Reader's line or rune reads or a Scanner's
// Scan, so that the
// read-loop rule judges it under every driver.
func NeedsAnalysis(goFiles []string, imports []string, importIsRelevant func(i int) bool) bool {
	if len(goFiles) == 0 || goFiles[0] == "" || ssax.IsStdFile(goFiles[0]) {
		return false
	}
	readsBufio := false
	for i, path := range imports {
		if networkImports[path] || sdks.InSDK(path) || importIsRelevant(i) {
			return true
		}
		readsBufio = readsBufio || path == "bufio"
	}
	return scanFiles(goFiles, readsBufio)
}

// urlLiteralStarts are the openings of a Go string literal that is a
// network URL. Comments and prose in strings ("see https://...") do not
// match: the quote must come right before the scheme.
var urlLiteralStarts = [][]byte{
	[]byte(`"http://`), []byte(`"https://`), []byte(`"ws://`), []byte(`"wss://`),
	[]byte("`http://"), []byte("`https://"),
}

// hasURLStart reports whether start occurs in data followed by a letter or
// digit, the first of a host name: "https://" alone, a scheme prefix the
// code completes, or a template ("https://$name") does not count.
func hasURLStart(data, start []byte) bool {
	for {
		i := bytes.Index(data, start)
		if i < 0 {
			return false
		}
		data = data[i+len(start):]
		if len(data) > 0 {
			c := data[0]
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				return true
			}
		}
	}
}

// bufioStreamReads are the calls of bufio.Reader's methods that a read
// loop makes; a file that has none cannot hold the read-loop class.
var bufioStreamReads = [][]byte{
	[]byte(".ReadString("), []byte(".ReadBytes("), []byte(".ReadLine("),
	[]byte(".ReadRune("), []byte(".ReadByte("), []byte(".ReadSlice("),
	[]byte(".Scan()"), // a bufio.Scanner's: sql's and fmt's take arguments
}

// scanFiles reports whether one of files has a string literal that starts
// with a network URL, or, if streamReads, a call of one of bufio.Reader's
// read methods. A file that cannot be read counts, so that nothing is
// skipped for want of looking.
func scanFiles(files []string, streamReads bool) bool {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return true
		}
		for _, start := range urlLiteralStarts {
			if hasURLStart(data, start) {
				return true
			}
		}
		if streamReads {
			for _, call := range bufioStreamReads {
				if bytes.Contains(data, call) {
					return true
				}
			}
		}
	}
	return false
}

// IsRelevantFact reports whether f is the package fact that marks a
// package relevant to its importers.
func IsRelevantFact(f analysis.Fact) bool {
	_, ok := f.(*Relevant)
	return ok
}
