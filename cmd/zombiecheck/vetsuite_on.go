//go:build zombiecheck_vetsuite

package main

import "golang.org/x/tools/go/analysis/suite/vet"

// vetSuite is go vet's own analyzers, added by -vetsuite. This build has
// them: it was made with -tags zombiecheck_vetsuite (see vetsuite_off.go).
var vetSuite = vet.Suite

// vetSuiteTag is the build tag that links go vet's analyzers.
const vetSuiteTag = "zombiecheck_vetsuite"
