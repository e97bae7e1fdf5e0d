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

// factStore holds the facts visible while analysing one unit: those
// decoded from its imports' .vetx files and those its analyzers export.
type factStore struct {
	pkg *types.Package
	m   map[factKey]analysis.Fact
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

// decodeFacts builds the store for pkg from the facts its imports pass on.
// Facts of a package that pkg cannot reach through its imports' types are
// not decoded: no object of such a package can be looked up.
func decodeFacts(pkg *types.Package, facts []pkgFacts) (*factStore, error) {
	s := &factStore{pkg: pkg, m: make(map[factKey]analysis.Fact)}
	reachable := make(map[string]*types.Package)
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		if reachable[p.Path()] != nil {
			return
		}
		reachable[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, imp := range pkg.Imports() {
		visit(imp)
	}
	for _, pf := range facts {
		p := reachable[pf.Path]
		if p == nil {
			continue
		}
		list, err := decodeList(pf.Data)
		if err != nil {
			return nil, fmt.Errorf("decoding facts of %s: %v", pf.Path, err)
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
	return s, nil
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
		var out []analysis.ObjectFact
		for k, f := range s.m {
			if k.obj != nil && owned[k.t] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for k, f := range s.m {
			if k.obj == nil && owned[k.t] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
		return out
	}
}
