package policy

import (
	"path/filepath"
	"testing"
)

func TestExcluded(t *testing.T) {
	root := filepath.FromSlash("/work/proj")
	file := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	tests := []struct {
		globs []string
		file  string
		want  bool
	}{
		// "**" spans any number of elements, including none
		{[]string{"**/mocks/**"}, file("mocks/a.go"), true},
		{[]string{"**/mocks/**"}, file("internal/x/mocks/a.go"), true},
		{[]string{"**/mocks/**"}, file("internal/mocksy/a.go"), false},
		{[]string{"gen/**/*.go"}, file("gen/a.go"), true},
		{[]string{"gen/**/*.go"}, file("gen/x/y/a.go"), true},
		{[]string{"gen/**/*.go"}, file("src/gen/a.go"), false},
		{[]string{"**/*_test.go"}, file("a_test.go"), true},
		{[]string{"**"}, file("any/thing.go"), true},

		// anchored globs match from the policy directory; a matched
		// directory excludes what is below it
		{[]string{"internal/gen"}, file("internal/gen/api.go"), true},
		{[]string{"internal/gen"}, file("internal/gen/v2/api.go"), true},
		{[]string{"internal/gen"}, file("x/internal/gen/api.go"), false},
		{[]string{"internal/gen"}, file("internal/generated/api.go"), false},
		{[]string{"./tools"}, file("tools/main.go"), true},
		{[]string{"./tools"}, file("cmd/tools/main.go"), false},
		{[]string{"cmd/*/main.go"}, file("cmd/app/main.go"), true},
		{[]string{"cmd/*/main.go"}, file("cmd/app/x/main.go"), false},
		{[]string{"cmd/?/main.go"}, file("cmd/a/main.go"), true},
		{[]string{"cmd/?/main.go"}, file("cmd/ab/main.go"), false},
		{[]string{"cmd/[ab]/main.go"}, file("cmd/b/main.go"), true},

		// globs without '/' match a file or directory name at any depth
		{[]string{"*.pb.go"}, file("api.pb.go"), true},
		{[]string{"*.pb.go"}, file("internal/api/v1/api.pb.go"), true},
		{[]string{"*.pb.go"}, file("internal/api/v1/api.go"), false},
		{[]string{"*_mock.go"}, file("a/b/client_mock.go"), true},
		{[]string{"*_mock.go"}, file("a/b/client_mock_test.go"), false},
		{[]string{"testdata"}, file("pkg/testdata/src/a.go"), true},
		{[]string{"testdata"}, file("pkg/testdatax/a.go"), false},
		{[]string{"vendor/"}, file("x/vendor/y.go"), true},
		{[]string{"zz_generated.go"}, file("a/zz_generated.go"), true},

		// several globs: any one excludes
		{[]string{"a.go", "b.go"}, file("x/b.go"), true},
		{[]string{"a.go", "b.go"}, file("x/c.go"), false},

		// files outside the policy directory: anchored globs never match,
		// and unanchored ones see only the base name (not /work)
		{[]string{"**/*.go"}, filepath.FromSlash("/elsewhere/a.go"), false},
		{[]string{"work"}, filepath.FromSlash("/work/other/a.go"), false},
		{[]string{"*.go"}, filepath.FromSlash("/elsewhere/a.go"), true},
		{[]string{"proj"}, file("a.go"), false}, // the policy directory's own name is not below it

		{nil, file("a.go"), false},
	}
	for _, tt := range tests {
		p := mustPolicy(t, root, tt.globs)
		if got := p.Excluded(tt.file); got != tt.want {
			t.Errorf("Exclude %q: Excluded(%q) = %v, want %v", tt.globs, tt.file, got, tt.want)
		}
	}
}

// TestExcludedWithoutDir: a policy with no directory (the defaults, or Parse
// with no file name) matches only base names.
func TestExcludedWithoutDir(t *testing.T) {
	p, err := parse("", []byte("exclude: [\"*_gen.go\", \"gen/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		filepath.FromSlash("/a/b_gen.go"): true,
		filepath.FromSlash("/a/gen/b.go"): false,
		filepath.FromSlash("/a/b.go"):     false,
	} {
		if got := p.Excluded(file); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", file, got, want)
		}
	}
	if Default().Excluded(filepath.FromSlash("/a/b.go")) {
		t.Error("the defaults exclude a file")
	}
}

func TestCompileGlobErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `empty glob`},
		{"/abs/*.go", `invalid glob "/abs/*.go": is absolute; exclude globs are relative to the policy file's directory`},
		{"../other/**", `invalid glob "../other/**": reaches outside the policy file's directory`},
		{"a/../../b", `invalid glob "a/../../b": reaches outside the policy file's directory`},
		{".", `invalid glob ".": names the policy file's directory itself; write "**" to exclude everything below it`},
		{"gen/**.go", `invalid glob "gen/**.go": "**" must be a whole path element, as in "gen/**/*.go"`},
		{"[a-", `invalid glob "[a-": syntax error in pattern`},
		{`gen/\`, `invalid glob "gen/\\": syntax error in pattern`},
	}
	for _, tt := range tests {
		_, err := compileGlob(tt.in)
		if err == nil {
			t.Errorf("compileGlob(%q) succeeded, want error %q", tt.in, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("compileGlob(%q) error\n got: %s\nwant: %s", tt.in, err, tt.want)
		}
	}
}

// mustPolicy builds a policy in dir with the given exclude globs, through
// Parse so that the globs are validated as in a real file.
func mustPolicy(t *testing.T, dir string, globs []string) *Policy {
	t.Helper()
	src := "exclude:\n"
	for _, g := range globs {
		src += "  - '" + g + "'\n"
	}
	p, err := Parse(filepath.Join(dir, FileName), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
