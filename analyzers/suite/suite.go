// Package suite lists zombiecheck's analyzers in a fixed order, with their
// rules, for every driver: the command line, go vet, and the golangci-lint
// plugin.
package suite

import (
	"sort"

	"github.com/zombiecheck/zombiecheck/analyzers/directives"
	"github.com/zombiecheck/zombiecheck/analyzers/egress"
	"github.com/zombiecheck/zombiecheck/analyzers/httpclient"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"github.com/zombiecheck/zombiecheck/analyzers/respclose"
	"github.com/zombiecheck/zombiecheck/analyzers/zombieloop"
	"golang.org/x/tools/go/analysis"
)

// Analyzers are the reporting analyzers, in the order their diagnostics are
// documented. Each requires the shared summary analyzer.
var Analyzers = []*analysis.Analyzer{
	httpclient.Analyzer,
	respclose.Analyzer,
	localroute.Analyzer,
	egress.Analyzer,
	zombieloop.Analyzer,
	directives.Analyzer,
}

// Rules returns every rule of every analyzer, sorted by ID.
func Rules() []report.Rule {
	var rules []report.Rule
	rules = append(rules, httpclient.Rules...)
	rules = append(rules, respclose.Rules...)
	rules = append(rules, localroute.Rules...)
	rules = append(rules, egress.Rules...)
	rules = append(rules, zombieloop.Rules...)
	rules = append(rules, directives.Rules...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID() < rules[j].ID() })
	return rules
}

// UsePolicyFile makes every analyzer of this process read the policy from
// file (a driver's -policy flag) instead of searching for .zombiecheck.yaml.
// Analyzers built with an explicit Config.Policy keep their own.
func UsePolicyFile(file string) { policy.ExplicitFile = file }

// RejectPolicyFile records that the driver's -policy value cannot be used;
// analyzers that would read it report err instead (once per analysed
// package, never for dependencies that only compute facts).
func RejectPolicyFile(err error) { policy.ExplicitFileError = err }

// CheckPolicy loads and validates the policy that applies to a package with
// the given files, so a driver can refuse to start on a bad policy before
// any analysis runs. The error names the file, line, column and key.
func CheckPolicy(files []string) error {
	_, err := policy.ForAnalyzer(files, "")
	return err
}
