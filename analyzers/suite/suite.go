// Package suite lists zombiecheck's analyzers in a fixed order, with their
// rules, for every driver: the command line, go vet, and the golangci-lint
// plugin.
package suite

import (
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
