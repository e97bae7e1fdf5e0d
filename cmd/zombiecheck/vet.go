package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// vetMain speaks the go vet -vettool protocol through unitchecker, with two
// flags of our own that go vet learns from `-flags` and passes through:
// -policy names the policy file, and -policyhash exists only to change go
// vet's cache key after a policy edit (vet does not know the policy file is
// an input; see README "Policy and the vet cache").
func vetMain(analyzers []*analysis.Analyzer) int {
	flag.Func("policy", "absolute path of the policy `file` (default: nearest .zombiecheck.yaml above each package, else built-in defaults)", func(s string) error {
		// go vet runs the tool in each package's directory, so a relative
		// path would name a different file for every package.
		if !filepath.IsAbs(s) {
			suite.RejectPolicyFile(fmt.Errorf("under go vet, -policy needs an absolute path (go vet runs the tool in each package's directory): use -policy=$PWD/%s", s))
			return nil
		}
		suite.UsePolicyFile(s)
		return nil
	})
	flag.Bool("vetsuite", false, "also run the standard go vet analyzers (a vettool replaces them)")
	flag.String("policyhash", "", "ignored; pass the policy's hash (e.g. -policyhash=$(sha256sum .zombiecheck.yaml | cut -c1-16)) so go vet re-runs after a policy edit")
	unitchecker.Main(analyzers...) // exits
	return 0
}
