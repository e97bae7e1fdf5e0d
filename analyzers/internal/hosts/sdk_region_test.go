package hosts

import (
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
)

// TestRegionURL: a literal region fills the format, "global" has its own
// URL, an unreadable region stands as the placeholder (still external),
// and an empty one leaves the default; the base-URL variable stays an
// alternative.
func TestRegionURL(t *testing.T) {
	c := sdks.Ctor{RegionURL: "https://%s-aiplatform.googleapis.com/", GlobalURL: "https://aiplatform.googleapis.com/", Env: "GOOGLE_VERTEX_BASE_URL"}
	def := func() Strs { return Strs{Literal("https://default.example.com/")} }
	for _, tc := range []struct {
		in   Strs
		want []string
	}{
		{Strs{Literal("europe-west4")}, []string{"https://europe-west4-aiplatform.googleapis.com/", "$GOOGLE_VERTEX_BASE_URL"}},
		{Strs{Literal("global")}, []string{"https://aiplatform.googleapis.com/", "$GOOGLE_VERTEX_BASE_URL"}},
		{Strs{FromEnv("REGION")}, []string{"https://region-aiplatform.googleapis.com/", "$GOOGLE_VERTEX_BASE_URL"}},
		{Strs{Unknown()}, []string{"https://region-aiplatform.googleapis.com/", "$GOOGLE_VERTEX_BASE_URL"}},
		{Strs{Literal("")}, []string{"https://default.example.com/"}},
		{nil, []string{"…"}},
	} {
		var got []string
		for _, s := range regionURL(c, tc.in, def) {
			got = append(got, s.String())
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("regionURL(%v) = %v, want %v", tc.in, got, want)
		}
	}
}
