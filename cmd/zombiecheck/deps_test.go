package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCommandLinksNoNetOrCgo: go vet starts the command once per package
// (960 times over the apps benchmark set), and a binary that imports net
// links cgo and is dynamically linked: the dynamic loader then cost about
// 0.8 ms of every start, more than a skipped unit's own work. The analyzers
// model net/http by name and never need the packages themselves; the
// sockets command reads sockets through guard/sockets, which avoids net.
func TestCommandLinksNoNetOrCgo(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, path := range strings.Fields(string(out)) {
		switch path {
		case "net", "net/http", "os/user", "runtime/cgo":
			t.Errorf("the zombiecheck command depends on %s; find the import with `go list -deps -f '{{.ImportPath}}: {{.Imports}}' ./cmd/zombiecheck`", path)
		}
	}
}
