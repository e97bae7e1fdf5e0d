package egress_test

import (
	"path/filepath"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/egress"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestEgress(t *testing.T) {
	pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), "policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
	defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
	analysistest.Run(t, analysistest.TestData(), egress.Analyzer, "e", "example.com/app/lib", "example.com/app/svc")
}

// TestDefaultPolicyIsSilent: with no policy (egress.default allow, empty
// lists) nothing is reported.
func TestDefaultPolicyIsSilent(t *testing.T) {
	results := analysistest.Run(&noWantT{t}, analysistest.TestData(), egress.Analyzer, "e")
	if len(results) == 0 {
		t.Fatal("package e was not analysed")
	}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("analysis failed: %v", r.Err)
		}
		if len(r.Diagnostics) > 0 {
			t.Errorf("default policy reported %d findings, want none", len(r.Diagnostics))
		}
	}
}

// noWantT ignores analysistest's complaints about unmatched `// want`
// comments (they are written for the strict policy).
type noWantT struct{ *testing.T }

func (noWantT) Errorf(string, ...any) {}

// TestStrict: egress.strict reports destinations that cannot be resolved.
func TestStrict(t *testing.T) {
	pol, err := filepath.Abs(filepath.Join(analysistest.TestData(), "strict.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
	defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
	analysistest.Run(t, analysistest.TestData(), egress.Analyzer, "strict")
}
