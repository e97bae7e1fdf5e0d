package sarif

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzReadVetJSON feeds arbitrary go vet -json output to the converter: it
// must never panic, never fail on a bytes.Reader, give the same answer
// twice, and every finding it returns must turn into valid JSON SARIF.
func FuzzReadVetJSON(f *testing.F) {
	for _, s := range []string{
		"",
		"{}",
		"# example.com/p\n{\n\t\"example.com/p\": {\n\t\t\"respclose\": [\n\t\t\t{\n\t\t\t\t\"posn\": \"/m/p/a.go:3:4\",\n\t\t\t\t\"message\": \"response body not closed\"\n\t\t\t}\n\t\t]\n\t}\n}\n",
		"{\"p\": {\"zombieloop\": {\"error\": \"boom\"}}}",
		"{\"p\": {\"x\": [{\"posn\": \"a.go:1:1\", \"message\": \"m\", \"category\": \"c\", \"end\": \"a.go:1:9\"}]}}\n{\"q\": {}}",
		"{\"p\": {\"x\": [{\"posn\": \"a.go\"}]}}",
		"{\"p\": {\"x\": 7}}\nnoise\n{",
		"{{{{",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		findings, errs, err := ReadVetJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("ReadVetJSON on a bytes.Reader: %v", err)
		}
		again, errs2, _ := ReadVetJSON(bytes.NewReader(data))
		if !reflect.DeepEqual(findings, again) || !reflect.DeepEqual(errs, errs2) {
			t.Fatal("ReadVetJSON is not deterministic")
		}
		var buf bytes.Buffer
		if err := Write(&buf, t.TempDir(), testTool, nil, findings); err != nil {
			return // an error is an answer; only panics and bad output fail
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("Write produced invalid JSON for findings %+v", findings)
		}
	})
}
