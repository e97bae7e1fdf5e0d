// Package sarif turns zombiecheck findings into a SARIF 2.1.0 log for GitHub
// code scanning, and reads the JSON stream that `go vet -vettool=… -json` and
// `zombiecheck -json` print, so that both the standalone driver (-sarif=FILE)
// and vet-driven CI (`go vet … -json | zombiecheck sarif`) produce the same
// document from the same rule catalogue.
//
// The package is driver-neutral: it knows nothing about go/analysis or
// token.FileSet. Drivers convert their diagnostics to [Finding] values, with
// positions in byte columns as go/token reports them; [Write] converts those to
// the UTF-16 columns that GitHub expects by reading the source files.
package sarif

import (
	"cmp"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
)

// Location is a source range in byte columns as go/token reports them
// (1-based line and column). EndLine and EndCol may be 0, meaning the end is
// unknown. Message is used only for related locations.
type Location struct {
	File    string // absolute or relative OS path; relative paths are resolved against the working directory
	Line    int
	Col     int
	EndLine int
	EndCol  int
	Message string
}

// Finding is one diagnostic, independent of the driver that produced it.
type Finding struct {
	Analyzer string // e.g. "httpclient"
	Category string // e.g. "notimeout"; may be empty, then the rule ID is just the analyzer name
	Message  string
	Location
	Related []Location
}

// Tool identifies the program that produced the findings (SARIF tool.driver).
type Tool struct {
	Name           string
	Version        string // e.g. "1.2.3" or "v1.2.3"; "(devel)" and other non-semver strings are kept as version only
	InformationURI string
}

// Options holds the settings of [WriteOptions] that most callers leave at their
// defaults.
type Options struct {
	// Category is the code-scanning analysis category. It becomes the run's
	// automationDetails.id as Category + "/", which is how GitHub keeps
	// several uploads for one tool and commit (say, one per OS) from closing
	// each other's alerts. Empty means "zombiecheck".
	Category string
}

// Limits taken from GitHub's code-scanning SARIF support.
const (
	// maxRelated caps relatedLocations. GitHub allows 10 locations per
	// result; relatedLocations is a separate list, but we keep it within the
	// same budget (one primary + 9 related) so no consumer drops any of them.
	maxRelated = 9
	// maxDescription is GitHub's limit for shortDescription and
	// fullDescription.
	maxDescription = 1024
)

const (
	schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRoot is the uriBaseId of every artifact under the repository root.
	// GitHub resolves it against the checkout, so alerts survive a change of
	// the runner's working directory.
	srcRoot = "%SRCROOT%"
	// fingerprintKey is our own partialFingerprints entry (see fingerprint.go).
	fingerprintKey = "zombiecheck/v1"
)

// Write writes one SARIF 2.1.0 log with one run, using default [Options].
//
// root is the repository root: artifact URIs of files under it are made
// relative to it (forward slashes) with uriBaseId "%SRCROOT%", and
// originalUriBaseIds gives root as a file:// URI; files outside root keep an
// absolute file:// URI.
//
// rules is the full catalogue: tool.driver.rules lists every rule, sorted by
// ID, so a rule's ruleIndex does not depend on which findings a run has. A
// finding whose rule is not in the catalogue gets a synthesized rule (ID
// analyzer/category, short text = category), appended after the catalogue.
//
// Results are sorted by position; exact duplicates (same position, rule,
// message and related locations, as reported for a file shared by a package
// and its test variant) are written once. Findings without a File are left
// out, because GitHub rejects a log with an unlocated result. At most 9
// related locations are kept per result. Source files are read to convert
// columns to UTF-16 and to compute fingerprints; a file that cannot be read
// keeps byte columns.
func Write(w io.Writer, root string, tool Tool, rules []report.Rule, findings []Finding) error {
	return WriteOptions(w, root, tool, rules, findings, Options{})
}

// WriteOptions is [Write] with explicit options.
func WriteOptions(w io.Writer, root string, tool Tool, rules []report.Rule, findings []Finding, opts Options) error {
	absRoot, err := filepath.Abs(cmp.Or(root, "."))
	if err != nil {
		return err
	}
	b := &builder{
		cat:   newCatalogue(rules),
		paths: newPathResolver(absRoot),
		src:   newSourceCache(),
	}
	run := b.run(tool, findings)
	run.AutomationDetails = &automationDetails{ID: cmp.Or(opts.Category, "zombiecheck") + "/"}
	run.OriginalURIBaseIDs = map[string]artifactLocation{
		srcRoot: {URI: dirURI(absRoot)},
	}
	log := sarifLog{Schema: schemaURI, Version: "2.1.0", Runs: []sarifRun{run}}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote Go code ("<-ch", "a && b"); HTML escaping would only
	// make the file harder to read.
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// RuleID returns the rule identifier of a finding: "<analyzer>/<category>", or
// just the analyzer name when the category is empty. For a non-empty category
// it equals [report.Rule.ID].
func RuleID(analyzer, category string) string {
	if category == "" {
		return analyzer
	}
	return analyzer + "/" + category
}

// builder holds the per-call state of WriteOptions.
type builder struct {
	cat   *catalogue
	paths *pathResolver
	src   *sourceCache
}

// placed is a finding together with what sorting and fingerprinting need.
type placed struct {
	f      Finding
	ruleID string
	art    artifactLocation
}

func (b *builder) run(tool Tool, findings []Finding) sarifRun {
	items := make([]placed, 0, len(findings))
	for _, f := range findings {
		if f.File == "" {
			// GitHub rejects the whole upload if a single result has no
			// location ("locationFromSarifResult: expected at least one
			// location", github/codeql-action#1738), and a diagnostic
			// without a position has nothing to anchor it. Drivers still
			// print it as text.
			continue
		}
		b.cat.ensure(f.Analyzer, f.Category)
		items = append(items, placed{
			f:      f,
			ruleID: RuleID(f.Analyzer, f.Category),
			art:    b.paths.artifact(f.File),
		})
	}
	slices.SortFunc(items, comparePlaced)
	items = slices.CompactFunc(items, func(a, b placed) bool { return comparePlaced(a, b) == 0 })

	// The rule list is final (and ruleIndex known) only once every finding
	// has had the chance to synthesize its rule.
	drv := b.cat.driver(tool)
	fp := newFingerprinter()
	results := make([]result, 0, len(items))
	for _, p := range items {
		results = append(results, b.result(p, fp))
	}
	return sarifRun{
		Tool:       sarifTool{Driver: drv},
		ColumnKind: "utf16CodeUnits",
		Results:    results,
	}
}

// comparePlaced orders results by artifact URI and position, then by rule and
// message, and finally by everything else, so the output does not depend on
// the order in which a driver happened to report.
func comparePlaced(a, b placed) int {
	return cmp.Or(
		strings.Compare(a.art.URIBaseID, b.art.URIBaseID),
		strings.Compare(a.art.URI, b.art.URI),
		cmp.Compare(a.f.Line, b.f.Line),
		cmp.Compare(a.f.Col, b.f.Col),
		cmp.Compare(a.f.EndLine, b.f.EndLine),
		cmp.Compare(a.f.EndCol, b.f.EndCol),
		strings.Compare(a.ruleID, b.ruleID),
		strings.Compare(a.f.Message, b.f.Message),
		// Analyzer and category are implied by ruleID except in the
		// degenerate case of an analyzer name containing "/".
		strings.Compare(a.f.Analyzer, b.f.Analyzer),
		strings.Compare(a.f.Category, b.f.Category),
		// File is left out: "pkg/a.go" and "/repo/pkg/a.go" are one
		// artifact, and a finding reported under both names is one result.
		slices.CompareFunc(a.f.Related, b.f.Related, compareLocation),
	)
}

func compareLocation(a, b Location) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndCol, b.EndCol),
		strings.Compare(a.Message, b.Message),
	)
}

func (b *builder) result(p placed, fp *fingerprinter) result {
	rule, index := b.cat.lookup(p.ruleID)
	res := result{
		RuleID:    p.ruleID,
		RuleIndex: index,
		Level:     rule.DefaultConfiguration.Level,
		// SARIF requires a non-empty message; for a finding without one,
		// the rule's title says what it means.
		Message:   message{Text: cmp.Or(p.f.Message, rule.ShortDescription.Text)},
		Locations: []location{{PhysicalLocation: b.physical(p.f.Location, p.art)}},
	}
	id := 0
	for _, rel := range p.f.Related {
		if rel.File == "" {
			continue // nothing to point at
		}
		if id == maxRelated {
			break
		}
		id++
		loc := location{ID: id, PhysicalLocation: b.physical(rel, b.paths.artifact(rel.File))}
		if rel.Message != "" {
			loc.Message = &message{Text: rel.Message}
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	lineText := b.src.trimmedLine(b.paths.abs(p.f.File), p.f.Line)
	res.PartialFingerprints = map[string]string{
		fingerprintKey: fp.next(p.ruleID, p.art.URI, lineText, p.f.Message),
	}
	return res
}

// physical converts loc to a SARIF physical location, converting byte
// columns to UTF-16 columns where the source can be read.
func (b *builder) physical(loc Location, art artifactLocation) *physicalLocation {
	pl := &physicalLocation{ArtifactLocation: art}
	if loc.Line <= 0 {
		return pl // a file-level position: no region
	}
	path := b.paths.abs(loc.File)
	r := &region{StartLine: loc.Line}
	if loc.Col > 0 {
		r.StartColumn = b.src.utf16Col(path, loc.Line, loc.Col)
	}
	// An end is written only when it is known and after the start. Vet's
	// JSON repeats the start when a diagnostic has no end, so an empty range
	// means "unknown" rather than an insertion point. Without
	// endLine/endColumn SARIF extends the region to the end of the start
	// line, which is the honest reading of "end unknown".
	if loc.EndLine > loc.Line || loc.EndLine == loc.Line && loc.EndCol > loc.Col {
		r.EndLine = loc.EndLine
		if loc.EndCol > 0 && loc.Col > 0 {
			r.EndColumn = b.src.utf16Col(path, loc.EndLine, loc.EndCol)
		}
	}
	pl.Region = r
	return pl
}
