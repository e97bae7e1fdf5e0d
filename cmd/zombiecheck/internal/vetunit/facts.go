package vetunit

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/gob"
	"errors"
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
// packages whose facts the unit never asked for. Package facts and object
// facts are decoded separately (see encodeFacts): asking whether an import
// carries a package fact, as every unit does of each of its imports, does
// not decode the import's object facts.
type factStore struct {
	pkg *types.Package
	m   map[factKey]analysis.Fact
	// pending holds, by package path, the encoded facts of the imported
	// packages whose package or object facts are not yet decoded.
	pending map[string]*pendingFacts
	// err is the first decoding error; the unit fails with it.
	err error
}

// pendingFacts is one imported package's encoded facts, and which of its
// two sections are decoded.
type pendingFacts struct {
	data             []byte
	pkgDone, objDone bool
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
	s := &factStore{pkg: pkg, m: make(map[factKey]analysis.Fact), pending: make(map[string]*pendingFacts, len(imported))}
	for _, pf := range imported {
		if pf.Path != pkg.Path() {
			s.pending[pf.Path] = &pendingFacts{data: pf.Data}
		}
	}
	return s
}

// load decodes the package facts of p (objects false) or its object facts
// (objects true), p being an imported package as the unit's types see it,
// the first time it is called for them. A fact about an object that
// objectpath cannot find in this view of p is dropped: no analyzer here
// can name that object.
func (s *factStore) load(p *types.Package, objects bool) {
	pf, ok := s.pending[p.Path()]
	if !ok || !objects && pf.pkgDone || objects && pf.objDone {
		return
	}
	if objects {
		pf.objDone = true
	} else {
		pf.pkgDone = true
	}
	if pf.pkgDone && pf.objDone {
		delete(s.pending, p.Path())
	}
	pkgPart, objPart, err := splitFacts(pf.data)
	part := pkgPart
	if objects {
		part = objPart
	}
	var list []objectFact
	if err == nil && len(part) > 0 {
		list, err = decodeList(part)
	}
	if err != nil {
		if s.err == nil {
			s.err = fmt.Errorf("decoding facts of %s: %v", p.Path(), err)
		}
		return
	}
	for _, of := range list {
		fact, ok := of.Fact.(analysis.Fact)
		if !ok || (of.Object != "") != objects {
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

// loadAll decodes the package facts (objects false) or object facts of
// every package the unit can reach through its imports' types, for
// AllPackageFacts and AllObjectFacts. Facts of a package it cannot reach
// are never decoded: no object of such a package can be looked up.
func (s *factStore) loadAll(objects bool) {
	seen := make(map[*types.Package]bool)
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		s.load(p, objects)
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
	var pkgList, objList []objectFact
	for k, f := range s.m {
		if k.pkg != s.pkg {
			continue
		}
		if k.obj == nil {
			pkgList = append(pkgList, objectFact{Fact: f})
			continue
		}
		path, err := enc.For(k.obj)
		if err != nil {
			continue
		}
		objList = append(objList, objectFact{Object: string(path), Fact: f})
	}
	if len(pkgList) == 0 && len(objList) == 0 {
		return pkgFacts{}, false, nil
	}
	data, err := encodeFacts(pkgList, objList)
	if err != nil {
		return pkgFacts{}, false, fmt.Errorf("encoding facts of %s: %v", s.pkg.Path(), err)
	}
	return pkgFacts{Path: s.pkg.Path(), Data: data}, true, nil
}

// encodeFacts encodes one package's facts as they travel in pkgFacts.Data:
//
//	uvarint n     the size of the package facts' section
//	n bytes       the package facts (encodeList), none if there are none
//	the rest      the object facts (encodeList), none if there are none
//
// Each list is sorted, so the bytes are deterministic.
func encodeFacts(pkgList, objList []objectFact) ([]byte, error) {
	for _, list := range [][]objectFact{pkgList, objList} {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Object != list[j].Object {
				return list[i].Object < list[j].Object
			}
			return reflect.TypeOf(list[i].Fact).String() < reflect.TypeOf(list[j].Fact).String()
		})
	}
	var pkgPart, objPart []byte
	var err error
	if len(pkgList) > 0 {
		if pkgPart, err = encodeList(pkgList); err != nil {
			return nil, err
		}
	}
	if len(objList) > 0 {
		if objPart, err = encodeList(objList); err != nil {
			return nil, err
		}
	}
	data := binary.AppendUvarint(nil, uint64(len(pkgPart)))
	data = append(data, pkgPart...)
	return append(data, objPart...), nil
}

// splitFacts returns the two sections of what encodeFacts encoded.
func splitFacts(data []byte) (pkgPart, objPart []byte, err error) {
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, nil, errors.New("corrupt facts header")
	}
	data = data[k:]
	return data[:n], data[n:], nil
}

// encodeList encodes a list of facts, one section of pkgFacts.Data: gob,
// deflated. Summaries repeat their witness paths' names and
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
		s.load(obj.Pkg(), true)
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
		s.load(pkg, false)
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
		s.loadAll(true)
		var out []analysis.ObjectFact
		for k, f := range s.m {
			if k.obj != nil && owned[k.t] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		s.loadAll(false)
		var out []analysis.PackageFact
		for k, f := range s.m {
			if k.obj == nil && owned[k.t] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
		return out
	}
}
