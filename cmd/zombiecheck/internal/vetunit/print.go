package vetunit

import (
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// print writes the unit's diagnostics as unitchecker does: with -json, one
// JSON tree (package ID → analyzer → diagnostics or error) on stdout and
// exit 0; otherwise errors and "file:line:col: message" lines (related
// information indented by a tab) on stderr, and exit 1 if there were any.
func (u *unit) print(stdout, stderr io.Writer, opts Options) int {
	if opts.JSON {
		tree := make(map[string]map[string]any)
		for _, res := range u.results {
			var v any
			switch {
			case res.err != nil:
				v = struct {
					Err string `json:"error"`
				}{res.err.Error()}
			case len(res.diags) > 0:
				list := make([]JSONDiagnostic, len(res.diags))
				for i, d := range res.diags {
					list[i] = ToJSON(u.fset, d)
				}
				v = list
			default:
				continue
			}
			if tree[u.cfg.ID] == nil {
				tree[u.cfg.ID] = make(map[string]any)
			}
			tree[u.cfg.ID][res.analyzer.Name] = v
		}
		data, err := json.MarshalIndent(tree, "", "\t")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", data)
		return 0
	}

	exit := 0
	for _, res := range u.results {
		if res.err != nil {
			fmt.Fprintln(stderr, res.err)
			exit = 1
		}
	}
	for _, res := range u.results {
		for _, d := range res.diags {
			u.printPlain(stderr, d.Pos, d.End, d.Message, opts.Context)
			for _, rel := range d.Related {
				u.printPlain(stderr, rel.Pos, rel.End, "\t"+rel.Message, opts.Context)
			}
			exit = 1
		}
	}
	return exit
}

func (u *unit) printPlain(w io.Writer, pos, end token.Pos, message string, context int) {
	posn := u.fset.Position(pos)
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if context < 0 {
		return
	}
	last := u.fset.Position(end)
	if !last.IsValid() {
		last = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - context; i <= last.Line+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// JSONDiagnostic is a diagnostic in the go vet -json shape (x/tools'
// JSONTree), which both of zombiecheck's drivers print.
type JSONDiagnostic struct {
	Category       string             `json:"category,omitempty"`
	Posn           string             `json:"posn"`
	End            string             `json:"end"`
	Message        string             `json:"message"`
	SuggestedFixes []JSONSuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []JSONRelated      `json:"related,omitempty"`
}

// JSONSuggestedFix is a suggested fix: edits to apply together or not at all.
type JSONSuggestedFix struct {
	Message string         `json:"message"`
	Edits   []JSONTextEdit `json:"edits"`
}

// JSONTextEdit replaces bytes [Start, End) of a file with New.
type JSONTextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// JSONRelated is a secondary position of a diagnostic.
type JSONRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// ToJSON converts a diagnostic; an unset End is the start.
func ToJSON(fset *token.FileSet, d analysis.Diagnostic) JSONDiagnostic {
	pos := fset.Position
	jd := JSONDiagnostic{Category: d.Category, Posn: pos(d.Pos).String(), End: pos(cmp.Or(d.End, d.Pos)).String(), Message: d.Message}
	for _, fix := range d.SuggestedFixes {
		jf := JSONSuggestedFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			jf.Edits = append(jf.Edits, JSONTextEdit{Filename: pos(e.Pos).Filename, Start: pos(e.Pos).Offset, End: pos(cmp.Or(e.End, e.Pos)).Offset, New: string(e.NewText)})
		}
		jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		jd.Related = append(jd.Related, JSONRelated{Posn: pos(r.Pos).String(), End: pos(cmp.Or(r.End, r.Pos)).String(), Message: r.Message})
	}
	return jd
}
