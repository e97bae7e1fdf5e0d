package summary

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// isStandard reports whether the pass analyses a standard-library package.
// The test is where the files lie (std's sources are under $GOROOT/src):
// pass.Module is nil for std under go vet, but analysistest's testdata
// packages also lack a module and have dot-free paths, while analysistest
// gives std packages a Module, so neither the path nor the module decides.
func isStandard(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	root := goroot()
	if root == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
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
