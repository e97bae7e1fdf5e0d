package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/zombiecheck/zombiecheck/analyzers/sarif"
	"github.com/zombiecheck/zombiecheck/analyzers/suite"
)

// sarifMain converts the JSON stream of `go vet -vettool=zombiecheck -json`
// (or `zombiecheck -json`) on stdin into SARIF on stdout, for CI that runs
// zombiecheck through go vet. It exits 0 when the conversion succeeded,
// whatever the findings; gate on a plain run.
func sarifMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zombiecheck sarif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "repository root: artifact URIs are made relative to it")
	category := fs.String("category", "zombiecheck", "code-scanning category (runs.automationDetails.id)")
	if err := fs.Parse(args); err != nil {
		return exitError
	}
	findings, analysisErrs, err := sarif.ReadVetJSON(stdin)
	if err != nil {
		fmt.Fprintln(stderr, "zombiecheck sarif:", err)
		return exitError
	}
	for _, e := range analysisErrs {
		fmt.Fprintln(stderr, "zombiecheck sarif: analysis error:", e)
	}
	tool := sarif.Tool{Name: "zombiecheck", Version: toolVersion(), InformationURI: "https://github.com/zombiecheck/zombiecheck"}
	if err := sarif.WriteOptions(stdout, *root, tool, suite.Rules(), findings, sarif.Options{Category: *category}); err != nil {
		fmt.Fprintln(stderr, "zombiecheck sarif:", err)
		return exitError
	}
	if len(analysisErrs) > 0 {
		return exitError
	}
	return exitClean
}
