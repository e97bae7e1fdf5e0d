package policy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writeFiles creates files (relative '/'-separated names) under root.
// A name ending in "/" creates a directory.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tree is the layout the lookup tests share:
//
//	root/.zombiecheck.yaml          outside every module
//	root/mod/go.mod
//	root/mod/.zombiecheck.yaml      the module's policy
//	root/mod/a/.zombiecheck.yaml    a nearer policy for a/...
//	root/mod/a/b/c/                 a package with no policy of its own
//	root/mod/z/                     uses the module's policy
//	root/mod2/go.mod                a module with no policy
//	root/mod2/x/
//	root/nomod/x/                   no go.mod up to the filesystem root
//	root/dirnamed/.zombiecheck.yaml/  a directory, not a policy
func tree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		".zombiecheck.yaml":              "egress:\n  default: deny\n",
		"mod/go.mod":                     "module example.com/mod\n",
		"mod/.zombiecheck.yaml":          "zombieloop:\n  short: 2s\n",
		"mod/a/.zombiecheck.yaml":        "zombieloop:\n  short: 3s\n",
		"mod/a/b/c/":                     "",
		"mod/z/":                         "",
		"mod2/go.mod":                    "module example.com/mod2\n",
		"mod2/x/":                        "",
		"nomod/x/":                       "",
		"dirnamed/.zombiecheck.yaml/":    "",
		"dirnamed/go.mod":                "module example.com/dirnamed\n",
		"explicit/policy.yaml":           "egress:\n  strict: true\n",
		"bad/go.mod":                     "module example.com/bad\n",
		"bad/.zombiecheck.yaml":          "egress:\n  defualt: deny\n",
		"misnamed/go.mod":                "module example.com/misnamed\n",
		"misnamed/.zombiecheck.yml":      "version: 1\n",
		"misnamedsub/go.mod":             "module example.com/misnamedsub\n",
		"misnamedsub/.zombiecheck.yaml":  "version: 1\n",
		"misnamedsub/p/.zombiecheck.yml": "version: 1\n",
		"misnamedsub/p/q/":               "",
	})
	return root
}

func TestFind(t *testing.T) {
	root := tree(t)
	tests := []struct {
		dir, want string // want is relative to root; "" means not found
	}{
		{"mod/a/b/c", "mod/a/.zombiecheck.yaml"}, // the nearest file wins
		{"mod/a", "mod/a/.zombiecheck.yaml"},
		{"mod/z", "mod/.zombiecheck.yaml"},
		{"mod", "mod/.zombiecheck.yaml"},
		{"mod2/x", ""},                   // stops at the module root, never reaching root/
		{"mod2", ""},                     // the module root itself is the last directory searched
		{"nomod/x", ".zombiecheck.yaml"}, // no go.mod: up towards the filesystem root
		{"dirnamed", ""},                 // a directory with the policy's name is not a policy
	}
	for _, tt := range tests {
		got, ok := Find(filepath.Join(root, filepath.FromSlash(tt.dir)))
		want := ""
		if tt.want != "" {
			want = filepath.Join(root, filepath.FromSlash(tt.want))
		}
		if got != want || ok != (want != "") {
			t.Errorf("Find(%s) = %q, %v; want %q", tt.dir, got, ok, want)
		}
	}
}

func TestFindRelative(t *testing.T) {
	root := tree(t)
	t.Chdir(filepath.Join(root, "mod", "a", "b"))
	got, ok := Find("c")
	if want := filepath.Join(root, "mod", "a", FileName); !ok || got != want {
		t.Errorf("Find(\"c\") = %q, %v; want %q", got, ok, want)
	}
}

func TestForDir(t *testing.T) {
	root := tree(t)
	dir := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

	nearest, err := ForDir(dir("mod/a/b/c"), "")
	if err != nil {
		t.Fatal(err)
	}
	if nearest.File != dir("mod/a/.zombiecheck.yaml") || nearest.ZombieLoop.Short.String() != "3s" {
		t.Errorf("ForDir(mod/a/b/c) = %s (short %v), want mod/a's policy", nearest.File, nearest.ZombieLoop.Short)
	}

	// Cached: the same pointer for the same directory, and for another
	// directory that resolves to the same file.
	again, _ := ForDir(dir("mod/a/b/c"), "")
	sibling, _ := ForDir(dir("mod/a"), "")
	if again != nearest || sibling != nearest {
		t.Errorf("ForDir returned different pointers for one policy file: %p %p %p", nearest, again, sibling)
	}
	if loaded, _ := Load(dir("mod/a/.zombiecheck.yaml")); loaded != nearest {
		t.Errorf("Load and ForDir returned different pointers for one file")
	}

	// An explicit file overrides the search.
	explicit := dir("explicit/policy.yaml")
	p, err := ForDir(dir("mod/a/b/c"), explicit)
	if err != nil {
		t.Fatal(err)
	}
	if p.File != explicit || !p.Egress.Strict || p.ZombieLoop.Short.String() != "1s" {
		t.Errorf("ForDir with explicit = %s (strict %v, short %v), want the explicit file", p.File, p.Egress.Strict, p.ZombieLoop.Short)
	}

	// No file up to the module root: the defaults, one shared pointer.
	d1, err := ForDir(dir("mod2/x"), "")
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := ForDir(dir("mod2"), "")
	if d1 != d2 || d1.File != "" || d1.Egress.Default != "allow" {
		t.Errorf("ForDir(mod2/...) = %p %p %+v; want one shared default policy", d1, d2, d1)
	}
	if d3, _ := ForDir("", ""); d3 != d1 {
		t.Errorf("ForDir(\"\", \"\") is not the shared default policy")
	}
}

func TestForDirErrors(t *testing.T) {
	root := tree(t)
	dir := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

	_, err := ForDir(dir("bad"), "")
	var perr *Error
	if !errors.As(err, &perr) {
		t.Fatalf("ForDir(bad) error = %v, want *Error", err)
	}
	if want := dir("bad/.zombiecheck.yaml") + `:2:3: unknown key "defualt" in egress (did you mean "default"?)`; err.Error() != want {
		t.Errorf("ForDir(bad) error = %q, want %q", err, want)
	}

	_, err = ForDir(dir("misnamed"), "")
	if want := dir("misnamed/.zombiecheck.yml") + ": the policy file must be named .zombiecheck.yaml; rename or remove it"; err == nil || err.Error() != want {
		t.Errorf("ForDir(misnamed) error = %v, want %q", err, want)
	}
	// A misnamed file nearer than a correctly named one is not skipped either.
	_, err = ForDir(dir("misnamedsub/p/q"), "")
	if want := dir("misnamedsub/p/.zombiecheck.yml") + ": the policy file must be named .zombiecheck.yaml; rename or remove it"; err == nil || err.Error() != want {
		t.Errorf("ForDir(misnamedsub/p/q) error = %v, want %q", err, want)
	}

	_, err = ForDir(dir("mod"), dir("explicit/missing.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ForDir with a missing explicit file: error = %v, want fs.ErrNotExist", err)
	}
}

func TestForFiles(t *testing.T) {
	root := tree(t)
	files := []string{
		filepath.Join(root, "mod", "z", "z.go"),
		filepath.Join(root, "mod", "a", "a.go"),
	}
	p, err := ForFiles(files, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "mod", FileName); p.File != want {
		t.Errorf("ForFiles used %s, want %s (the first file's directory)", p.File, want)
	}
	explicit := filepath.Join(root, "explicit", "policy.yaml")
	if p, _ := ForFiles(files, explicit); p.File != explicit {
		t.Errorf("ForFiles with explicit used %s, want %s", p.File, explicit)
	}
	if p, _ := ForFiles(nil, explicit); p.File != explicit {
		t.Errorf("ForFiles(nil, explicit) used %s, want %s", p.File, explicit)
	}
	if p, err := ForFiles(nil, ""); err != nil || p.File != "" {
		t.Errorf("ForFiles(nil, \"\") = %v, %v; want the defaults", p, err)
	}
}

func TestLoadCache(t *testing.T) {
	root := tree(t)
	file := filepath.Join(root, "mod", FileName)
	p1, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "mod"))
	p2, err := Load(FileName) // the same file by a relative name
	if err != nil {
		t.Fatal(err)
	}
	if p1 != p2 {
		t.Error("Load returned different pointers for one absolute path")
	}

	// Parsed once per process: a later edit is not seen (see the package
	// comment on go vet -a), and errors are cached the same way.
	if err := os.WriteFile(file, []byte("version: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p3, err := Load(file); err != nil || p3 != p1 {
		t.Errorf("Load after an edit = %p, %v; want the cached %p", p3, err, p1)
	}
	bad := filepath.Join(root, "bad", FileName)
	_, err1 := Load(bad)
	if err := os.WriteFile(bad, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err2 := Load(bad)
	if err1 == nil || err1 != err2 {
		t.Errorf("Load errors not cached: %v, then %v", err1, err2)
	}
}

func TestLoadConcurrent(t *testing.T) {
	root := tree(t)
	dir := filepath.Join(root, "mod", "a", "b", "c")
	const n = 16
	results := make([]*Policy, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			p, err := ForDir(dir, "")
			if err != nil {
				t.Error(err)
			}
			results[i] = p
		})
	}
	wg.Wait()
	for i, p := range results {
		if p == nil || p != results[0] {
			t.Fatalf("goroutine %d got %p, goroutine 0 got %p", i, p, results[0])
		}
	}
}
