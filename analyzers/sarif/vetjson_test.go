package sarif

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// vetStream imitates `go vet -vettool=zombiecheck -json ./... 2>&1`: one
// tab-indented object per package (as unitchecker prints them), the go
// command's "# pkg" headers and an error line in between, a test variant
// repeating a diagnostic of its package, and two objects back to back.
const vetStream = `# example.com/app/a
{
	"example.com/app/a": {
		"httpclient": [
			{
				"category": "notimeout",
				"posn": "/src/app/a/a.go:12:9",
				"end": "/src/app/a/a.go:12:22",
				"message": "http.Client literal has no Timeout; requests can hang forever",
				"suggested_fixes": [
					{
						"message": "set a Timeout",
						"edits": [
							{
								"filename": "/src/app/a/a.go",
								"start": 120,
								"end": 133,
								"new": "http.Client{Timeout: 30 * time.Second}"
							}
						]
					}
				]
			}
		],
		"respclose": [
			{
				"category": "leak",
				"posn": "/src/app/a/a.go:7:2",
				"end": "/src/app/a/a.go:7:2",
				"message": "response body is not closed on every path",
				"related": [
					{
						"posn": "/src/app/a/a.go:9:3",
						"end": "/src/app/a/a.go:9:3",
						"message": "returns here without closing"
					}
				]
			}
		]
	}
}
# example.com/app/b
vet: example.com/app/b: note: {not JSON}
{
	"example.com/app/b": {
		"respclose": [
			{
				"category": "leak",
				"posn": "/src/app/b/b.go:3:1",
				"end": "/src/app/b/b.go:4:5",
				"message": "response body is not closed"
			}
		],
		"zombieloop": {
			"error": "zombieloop: panic during analysis: boom"
		}
	}
}
{"example.com/app/a [example.com/app/a.test]": {"httpclient": [{"category": "notimeout", "posn": "/src/app/a/a.go:12:9", "end": "/src/app/a/a.go:12:22", "message": "http.Client literal has no Timeout; requests can hang forever"}]}}{"example.com/app/c": {}}
# example.com/app/d
{
	"example.com/app/d": {
		"localroute": [
			{
				"posn": "/src/app/d/d.go:1:1",
				"end": "/src/app/d/d.go:1:1",
				"message": "no category"
			}
		],
		"egress": null
	}
}
`

func TestReadVetJSON(t *testing.T) {
	findings, errs, err := ReadVetJSON(strings.NewReader(vetStream))
	if err != nil {
		t.Fatal(err)
	}
	want := []Finding{
		{
			Analyzer: "respclose", Category: "leak", Message: "response body is not closed on every path",
			Location: Location{File: "/src/app/a/a.go", Line: 7, Col: 2}, // end == start: unknown
			Related:  []Location{{File: "/src/app/a/a.go", Line: 9, Col: 3, Message: "returns here without closing"}},
		},
		{
			Analyzer: "httpclient", Category: "notimeout", Message: "http.Client literal has no Timeout; requests can hang forever",
			Location: Location{File: "/src/app/a/a.go", Line: 12, Col: 9, EndLine: 12, EndCol: 22},
		},
		{
			Analyzer: "respclose", Category: "leak", Message: "response body is not closed",
			Location: Location{File: "/src/app/b/b.go", Line: 3, Col: 1, EndLine: 4, EndCol: 5},
		},
		{
			Analyzer: "localroute", Message: "no category",
			Location: Location{File: "/src/app/d/d.go", Line: 1, Col: 1},
		},
	}
	if !reflect.DeepEqual(findings, want) {
		t.Errorf("findings:\n got %+v\nwant %+v", findings, want)
	}
	if wantErrs := []string{"example.com/app/b: zombieloop: zombieloop: panic during analysis: boom"}; !slices.Equal(errs, wantErrs) {
		t.Errorf("analysis errors = %q, want %q", errs, wantErrs)
	}

	// The stream converts to a valid SARIF log. The files do not exist, so
	// byte columns are kept.
	_, log := writeLog(t, "/src/app", testRules, findings)
	run := log.Runs[0]
	if len(run.Results) != 4 {
		t.Fatalf("got %d results, want 4", len(run.Results))
	}
	r := resultFor(t, run, "http.Client literal has no Timeout; requests can hang forever")
	al := r.Locations[0].PhysicalLocation.ArtifactLocation
	if al.URI != "a/a.go" || al.URIBaseID != "%SRCROOT%" || r.RuleID != "httpclient/notimeout" {
		t.Errorf("result = %+v", r)
	}
	if got := regionOf(t, r.Locations[0]); got != (tRegion{12, 9, 12, 22}) {
		t.Errorf("region = %+v", got)
	}
	if got := resultFor(t, run, "no category").RuleID; got != "localroute" {
		t.Errorf("ruleId without category = %q", got)
	}
}

// TestReadVetJSONMalformed covers an object cut short by stderr output and one
// cut short by the end of the input: both are skipped and reported, and the
// objects around them still count.
func TestReadVetJSONMalformed(t *testing.T) {
	stream := `{
	"example.com/e": {
# example.com/f
		"respclose": []
	}
}
{"example.com/g": {"respclose": [{"category": "leak", "posn": "/g.go:1:2", "end": "/g.go:1:5", "message": "m"}]}}
garbage line
{
	"example.com/h": {
		"respclose": [
`
	findings, errs, err := ReadVetJSON(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 || findings[0].File != "/g.go" || findings[0].EndCol != 5 {
		t.Errorf("findings = %+v", findings)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "line 1") || !strings.Contains(errs[1], "line 9") {
		t.Errorf("analysis errors = %q, want two malformed-JSON notes (lines 1 and 9)", errs)
	}
}

func TestReadVetJSONEmptyAndNoise(t *testing.T) {
	for _, in := range []string{"", "# only noise\n", "{}\n", "{}{}\n\n{}"} {
		findings, errs, err := ReadVetJSON(strings.NewReader(in))
		if err != nil || len(findings) != 0 || len(errs) != 0 {
			t.Errorf("ReadVetJSON(%q) = %v, %q, %v", in, findings, errs, err)
		}
	}
}

func TestReadVetJSONReadError(t *testing.T) {
	boom := errors.New("boom")
	if _, _, err := ReadVetJSON(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("err = %v, want %v", err, boom)
	}
}

func TestParsePosn(t *testing.T) {
	tests := []struct {
		in        string
		file      string
		line, col int
	}{
		{"/a/b.go:3:7", "/a/b.go", 3, 7},
		{"/a/b.go:3", "/a/b.go", 3, 0},
		{"/a/b.go", "/a/b.go", 0, 0},
		{`C:\src\a.go:12:4`, `C:\src\a.go`, 12, 4},
		{`C:\src\a.go`, `C:\src\a.go`, 0, 0},
		{"-", "", 0, 0},
		{"", "", 0, 0},
		{"3:7", "", 3, 7},
	}
	for _, tt := range tests {
		file, line, col := parsePosn(tt.in)
		if file != tt.file || line != tt.line || col != tt.col {
			t.Errorf("parsePosn(%q) = %q, %d, %d; want %q, %d, %d", tt.in, file, line, col, tt.file, tt.line, tt.col)
		}
	}
}
