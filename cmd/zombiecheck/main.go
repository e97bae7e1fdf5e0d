// Command zombiecheck runs the zombiecheck analyzers.
//
// One binary serves three roles:
//
//	zombiecheck [flags] ./...                 # standalone, for CI and terminals
//	go vet -vettool=$(which zombiecheck) ./... # as go vet's analysis tool
//	zombiecheck sarif < vet.json > out.sarif   # convert `go vet -json` output
//
// When the go command invokes it (a single *.cfg argument, or the -V=full
// and -flags handshakes) it speaks the vet protocol unchanged; otherwise it
// loads packages itself and prints text, JSON or SARIF.
//
// Exit codes (standalone): 0 no findings; 1 findings; 2 usage, policy,
// package loading or analysis error. With -json the findings are data, not a
// failure: the exit code is 0 unless there is an error (2), as with go vet
// -json. -sarif FILE writes SARIF in addition to the text output and keeps
// the text exit code, so CI needs one run.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"golang.org/x/tools/go/analysis"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	args := os.Args[1:]
	switch {
	case invokedByGoCommand(args):
		analyzers := suite.Analyzers
		withSuite := vetSuiteRequested(args)
		if withSuite {
			var err error
			if analyzers, err = withVetSuite(analyzers); err != nil {
				fmt.Fprintln(os.Stderr, "zombiecheck:", err)
				os.Exit(exitError)
			}
		}
		os.Exit(vetMain(args, analyzers, withSuite))
	case len(args) > 0 && args[0] == "sarif":
		os.Exit(sarifMain(args[1:], os.Stdin, os.Stdout, os.Stderr))
	case len(args) > 0 && args[0] == "sockets":
		os.Exit(socketsMain(args[1:], os.Stdout, os.Stderr))
	case len(args) > 0 && args[0] == "help":
		os.Exit(helpMain(args[1:], os.Stdout, os.Stderr))
	default:
		os.Exit(standaloneMain(args, os.Stdout, os.Stderr))
	}
}

// invokedByGoCommand recognises the vet protocol: `tool -V=full`,
// `tool -flags`, and `tool [flags] path/to/vet.cfg`.
func invokedByGoCommand(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-V=full" || a == "-V" || a == "--V=full" || a == "-flags" || a == "--flags":
			return true
		case strings.HasSuffix(a, ".cfg") && !strings.HasPrefix(a, "-"):
			return true
		}
	}
	return false
}

func usage(w io.Writer) {
	fmt.Fprint(w, `zombiecheck finds HTTP clients without timeouts, response bodies left open,
calls that leave the host the policy allows, functions whose names promise a
local model but call the cloud, and retry loops that never stop.

Usage:
	zombiecheck [flags] packages...        # e.g. zombiecheck ./...
	go vet -vettool=$(which zombiecheck) [flags] packages...
	zombiecheck sarif [-root DIR] < vet.json > zombiecheck.sarif
	zombiecheck sockets [-max-closewait N] PID   # CLOSE_WAIT of a running process
	zombiecheck help [analyzer]

Exit codes: 0 no findings, 1 findings, 2 usage/policy/load error
(with -json: 0 unless an error occurred).

Flags:
`)
}

// vetSuiteRequested reports whether -vetsuite was given (before the flag
// package parses it: the analyzer list must be known first).
func vetSuiteRequested(args []string) bool {
	for _, a := range args {
		switch a {
		case "-vetsuite", "--vetsuite", "-vetsuite=true", "--vetsuite=true":
			return true
		}
	}
	return false
}

// withVetSuite adds go vet's own analyzers, so a team that replaces go vet
// with -vettool=zombiecheck loses none of its checks. It fails in a build
// without them (see vetSuite).
func withVetSuite(ours []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	if vetSuite == nil {
		return nil, errNoVetSuite
	}
	return append(append([]*analysis.Analyzer(nil), ours...), vetSuite...), nil
}

var errNoVetSuite = errors.New("-vetsuite needs a zombiecheck built with go vet's analyzers: " +
	"go install -tags " + vetSuiteTag + " github.com/zombiecheck/zombiecheck/cmd/zombiecheck " +
	"(the default build leaves them out: they cost each of go vet's per-package runs about 1.3 ms of start-up)")
