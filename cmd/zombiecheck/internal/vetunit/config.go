// Package vetunit analyses one compilation unit under the go vet -vettool
// protocol, as golang.org/x/tools/go/analysis/unitchecker does, with one
// difference that is the reason it exists: a unit for which no analyzer can
// report anything or export any fact is neither parsed nor type-checked.
//
// unitchecker (x/tools v0.52) type-checks every unit from source and writes
// the unit's types into its .vetx file, because importers read types from
// there. But most units of any build (all of the standard library, and most
// dependencies of a real module) cannot reach the network, so zombiecheck
// has nothing to do in them, yet paid a full type-check for each. Here:
//
//   - importers read types from the compiler's export data (the config's
//     PackageFile, which the go command provides for every import), so a
//     .vetx file holds only facts (see vetx.go);
//   - Options.Skip decides, from file names, import paths and the imports'
//     .vetx headers, whether a unit can be skipped; a skipped unit's .vetx
//     passes its imports' facts on unread;
//   - a dependency (VetxOnly) unit runs only the analyzers that produce
//     facts and what they require, never the reporters.
//
// Output (text on stderr, -json on stdout, exit codes) is unitchecker's.
package vetunit

import (
	"encoding/json"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"
)

// Config describes a compilation unit. The go command writes it as JSON
// to a file whose name ends in ".cfg"; the fields are those of
// unitchecker.Config, the protocol's reference.
type Config struct {
	ID                        string // e.g. "fmt [fmt.test]"
	Compiler                  string
	Dir                       string
	ImportPath                string
	GoVersion                 string // minimum required Go version, such as "go1.21.0"
	GoFiles                   []string
	NonGoFiles                []string
	IgnoredFiles              []string
	ModulePath                string
	ModuleVersion             string
	Module                    *analysis.Module  // written by go1.27 and later
	ImportMap                 map[string]string // import path → package path
	PackageFile               map[string]string // package path → compiler export data
	Standard                  map[string]bool
	PackageVetx               map[string]string // package path → .vetx of an earlier vet run
	VetxOnly                  bool              // run only for facts, report nothing
	VetxOutput                string            // where to write this unit's .vetx
	Stdout                    string            // where stdout (-json) goes, if set
	FixArchive                string            // go fix -fixtool; not supported
	SucceedOnTypecheckFailure bool

	vetxRead map[string]vetxResult // by package path; see importVetx
}

// ReadConfig reads a unit's configuration file.
func ReadConfig(name string) (*Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", name, err)
	}
	return cfg, nil
}

// module returns the unit's module, as unitchecker derives it.
func (cfg *Config) module() *analysis.Module {
	if cfg.Module != nil {
		return cfg.Module
	}
	if cfg.ModulePath == "" {
		return nil
	}
	return &analysis.Module{Path: cfg.ModulePath, Version: cfg.ModuleVersion, GoVersion: cfg.GoVersion}
}
