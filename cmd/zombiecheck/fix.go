package main

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
)

// edit is one text edit in file offsets.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each finding (go vet and
// the checker do the same; golangci-lint applies all, which is why every
// diagnostic carries at most one). A fix is applied whole or not at all:
// one that overlaps an accepted edit is skipped with a note to re-run.
func applyFixes(findings []finding, stderr io.Writer) error {
	perFile := make(map[string][]edit)
	var files []string
	applied, skipped := 0, 0
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		// A fix may edit several files; it is applied whole or not at all.
		fix := f.diag.SuggestedFixes[0]
		edits := make(map[string][]edit)
		for _, e := range fix.TextEdits {
			file := f.fset.File(e.Pos)
			if file == nil {
				continue
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			edits[file.Name()] = append(edits[file.Name()], edit{file.Offset(e.Pos), file.Offset(end), string(e.NewText)})
		}
		if len(edits) == 0 {
			continue
		}
		conflict := false
		for name, es := range edits {
			if conflicts(perFile[name], es) {
				conflict = true
			}
		}
		if conflict {
			skipped++
			continue
		}
		for name, es := range edits {
			if _, ok := perFile[name]; !ok {
				files = append(files, name)
			}
			accepted := perFile[name]
			for _, e := range es {
				if !contains(accepted, e) {
					accepted = append(accepted, e)
				}
			}
			perFile[name] = accepted
		}
		applied++
	}
	sort.Strings(files)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		out, err := apply(src, perFile[name])
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if err := os.WriteFile(name, out, 0o666); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "zombiecheck: applied %d fix(es) in %d file(s)", applied, len(files))
	if skipped > 0 {
		fmt.Fprintf(stderr, "; skipped %d conflicting fix(es): run again to apply them", skipped)
	}
	fmt.Fprintln(stderr)
	return nil
}

func contains(edits []edit, e edit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// conflicts reports whether any new edit overlaps an accepted one without
// being identical to it. Two insertions at the same offset conflict (their
// order would be arbitrary).
func conflicts(accepted, edits []edit) bool {
	for _, e := range edits {
		for _, a := range accepted {
			if a == e {
				continue
			}
			if e.start < a.end && a.start < e.end || e.start == a.start {
				return true
			}
		}
	}
	return false
}

func apply(src []byte, edits []edit) ([]byte, error) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("invalid edit at offset %d", e.start)
		}
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}
