package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"github.com/zombiecheck/zombiecheck/cmd/zombiecheck/internal/hugeheap"
	"github.com/zombiecheck/zombiecheck/cmd/zombiecheck/internal/vetunit"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// vetMain speaks the go vet -vettool protocol.
//
// The handshakes (-V=full, -flags) and the modes that need unitchecker's
// .vetx format in every unit of the run (-vetsuite, whose analyzers need
// their facts through any package; -fix and -diff) go to unitchecker.
// Every other unit run goes to vetunit, which skips the units zombiecheck
// has nothing to do in without type-checking them; the mode is decided by
// the flags, which the go command passes alike to every unit of a run.
//
// Two flags are our own: -policy names the policy file, and -policyhash
// exists only to change go vet's cache key after a policy edit (vet does
// not know the policy file is an input; see README "Policy and the vet
// cache").
func vetMain(args []string, analyzers []*analysis.Analyzer, withSuite bool) int {
	if withSuite || handshake(args) || wantsFix(args) {
		registerVetFlags(flag.CommandLine)
		unitchecker.Main(analyzers...) // exits
		return 0
	}
	tuneRuntime()
	cfgFile, selected, opts, err := parseVetUnitArgs(args, analyzers)
	if err != nil {
		fmt.Fprintln(os.Stderr, "zombiecheck:", err)
		return 1
	}
	if name := os.Getenv("ZOMBIECHECK_VETLOG"); name != "" {
		// One short line per unit, appended: units run in parallel, and
		// O_APPEND writes of a line do not interleave.
		if f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666); err == nil {
			defer f.Close()
			opts.Log = f
		}
	}
	if dir := os.Getenv("ZOMBIECHECK_PROFILEDIR"); dir != "" {
		defer profileUnit(dir, cfgFile)()
	}
	return vetunit.Main(cfgFile, selected, opts, os.Stderr)
}

// Under go vet every unit is its own short process: most allocate a few
// megabytes and exit, a few build SSA for a large package. With the default
// GOGC=100 the collector ran about 14% of the fact-only units' CPU. A unit
// run collects at GOGC=400 instead, and a soft limit of 150 MiB makes it
// collect as often as needed to stay below that when a large package would
// otherwise take it higher: peak RSS is bounded by the largest live heap,
// not by 5 times it. A user's GOGC or GOMEMLIMIT is kept.
const (
	vetGCPercent   = 400
	vetMemoryLimit = 150 << 20
)

// tuneRuntime sets the collector as said above, and stops the runtime
// recording allocation samples for a heap profile nobody asks for (by
// default it keeps a stack per 512 KiB allocated) unless
// ZOMBIECHECK_PROFILEDIR asks for profiles.
func tuneRuntime() {
	if os.Getenv("ZOMBIECHECK_PROFILEDIR") == "" {
		runtime.MemProfileRate = 0
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(vetGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(vetMemoryLimit)
	}
}

// profileUnit writes a CPU profile and, when the unit ends, a heap profile
// of this unit run into dir, named after the unit's ID ("PID-fmt.cpu.pprof",
// "PID-fmt_[fmt.test].cpu.pprof"; one per unit: go vet runs one tool
// process per unit), for finding what a slow package spends its time on.
// Set by ZOMBIECHECK_PROFILEDIR; errors only lose the profile.
func profileUnit(dir, cfgFile string) func() {
	id := filepath.Base(filepath.Dir(cfgFile)) // the go command's bNNN work directory
	if cfg, err := vetunit.ReadConfig(cfgFile); err == nil && cfg.ID != "" {
		id = cfg.ID
	}
	name := strings.NewReplacer("/", "_", string(filepath.Separator), "_", " ", "_").Replace(id)
	base := filepath.Join(dir, strconv.Itoa(os.Getpid())+"-"+name)
	cpu, err := os.Create(base + ".cpu.pprof")
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		if mem, err := os.Create(base + ".mem.pprof"); err == nil {
			pprof.Lookup("allocs").WriteTo(mem, 0)
			mem.Close()
		}
	}
}

// parseVetUnitArgs parses the arguments of one unit run: every flag the
// -flags handshake (answered by unitchecker) declares, then the *.cfg file.
func parseVetUnitArgs(args []string, analyzers []*analysis.Analyzer) (string, []*analysis.Analyzer, vetunit.Options, error) {
	fs := flag.NewFlagSet("zombiecheck", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	registerVetFlags(fs)
	enabled := make(map[string]*triState)
	for _, a := range analyzers {
		ts := new(triState)
		enabled[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
	}
	jsonOut := fs.Bool("json", false, "emit JSON output")
	context := fs.Int("c", -1, "display offending line with this many lines of context")
	for _, name := range []string{"source", "v", "all", "fix", "diff", "flags"} {
		fs.Bool(name, false, "no effect here")
	}
	fs.String("tags", "", "no effect (deprecated)")
	if err := fs.Parse(args); err != nil {
		return "", nil, vetunit.Options{}, err
	}
	if fs.NArg() != 1 || !strings.HasSuffix(fs.Arg(0), ".cfg") {
		return "", nil, vetunit.Options{}, fmt.Errorf("under go vet, want one *.cfg argument after the flags, got %q", fs.Args())
	}
	opts := vetunit.Options{
		JSON:    *jsonOut,
		Context: *context,
		Known:   analyzers, // all of them: see RegisterFactTypes
		Skip: func(cfg *vetunit.Config, imports []string, marked func(int) bool, report bool) bool {
			return suite.Skippable(cfg.GoFiles, imports, marked, report)
		},
		Marks: suite.IsRelevantFact,
		// Under tests: skip a test variant is analysed as the package
		// itself, and an external test package not at all: the test files
		// of the 160 application packages of bench/vet-ratio were 7% of the
		// run. Production code cannot call into its test files; it can
		// reach a test type only through an interface the type implements,
		// which is how a test fake would otherwise join a production call
		// graph.
		DropTestFiles: func(cfg *vetunit.Config) bool { return !suite.TestFilesReported(cfg.GoFiles) },
		// Only units that are analysed: a skipped one touches too little
		// memory for huge pages to pay for what Reserve costs.
		BeforeAnalysis: func() { hugeheap.Reserve(hugeheap.DefaultSize) },
	}
	return fs.Arg(0), selectAnalyzers(analyzers, enabled), opts, nil
}

// registerVetFlags declares zombiecheck's own flags for both vet drivers.
func registerVetFlags(fs *flag.FlagSet) {
	fs.Func("policy", "absolute path of the policy `file` (default: nearest .zombiecheck.yaml above each package, else built-in defaults)", func(s string) error {
		// The policy analyzer's flag, the road every driver takes. go vet
		// runs the tool in each package's directory, so a relative path
		// would name a different file for every package: -requireabs
		// makes it an error, reported by the analyzers that need the
		// policy in each analysed package (not once per dependency).
		if err := suite.Policy.Flags.Set("requireabs", "true"); err != nil {
			return err
		}
		return suite.Policy.Flags.Set("policy", s)
	})
	fs.Bool("vetsuite", false, "also run the standard go vet analyzers (a vettool replaces them; in a build made with -tags "+vetSuiteTag+")")
	fs.String("policyhash", "", "ignored; pass the policy's hash (e.g. -policyhash=$(sha256sum .zombiecheck.yaml | cut -c1-16)) so go vet re-runs after a policy edit")
}

// handshake reports whether the go command is asking for the tool's
// version or flags rather than running a unit.
func handshake(args []string) bool {
	for _, a := range args {
		switch strings.TrimPrefix(a, "-") {
		case "V=full", "-V=full", "V", "-V", "flags", "-flags":
			return true
		}
	}
	return false
}

// wantsFix reports whether -fix or -diff is set: unitchecker applies fixes
// under go vet, and vetunit does not.
func wantsFix(args []string) bool {
	for _, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || (name != "fix" && name != "diff") {
			continue
		}
		if b, err := strconv.ParseBool(value); !hasValue || (err == nil && b) {
			return true
		}
	}
	return false
}
