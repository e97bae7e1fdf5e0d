package suite

import (
	"bytes"
	"os"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
)

// Skippable reports whether a package needs no analysis at all, judged
// before it is parsed, from the names of its Go files, the paths of its
// direct imports, and whether the i'th import is marked relevant (carries
// the fact IsRelevantFact recognises). A driver that can skip a package
// without type-checking it (the go vet driver) asks this; a skipped package
// exports no facts of its own.
//
// A package is skippable if it needs no analysis (the same pre-filter
// the summary analyzer applies, so every analyzer would return at once) and,
// when its diagnostics are wanted (report), none of its files contains a
// //zombiecheck: directive, which the directives analyzer checks in every
// package, and the policy that applies to it loads, so that a bad policy is
// reported however little network code a module has.
func Skippable(goFiles, imports []string, importIsRelevant func(i int) bool, report bool) bool {
	if len(goFiles) == 0 {
		return true
	}
	if summary.NeedsAnalysis(goFiles, imports, importIsRelevant) {
		return false
	}
	if !report {
		return true
	}
	for _, name := range goFiles {
		data, err := os.ReadFile(name)
		if err != nil || bytes.Contains(data, []byte("zombiecheck:")) {
			return false
		}
	}
	return CheckPolicy(goFiles) == nil
}

// IsRelevantFact reports whether f is the package fact that marks a
// package relevant to its importers (see Skippable).
func IsRelevantFact(f analysis.Fact) bool { return summary.IsRelevantFact(f) }
