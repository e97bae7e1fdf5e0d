// Package report holds what every zombiecheck analyzer shares about how a
// finding is presented: the rule catalogue (one entry per analyzer and
// diagnostic category), panic recovery, and suppression of findings in
// generated or excluded files.
package report

// Level is the default severity of a rule, in SARIF's vocabulary.
type Level string

const (
	LevelNote    Level = "note"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

// Rule describes one diagnostic category of one analyzer. Its ID is
// "<analyzer>/<category>" (for example "httpclient/notimeout"); the same ID
// is the SARIF ruleId and the anchor of the rule's documentation.
type Rule struct {
	Analyzer string // analyzer name, e.g. "httpclient"
	Category string // diagnostic Category, e.g. "notimeout"
	Short    string // one sentence: what the rule reports
	Full     string // a paragraph: why it matters and how to fix it
	Level    Level  // default severity
	URL      string // documentation URL, Analyzer.URL + "#" + Category
}

// ID returns the stable rule identifier "<analyzer>/<category>".
func (r Rule) ID() string { return r.Analyzer + "/" + r.Category }
