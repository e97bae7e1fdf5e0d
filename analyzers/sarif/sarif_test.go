package sarif

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
)

// writeFile creates root/rel with the given content and returns its path.
func writeFile(t *testing.T, root, rel, content string) string {
	t.Helper()
	path := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var testRules = []report.Rule{
	{Analyzer: "zombieloop", Category: "hot", Short: "Loop retries without pause.", Full: "A loop that retries a failing call at once burns CPU.", Level: report.LevelError, URL: "https://example.com/zombieloop#hot"},
	{Analyzer: "httpclient", Category: "notimeout", Short: "HTTP client without timeout.", Full: strings.Repeat("A client without a timeout waits forever. ", 40), URL: "https://example.com/httpclient#notimeout"},
	{Analyzer: "respclose", Category: "leak", Short: "Response body not closed.", Full: "An unclosed body leaks a connection.", Level: report.LevelNote, URL: "https://example.com/respclose#leak"},
}

func TestWriteDocumentAndRules(t *testing.T) {
	root := t.TempDir()
	file := writeFile(t, root, "pkg/a.go", "package pkg\n\nvar c = http.Client{}\nvar d = 1\n")

	var related []Location
	for i := range 12 {
		related = append(related, Location{File: file, Line: 4, Col: 1, Message: fmt.Sprintf("step %d", i+1)})
	}
	findings := []Finding{
		{Analyzer: "zombieloop", Category: "hot", Message: "hot loop", Location: Location{File: file, Line: 4, Col: 5}, Related: related},
		{Analyzer: "httpclient", Category: "notimeout", Message: "client has no timeout", Location: Location{File: file, Line: 3, Col: 9, EndLine: 3, EndCol: 22}},
		{Analyzer: "egress", Category: "unknownhost", Message: "unknown host", Location: Location{File: file, Line: 3, Col: 1}},
		{Analyzer: "localroute", Message: "no category", Location: Location{File: file, Line: 4, Col: 1}},
	}
	raw, log := writeLog(t, root, testRules, findings)

	if log.Schema != "https://json.schemastore.org/sarif-2.1.0.json" || log.Version != "2.1.0" {
		t.Errorf("$schema, version = %q, %q", log.Schema, log.Version)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "zombiecheck" || d.Version != "v1.2.3" || d.SemanticVersion != "1.2.3" || d.InformationURI != testTool.InformationURI {
		t.Errorf("driver = %+v", d)
	}
	if run.AutomationDetails.ID != "zombiecheck/" {
		t.Errorf("automationDetails.id = %q", run.AutomationDetails.ID)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, (&url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"}).String(); got != want {
		t.Errorf("%%SRCROOT%% = %q, want %q", got, want)
	}

	// The catalogue sorted by ID, then the synthesized rules sorted by ID.
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	wantIDs := []string{"httpclient/notimeout", "respclose/leak", "zombieloop/hot", "egress/unknownhost", "localroute"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("rule IDs = %v, want %v", ids, wantIDs)
	}

	nt := d.Rules[0]
	if nt.Name != "HttpclientNotimeout" {
		t.Errorf("name = %q", nt.Name)
	}
	if nt.ShortDescription.Text != "HTTP client without timeout." {
		t.Errorf("shortDescription = %q", nt.ShortDescription.Text)
	}
	full := strings.TrimSpace(testRules[1].Full)
	if n := len(nt.FullDescription.Text); n > 1024 || !strings.HasSuffix(nt.FullDescription.Text, "…") || !utf8.ValidString(nt.FullDescription.Text) {
		t.Errorf("fullDescription not truncated safely (%d bytes): %q", n, nt.FullDescription.Text)
	}
	if nt.Help.Text != full || nt.Help.Markdown != full {
		t.Errorf("help must hold the whole text, got %d/%d bytes of %d", len(nt.Help.Text), len(nt.Help.Markdown), len(full))
	}
	if nt.HelpURI != "https://example.com/httpclient#notimeout" {
		t.Errorf("helpUri = %q", nt.HelpURI)
	}
	if nt.DefaultConfiguration.Level != "warning" {
		t.Errorf("default level = %q, want warning for an unset Level", nt.DefaultConfiguration.Level)
	}
	if !slices.Equal(nt.Properties.Tags, []string{"reliability", "httpclient"}) || nt.Properties.Precision != "high" {
		t.Errorf("properties = %+v", nt.Properties)
	}
	if d.Rules[1].DefaultConfiguration.Level != "note" || d.Rules[2].DefaultConfiguration.Level != "error" {
		t.Errorf("levels not taken from the catalogue: %+v", d.Rules[1:3])
	}
	syn := d.Rules[3]
	if syn.ShortDescription.Text != "unknownhost" || syn.Name != "EgressUnknownhost" || syn.DefaultConfiguration.Level != "warning" {
		t.Errorf("synthesized rule = %+v", syn)
	}
	if d.Rules[4].ShortDescription.Text != "localroute" {
		t.Errorf("synthesized rule without category = %+v", d.Rules[4])
	}

	// Every result points at its rule and carries the rule's level.
	for _, r := range run.Results {
		if r.RuleIndex == nil || d.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %q: ruleIndex does not match ruleId %q", r.Message.Text, r.RuleID)
			continue
		}
		if want := d.Rules[*r.RuleIndex].DefaultConfiguration.Level; r.Level != want {
			t.Errorf("result %q: level %q, want %q", r.Message.Text, r.Level, want)
		}
		if len(r.Locations) != 1 {
			t.Errorf("result %q: %d locations", r.Message.Text, len(r.Locations))
		}
		if r.PartialFingerprints["zombiecheck/v1"] == "" {
			t.Errorf("result %q: no fingerprint", r.Message.Text)
		}
		if _, ok := r.PartialFingerprints["primaryLocationLineHash"]; ok {
			t.Errorf("result %q: primaryLocationLineHash must be left to GitHub", r.Message.Text)
		}
	}

	// Results are sorted by position.
	var order []string
	for _, r := range run.Results {
		order = append(order, r.Message.Text)
	}
	if want := []string{"unknown host", "client has no timeout", "no category", "hot loop"}; !slices.Equal(order, want) {
		t.Errorf("result order = %q, want %q", order, want)
	}

	hot := resultFor(t, run, "hot loop")
	if len(hot.RelatedLocations) != 9 {
		t.Fatalf("got %d related locations, want 9", len(hot.RelatedLocations))
	}
	for i, rel := range hot.RelatedLocations {
		if rel.ID != i+1 || rel.Message == nil || rel.Message.Text != fmt.Sprintf("step %d", i+1) {
			t.Errorf("related[%d] = id %d, message %+v", i, rel.ID, rel.Message)
		}
		if rel.PhysicalLocation.ArtifactLocation.URI != "pkg/a.go" {
			t.Errorf("related[%d] uri = %q", i, rel.PhysicalLocation.ArtifactLocation.URI)
		}
	}

	// Two-space indentation.
	if !bytes.HasPrefix(raw, []byte("{\n  \"$schema\"")) {
		t.Errorf("output is not two-space indented:\n%.80s", raw)
	}
}

func TestWriteOptionsCategory(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteOptions(&buf, t.TempDir(), testTool, nil, nil, Options{Category: "zombiecheck-linux"}); err != nil {
		t.Fatal(err)
	}
	var log tLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if got := log.Runs[0].AutomationDetails.ID; got != "zombiecheck-linux/" {
		t.Errorf("automationDetails.id = %q", got)
	}
	// An empty run still has (empty) rules and results arrays.
	if !bytes.Contains(buf.Bytes(), []byte(`"results": []`)) || !bytes.Contains(buf.Bytes(), []byte(`"rules": []`)) {
		t.Errorf("empty run must list empty rules and results:\n%s", buf.Bytes())
	}
}

// TestUTF16Columns reports ranges on a line with a two-byte (é, one UTF-16
// unit) and a four-byte character (🙂, a surrogate pair) before them.
func TestUTF16Columns(t *testing.T) {
	root := t.TempDir()
	line := "\ts := \"héllo 🙂\"; resp, err := http.Get(s)"
	file := writeFile(t, root, "u.go", "package p\n\nfunc f() {\n"+line+"\n}\n")

	byteCol := func(sub string) int { return strings.Index(line, sub) + 1 }
	call := byteCol("http.Get")
	callEnd := call + len("http.Get(s)")
	lit := byteCol(`"héllo`)
	litEnd := lit + len(`"héllo 🙂"`)

	findings := []Finding{
		{Analyzer: "respclose", Category: "leak", Message: "after", Location: Location{File: file, Line: 4, Col: call, EndLine: 4, EndCol: callEnd},
			Related: []Location{{File: file, Line: 4, Col: call, EndLine: 4, EndCol: callEnd, Message: "related after"}}},
		{Analyzer: "respclose", Category: "leak", Message: "across", Location: Location{File: file, Line: 4, Col: lit, EndLine: 4, EndCol: litEnd}},
		{Analyzer: "respclose", Category: "leak", Message: "no end", Location: Location{File: file, Line: 4, Col: call}},
		{Analyzer: "respclose", Category: "leak", Message: "unreadable", Location: Location{File: filepath.Join(root, "missing.go"), Line: 4, Col: call, EndLine: 4, EndCol: callEnd}},
	}
	_, log := writeLog(t, root, testRules, findings)
	run := log.Runs[0]

	// é is 2 bytes but 1 unit, 🙂 is 4 bytes but 2 units: 3 fewer columns.
	after := resultFor(t, run, "after")
	if got, want := regionOf(t, after.Locations[0]), (tRegion{4, call - 3, 4, callEnd - 3}); got != want {
		t.Errorf("after the emoji: region %+v, want %+v", got, want)
	}
	if got, want := regionOf(t, after.RelatedLocations[0]), (tRegion{4, call - 3, 4, callEnd - 3}); got != want {
		t.Errorf("related location: region %+v, want %+v", got, want)
	}

	// The literal starts before any multibyte character; it spans 13 bytes
	// but 10 UTF-16 units, and endColumn is the unit after the closing quote.
	across := resultFor(t, run, "across")
	if got, want := regionOf(t, across.Locations[0]), (tRegion{4, lit, 4, lit + 10}); got != want {
		t.Errorf("across the emoji: region %+v, want %+v", got, want)
	}

	if got, want := regionOf(t, resultFor(t, run, "no end").Locations[0]), (tRegion{StartLine: 4, StartColumn: call - 3}); got != want {
		t.Errorf("unknown end: region %+v, want %+v (no endLine/endColumn)", got, want)
	}

	if got, want := regionOf(t, resultFor(t, run, "unreadable").Locations[0]), (tRegion{4, call, 4, callEnd}); got != want {
		t.Errorf("unreadable file: region %+v, want byte columns %+v", got, want)
	}
}

func TestUTF16Column(t *testing.T) {
	line := []byte("aé🙂b")                  // bytes: a=1, é=2..3, 🙂=4..7, b=8
	invalid := []byte{'a', 0xff, 0xfe, 'b'} // two stray bytes
	tests := []struct {
		line []byte
		col  int
		want int
	}{
		{line, 0, 0},  // unknown stays unknown
		{line, 1, 1},  // a
		{line, 2, 2},  // é
		{line, 4, 3},  // 🙂
		{line, 8, 5},  // b
		{line, 9, 6},  // after the end of the line
		{line, 11, 8}, // beyond it: excess bytes kept
		{invalid, 4, 4},
	}
	for _, tt := range tests {
		if got := utf16Column(tt.line, tt.col); got != tt.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestArtifactURIs(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	inPkg := writeFile(t, root, "pkg/a.go", "package pkg\n")
	spaced := writeFile(t, root, "my dir/b é.go", "package p\n")
	far := writeFile(t, outside, "c.go", "package c\n")

	// A relative File is relative to the working directory.
	t.Chdir(root)
	findings := []Finding{
		{Analyzer: "respclose", Category: "leak", Message: "abs", Location: Location{File: inPkg, Line: 1, Col: 1}},
		{Analyzer: "respclose", Category: "leak", Message: "rel", Location: Location{File: filepath.FromSlash("pkg/a.go"), Line: 1, Col: 1}},
		{Analyzer: "respclose", Category: "leak", Message: "spaced", Location: Location{File: spaced, Line: 1, Col: 1}},
		{Analyzer: "respclose", Category: "leak", Message: "outside", Location: Location{File: far, Line: 1, Col: 1}},
	}
	// A relative root is resolved the same way.
	_, log := writeLog(t, ".", testRules, findings)
	run := log.Runs[0]

	check := func(msg, uri, base string) {
		t.Helper()
		al := resultFor(t, run, msg).Locations[0].PhysicalLocation.ArtifactLocation
		if al.URI != uri || al.URIBaseID != base {
			t.Errorf("%s: artifactLocation = {%q, %q}, want {%q, %q}", msg, al.URI, al.URIBaseID, uri, base)
		}
	}
	check("abs", "pkg/a.go", "%SRCROOT%")
	check("rel", "pkg/a.go", "%SRCROOT%")
	check("spaced", "my%20dir/b%20%C3%A9.go", "%SRCROOT%")
	check("outside", (&url.URL{Scheme: "file", Path: filepath.ToSlash(far)}).String(), "")
	if u := run.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(u, "file:///") || !strings.HasSuffix(u, "/") {
		t.Errorf("%%SRCROOT%% = %q, want an absolute file URI ending in /", u)
	}
}

// TestArtifactURIsThroughSymlink covers a root reached through a symlink
// while the driver reports resolved paths (or the other way round).
func TestArtifactURIsThroughSymlink(t *testing.T) {
	real := t.TempDir()
	file := writeFile(t, real, "pkg/a.go", "package pkg\n")
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	findings := []Finding{{Analyzer: "respclose", Category: "leak", Message: "m", Location: Location{File: file, Line: 1, Col: 1}}}
	_, log := writeLog(t, link, testRules, findings)
	al := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if al.URI != "pkg/a.go" || al.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifactLocation = %+v, want pkg/a.go under %%SRCROOT%%", al)
	}
}

func TestRelativeURIEscapesColonInFirstSegment(t *testing.T) {
	if got := relativeURI("a:b/c:d.go"); got != "a%3Ab/c:d.go" {
		t.Errorf("relativeURI = %q", got)
	}
}

// TestFindingWithoutFile: GitHub rejects a whole log if one result has no
// location, so a finding without a file is left out (and the validator
// checks that every result has one).
func TestFindingWithoutFile(t *testing.T) {
	root := t.TempDir()
	file := writeFile(t, root, "a.go", "package a\n")
	findings := []Finding{
		{Analyzer: "respclose", Category: "leak", Message: "nowhere"},
		{Analyzer: "respclose", Category: "leak", Message: "somewhere", Location: Location{File: file, Line: 1, Col: 1}},
	}
	_, log := writeLog(t, root, testRules, findings)
	if got := log.Runs[0].Results; len(got) != 1 || got[0].Message.Text != "somewhere" {
		t.Errorf("results = %+v, want only the located finding", got)
	}
}

func TestEmptyMessageFallsBackToRule(t *testing.T) {
	root := t.TempDir()
	file := writeFile(t, root, "a.go", "package a\n")
	findings := []Finding{{Analyzer: "respclose", Category: "leak", Location: Location{File: file, Line: 1, Col: 1}}}
	_, log := writeLog(t, root, testRules, findings)
	if got := log.Runs[0].Results[0].Message.Text; got != "Response body not closed." {
		t.Errorf("message = %q", got)
	}
}

// TestDeterministicOutput writes the same findings in two orders, with an
// exact duplicate (as reported for a package and its test variant).
func TestDeterministicOutput(t *testing.T) {
	root := t.TempDir()
	a := writeFile(t, root, "a.go", "package a\n\nvar x = 1\nvar y = 2\n")
	b := writeFile(t, root, "b/b.go", "package b\n\nvar z = 3\n")
	findings := []Finding{
		{Analyzer: "zombieloop", Category: "hot", Message: "m1", Location: Location{File: b, Line: 3, Col: 5}},
		{Analyzer: "respclose", Category: "leak", Message: "m2", Location: Location{File: a, Line: 4, Col: 5}, Related: []Location{{File: a, Line: 3, Col: 1, Message: "here"}}},
		{Analyzer: "respclose", Category: "leak", Message: "m3", Location: Location{File: a, Line: 3, Col: 5}},
		{Analyzer: "httpclient", Category: "notimeout", Message: "m4", Location: Location{File: a, Line: 3, Col: 5}},
	}
	withDup := append(slices.Clone(findings), findings[1])
	reversed := slices.Clone(withDup)
	slices.Reverse(reversed)
	rules := slices.Clone(testRules)
	slices.Reverse(rules)

	out1, log := writeLog(t, root, testRules, withDup)
	out2, _ := writeLog(t, root, rules, reversed)
	if !bytes.Equal(out1, out2) {
		t.Errorf("output depends on input order:\n%s\n---\n%s", out1, out2)
	}
	var order []string
	for _, r := range log.Runs[0].Results {
		order = append(order, r.Message.Text)
	}
	if want := []string{"m4", "m3", "m2", "m1"}; !slices.Equal(order, want) {
		t.Errorf("order = %v, want %v (exact duplicate written once)", order, want)
	}
}

func TestSemanticVersion(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"1.2.3", "1.2.3", true},
		{"v1.2.3", "1.2.3", true},
		{"v0.0.0-20250101120000-abcdef123456", "0.0.0-20250101120000-abcdef123456", true},
		{"v2.0.0+incompatible", "2.0.0+incompatible", true},
		{"(devel)", "", false},
		{"v1.2", "", false},
		{"01.2.3", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := semanticVersion(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("semanticVersion(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTruncate(t *testing.T) {
	s := strings.Repeat("é", 600) // 1200 bytes, no spaces
	got := truncate(s, 1024)
	if len(got) > 1024 || !utf8.ValidString(got) || !strings.HasSuffix(got, "…") {
		t.Errorf("truncate: %d bytes, valid UTF-8 %v", len(got), utf8.ValidString(got))
	}
	if short := "short text"; truncate(short, 1024) != short {
		t.Error("short text must be kept")
	}
	words := strings.Repeat("word ", 300)
	if got := truncate(words, 1024); !strings.HasSuffix(got, "word…") {
		t.Errorf("truncate should cut at a word boundary, got ...%q", got[len(got)-12:])
	}
}

func TestCamelName(t *testing.T) {
	for _, tt := range []struct{ a, c, want string }{
		{"httpclient", "notimeout", "HttpclientNotimeout"},
		{"respclose", "leak", "RespcloseLeak"},
		{"zombieloop", "no-cancel", "ZombieloopNoCancel"},
		{"localroute", "", "Localroute"},
	} {
		if got := camelName(tt.a, tt.c); got != tt.want {
			t.Errorf("camelName(%q, %q) = %q, want %q", tt.a, tt.c, got, tt.want)
		}
	}
}

func TestDuplicateCatalogueIDsKeepFirst(t *testing.T) {
	rules := []report.Rule{
		{Analyzer: "a", Category: "x", Short: "first"},
		{Analyzer: "a", Category: "x", Short: "second"},
	}
	_, log := writeLog(t, t.TempDir(), rules, nil)
	got := log.Runs[0].Tool.Driver.Rules
	if len(got) != 1 || got[0].ShortDescription.Text != "first" {
		t.Errorf("rules = %+v", got)
	}
}

// TestMessagesNotHTMLEscaped keeps Go code in messages readable in the file.
func TestMessagesNotHTMLEscaped(t *testing.T) {
	root := t.TempDir()
	file := writeFile(t, root, "a.go", "package a\n")
	msg := "<-done && ok is never true"
	raw, log := writeLog(t, root, testRules, []Finding{{Analyzer: "zombieloop", Category: "hot", Message: msg, Location: Location{File: file, Line: 1, Col: 1}}})
	if !bytes.Contains(raw, []byte(msg)) || log.Runs[0].Results[0].Message.Text != msg {
		t.Errorf("message escaped or altered:\n%s", raw)
	}
}
