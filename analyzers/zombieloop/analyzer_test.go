package zombieloop_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/zombieloop"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestZombieLoop(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), zombieloop.Analyzer, "a", "mainpkg", "usehelpers", "withpolicy", "libs", "apps", "rangefunc", "funcvalues", "cycleleak", "readloop", "stdinonly", "sleepctx", "silenced", "stopflag", "swallow", "swapp", "failover", "fanout", "dropwrite", "ctxloop", "sleepwait", "wdapp", "eofonly", "fixedpace")
	if testing.Verbose() {
		for _, r := range results {
			for _, d := range r.Diagnostics {
				t.Logf("%s: [%s] %s", r.Pass.Fset.Position(d.Pos), d.Category, d.Message)
			}
		}
	}
}
