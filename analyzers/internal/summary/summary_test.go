package summary_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/clients"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// observation is what probe records about one package.
type observation struct {
	relevant bool
	ssaBuilt bool
}

// probe runs after summary and records its result per package.
func probe(seen map[string]observation) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "probe",
		Doc:      "records the summary result",
		Requires: []*analysis.Analyzer{summary.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[summary.Analyzer].(*summary.Result)
			seen[pass.Pkg.Path()] = observation{relevant: res.Relevant, ssaBuilt: res.SSA.Built()}
			return nil, nil
		},
	}
}

// TestRelevanceAndLaziness: SSA is built only for packages that can reach
// the network, and relevance travels through the package fact.
func TestRelevanceAndLaziness(t *testing.T) {
	seen := make(map[string]observation)
	analysistest.Run(t, analysistest.TestData(), probe(seen), "quiet", "direct", "indirect", "strings", "net/textproto")
	want := map[string]observation{
		"quiet":         {relevant: false, ssaBuilt: false},
		"direct":        {relevant: true, ssaBuilt: true},
		"indirect":      {relevant: true, ssaBuilt: true},
		"strings":       {relevant: false, ssaBuilt: false}, // std is never summarised,
		"net/textproto": {relevant: false, ssaBuilt: false}, // even where it imports net
	}
	for pkg, w := range want {
		if got, ok := seen[pkg]; !ok || got != w {
			t.Errorf("%s: got %+v (seen=%t), want %+v", pkg, got, ok, w)
		}
	}
}

// TestFactsDeterministic: facts are gob-encoded into build caches, so the
// same package must yield the same bytes on every run.
func TestFactsDeterministic(t *testing.T) {
	encode := func() []byte {
		results := analysistest.Run(t, analysistest.TestData(), summary.Analyzer, "netpkg")
		var facts []string
		for _, r := range results {
			for obj, f := range r.Facts {
				facts = append(facts, fmt.Sprintf("%s=%s", obj, f))
			}
		}
		sort.Strings(facts)
		var buf bytes.Buffer
		for _, f := range facts {
			buf.WriteString(f + "\n")
		}
		return buf.Bytes()
	}
	first, second := encode(), encode()
	if !bytes.Equal(first, second) {
		t.Errorf("facts differ between runs:\n%s\n---\n%s", first, second)
	}
	if !bytes.Contains(first, []byte("ClientSum(unboundedClient=true, newTransport=false, clientWithNewTransport=false)")) {
		t.Errorf("netpkg.New should carry ClientSum(unboundedClient=true, newTransport=false, clientWithNewTransport=false); facts:\n%s", first)
	}
	var buf1, buf2 bytes.Buffer
	f := &summary.ClientSum{Returns: clients.Returns{UnboundedClient: true}}
	if err := gob.NewEncoder(&buf1).Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(&buf2).Encode(f); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(buf1.Bytes(), buf2.Bytes()) {
		t.Error("ClientSum encoding is not deterministic")
	}
}

// TestFieldDefaultsThroughResolver: the field scan reads stored values
// through the package's hosts.Resolver, so a default that is a constant
// only to an evaluator of strings (fmt.Sprintf of constants, a helper's
// result, in this package or another) is known; what is not a constant,
// however it is reached (os.Getenv behind a helper, a closure or another
// package, a parameter, a field the user sets), stays unknown (other).
func TestFieldDefaultsThroughResolver(t *testing.T) {
	got := map[string]string{}
	probe := &analysis.Analyzer{
		Name:     "fieldprobe",
		Doc:      "records the summary's FieldSums of fieldvals.Options",
		Requires: []*analysis.Analyzer{summary.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Path() != "fieldvals" {
				return nil, nil
			}
			res := pass.ResultOf[summary.Analyzer].(*summary.Result)
			for v, s := range res.Fields {
				if v.Pkg() == pass.Pkg {
					got[v.Name()] = s.String()
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "fieldvals")
	want := map[string]string{
		"Sprintf":  `FieldSum("relay.example.net:9009"@fieldvals.go:45, other=false)`,
		"Helper":   `FieldSum("relay.example.net:9009"@fieldvals.go:46, other=false)`,
		"Lib":      `FieldSum("lib-relay.example.net:9009"@fieldvals.go:47, other=false)`,
		"Trimmed":  `FieldSum("https://api.example.com"@fieldvals.go:48, other=false)`,
		"Concat":   `FieldSum("relay.example.net:443"@fieldvals.go:49, other=false)`,
		"Mixed":    `FieldSum("mixed.example.net:1"@fieldvals.go:50 "relay.example.net:9009"@fieldvals.go:53, other=false)`,
		"Env":      `FieldSum(, other=true)`,
		"Param":    `FieldSum(, other=true)`,
		"Closure":  `FieldSum(, other=true)`,
		"LibEnv":   `FieldSum(, other=true)`,
		"PartFmt":  `FieldSum(, other=true)`,
		"FromRecv": `FieldSum(, other=true)`,
	}
	for f, w := range want {
		if got[f] != w {
			t.Errorf("Options.%s: got %s, want %s", f, got[f], w)
		}
	}
}

// TestHashWritesAreNotIO: a loop writing to a hash.Hash performs no I/O
// (its Write never fails), so a package whose only writes are digests
// exports no I/O fact and is not relevant to its importers; the same loop
// over an io.Writer is I/O. The want comments hold the facts.
func TestHashWritesAreNotIO(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), summary.Analyzer, "digest", "digestio")
}
