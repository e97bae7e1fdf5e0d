package vetunit

import (
	"bytes"
	"compress/flate"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// factKey identifies a fact: an object fact has obj set, a package fact
// only pkg.
type factKey struct {
	pkg *types.Package
	obj types.Object
	t   reflect.Type
}

// factStore holds the facts visible while analysing one unit: those its
// imports' .vetx files pass on and those its analyzers export.
//
// An imported package's facts are decoded when an analyzer first asks for
// a fact about that package or one of its objects, not before: a unit
// receives the facts of every package below it, and decoding all of them
// up front took about 9% of the suite's CPU under go vet, most of it for
// packages whose facts the unit never asked for.
type factStore struct {
	pkg *types.Package
	m   map[factKey]analysis.Fact
	// pending holds, by package path, the encoded facts of the imported
	// packages not yet decoded.
	pending map[string][]byte
	// err is the first decoding error; the unit fails with it.
	err error
}

// RegisterFactTypes registers with gob every fact type of the analyzers and
// of what they require. A driver calls it with all the analyzers it knows,
// not only those enabled for a run: a .vetx file holds the facts of every
// fact-producing analyzer that ran below, and all of them must decode.
func RegisterFactTypes(analyzers []*analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer)
	visit = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			for _, f := range a.FactTypes {
				gob.Register(f)
			}
			visit(a.Requires)
		}
	}
	visit(analyzers)
}

// newFactStore returns the store for pkg, holding the facts its imports
// pass on, still encoded.
func newFactStore(pkg *types.Package, imported []pkgFacts) *factStore {
	s := &factStore{pkg: pkg, m: make(map[factKey]analysis.Fact), pending: make(map[string][]byte, len(imported))}
	for _, pf := range imported {
		if pf.Path != pkg.Path() {
			s.pending[pf.Path] = pf.Data
		}
	}
	return s
}

// load decodes the facts of p, an imported package as the unit's types see
// it, the first time it is called for p. A fact about an object that
// objectpath cannot find in this view of p is dropped: no analyzer here
// can name that object.
func (s *factStore) load(p *types.Package) {
	data, ok := s.pending[p.Path()]
	if !ok {
		return
	}
	delete(s.pending, p.Path())
	list, err := decodeList(data)
	if err != nil {
		if s.err == nil {
			s.err = fmt.Errorf("decoding facts of %s: %v", p.Path(), err)
		}
		return
	}
	for _, of := range list {
		fact, ok := of.Fact.(analysis.Fact)
		if !ok {
			continue
		}
		key := factKey{pkg: p, t: reflect.TypeOf(fact)}
		if of.Object != "" {
			obj, err := objectpath.Object(p, objectpath.Path(of.Object))
			if err != nil {
				continue // the object is not in this view of the package
			}
			key.obj = obj
		}
		s.m[key] = fact
	}
}

// loadAll decodes the facts of every package the unit can reach through
// its imports' types, for AllObjectFacts and AllPackageFacts. Facts of a
// package it cannot reach are never decoded: no object of such a package
// can be looked up.
func (s *factStore) loadAll() {
	seen := make(map[*types.Package]bool)
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		s.load(p)
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, imp := range s.pkg.Imports() {
		visit(imp)
	}
}

// encode returns the facts of the unit's own package, in a deterministic
// order. Facts about objects that objectpath cannot name from outside the
// package (locals, closures) are dropped, as unitchecker drops them.
func (s *factStore) encode() (pkgFacts, bool, error) {
	var enc objectpath.Encoder
	var list []objectFact
	for k, f := range s.m {
		if k.pkg != s.pkg {
			continue
		}
		of := objectFact{Fact: f}
		if k.obj != nil {
			path, err := enc.For(k.obj)
			if err != nil {
				continue
			}
			of.Object = string(path)
		}
		list = append(list, of)
	}
	if len(list) == 0 {
		return pkgFacts{}, false, nil
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Object != list[j].Object {
			return list[i].Object < list[j].Object
		}
		return reflect.TypeOf(list[i].Fact).String() < reflect.TypeOf(list[j].Fact).String()
	})
	data, err := encodeList(list)
	if err != nil {
		return pkgFacts{}, false, fmt.Errorf("encoding facts of %s: %v", s.pkg.Path(), err)
	}
	return pkgFacts{Path: s.pkg.Path(), Data: data}, true, nil
}

// encodeList encodes one package's facts as they travel in pkgFacts.Data:
// gob, deflated. Summaries repeat their witness paths' names and
// positions many times over, so deflating shrinks them about twentyfold:
// every .vetx file above the package carries the bytes, and the go command
// hashes and caches every .vetx file.
func encodeList(list []objectFact) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := gob.NewEncoder(zw).Encode(list); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeList decodes what encodeList encoded.
func decodeList(data []byte) ([]objectFact, error) {
	zr := flate.NewReader(bytes.NewReader(data))
	defer zr.Close()
	var list []objectFact
	if err := gob.NewDecoder(zr).Decode(&list); err != nil {
		return nil, err
	}
	return list, nil
}

// ownPackageFacts returns the package facts exported for the unit's own
// package.
func (s *factStore) ownPackageFacts() []analysis.Fact {
	var out []analysis.Fact
	for k, f := range s.m {
		if k.pkg == s.pkg && k.obj == nil {
			out = append(out, f)
		}
	}
	return out
}

// bind sets the fact functions of a pass, restricted, as every go/analysis
// driver restricts them, to the analyzer's own fact types.
func (s *factStore) bind(pass *analysis.Pass) {
	owned := make(map[reflect.Type]bool)
	for _, f := range pass.Analyzer.FactTypes {
		owned[reflect.TypeOf(f)] = true
	}
	check := func(op string, fact analysis.Fact) reflect.Type {
		t := reflect.TypeOf(fact)
		if !owned[t] {
			panic(fmt.Sprintf("%s: %s of fact type %s not declared in FactTypes", pass.Analyzer.Name, op, t))
		}
		return t
	}
	copyInto := func(dst, src analysis.Fact) {
		reflect.ValueOf(dst).Elem().Set(reflect.ValueOf(src).Elem())
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		if obj.Pkg() == nil {
			return false // a universe object: no package carries its facts
		}
		s.load(obj.Pkg())
		if f, ok := s.m[factKey{pkg: obj.Pkg(), obj: obj, t: check("ImportObjectFact", fact)}]; ok {
			copyInto(fact, f)
			return true
		}
		return false
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg == nil {
			panic("nil package")
		}
		s.load(pkg)
		if f, ok := s.m[factKey{pkg: pkg, t: check("ImportPackageFact", fact)}]; ok {
			copyInto(fact, f)
			return true
		}
		return false
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != s.pkg {
			panic(fmt.Sprintf("%s: ExportObjectFact(%s) for an object of another package", pass.Analyzer.Name, obj))
		}
		s.m[factKey{pkg: s.pkg, obj: obj, t: check("ExportObjectFact", fact)}] = fact
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		s.m[factKey{pkg: s.pkg, t: check("ExportPackageFact", fact)}] = fact
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		s.loadAll()
		var out []analysis.ObjectFact
		for k, f := range s.m {
			if k.obj != nil && owned[k.t] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		s.loadAll()
		var out []analysis.PackageFact
		for k, f := range s.m {
			if k.obj == nil && owned[k.t] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
		return out
	}
}
