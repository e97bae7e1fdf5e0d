package vetunit

import (
	"encoding/json"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type testFact struct{ N int }

func (*testFact) AFact() {}

type otherFact struct{ S string }

func (*otherFact) AFact() {}

var factAnalyzer = &analysis.Analyzer{Name: "facty", Doc: "test", FactTypes: []analysis.Fact{new(testFact), new(otherFact)}, Run: func(*analysis.Pass) (any, error) { return nil, nil }}

func init() { RegisterFactTypes([]*analysis.Analyzer{factAnalyzer}) }

// writeConfig writes cfg as a unit's vet.cfg in dir and returns its name.
func writeConfig(t *testing.T, dir string, cfg map[string]any) string {
	t.Helper()
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(name, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestVetxRoundTrip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.vetx")
	facts := []pkgFacts{{Path: "z", Data: []byte{3}}, {Path: "a", Data: []byte{1, 2}}}
	if err := writeVetx(name, true, facts); err != nil {
		t.Fatal(err)
	}
	v, err := readVetx(name)
	if err != nil {
		t.Fatal(err)
	}
	want := []pkgFacts{{Path: "a", Data: []byte{1, 2}}, {Path: "z", Data: []byte{3}}}
	if !v.marked || !reflect.DeepEqual(v.facts, want) {
		t.Errorf("readVetx = %+v; want marked, %+v", v, want)
	}

	if err := writeVetx(name, false, nil); err != nil {
		t.Fatal(err)
	}
	if v, err := readVetx(name); err != nil || v.marked {
		t.Errorf("unmarked file: readVetx = %+v, %v", v, err)
	}
}

func TestVetxMissingOrEmptyIsUnmarked(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.vetx")
	empty := filepath.Join(dir, "empty.vetx")
	if err := os.WriteFile(empty, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{missing, empty} {
		if v, err := readVetx(name); err != nil || v.marked || len(v.facts) != 0 {
			t.Errorf("readVetx(%s) = %+v, %v; want empty", filepath.Base(name), v, err)
		}
	}
}

func TestVetxForeignFileIsAnError(t *testing.T) {
	name := filepath.Join(t.TempDir(), "unitchecker.vetx")
	// unitchecker's format: "vetx" and two lengths.
	if err := os.WriteFile(name, []byte("vetx\x00\x00\x00\x00\x00\x00\x00\x00"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := readVetx(name); err == nil {
		t.Error("readVetx accepted a unitchecker .vetx file")
	}
}

func TestMergeFactsKeepsFirstPerPackage(t *testing.T) {
	got := mergeFacts([]*vetx{
		{facts: []pkgFacts{{Path: "a", Data: []byte("1")}, {Path: "b", Data: []byte("2")}}},
		{facts: []pkgFacts{{Path: "b", Data: []byte("other")}, {Path: "c", Data: []byte("3")}}},
	})
	want := []pkgFacts{{Path: "a", Data: []byte("1")}, {Path: "b", Data: []byte("2")}, {Path: "c", Data: []byte("3")}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mergeFacts = %+v; want %+v", got, want)
	}
}

// check type-checks src as package path, importing std from source.
func check(t *testing.T, path, src string, imports map[string]*types.Package) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	std := importer.ForCompiler(fset, "source", nil)
	conf := types.Config{Importer: importerFunc(func(p string) (*types.Package, error) {
		if pkg := imports[p]; pkg != nil {
			return pkg, nil
		}
		return std.Import(p)
	})}
	pkg, err := conf.Check(path, fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestFactsRoundTrip exports facts in one package and imports them in a
// package that imports it, as two vet units would.
func TestFactsRoundTrip(t *testing.T) {
	lib := check(t, "example.com/lib", `package lib
type T struct{}
func (T) M() {}
func F() {}
func unexported() {}
`, nil)
	export := &factStore{pkg: lib, m: make(map[factKey]analysis.Fact)}
	pass := &analysis.Pass{Analyzer: factAnalyzer, Pkg: lib}
	export.bind(pass)
	pass.ExportObjectFact(lib.Scope().Lookup("F"), &testFact{N: 1})
	pass.ExportObjectFact(lib.Scope().Lookup("unexported"), &testFact{N: 2})
	m, _, _ := types.LookupFieldOrMethod(lib.Scope().Lookup("T").Type(), false, lib, "M")
	pass.ExportObjectFact(m, &otherFact{S: "method"})
	pass.ExportPackageFact(&testFact{N: 3})
	own, ok, err := export.encode()
	if err != nil || !ok || own.Path != "example.com/lib" {
		t.Fatalf("encode = %+v, %v, %v", own, ok, err)
	}
	if got := export.ownPackageFacts(); len(got) != 1 || got[0].(*testFact).N != 3 {
		t.Errorf("ownPackageFacts = %v; want the one package fact", got)
	}

	// The importer sees lib through its own type-check (as it would through
	// export data): objects are matched by objectpath, not by identity.
	lib2 := check(t, "example.com/lib", `package lib
type T struct{}
func (T) M() {}
func F() {}
func unexported() {}
`, nil)
	app := check(t, "example.com/app", `package app
import "example.com/lib"
var _ = lib.F
`, map[string]*types.Package{"example.com/lib": lib2})
	store := newFactStore(app, []pkgFacts{own, {Path: "example.com/unreachable", Data: []byte("not gob")}})
	imp := &analysis.Pass{Analyzer: factAnalyzer, Pkg: app}
	store.bind(imp)
	var f testFact
	if !imp.ImportObjectFact(lib2.Scope().Lookup("F"), &f) || f.N != 1 {
		t.Errorf("fact of lib.F = %v; want N=1", f)
	}
	// objectpath names no unexported function from outside its package:
	// such a fact is dropped, as unitchecker drops it (importers cannot
	// name the function either).
	if imp.ImportObjectFact(lib2.Scope().Lookup("unexported"), &f) {
		t.Errorf("fact of lib.unexported crossed the package boundary: %v", f)
	}
	m2, _, _ := types.LookupFieldOrMethod(lib2.Scope().Lookup("T").Type(), false, lib2, "M")
	var o otherFact
	if !imp.ImportObjectFact(m2, &o) || o.S != "method" {
		t.Errorf("fact of lib.T.M = %v; want method", o)
	}
	if imp.ImportObjectFact(m2, &f) {
		t.Error("a fact of another type was found for lib.T.M")
	}
	if !imp.ImportPackageFact(lib2, &f) || f.N != 3 {
		t.Errorf("package fact of lib = %v; want N=3", f)
	}
	if n := len(imp.AllObjectFacts()); n != 2 {
		t.Errorf("AllObjectFacts has %d facts; want 2", n)
	}
	// The app package exported nothing, so it passes nothing of its own.
	if _, ok, _ := store.encode(); ok {
		t.Error("app encoded facts it never exported")
	}
	// The unreachable package's bytes were never decoded, even by
	// AllObjectFacts: no object of it can be named here.
	if store.err != nil {
		t.Errorf("store.err = %v; want nil", store.err)
	}
}

// TestFactsDecodedOnFirstUse: a package's facts stay encoded until an
// analyzer asks about that package; a blob that does not decode is then an
// error of the store, and the other packages' facts are still served.
func TestFactsDecodedOnFirstUse(t *testing.T) {
	good := check(t, "example.com/good", "package good\nfunc F() {}\n", nil)
	bad := check(t, "example.com/bad", "package bad\nfunc G() {}\n", nil)
	export := &factStore{pkg: good, m: make(map[factKey]analysis.Fact)}
	exp := &analysis.Pass{Analyzer: factAnalyzer, Pkg: good}
	export.bind(exp)
	exp.ExportObjectFact(good.Scope().Lookup("F"), &testFact{N: 7})
	own, _, err := export.encode()
	if err != nil {
		t.Fatal(err)
	}
	app := check(t, "example.com/app", `package app
import ("example.com/good"; "example.com/bad")
var _, _ = good.F, bad.G
`, map[string]*types.Package{"example.com/good": good, "example.com/bad": bad})
	store := newFactStore(app, []pkgFacts{own, {Path: "example.com/bad", Data: []byte("not gob")}})
	if len(store.m) != 0 || len(store.pending) != 2 {
		t.Fatalf("a new store decoded facts: %d decoded, %d pending; want 0 and 2", len(store.m), len(store.pending))
	}
	pass := &analysis.Pass{Analyzer: factAnalyzer, Pkg: app}
	store.bind(pass)
	var f testFact
	if !pass.ImportObjectFact(good.Scope().Lookup("F"), &f) || f.N != 7 {
		t.Errorf("fact of good.F = %v; want N=7", f)
	}
	if _, ok := store.pending["example.com/bad"]; !ok || store.err != nil {
		t.Errorf("asking about good decoded bad (pending %v, err %v)", store.pending, store.err)
	}
	if pass.ImportObjectFact(bad.Scope().Lookup("G"), &f) {
		t.Error("a fact was found in a blob that does not decode")
	}
	if store.err == nil || !strings.Contains(store.err.Error(), "example.com/bad") {
		t.Errorf("store.err = %v; want an error naming example.com/bad", store.err)
	}
	if !pass.ImportObjectFact(good.Scope().Lookup("F"), &f) || f.N != 7 {
		t.Errorf("after the error, fact of good.F = %v; want N=7", f)
	}
}

func TestExportForAnotherPackagePanics(t *testing.T) {
	lib := check(t, "example.com/lib", "package lib\nfunc F() {}\n", nil)
	app := check(t, "example.com/app", "package app\nimport _ \"example.com/lib\"\n", map[string]*types.Package{"example.com/lib": lib})
	store := &factStore{pkg: app, m: make(map[factKey]analysis.Fact)}
	pass := &analysis.Pass{Analyzer: factAnalyzer, Pkg: app}
	store.bind(pass)
	defer func() {
		if recover() == nil {
			t.Error("exporting a fact for another package's object did not panic")
		}
	}()
	pass.ExportObjectFact(lib.Scope().Lookup("F"), &testFact{})
}

func TestFactProducers(t *testing.T) {
	producer := &analysis.Analyzer{Name: "p", Doc: "p", FactTypes: []analysis.Fact{new(testFact)}}
	plain := &analysis.Analyzer{Name: "plain", Doc: "plain"}
	reporter := &analysis.Analyzer{Name: "r", Doc: "r", Requires: []*analysis.Analyzer{producer, plain}}
	got := factProducers(reporter)
	if len(got) != 1 || got[0] != producer {
		t.Errorf("factProducers(reporter) = %v; want only the producer", got)
	}
}

// TestUnitWithoutFilesIsSkippedCleanly: a unit with no Go files (which
// unitchecker accepts) is skipped, and its .vetx passes its imports'
// facts on.
func TestUnitWithoutFilesIsSkippedCleanly(t *testing.T) {
	dir := t.TempDir()
	dep := filepath.Join(dir, "dep.vetx")
	if err := writeVetx(dep, true, []pkgFacts{{Path: "example.com/dep", Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(dir, "vet.cfg")
	out := filepath.Join(dir, "out.vetx")
	cfg := `{"ID":"example.com/empty","ImportPath":"example.com/empty","ImportMap":{"example.com/dep":"example.com/dep"},` +
		`"PackageVetx":{"example.com/dep":"` + dep + `"},"VetxOnly":true,"VetxOutput":"` + out + `"}`
	if err := os.WriteFile(cfgFile, []byte(cfg), 0o666); err != nil {
		t.Fatal(err)
	}
	skip := func(cfg *Config, imports []string, marked func(int) bool, report bool) bool {
		return len(cfg.GoFiles) == 0
	}
	var stderr strings.Builder
	if code := Main(cfgFile, []*analysis.Analyzer{factAnalyzer}, Options{Skip: skip}, &stderr); code != 0 {
		t.Fatalf("Main = %d, stderr %q", code, stderr.String())
	}
	v, err := readVetx(out)
	if err != nil {
		t.Fatal(err)
	}
	if v.marked || len(v.facts) != 1 || v.facts[0].Path != "example.com/dep" {
		t.Errorf("skipped unit wrote %+v; want unmarked, passing example.com/dep's facts on", v)
	}
}

// TestUndecodableFactsFailTheUnit: facts that do not decode fail the unit
// that asks for them, as they did when every blob was decoded up front,
// rather than leaving an analyzer with too few facts and a clean exit.
func TestUndecodableFactsFailTheUnit(t *testing.T) {
	out, err := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "errors").Output()
	if err != nil {
		t.Skipf("go list -export errors: %v", err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "a.go")
	if err := os.WriteFile(src, []byte("package a\n\nimport \"errors\"\n\nvar E = errors.New(\"e\")\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	dep := filepath.Join(dir, "errors.vetx")
	if err := writeVetx(dep, false, []pkgFacts{{Path: "errors", Data: []byte("not gob")}}); err != nil {
		t.Fatal(err)
	}
	asks := &analysis.Analyzer{Name: "asks", Doc: "asks about its imports", FactTypes: []analysis.Fact{new(testFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, imp := range pass.Pkg.Imports() {
				pass.ImportPackageFact(imp, new(testFact))
			}
			return nil, nil
		}}
	cfgFile := writeConfig(t, dir, map[string]any{
		"ID": "example.com/a", "Compiler": "gc", "Dir": dir, "ImportPath": "example.com/a",
		"GoFiles": []string{src}, "ImportMap": map[string]string{"errors": "errors"},
		"PackageFile": map[string]string{"errors": strings.TrimSpace(string(out))},
		"PackageVetx": map[string]string{"errors": dep},
		"VetxOutput":  filepath.Join(dir, "a.vetx"),
	})
	var stderr strings.Builder
	if code := Main(cfgFile, []*analysis.Analyzer{asks}, Options{}, &stderr); code != 1 || !strings.Contains(stderr.String(), "decoding facts of errors") {
		t.Errorf("Main = %d, stderr %q; want 1 and the decoding error", code, stderr.String())
	}
}

// TestPackageFactsDecodeWithoutObjectFacts: asking for an import's package
// fact (as every unit does of each import) decodes only the package facts'
// section, so a bad object section is not touched until an object fact is
// asked for.
func TestPackageFactsDecodeWithoutObjectFacts(t *testing.T) {
	lib := check(t, "example.com/lib", "package lib\nfunc F() {}\n", nil)
	app := check(t, "example.com/app", "package app\nimport \"example.com/lib\"\nvar _ = lib.F\n", map[string]*types.Package{"example.com/lib": lib})
	data, err := encodeFacts([]objectFact{{Fact: &testFact{N: 5}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "not gob"...) // the object facts' section
	store := newFactStore(app, []pkgFacts{{Path: "example.com/lib", Data: data}})
	pass := &analysis.Pass{Analyzer: factAnalyzer, Pkg: app}
	store.bind(pass)
	var f testFact
	if !pass.ImportPackageFact(lib, &f) || f.N != 5 || store.err != nil {
		t.Fatalf("package fact = %v, err %v; want N=5 and no error", f, store.err)
	}
	if pass.ImportObjectFact(lib.Scope().Lookup("F"), &f) || store.err == nil {
		t.Errorf("the bad object section decoded (err %v)", store.err)
	}
}

// TestBeforeAnalysisOnlyForAnalysedUnits: the hook runs once for a unit
// that is analysed and never for one that is skipped.
func TestBeforeAnalysisOnlyForAnalysedUnits(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.go")
	if err := os.WriteFile(src, []byte("package a\n\nvar V = 1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	cfgFile := writeConfig(t, dir, map[string]any{
		"ID": "example.com/a", "Compiler": "gc", "Dir": dir, "ImportPath": "example.com/a",
		"GoFiles": []string{src}, "VetxOnly": true, "VetxOutput": filepath.Join(dir, "a.vetx"),
	})
	for _, skipped := range []bool{false, true} {
		calls := 0
		opts := Options{
			Skip:           func(*Config, []string, func(int) bool, bool) bool { return skipped },
			BeforeAnalysis: func() { calls++ },
		}
		var stderr strings.Builder
		if code := Main(cfgFile, []*analysis.Analyzer{factAnalyzer}, opts, &stderr); code != 0 {
			t.Fatalf("skipped=%v: Main = %d, stderr %q", skipped, code, stderr.String())
		}
		if want := map[bool]int{false: 1, true: 0}[skipped]; calls != want {
			t.Errorf("skipped=%v: BeforeAnalysis called %d times, want %d", skipped, calls, want)
		}
	}
}

// TestDropTestFiles: a reporting unit whose test files can be dropped is
// analysed without them, one left with no files is skipped, and a VetxOnly
// unit is never asked.
func TestDropTestFiles(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a.go":      "package a\n\nvar V = 1\n",
		"a_test.go": "package a\n\nvar W = 2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	writeCfg := func(vetxOnly bool, files ...string) string {
		var paths []string
		for _, f := range files {
			paths = append(paths, filepath.Join(dir, f))
		}
		return writeConfig(t, dir, map[string]any{
			"ID": "example.com/a", "Compiler": "gc", "Dir": dir, "ImportPath": "example.com/a",
			"GoFiles": paths, "VetxOnly": vetxOnly, "VetxOutput": filepath.Join(dir, "a.vetx"),
		})
	}
	var seen []string
	lister := &analysis.Analyzer{Name: "lister", Doc: "lists the files it sees", FactTypes: []analysis.Fact{new(testFact)}, Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			seen = append(seen, filepath.Base(pass.Fset.File(f.Pos()).Name()))
		}
		return nil, nil
	}}
	for _, tc := range []struct {
		vetxOnly bool
		files    []string
		want     []string // files analysed; nil: skipped
		asked    bool
	}{
		{false, []string{"a.go", "a_test.go"}, []string{"a.go"}, true},
		{false, []string{"a_test.go"}, nil, true},
		{true, []string{"a.go"}, []string{"a.go"}, false},
	} {
		seen = nil
		asked, skipped := false, false
		opts := Options{
			DropTestFiles: func(*Config) bool { asked = true; return true },
			Skip: func(cfg *Config, _ []string, _ func(int) bool, _ bool) bool {
				skipped = len(cfg.GoFiles) == 0
				return skipped
			},
		}
		var stderr strings.Builder
		if code := Main(writeCfg(tc.vetxOnly, tc.files...), []*analysis.Analyzer{lister}, opts, &stderr); code != 0 {
			t.Fatalf("%v: Main = %d, stderr %q", tc.files, code, stderr.String())
		}
		if !slices.Equal(seen, tc.want) || skipped != (tc.want == nil) || asked != tc.asked {
			t.Errorf("VetxOnly=%v %v: analysed %v (skipped %v, asked %v); want %v (asked %v)", tc.vetxOnly, tc.files, seen, skipped, asked, tc.want, tc.asked)
		}
	}
}

// TestImportVetxReadOnce: the skip decision and the facts of a unit share
// one read of each import's .vetx file.
func TestImportVetxReadOnce(t *testing.T) {
	name := filepath.Join(t.TempDir(), "dep.vetx")
	if err := writeVetx(name, true, []pkgFacts{{Path: "example.com/dep", Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	cfg := &Config{PackageVetx: map[string]string{"example.com/dep": name}}
	if !cfg.markedFunc([]string{"example.com/dep"})(0) {
		t.Fatal("the marked import reads as unmarked")
	}
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	facts, err := cfg.readImportFacts()
	if err != nil || len(facts) != 1 || facts[0].Path != "example.com/dep" {
		t.Errorf("readImportFacts after the skip decision = %+v, %v; want the facts read then", facts, err)
	}
}
