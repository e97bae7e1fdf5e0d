package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
)

// TestE2EVetSkipsUnitsWithoutNetwork: under go vet, a unit that cannot
// reach the network is neither parsed nor type-checked (all of std, here),
// while the sample's network packages are analysed and still reported on.
// ZOMBIECHECK_VETLOG records what the tool did with each unit.
func TestE2EVetSkipsUnitsWithoutNetwork(t *testing.T) {
	requireE2E(t)
	warmBuildCache(t)
	logFile := filepath.Join(t.TempDir(), "vet.log")
	// A -policyhash no other test uses gives the run its own vet cache
	// key, so every unit runs (compiled packages still come from the cache).
	cmd := exec.Command("go", "vet", "-vettool="+e2e.bin, "-policyhash=vetlog-test", "./...")
	cmd.Dir = e2e.sample
	cmd.Env = append(slices.Clip(e2e.env), "PWD="+e2e.sample, "ZOMBIECHECK_VETLOG="+logFile)
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("go vet exit %d (%v), want 1 (findings)\n%s", code, err, out)
	}
	if !strings.Contains(string(out), "has no Timeout") {
		t.Errorf("go vet output lacks the sample's httpclient findings:\n%s", out)
	}
	did := readVetLog(t, logFile)
	for id, want := range map[string]string{
		"fmt":                        "skipped",
		"net/http":                   "skipped",
		"runtime":                    "skipped",
		"example.com/sample/app":     "analysed",
		"example.com/sample/clients": "analysed",
	} {
		if did[id] != want {
			t.Errorf("unit %s: %q, want %q", id, did[id], want)
		}
	}
	skipped := 0
	for _, what := range did {
		if what == "skipped" {
			skipped++
		}
	}
	if skipped < 100 {
		t.Errorf("only %d of %d units skipped; std alone has over 100 here", skipped, len(did))
	}
}

// readVetLog reads a ZOMBIECHECK_VETLOG file: what was done with each
// unit ("skipped", "facts", "analysed"), by unit ID.
func readVetLog(t *testing.T, logFile string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	did := make(map[string]string)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		what, rest, _ := strings.Cut(line, " ")
		elapsed, id, _ := strings.Cut(rest, " ")
		if !strings.HasSuffix(elapsed, "ms") {
			t.Errorf("log line %q: want \"what NNNms ID\"", line)
		}
		did[id] = what
	}
	return did
}

// TestVetUnitAcceptsEveryDeclaredFlag: go vet learns the tool's flags from
// the -flags handshake (answered by unitchecker) and passes them to every
// unit run, which vetunit parses: every declared flag must parse there.
func TestVetUnitAcceptsEveryDeclaredFlag(t *testing.T) {
	requireE2E(t)
	out, err := exec.Command(e2e.bin, "-flags").Output()
	if err != nil {
		t.Fatalf("zombiecheck -flags: %v", err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("zombiecheck -flags printed %q: %v", out, err)
	}
	defer suite.Policy.Flags.Set("policy", "")
	defer suite.Policy.Flags.Set("requireabs", "false")
	for _, f := range flags {
		arg := "-" + f.Name
		switch {
		case f.Name == "V":
			continue // a handshake, never passed to a unit run
		case f.Bool:
			arg += "=false"
		case f.Name == "policy":
			arg += "=" + filepath.Join(t.TempDir(), "policy.yaml")
		default:
			arg += "=1"
		}
		if _, _, _, err := parseVetUnitArgs([]string{arg, "vet.cfg"}, suite.Analyzers); err != nil {
			t.Errorf("flag %s declared by -flags is refused by the unit parser: %v", arg, err)
		}
	}
	if len(flags) < len(suite.Analyzers)+4 {
		t.Errorf("-flags declared only %d flags: %v", len(flags), flags)
	}
}

// TestE2EVetSelectedAnalyzers: the -NAME flags reach every unit of a run,
// dependencies included: -directives alone (no fact producer) runs clean,
// and -respclose alone still computes the summaries below it, so the
// cross-package finding survives.
func TestE2EVetSelectedAnalyzers(t *testing.T) {
	requireE2E(t)
	dir := filepath.Join(t.TempDir(), "respsample")
	if err := copyDir(dir, testdataDir("respsample")); err != nil {
		t.Fatal(err)
	}
	r := goVet(t, dir, "-directives", "./...")
	wantExit(t, r, 0)
	wantEmpty(t, r, "stderr", r.stderr)
	r = goVet(t, dir, "-respclose", "./...")
	wantExit(t, r, 1)
	if !strings.Contains(string(r.stderr), "response body from fetch.Get is not closed") {
		t.Errorf("go vet -respclose lost the cross-package finding:\n%s", r)
	}
}
