package report

import "testing"

func TestDoc(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"// Package x finds y.\n//\n// More.\n//\tcode\npackage x\n// not doc\n", "Package x finds y.\n\nMore.\n\tcode"},
		{"//go:build ignore\n\n// Package x.\npackage x", "Package x."},
		{"// Package x.\n\n// Second paragraph.\npackage x\n", "Package x.\n\nSecond paragraph."},
		{"// no package clause", "no package clause"},
		{"", ""},
	} {
		if got := Doc(tc.src); got != tc.want {
			t.Errorf("Doc(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
