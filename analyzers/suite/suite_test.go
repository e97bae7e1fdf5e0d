package suite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
)

// TestTable: every rule of every analyzer has its code location, and only
// its rules do; each location is a package of the module, named on the
// analyzer's doc page; rule IDs are unique.
func TestTable(t *testing.T) {
	if err := analysis.Validate(Analyzers); err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, e := range Table {
		if len(e.Rules) == 0 {
			t.Errorf("%s: no rules", e.Name())
		}
		for _, r := range e.Rules {
			if r.Analyzer != e.Name() {
				t.Errorf("%s: rule %s belongs to analyzer %q", e.Name(), r.ID(), r.Analyzer)
			}
			if seen[r.ID()] {
				t.Errorf("rule %s listed twice", r.ID())
			}
			seen[r.ID()] = true
			if e.Code[r.Category] == "" {
				t.Errorf("%s: no code location for rule %s", e.Name(), r.ID())
			}
		}
		for cat, dir := range e.Code {
			if !slices.ContainsFunc(e.Rules, func(r report.Rule) bool { return r.Category == cat }) {
				t.Errorf("%s: code location for %q, which is not one of its rules", e.Name(), cat)
			}
			if !hasGoFiles(t, filepath.Join("..", "..", filepath.FromSlash(dir))) {
				t.Errorf("%s/%s: code location %s is not a package of the module", e.Name(), cat, dir)
			}
			if !strings.Contains(e.Analyzer.Doc, dir) {
				t.Errorf("%s: its documentation does not name %s, where rule %s is implemented", e.Name(), dir, cat)
			}
		}
	}
	if got := len(Rules()); got != len(seen) {
		t.Errorf("Rules() has %d rules, the table %d", got, len(seen))
	}
}

// TestDirectiveNames: the directive parser's list of analyzer names (which
// cannot import this package) is the table's.
func TestDirectiveNames(t *testing.T) {
	var names []string
	for _, e := range Table {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	if !slices.Equal(names, directive.AnalyzerNames) {
		t.Errorf("directive.AnalyzerNames = %v, the table's analyzers are %v", directive.AnalyzerNames, names)
	}
}

// TestReadsPolicy: every analyzer but directives reads the policy, so
// takes the golangci-lint policy setting.
func TestReadsPolicy(t *testing.T) {
	for _, e := range Table {
		if want := e.Name() != "directives"; e.ReadsPolicy() != want {
			t.Errorf("%s: ReadsPolicy() = %t, want %t", e.Name(), e.ReadsPolicy(), want)
		}
	}
	if e, ok := Lookup("respclose"); !ok || e.Analyzer.Name != "respclose" {
		t.Errorf("Lookup(respclose) = %v, %t", e.Analyzer, ok)
	}
	if _, ok := Lookup("policy"); ok {
		t.Error("Lookup(policy) found the policy analyzer, which reports nothing")
	}
}

func hasGoFiles(t *testing.T, dir string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			return true
		}
	}
	return false
}
