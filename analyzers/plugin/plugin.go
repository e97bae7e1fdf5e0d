// Package plugin registers zombiecheck's analyzers as golangci-lint v2 module
// plugins (https://golangci-lint.run/docs/plugins/module-plugins/).
//
// It has no API: a custom golangci-lint binary blank-imports it, and init
// registers one plugin per analyzer. One plugin per analyzer, rather than one
// plugin for the whole suite, because golangci-lint gives each plugin exactly
// one linter name, and the linter name is the unit of everything users
// configure: the enable switch, the //nolint:<name> key, exclusion rules,
// --enable-only, and the ruleId in golangci-lint's SARIF. The analyzers still
// share one summary analyzer (a single *analysis.Analyzer value), so the
// per-function summaries and their facts are computed once per package
// however many of these linters are enabled.
//
// # Configuration
//
// Each linter is declared in .golangci.yml under linters.settings.custom,
// under exactly its analyzer's name, with type: module (without it
// golangci-lint tries to open a Go .so plugin):
//
//	version: "2"
//	linters:
//	  enable: [httpclient, respclose, localroute, egress, directives]
//	  settings:
//	    custom:
//	      httpclient:
//	        type: module
//	        description: HTTP clients without timeouts, connection pools per call
//	        original-url: https://github.com/zombiecheck/zombiecheck
//	        settings:
//	          policy: ci/zombiecheck.yaml   # optional
//	      respclose:
//	        type: module
//	        description: response bodies closed on every path
//	        original-url: https://github.com/zombiecheck/zombiecheck
//	      localroute:
//	        type: module
//	        description: functions that promise a local model but reach the cloud
//	        original-url: https://github.com/zombiecheck/zombiecheck
//	      egress:
//	        type: module
//	        description: calls to hosts the policy forbids
//	        original-url: https://github.com/zombiecheck/zombiecheck
//	      directives:
//	        type: module
//	        description: malformed //zombiecheck: directives
//	        original-url: https://github.com/zombiecheck/zombiecheck
//	issues:
//	  uniq-by-line: false      # default true: one finding per line, across linters
//	  max-same-issues: 0       # default 3: identical messages beyond 3 are dropped
//	  max-issues-per-linter: 0 # default 50
//
// The issues block matters: with golangci-lint's defaults, respclose's
// finding on `resp, err := http.Get(u)` is hidden behind httpclient's on
// the same line, and only three of many identical "http.Get sends through
// http.DefaultClient" findings are shown. golangci-lint also reports each
// piece of related information as an issue of its own, at its position,
// with the text "<analyzer>(related information): ...".
//
// Settings are decoded strictly: a key the linter does not know (a typo
// such as "polcy") fails the whole golangci-lint run instead of being
// ignored, and the error lists the valid keys.
//
//   - httpclient, respclose, localroute, egress, zombieloop: policy
//     (string) names the policy file. It sets the -policy flag of the one
//     policy analyzer these linters share, as the zombiecheck command's
//     -policy does, so the file applies to every zombiecheck linter: name
//     it under one linter, or the same file under several (two different
//     files are an error). A relative path is resolved against the working
//     directory golangci-lint runs in, not against the configuration file;
//     editors often run golangci-lint in the package directory, so prefer
//     an absolute path there, or omit the key: without it each package
//     uses the nearest .zombiecheck.yaml between its directory and its
//     module root, else the built-in defaults.
//   - directives: no settings; any key is an error.
//
// A policy file named by a setting is read when golangci-lint starts, so a
// missing or invalid one fails the run at once (exit code 3).
//
// golangci-lint caches each package's findings keyed by its sources, the
// binary's version and the .golangci.yml settings, but not by the policy
// file: after editing .zombiecheck.yaml (or the file policy names), run
// `golangci-lint cache clean`, or findings computed under the old policy
// are replayed for unchanged packages.
//
// golangci-lint must load packages with type information
// (register.LoadModeTypesInfo): the analyzers build SSA and exchange facts
// across packages, and a syntax-only load provides neither types nor facts.
package plugin

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policyconfig"
	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"golang.org/x/tools/go/analysis"
)

func init() {
	// One linter per analyzer of the suite's table: those that read the
	// policy take the policy setting; the others take no settings.
	for _, e := range suite.Table {
		if e.ReadsPolicy() {
			register.Plugin(e.Name(), withPolicy(e.Name(), e.Analyzer))
		} else {
			register.Plugin(e.Name(), fixed(e.Name(), e.Analyzer))
		}
	}
}

// linter is the register.LinterPlugin of one analyzer.
type linter struct {
	analyzer *analysis.Analyzer
}

// BuildAnalyzers returns the linter's single analyzer. golangci-lint adds
// the analyzers it requires (summary, inspect, ...) itself.
func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{l.analyzer}, nil
}

// GetLoadMode asks for full type information: SSA construction and facts
// need it (see the package documentation).
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }

// policySettings are the settings of a linter whose analyzer reads the
// policy. The json tags are the setting keys.
type policySettings struct {
	// Policy names the policy file for every zombiecheck linter (see the
	// package documentation).
	Policy string `json:"policy"`
}

// withPolicy returns the plugin constructor for an analyzer that reads the
// policy: its policy setting, if any, sets the policy analyzer's -policy
// flag (see setPolicy).
func withPolicy(name string, a *analysis.Analyzer) register.NewPlugin {
	return configured(name, a, func(s policySettings) error { return setPolicy(name, s.Policy) })
}

// fixed returns the plugin constructor for an analyzer that takes no
// configuration. Its settings still decode strictly, into an empty struct,
// so any key is reported rather than silently ignored.
func fixed(name string, a *analysis.Analyzer) register.NewPlugin {
	return configured(name, a, func(struct{}) error { return nil })
}

// configured returns the plugin constructor for analyzer a, whose settings
// decode strictly into Settings and are then applied by apply.
func configured[Settings any](name string, a *analysis.Analyzer, apply func(Settings) error) register.NewPlugin {
	return func(settings any) (register.LinterPlugin, error) {
		s, err := register.DecodeSettings[Settings](settings)
		if err != nil {
			return nil, settingsError(name, err, settingKeys[Settings]())
		}
		if err := apply(s); err != nil {
			return nil, err
		}
		if a.Name != name {
			// A registration mistake: users write the linter name in
			// nolint comments and expect it to match the analyzer's.
			return nil, fmt.Errorf("zombiecheck plugin %q builds analyzer %q", name, a.Name)
		}
		return &linter{analyzer: a}, nil
	}
}

// setPolicy sets the policy analyzer's -policy flag to file, the road every
// driver takes. The file is loaded at once, so a missing or invalid policy
// fails the run before any analysis. Left to the analyzers, the error would
// come only from packages golangci-lint actually analyses: its analysis
// cache does not know the policy file is an input, so packages whose
// results it replays would hide the error until their sources change.
//
// A relative name resolves against the working directory, as the loader
// would resolve it; the flag holds the absolute name, so two linters naming
// the same file agree, and two naming different files are an error (one
// policy analyzer serves every linter).
func setPolicy(name, file string) error {
	if file == "" {
		return nil
	}
	if _, err := policy.Load(file); err != nil {
		return fmt.Errorf("zombiecheck linter %s: setting policy: %w", name, err)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("zombiecheck linter %s: setting policy: %w", name, err)
	}
	f := policyconfig.Analyzer.Flags.Lookup(policyconfig.FlagPolicy)
	if cur := f.Value.String(); cur != "" && cur != abs {
		return fmt.Errorf("zombiecheck linter %s: setting policy: %s, but another zombiecheck linter's policy setting names %s; one policy applies to every zombiecheck linter: name the same file, or name it under one linter only", name, abs, cur)
	}
	return f.Value.Set(abs)
}

// settingsError names the linter and the keys it accepts; the bare
// DecodeSettings error says only `json: unknown field "polcy"`.
func settingsError(name string, err error, keys []string) error {
	valid := "it takes no settings"
	if len(keys) > 0 {
		valid = "valid settings: " + strings.Join(keys, ", ")
	}
	return fmt.Errorf("zombiecheck linter %s: %w (%s)", name, err, valid)
}

// settingKeys lists the json keys of a Config struct's fields.
func settingKeys[Config any]() []string {
	t := reflect.TypeFor[Config]()
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch key {
		case "-":
			continue
		case "":
			key = f.Name
		}
		keys = append(keys, key)
	}
	return keys
}
