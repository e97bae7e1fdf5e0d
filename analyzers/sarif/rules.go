package sarif

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
)

// catalogue is tool.driver.rules under construction: the caller's rules sorted
// by ID, followed by rules synthesized for findings outside the catalogue.
type catalogue struct {
	known       []reportingDescriptor // sorted by ID, one per ID
	synthesized map[string]reportingDescriptor
	index       map[string]int // rule ID → ruleIndex, valid after driver()
}

func newCatalogue(rules []report.Rule) *catalogue {
	sorted := slices.Clone(rules)
	slices.SortStableFunc(sorted, func(a, b report.Rule) int {
		return strings.Compare(RuleID(a.Analyzer, a.Category), RuleID(b.Analyzer, b.Category))
	})
	c := &catalogue{synthesized: make(map[string]reportingDescriptor)}
	for _, r := range sorted {
		id := RuleID(r.Analyzer, r.Category)
		// Two rules with one ID would make ruleIndex ambiguous; the first
		// one in the caller's order wins.
		if n := len(c.known); n > 0 && c.known[n-1].ID == id {
			continue
		}
		c.known = append(c.known, describeRule(r))
	}
	return c
}

// ensure records a synthesized rule for a finding whose rule is not in the
// catalogue, so that every result has a ruleIndex and GitHub can still show
// a title for it.
func (c *catalogue) ensure(analyzer, category string) {
	id := RuleID(analyzer, category)
	if _, ok := slices.BinarySearchFunc(c.known, id, compareDescriptorID); ok {
		return
	}
	if _, ok := c.synthesized[id]; ok {
		return
	}
	short := cmp.Or(category, analyzer, id)
	c.synthesized[id] = describeRule(report.Rule{
		Analyzer: analyzer,
		Category: category,
		Short:    short,
	})
}

// driver returns tool.driver and fixes the ruleIndex of every rule.
func (c *catalogue) driver(tool Tool) driver {
	extra := make([]reportingDescriptor, 0, len(c.synthesized))
	for _, d := range c.synthesized {
		extra = append(extra, d)
	}
	slices.SortFunc(extra, func(a, b reportingDescriptor) int { return strings.Compare(a.ID, b.ID) })
	all := make([]reportingDescriptor, 0, len(c.known)+len(extra)) // never nil: "rules": [] rather than null
	all = append(append(all, c.known...), extra...)

	c.index = make(map[string]int, len(all))
	for i, d := range all {
		c.index[d.ID] = i
	}
	c.known = all
	c.synthesized = nil

	d := driver{
		Name:           tool.Name,
		Version:        tool.Version,
		InformationURI: tool.InformationURI,
		Rules:          all,
	}
	if v, ok := semanticVersion(tool.Version); ok {
		d.SemanticVersion = v
	}
	return d
}

// lookup returns the descriptor and ruleIndex of id. It must be called after
// driver.
func (c *catalogue) lookup(id string) (reportingDescriptor, int) {
	i := c.index[id]
	return c.known[i], i
}

func compareDescriptorID(d reportingDescriptor, id string) int { return strings.Compare(d.ID, id) }

// describeRule builds the SARIF rule for r. GitHub shows shortDescription as
// the alert title and help.markdown on the alert page, so the short text must
// never be empty and the full text is kept whole in help.
func describeRule(r report.Rule) reportingDescriptor {
	id := RuleID(r.Analyzer, r.Category)
	short := strings.TrimSpace(r.Short)
	full := strings.TrimSpace(r.Full)
	short = cmp.Or(short, firstSentence(full), id)
	full = cmp.Or(full, short)
	level := sarifLevel(r.Level)
	return reportingDescriptor{
		ID:                   id,
		Name:                 camelName(r.Analyzer, r.Category),
		ShortDescription:     message{Text: truncate(short, maxDescription)},
		FullDescription:      message{Text: truncate(full, maxDescription)},
		Help:                 &multiformatMessage{Text: full, Markdown: full},
		HelpURI:              r.URL,
		DefaultConfiguration: reportingConfiguration{Level: level},
		Properties: ruleProperties{
			Tags:            ruleTags(r.Analyzer),
			Precision:       "high",
			ProblemSeverity: problemSeverity(level),
		},
	}
}

func ruleTags(analyzer string) []string {
	if analyzer == "" {
		return []string{"reliability"}
	}
	return []string{"reliability", analyzer}
}

// sarifLevel maps a catalogue level to a SARIF level. Anything unset or
// unknown becomes "warning", SARIF's own default.
func sarifLevel(l report.Level) string {
	switch l {
	case report.LevelNote, report.LevelWarning, report.LevelError, "none":
		return string(l)
	}
	return string(report.LevelWarning)
}

// problemSeverity maps a SARIF level to GitHub's problem.severity.
func problemSeverity(level string) string {
	switch level {
	case "error", "warning":
		return level
	case "note":
		return "recommendation"
	}
	return ""
}

// camelName builds the rule's human-readable name from the analyzer and the
// category, e.g. ("httpclient", "notimeout") → "HttpclientNotimeout". SARIF
// names are identifiers, so anything that is not a letter or digit separates
// words instead of appearing in the name.
func camelName(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, word := range strings.FieldsFunc(p, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			r, size := utf8.DecodeRuneInString(word)
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(word[size:])
		}
	}
	return b.String()
}

// firstSentence returns s up to and including its first ". " (or all of s).
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// truncate shortens s to at most max bytes, cutting at a rune boundary
// (preferably at a space) and marking the cut with an ellipsis. Counting
// bytes keeps the result within the limit however the consumer counts
// characters, since a string never has more runes or UTF-16 units than bytes.
func truncate(s string, max int) string {
	if len(s) <= max {
		return s
	}
	const ellipsis = "…"
	cut := max - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	// Prefer a word boundary, unless that would throw away most of the text.
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ") + ellipsis
}

// semverPattern is the grammar of https://semver.org (2.0.0): SARIF's
// semanticVersion must follow it, so Go's "v" prefix is stripped first and
// anything else (e.g. "(devel)", "v1.2") is left out. It is compiled on
// first use: the command starts once per package under go vet, and
// compiling it at start-up was 1.4% of a skipped package's run.
var semverPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)` +
		`(-(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*)?` +
		`(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$`)
})

func semanticVersion(v string) (string, bool) {
	v = strings.TrimPrefix(v, "v")
	return v, semverPattern().MatchString(v)
}
