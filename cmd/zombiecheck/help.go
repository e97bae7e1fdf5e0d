package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
)

// helpMain prints the analyzers and their rules, or one analyzer's
// documentation (the same text as its doc.go and its SARIF rules) followed
// by the package that implements each of its rules.
func helpMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stdout, "zombiecheck analyzers (run `zombiecheck help NAME` for details):")
		for _, e := range suite.Table {
			fmt.Fprintf(stdout, "\n  %-12s %s\n", e.Name(), summary(e.Name(), e.Analyzer.Doc))
			for _, r := range suite.Rules() {
				if r.Analyzer == e.Name() {
					fmt.Fprintf(stdout, "    %-28s %s\n", r.ID(), r.Short)
				}
			}
		}
		return exitClean
	}
	status := exitClean
	for _, name := range args {
		e, ok := suite.Lookup(name)
		if !ok {
			fmt.Fprintf(stderr, "zombiecheck help: no analyzer %q\n", name)
			status = exitError
			continue
		}
		fmt.Fprintf(stdout, "%s\n\n%s\n", e.Name(), e.Analyzer.Doc)
		fmt.Fprintln(stdout, "\nRules:")
		for _, r := range suite.Rules() {
			if r.Analyzer == e.Name() {
				fmt.Fprintf(stdout, "  %-28s implemented in %s\n", r.ID(), e.Code[r.Category])
			}
		}
	}
	return status
}

// summary returns the first paragraph of an analyzer's documentation as one
// line, without the "Package name" preamble.
func summary(name, doc string) string {
	para, _, _ := strings.Cut(doc, "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	return strings.TrimPrefix(para, "Package "+name+" ")
}
