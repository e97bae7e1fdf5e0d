// Command custom-gcl is golangci-lint v2 with zombiecheck's analyzers
// registered as module plugins (plugins.go). It is what `golangci-lint
// custom` would produce, but built with `go build` from the Go module proxy
// alone: `golangci-lint custom` clones golangci-lint from GitHub first.
//
// Build it with ./build, which stamps the version; see .custom-gcl.yml for
// the official route.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

// Set with -ldflags "-X main.version=... -X main.commit=... -X main.date=...
// -X main.goVersion=...". Values left empty come from the build information
// embedded in the binary.
var (
	goVersion string
	version   string
	commit    string
	date      string
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "custom-gcl: %v\n", err)
		code := exitcodes.Failure
		if exit, ok := errors.AsType[*exitcodes.ExitError](err); ok {
			code = exit.Code
		}
		os.Exit(code)
	}
}

// devel is the version the go command gives a main module built from a
// directory, and the one golangci-lint treats as "unknown".
const devel = "(devel)"

// buildInfo fills golangci-lint's BuildInfo from the -X variables, falling
// back to debug.ReadBuildInfo.
//
// The version matters beyond `custom-gcl version`: golangci-lint salts its
// analysis cache with it, or, when it is empty or "(devel)", with a hash of
// the executable. A version that stays the same while the analyzers change
// would replay stale results, so ./build puts a hash of the zombiecheck
// sources into it, and without -X we keep "(devel)" rather than invent one.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{GoVersion: goVersion, Version: version, Commit: commit, Date: date}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return withDefaults(info)
	}
	if info.GoVersion == "" {
		info.GoVersion = bi.GoVersion
	}
	if info.Version == "" {
		info.Version = bi.Main.Version // "(devel)" unless built with go install m@v
	}
	vcs := map[string]string{}
	for _, s := range bi.Settings {
		vcs[s.Key] = s.Value
	}
	if info.Commit == "" {
		switch {
		case vcs["vcs.revision"] != "":
			info.Commit = vcs["vcs.revision"]
			if vcs["vcs.modified"] == "true" {
				info.Commit += " (modified)"
			}
		default:
			info.Commit = dependencies(bi)
		}
	}
	if info.Date == "" {
		info.Date = vcs["vcs.time"]
	}
	return withDefaults(info)
}

// dependencies describes the golangci-lint and zombiecheck modules linked
// in, for binaries built without VCS stamping.
func dependencies(bi *debug.BuildInfo) string {
	s := ""
	for _, m := range bi.Deps {
		switch m.Path {
		case "github.com/golangci/golangci-lint/v2", "github.com/zombiecheck/zombiecheck":
		default:
			continue
		}
		v := m.Version
		if m.Replace != nil {
			v = m.Replace.Path // a local directory: the working tree
			if m.Replace.Version != "" {
				v = m.Replace.Version
			}
		}
		if s != "" {
			s += ", "
		}
		s += m.Path + " " + v
	}
	return s
}

func withDefaults(info commands.BuildInfo) commands.BuildInfo {
	if info.Version == "" {
		info.Version = devel
	}
	if info.Commit == "" {
		info.Commit = "unknown commit"
	}
	if info.Date == "" {
		info.Date = "unknown date"
	}
	return info
}
