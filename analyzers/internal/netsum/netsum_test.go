package netsum

import (
	"fmt"
	"testing"
)

// TestFramesTextIsSprint: witnesses tie-break on framesText, which must
// order them exactly as fmt.Sprint of the frames did (facts, and with them
// messages and the vet cache, must not change with the faster form).
func TestFramesTextIsSprint(t *testing.T) {
	for _, via := range [][]Frame{
		nil,
		{{Func: "app.f", Pos: "a.go:1:2", Callee: "app.g"}},
		{{Func: "app.f", Pos: "a.go:1:2", Callee: "(*net/http.Client).Post"}, {Func: "app.g", Pos: "b.go:3:4", Callee: "net/http.Get", CloudModel: "gpt-oss:120b-cloud"}},
		{{}, {Callee: "x"}},
	} {
		if got, want := framesText(via), fmt.Sprint(via); got != want {
			t.Errorf("framesText = %q; fmt.Sprint = %q", got, want)
		}
		for _, f := range via {
			want := fmt.Sprintf("%s (%s)", f.Callee, f.Pos)
			if f.CloudModel != "" {
				want = fmt.Sprintf("%s [cloud model %s] (%s)", f.Callee, f.CloudModel, f.Pos)
			}
			if got := f.String(); got != want {
				t.Errorf("Frame.String = %q; want %q", got, want)
			}
		}
	}
}
