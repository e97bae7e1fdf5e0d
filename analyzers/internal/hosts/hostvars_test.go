package hosts_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestPackageVarBareHosts: a bare host ("relay.example.com", no scheme,
// no port) in a package variable is handed out only when the package uses
// the variable as a host: looked up (through helpers, as croc's
// models.DEFAULT_RELAY), joined with a port, dialled, overwritten with a
// host:port. The same shape used as a file name, a password, a greeting
// or a comparison stays out.
func TestPackageVarBareHosts(t *testing.T) {
	p := build(t, `package p

import (
	"context"
	"fmt"
	"net"
	"os"
)

var (
	LookedUp   = "relay.example.com"
	Joined     = "join.example.com"
	Concat     = "concat.example.com"
	Concat2    = "concat2.example.com"
	Dialled    = "dial.example.com"
	Overwrite  = "over.example.com"
	Port       = "9009"
	Pass       = "pass123"
	ConfigFile = "relay.yaml"
	Greeting   = "welcome.example.com"
	Compared   = "cmp.example.com"
	Word       = "relay"
	Spaced     = "not a host"
	unexported = "hidden.example.com"
)

func init() {
	addr, err := lookup(LookedUp)
	if err == nil {
		LookedUp = addr
	}
	if a, err := lookup(Overwrite); err == nil {
		Overwrite = net.JoinHostPort(a, Port)
	}
	_ = os.Getenv(Pass)
}

func lookup(host string) (string, error) { return resolve(host) }

func resolve(host string) (string, error) {
	r := &net.Resolver{}
	ips, err := r.LookupHost(context.Background(), host)
	if err != nil || len(ips) == 0 {
		return "", err
	}
	return ips[0], nil
}

func join() string   { return net.JoinHostPort(Joined, Port) }
func concat() string { return Concat + ":9009" }
func dial() error {
	c, err := net.Dial("tcp", Dialled)
	if err != nil {
		return err
	}
	return c.Close()
}
func config() ([]byte, error) { return os.ReadFile(ConfigFile) }
func greet()                  { fmt.Println(Greeting, Spaced, Word+"!", unexported) }
func same(s string) bool      { return s == Compared }
func show(s string) string    { return s + ": " + Compared }
func word() string            { return Word + ":" + Pass }
func port(p string) string    { return Concat2 + ":" + p }
`)
	r := p.resolver()
	got := map[string]string{}
	for name, m := range p.pkg.Members {
		g, ok := m.(*ssa.Global)
		if !ok {
			continue
		}
		for _, f := range r.PackageVar(g) {
			got[name] = f.Path + "=" + strings.Join(strs(f.Vals), " ")
		}
	}
	want := map[string]string{
		"LookedUp":  "=…  relay.example.com",
		"Joined":    "=join.example.com",
		"Concat":    "=concat.example.com",
		"Concat2":   "=concat2.example.com",
		"Dialled":   "=dial.example.com",
		"Overwrite": "=… :9009 over.example.com",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("PackageVar(%s) = %q, want %q", name, got[name], w)
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("PackageVar(%s) = %q, want nothing: not used as a host", name, g)
		}
	}
}
