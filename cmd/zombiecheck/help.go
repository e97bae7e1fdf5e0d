package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
)

// helpMain prints the analyzers and their rules, or one analyzer's
// documentation (the same text as its doc.go and its SARIF rules).
func helpMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stdout, "zombiecheck analyzers (run `zombiecheck help NAME` for details):")
		for _, a := range suite.Analyzers {
			fmt.Fprintf(stdout, "\n  %-12s %s\n", a.Name, summary(a.Name, a.Doc))
			for _, r := range suite.Rules() {
				if r.Analyzer == a.Name {
					fmt.Fprintf(stdout, "    %-28s %s\n", r.ID(), r.Short)
				}
			}
		}
		return exitClean
	}
	status := exitClean
	for _, name := range args {
		found := false
		for _, a := range suite.Analyzers {
			if a.Name == name {
				found = true
				fmt.Fprintf(stdout, "%s\n\n%s\n", a.Name, a.Doc)
			}
		}
		if !found {
			fmt.Fprintf(stderr, "zombiecheck help: no analyzer %q\n", name)
			status = exitError
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
