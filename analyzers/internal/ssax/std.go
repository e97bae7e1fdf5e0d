package ssax

import (
	"go/build"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// The standard library is decided by where a package lies: under
// $GOROOT/src. Neither a package's path nor its module decides it.
// analysistest's testdata packages have dot-free paths ("a", "retry") and
// no module, as std has under go vet, and a module path may lack a dot
// too; analysistest gives std packages a module.

// IsStdPackage reports whether the package with import path path is part
// of the standard library (or of the toolchain's vendored packages): its
// directory is under $GOROOT/src. Answers are cached.
func IsStdPackage(path string) bool {
	if v, ok := stdPackages.Load(path); ok {
		return v.(bool)
	}
	std := false
	// A path whose first element has a dot is a module's, never std's:
	// answered without touching the file system. For the others, a
	// directory under $GOROOT/src (or its vendor tree) decides. (go/build's
	// Import would run the go command for a module path, in every vet unit.)
	first, _, _ := strings.Cut(path, "/")
	if root := GOROOT(); root != "" && path != "" && !strings.Contains(first, ".") {
		std = isDir(filepath.Join(root, "src", filepath.FromSlash(path))) ||
			isDir(filepath.Join(root, "src", "vendor", filepath.FromSlash(path)))
	}
	stdPackages.Store(path, std)
	return std
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

var stdPackages sync.Map // import path → bool

// IsStdFile reports whether the Go source file name (an absolute path, as
// drivers and go vet's .cfg give it) lies under $GOROOT/src.
func IsStdFile(name string) bool {
	root := GOROOT()
	if root == "" {
		return false
	}
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// InTestFile reports whether pos lies in a _test.go file of fset.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// GOROOT returns the root of the Go tree whose standard library the
// analysed code builds against: $GOROOT, else go/build's default (the
// toolchain that built this binary), else what `go env GOROOT` prints,
// else "".
var GOROOT = sync.OnceValue(func() string {
	if r := os.Getenv("GOROOT"); r != "" {
		return filepath.Clean(r)
	}
	if r := build.Default.GOROOT; r != "" {
		return filepath.Clean(r)
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return filepath.Clean(strings.TrimSpace(string(out)))
})
