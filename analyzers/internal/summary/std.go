package summary

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// isStandardFile reports whether a Go file is part of the standard
// library. The test is where the file lies (std's sources are under
// $GOROOT/src): the Module is nil for std under go vet, but analysistest's
// testdata packages also lack a module and have dot-free paths, while
// analysistest gives std packages a Module, so neither the path nor the
// module decides.
func isStandardFile(name string) bool {
	root := goroot()
	if root == "" {
		return false
	}
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

var goroot = sync.OnceValue(func() string {
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
