package main

import (
	"encoding/json"
	"fmt"
	"io"

	"golang.org/x/tools/go/analysis/checker"
)

// The JSON output has the shape every go/analysis driver prints (go vet
// -json, multichecker -json), so existing tools read it:
//
//	{"<package ID>": {"<analyzer>": [<diagnostic>...] | {"error": "..."}}}

type jsonTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []jsonTextEdit `json:"edits"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"`
	Message        string             `json:"message"`
	SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated      `json:"related,omitempty"`
}

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
	lists := make(map[[2]string][]jsonDiagnostic)
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

func toJSON(f finding) jsonDiagnostic {
	// Without an end, "end" repeats the start, as go vet -json does.
	d := jsonDiagnostic{Category: f.diag.Category, Posn: f.posn.String(), End: f.posn.String(), Message: f.diag.Message}
	if f.end.IsValid() {
		d.End = f.end.String()
	}
	for _, fix := range f.diag.SuggestedFixes {
		jf := jsonSuggestedFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			file := f.fset.File(e.Pos)
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			jf.Edits = append(jf.Edits, jsonTextEdit{Filename: file.Name(), Start: file.Offset(e.Pos), End: file.Offset(end), New: string(e.NewText)})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, jf)
	}
	for _, r := range f.diag.Related {
		jr := jsonRelated{Posn: f.fset.Position(r.Pos).String(), End: f.fset.Position(r.Pos).String(), Message: r.Message}
		if r.End.IsValid() {
			jr.End = f.fset.Position(r.End).String()
		}
		d.Related = append(d.Related, jr)
	}
	return d
}
