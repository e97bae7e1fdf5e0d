// Package fieldvals stores values into the string fields of Options that
// only an evaluator of strings knows are constants (a fmt.Sprintf of
// constants, a helper's result, another package's helper), next to stores
// that are not constants however they are reached.
package fieldvals

import (
	"fmt"
	"net"
	"os"
	"strings"

	"fieldvalslib"
)

const relayHost = "relay.example.net"

type Options struct {
	Sprintf  string // fmt.Sprintf of constants
	Helper   string // a helper returning a constant
	Lib      string // another package's helper returning a constant
	Trimmed  string // strings.TrimSuffix of a constant
	Concat   string // a constant concatenation (the type checker folds it)
	Mixed    string // a constant, and elsewhere a helper's constant
	Env      string // a helper returning os.Getenv
	Param    string // a helper returning its parameter, given a non-constant
	Closure  string // a closure returning os.Getenv
	LibEnv   string // another package's helper returning os.Getenv
	PartFmt  string // fmt.Sprintf with a non-constant argument
	FromRecv string // a method returning a field the user sets
}

func defaultRelay() string { return relayHost + ":9009" }

func envRelay() string { return os.Getenv("RELAY") }

func pick(s string) string { return s }

type conf struct{ relay string }

func (c *conf) host() string { return c.relay }

func New(c *conf) *Options {
	o := &Options{
		Sprintf: fmt.Sprintf("%s:%d", relayHost, 9009),
		Helper:  defaultRelay(),
		Lib:     fieldvalslib.DefaultRelay(),
		Trimmed: strings.TrimSuffix("https://api.example.com/", "/"),
		Concat:  relayHost + ":" + "443",
		Mixed:   "mixed.example.net:1",
	}
	if len(os.Args) > 2 {
		o.Mixed = defaultRelay()
	}
	o.Env = envRelay()
	o.Param = pick(os.Args[1])
	f := func() string { return os.Getenv("CLOSURE_RELAY") }
	o.Closure = f()
	o.LibEnv = fieldvalslib.EnvRelay()
	o.PartFmt = fmt.Sprintf("%s:%d", os.Args[0], 9009)
	o.FromRecv = c.host()
	return o
}

func Dial(o *Options) (net.Conn, error) { return net.Dial("tcp", o.Helper) }
