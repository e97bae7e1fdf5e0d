package policy

import (
	"errors"
	"testing"
)

// FuzzParse checks that no input makes the policy loader panic, and that
// every rejection is an *Error with a position inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"# only a comment\n",
		"version: 1\n",
		"version: 1\negress:\n  default: deny\n  allow: [api.example.com, \"*.corp\", 10.0.0.0/8]\n  deny: [evil.example.com:443]\n",
		"version: 1\nlocal:\n  hosts: [127.0.0.1, localhost]\n",
		"version: 1\nzombieloop:\n  short: 250ms\n",
		"version: 1\nexclude: [\"vendor/**\", \"**/*_gen.go\"]\n",
		"version: 2\n",
		"egress: {default: allow}\nversion: 1\n",
		"version: 1\negress:\n  allow: &a [x.example]\n  deny: *a\n",
		"version: [1\n",
		"version: 1\nversion: 1\n",
		"\t- ]:\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("", data)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			if pe.Msg == "" {
				t.Fatalf("error without a message: %#v", pe)
			}
			return
		}
		if p == nil {
			t.Fatal("nil policy without an error")
		}
	})
}
