package hosts_test

import (
	"go/types"
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"golang.org/x/tools/go/ssa"
)

// TestCallHook: a client's Call hook answers for the calls it models (a
// flag's value by name), before the Resolver's own models and the callee
// summaries; declining (ok false) leaves the call to them. The answer is
// combined like any other value (concatenation), and for a pointer result
// (flag.String) the hook is asked what the pointer points to (path "").
func TestCallHook(t *testing.T) {
	p := build(t, `package p

import "flag"

func use(string) {}

// value stands for a flag library's value by name: its body says nothing.
func value(name string) string { return "" }

// other is not modelled by the hook: its summary answers.
func other() string { return "https://other.example.net" }

func byName()   { use(value("relay")) }
func inConcat() { use("https://" + value("relay") + "/v1") }
func declined() { use(other()) }
func unnamed()  { use(value("nosuch")) }
func pointer() {
	p := flag.String("relay", "ignored.example.net:1", "")
	use(*p)
}
`)
	type asked struct {
		fn     string
		result int
		path   string
	}
	var calls []asked
	hook := func(call *ssa.Call, fn *types.Func, result int, path string) (hosts.Strs, bool) {
		calls = append(calls, asked{fn.Name(), result, path})
		switch fn.FullName() {
		case "example.com/p.value":
			c, ok := call.Call.Args[0].(*ssa.Const)
			if ok && c.Value.ExactString() == `"relay"` {
				return hosts.Strs{hosts.Literal("relay.example.net:9009")}, true
			}
			return hosts.Strs{hosts.Unknown()}, true
		case "flag.String":
			return hosts.Strs{hosts.Literal("flag.example.net:9009"), hosts.Unknown()}, true
		}
		return nil, false
	}
	for _, c := range []struct {
		fn    string
		want  []string
		asked []asked
	}{
		{"byName", L("relay.example.net:9009"), []asked{{"value", 0, ""}}},
		{"inConcat", L("https://relay.example.net:9009/v1"), []asked{{"value", 0, ""}}},
		{"declined", L("https://other.example.net"), []asked{{"other", 0, ""}}},
		{"unnamed", L("…"), []asked{{"value", 0, ""}}},
		{"pointer", L("…", "flag.example.net:9009"), []asked{{"String", 0, ""}}},
	} {
		t.Run(c.fn, func(t *testing.T) {
			p.t = t
			r := p.resolver()
			r.Call = hook
			calls = nil
			var got []hosts.Strs
			for _, b := range p.fn(c.fn).Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok {
						if f := call.Common().StaticCallee(); f != nil && f.Name() == "use" {
							got = append(got, r.StringsAt(call.Common().Args[0], call))
						}
					}
				}
			}
			if len(got) != 1 {
				t.Fatalf("%d uses, want 1", len(got))
			}
			if g := strs(got[0]); !slices.Equal(g, c.want) {
				t.Errorf("use = %q, want %q", g, c.want)
			}
			if !slices.Equal(calls, c.asked) {
				t.Errorf("hook asked %v, want %v", calls, c.asked)
			}
		})
	}
}
