package localroute_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/egress"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRealSDKs runs localroute and egress over testdata/realsdk, a module of
// its own that uses the real SDK modules of the sdks table at
// the versions its go.mod pins, so that a table row whose constructor,
// option, config field or client method no longer matches the real API, or
// whose default host is wrong, fails here and not only against the stubs.
//
// Each SDK's package in the module has functions with local-promising
// names: localroute's `// want` sits on the func line, and egress's (every
// external host forbidden, strict about unresolved destinations) on the
// call line. So a default host is checked twice, and an override to a
// local URL must be silent for both: an override that degraded to
// "unknown" would be reported by egress as unresolved.
//
// The modules come from the module cache, filled by `go mod download`
// (analysistest loads with GOPROXY=off). The test is skipped with -short,
// and when the download fails (no network, or GOPROXY=off with a cold
// cache) unless ZOMBIECHECK_REQUIRE_REALSDK is set, as CI sets it; it
// never passes without running.
func TestRealSDKs(t *testing.T) {
	if testing.Short() {
		t.Skip("real SDK modules: skipped with -short")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "realsdk"))
	if err != nil {
		t.Fatal(err)
	}
	downloadModules(t, dir)
	pol := filepath.Join(dir, "egress-strict.yaml")
	policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, pol)
	defer policyconfig.Analyzer.Flags.Set(policyconfig.FlagPolicy, "")
	analysistest.Run(t, dir, both(localroute.Analyzer, egress.Analyzer), "./...")
}

// downloadModules fills the module cache with testdata/realsdk's
// dependencies, or skips the test saying why it could not.
func downloadModules(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	if os.Getenv("ZOMBIECHECK_REQUIRE_REALSDK") != "" {
		// CI sets it: there a failed download is a failure, not a skip.
		t.Fatalf("real SDK modules could not be downloaded: %v\n%s", err, out)
	}
	proxy, _ := exec.Command("go", "env", "GOPROXY").Output()
	if strings.TrimSpace(string(proxy)) == "off" {
		t.Skipf("real SDK modules are not in the module cache and GOPROXY=off: %v\n%s", err, out)
	}
	t.Skipf("real SDK modules could not be downloaded (no network?): %v\n%s", err, out)
}

// both runs localroute and egress as one analyzer, so that one set of
// `// want` comments states what each reports. Both read only the results
// of the analyzers they require, which the combined analyzer requires too.
func both(a, b *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "realsdk",
		Doc:      "localroute and egress together",
		Requires: append(append([]*analysis.Analyzer(nil), a.Requires...), b.Requires...),
		Run: func(pass *analysis.Pass) (any, error) {
			if _, err := a.Run(pass); err != nil {
				return nil, err
			}
			return b.Run(pass)
		},
	}
}
