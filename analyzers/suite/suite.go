// Package suite lists zombiecheck's analyzers in a fixed order, with their
// rules and where each rule is implemented, for every driver: the command
// line, go vet, and the golangci-lint plugin. Table is the one list; the
// rest is derived from it.
package suite

import (
	"slices"
	"sort"

	"github.com/zombiecheck/zombiecheck/analyzers/directives"
	"github.com/zombiecheck/zombiecheck/analyzers/egress"
	"github.com/zombiecheck/zombiecheck/analyzers/httpclient"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"github.com/zombiecheck/zombiecheck/analyzers/respclose"
	"github.com/zombiecheck/zombiecheck/analyzers/zombieloop"
	"golang.org/x/tools/go/analysis"
)

// An Entry is one reporting analyzer of the suite. Its name is the
// analyzer's (the vet flag, the golangci-lint linter, the nolint key and
// the first part of its rule IDs).
type Entry struct {
	Analyzer *analysis.Analyzer
	Rules    []report.Rule
	// Code names, for each rule's category, the package that decides the
	// rule (its directory in the module), so that a reader goes from a
	// diagnostic to its code in one step. `zombiecheck help NAME` prints
	// it, and each analyzer's doc.go names it.
	Code map[string]string
}

// Name is the analyzer's name.
func (e Entry) Name() string { return e.Analyzer.Name }

// ReadsPolicy reports whether the analyzer requires the policy analyzer,
// and so takes the golangci-lint policy setting.
func (e Entry) ReadsPolicy() bool { return slices.Contains(e.Analyzer.Requires, Policy) }

// Packages where rules are decided.
const (
	codeHTTPClient = "analyzers/httpclient"
	codeClients    = "analyzers/internal/clients"
	codeBodies     = "analyzers/internal/bodies"
	codeLocalRoute = "analyzers/localroute"
	codeEgress     = "analyzers/egress"
	codeZombieLoop = "analyzers/zombieloop"
	codeDirective  = "analyzers/internal/directive"
)

// Table is the suite, in the order its diagnostics are documented.
var Table = []Entry{
	{httpclient.Analyzer, httpclient.Rules, map[string]string{
		httpclient.CategoryNoTimeout:     codeClients,
		httpclient.CategoryDefaultClient: codeHTTPClient,
		httpclient.CategoryPkgFunc:       codeHTTPClient,
		httpclient.CategoryPool:          codeClients,
	}},
	{respclose.Analyzer, respclose.Rules, map[string]string{
		respclose.CategoryLeak:           codeBodies,
		respclose.CategoryRoundTripError: codeBodies,
	}},
	{localroute.Analyzer, localroute.Rules, map[string]string{
		localroute.CategoryExternal: codeLocalRoute,
		localroute.CategoryGateway:  codeLocalRoute,
	}},
	{egress.Analyzer, egress.Rules, map[string]string{
		egress.CategoryForbidden:  codeEgress,
		egress.CategoryUnresolved: codeEgress,
	}},
	{zombieloop.Analyzer, zombieloop.Rules, map[string]string{
		zombieloop.CategorySpin:      codeZombieLoop,
		zombieloop.CategoryHot:       codeZombieLoop,
		zombieloop.CategoryZombie:    codeZombieLoop,
		zombieloop.CategoryFixed:     codeZombieLoop,
		zombieloop.CategoryLeak:      codeZombieLoop,
		zombieloop.CategoryNoCancel:  codeZombieLoop,
		zombieloop.CategorySleepCtx:  codeZombieLoop,
		zombieloop.CategoryDropWrite: codeZombieLoop,
	}},
	{directives.Analyzer, directives.Rules, map[string]string{
		directives.CategoryMalformed: codeDirective,
	}},
}

// Analyzers are the reporting analyzers of Table, in its order.
var Analyzers = analyzersOf(Table)

func analyzersOf(table []Entry) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(table))
	for i, e := range table {
		out[i] = e.Analyzer
	}
	return out
}

// Rules returns every rule of every analyzer, sorted by ID.
func Rules() []report.Rule {
	var rules []report.Rule
	for _, e := range Table {
		rules = append(rules, e.Rules...)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID() < rules[j].ID() })
	return rules
}

// Lookup returns the entry of the analyzer called name.
func Lookup(name string) (Entry, bool) {
	for _, e := range Table {
		if e.Name() == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Policy is the policy analyzer, which every analyzer that reads the
// policy requires. Drivers name the policy file by setting its -policy
// flag (Policy.Flags.Set("policy", file)); unset, each package uses the
// nearest .zombiecheck.yaml up to its module root, else the defaults. The
// go vet driver also sets -requireabs, so that a relative file name is an
// error, reported by the analyzers of each package that needs the policy.
var Policy = policyconfig.Analyzer

// CheckPolicy loads and validates the policy that applies to a package with
// the given files under Policy's flags, so a driver can refuse to start on
// a bad policy before any analysis runs. The error names the file, line,
// column and key.
func CheckPolicy(files []string) error {
	_, err := policyconfig.ForFiles(files)
	return err
}

// TestFilesReported reports whether findings in the _test.go files of a
// package with the given files are reported under the policy that applies
// to it (tests: analyse). A policy that does not load counts as reporting
// them, so that a driver keeps the files and the analyzers report the
// error.
func TestFilesReported(files []string) bool {
	pol, err := policyconfig.ForFiles(files)
	return err != nil || pol.AnalyseTests()
}
