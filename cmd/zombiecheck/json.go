package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/zombiecheck/zombiecheck/cmd/zombiecheck/internal/vetunit"
	"golang.org/x/tools/go/analysis/checker"
)

// The JSON output has the shape every go/analysis driver prints (go vet
// -json, multichecker -json), so existing tools read it:
//
//	{"<package ID>": {"<analyzer>": [<diagnostic>...] | {"error": "..."}}}
func printJSON(w io.Writer, graph *checker.Graph, findings []finding) error {
	tree := make(map[string]map[string]any)
	add := func(pkgID, analyzer string, v any) {
		m := tree[pkgID]
		if m == nil {
			m = make(map[string]any)
			tree[pkgID] = m
		}
		m[analyzer] = v
	}
	for act := range graph.All() {
		if act.Err != nil && act.IsRoot {
			add(act.Package.ID, act.Analyzer.Name, struct {
				Err string `json:"error"`
			}{act.Err.Error()})
		}
	}
	lists := make(map[[2]string][]vetunit.JSONDiagnostic)
	var order [][2]string
	for _, f := range findings {
		k := [2]string{f.pkgID, f.analyzer}
		if _, ok := lists[k]; !ok {
			order = append(order, k)
		}
		lists[k] = append(lists[k], toJSON(f))
	}
	for _, k := range order {
		add(k[0], k[1], lists[k])
	}
	data, err := json.MarshalIndent(tree, "", "\t") // maps marshal with sorted keys: deterministic
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func toJSON(f finding) vetunit.JSONDiagnostic { return vetunit.ToJSON(f.fset, f.diag) }
