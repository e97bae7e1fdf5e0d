package exposition

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	fams, err := Parse(strings.NewReader("# HELP a_total Things.\n# TYPE a_total counter\na_total{host=\"x\\\"y\\\\z\",rule=\"r\"} 3\n# a plain comment\nb 1.5 1700000000\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := fams["a_total"]
	if a.GetType() != Counter || a.GetHelp() != "Things." || len(a.GetMetric()) != 1 {
		t.Fatalf("a_total = %+v", a)
	}
	m := a.GetMetric()[0]
	if m.Value != 3 || m.GetLabel()[0].GetValue() != `x"y\z` || m.GetLabel()[1].GetName() != "rule" {
		t.Errorf("sample = %+v %+v", m, m.GetLabel()[0])
	}
	if fams["b"].GetType() != Untyped || fams["b"].GetMetric()[0].Value != 1.5 {
		t.Errorf("b = %+v", fams["b"])
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{
		"1bad 1\n",
		"a{x=y} 1\n",
		"a{x=\"y} 1\n",
		"a{x=\"\\q\"} 1\n",
		"a{x=\"y\" 1\n",
		"a notanumber\n",
		"a\n",
		"a 1 2 3\n",
		"a 1\na 1\n",
		"a 1\n# TYPE a counter\n",
		"# TYPE a counter\n# TYPE a gauge\n",
		"# TYPE a histogramish\n",
		"# TYPE 9a counter\n",
	} {
		if _, err := Parse(strings.NewReader(in)); err == nil {
			t.Errorf("Parse(%q) accepted it", in)
		}
	}
}
