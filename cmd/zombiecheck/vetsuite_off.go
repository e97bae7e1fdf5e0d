//go:build !zombiecheck_vetsuite

package main

import "golang.org/x/tools/go/analysis"

// vetSuite is go vet's own analyzers, added by -vetsuite; the default build
// has none, and -vetsuite then fails with errNoVetSuite.
//
// Linking them slows every start of the command: their packages build
// their documentation by parsing it and compile their regular expressions
// at start-up, and one of them (stdversion) pulls in x/tools' table of
// every standard-library symbol, built at start-up too. Under go vet the
// command starts once per package, skipped ones included: about 1.3 ms
// more per start (300 skipped-unit runs: 1.21 s with them, 0.86 s
// without), about 1.2 s of CPU over the 960 units of the apps benchmark
// set. Build with -tags zombiecheck_vetsuite to have them.
var vetSuite []*analysis.Analyzer

// vetSuiteTag is the build tag that links go vet's analyzers.
const vetSuiteTag = "zombiecheck_vetsuite"
