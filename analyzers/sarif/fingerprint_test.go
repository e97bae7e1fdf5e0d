package sarif

import (
	"fmt"
	"strings"
	"testing"
)

// fingerprints writes src as root/p/a.go, reports the given findings
// (message → line) there and returns the fingerprint of each message.
func fingerprints(t *testing.T, src string, findings map[string]int) map[string]string {
	t.Helper()
	root := t.TempDir()
	file := writeFile(t, root, "p/a.go", src)
	var fs []Finding
	for msg, line := range findings {
		fs = append(fs, Finding{Analyzer: "respclose", Category: "leak", Message: msg, Location: Location{File: file, Line: line, Col: 2}})
	}
	_, log := writeLog(t, root, testRules, fs)
	out := make(map[string]string)
	for _, r := range log.Runs[0].Results {
		fp := r.PartialFingerprints["zombiecheck/v1"]
		if fp == "" {
			t.Fatalf("result %q has no fingerprint", r.Message.Text)
		}
		out[r.Message.Text] = fp
	}
	return out
}

const fpSource = `package p

func f(u string) {
	http.Get(u)
	x := 1
	http.Get(u)
}
`

func TestFingerprintStableWhenLinesMove(t *testing.T) {
	before := fingerprints(t, fpSource, map[string]int{
		"body of call at line 4 not closed": 4,
		"x is unused":                       5,
	})
	// A blank line inserted above shifts every finding (and the line number
	// quoted in the message) by one; a re-indented line keeps its text.
	moved := strings.Replace(fpSource, "package p\n", "package p\n\n", 1)
	moved = strings.Replace(moved, "\tx := 1", "\t\t  x := 1", 1)
	after := fingerprints(t, moved, map[string]int{
		"body of call at line 5 not closed": 5,
		"x is unused":                       6,
	})
	if before["body of call at line 4 not closed"] != after["body of call at line 5 not closed"] {
		t.Error("fingerprint changed when a blank line was inserted above")
	}
	if before["x is unused"] != after["x is unused"] {
		t.Error("fingerprint changed when the line moved and was re-indented")
	}
}

func TestFingerprintDiffers(t *testing.T) {
	base := fingerprints(t, fpSource, map[string]int{"body not closed": 4})["body not closed"]

	otherMessage := fingerprints(t, fpSource, map[string]int{"response not closed": 4})["response not closed"]
	if otherMessage == base {
		t.Error("different messages on one line share a fingerprint")
	}
	otherLine := fingerprints(t, fpSource, map[string]int{"body not closed": 5})["body not closed"]
	if otherLine == base {
		t.Error("one message on lines with different text shares a fingerprint")
	}
	edited := strings.Replace(fpSource, "\thttp.Get(u)\n\tx", "\thttp.Get(url)\n\tx", 1)
	editedLine := fingerprints(t, edited, map[string]int{"body not closed": 4})["body not closed"]
	if editedLine == base {
		t.Error("editing the reported line kept the fingerprint")
	}
}

// TestFingerprintDuplicates reports the same message on two lines with the
// same text: they must be two alerts, and each must keep its identity when
// both move.
func TestFingerprintDuplicates(t *testing.T) {
	root := t.TempDir()
	write := func(src string, lines ...int) []string {
		file := writeFile(t, root, "p/a.go", src)
		var fs []Finding
		for _, l := range lines {
			fs = append(fs, Finding{Analyzer: "respclose", Category: "leak", Message: "body not closed", Location: Location{File: file, Line: l, Col: 2}})
		}
		_, log := writeLog(t, root, testRules, fs)
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, r.PartialFingerprints["zombiecheck/v1"])
		}
		return out
	}
	before := write(fpSource, 6, 4)
	if len(before) != 2 || before[0] == before[1] {
		t.Fatalf("duplicates share a fingerprint: %v", before)
	}
	after := write("// header\n"+fpSource, 5, 7)
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("duplicate fingerprints changed when both moved: %v → %v", before, after)
	}
}

func TestNormalizeDigits(t *testing.T) {
	for in, want := range map[string]string{
		"line 42: retries 3 times": "line N: retries N times",
		"v1.22":                    "vN.N",
		"no digits":                "no digits",
		"":                         "",
	} {
		if got := normalizeDigits(in); got != want {
			t.Errorf("normalizeDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
