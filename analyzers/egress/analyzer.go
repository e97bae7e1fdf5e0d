package egress

import (
	_ "embed"
	"fmt"
	"go/types"
	"sort"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/directive"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/netsum"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name.
const Name = "egress"

// URL is the analyzer's documentation.
const URL = "https://github.com/zombiecheck/zombiecheck/blob/main/analyzers/egress/doc.go"

// CategoryForbidden is reported for a call to a host the policy forbids.
const CategoryForbidden = "forbidden"

// CategoryUnresolved is reported, with egress.strict only, for a call
// whose destination cannot be resolved statically.
const CategoryUnresolved = "unresolved"

// Rules lists the analyzer's rules.
var Rules = []report.Rule{{
	Analyzer: Name, Category: CategoryForbidden, Level: report.LevelError, URL: URL + "#" + CategoryForbidden,
	Short: "call reaches a host the egress policy forbids",
	Full:  "The repository's .zombiecheck.yaml lists the hosts code may reach (egress.allow, egress.deny, egress.default). This call's destination is on the deny list, or on neither list while the default is deny. Remove the call, route it to an allowed host, or change the policy in review.",
}, {
	Analyzer: Name, Category: CategoryUnresolved, Level: report.LevelWarning, URL: URL + "#" + CategoryUnresolved,
	Short: "call's destination cannot be proven allowed (egress.strict)",
	Full:  "With egress.strict, every network call's destination must be provable from the code: a URL read from an environment variable, a flag or a configuration file could name any host. Use a constant URL the policy allows, check the configured host against an allow-list where it is read, enforce the same policy at run time with github.com/zombiecheck/zombiecheck/guard (client.Transport = g.RoundTripper(http.DefaultTransport) refuses a forbidden host before connecting, by name and by resolved address), or suppress the call with //zombiecheck:ignore egress/unresolved <reason>.",
}}

// Analyzer is the egress analyzer. It requires what every reporter does
// (see report.NewAnalyzer) and takes the policy from the policy analyzer.
var Analyzer = report.NewAnalyzer(Name, doc, URL, run)

func run(pass *analysis.Pass) (any, error) {
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	if !sum.Relevant || sum.Net == nil {
		return nil, nil
	}
	rep, pol, err := report.Setup(pass, Name, pass.ResultOf[directive.Analyzer].(*directive.Index))
	if err != nil {
		return nil, err
	}
	if pol.Egress.Default != policy.EgressDeny && len(pol.Egress.Deny) == 0 && !pol.Egress.Strict {
		return nil, nil // everything external is allowed, and nothing else is asked
	}
	type key struct {
		host string
		pos  string
	}
	seen := make(map[key]bool)
	for _, fn := range sum.SSA.Get().SrcFuncs {
		for _, c := range sum.Net.CreatedIn[fn] {
			class := hosts.LocalityUnknown
			if !c.Unresolved() {
				class = hosts.Classify(c.Host, pol.Local.Hosts)
			}
			var category, message string
			switch {
			case class == hosts.External:
				why, forbidden := verdict(c.Host, pol)
				if !forbidden {
					continue
				}
				category = CategoryForbidden
				message = fmt.Sprintf("call reaches %s, which %s; path: %s; remove the call, route it to an allowed host, or change the policy in review", c.Host, why, netsum.PathString(c.Via))
			case class == hosts.LocalityUnknown && pol.Egress.Strict:
				category = CategoryUnresolved
				message = fmt.Sprintf("call's destination %s, so egress.strict cannot prove it allowed; path: %s; use a constant URL the policy allows, check the configured host against an allow-list where it is read, or enforce the policy at run time by wrapping the client's transport with the guard package (g.RoundTripper)", unresolvedWhy(c), netsum.PathString(c.Via))
			default:
				continue
			}
			k := key{c.Host + "\x00" + c.Origin, report.ShortPos(pass.Fset, c.Call.Pos())}
			if seen[k] {
				continue
			}
			seen[k] = true
			rep.Report(analysis.Diagnostic{Pos: c.Call.Pos(), Category: category, Message: message})
		}
	}
	// A host a dependency's code reaches on its own is resolved in the
	// dependency, which go vet and golangci-lint do not report on: the
	// first call from this module into it is where the policy applies.
	for _, fn := range sum.SSA.Get().SrcFuncs {
		if rep.Skipped(fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := dependencyCallee(pass, call)
				if callee == nil {
					continue
				}
				cs := sum.Net.Lookup(callee)
				if cs == nil {
					continue // no fact: the callee cannot reach the network
				}
				for _, r := range cs.Reaches {
					if hosts.Classify(r.Host, pol.Local.Hosts) != hosts.External {
						continue
					}
					why, forbidden := verdict(r.Host, pol)
					k := key{r.Host + "\x00", report.ShortPos(pass.Fset, call.Pos())}
					if !forbidden || seen[k] {
						continue
					}
					seen[k] = true
					frame := netsum.Frame{Callee: netsum.ObjName(callee), Pos: report.ShortPos(pass.Fset, call.Pos())}
					rep.Report(analysis.Diagnostic{Pos: call.Pos(), Category: CategoryForbidden,
						Message: fmt.Sprintf("call into %s reaches %s, which %s; path: %s; remove the call, route it to an allowed host, or change the policy in review",
							callee.Pkg().Path(), r.Host, why, netsum.PathString(append([]netsum.Frame{frame}, r.Via...)))})
				}
			}
		}
	}
	return nil, nil
}

// dependencyCallee returns the function call statically calls when it is
// declared in another module than the analysed package's, outside the
// standard library and the SDK table (whose clients are resolved at the
// call already), else nil.
func dependencyCallee(pass *analysis.Pass, call ssa.CallInstruction) *types.Func {
	obj := ssax.FuncObject(call.Common().StaticCallee())
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
		return nil
	}
	path := obj.Pkg().Path()
	if sameModule(pass, path) || sdks.InSDK(path) || ssax.IsStdPackage(path) {
		return nil
	}
	return obj
}

// sameModule reports whether package path belongs to the analysed
// package's module. Without module information (GOPATH-style test data),
// paths whose first element has no dot form one module, and a path with a
// dot belongs to the module of its first two elements.
func sameModule(pass *analysis.Pass, path string) bool {
	if pass.Module != nil && pass.Module.Path != "" {
		mod := pass.Module.Path
		return path == mod || strings.HasPrefix(path, mod+"/")
	}
	root := func(p string) string {
		elems := strings.SplitN(p, "/", 3)
		if !strings.Contains(elems[0], ".") || len(elems) == 1 {
			return ""
		}
		return elems[0] + "/" + elems[1]
	}
	return root(path) == root(pass.Pkg.Path())
}

// unresolvedWhy says where an unresolved destination comes from.
func unresolvedWhy(c netsum.Created) string {
	switch {
	case strings.HasPrefix(c.Origin, "$"):
		return "comes from the environment variable " + c.Origin[1:]
	case c.Host != "":
		return fmt.Sprintf("%q is not a host name or address", c.Host)
	}
	return "cannot be resolved statically (configuration, flags or computed values)"
}

// verdict applies the policy: deny wins over allow; a host on neither list
// gets egress.default.
func verdict(host string, pol *policy.Policy) (string, bool) {
	for _, p := range pol.Egress.Deny {
		if p.Match(host) {
			return fmt.Sprintf("egress.deny forbids (pattern %s)", p), true
		}
	}
	for _, p := range pol.Egress.Allow {
		if p.Match(host) {
			return "", false
		}
	}
	if pol.Egress.Default == policy.EgressDeny {
		var allowed []string
		for _, p := range pol.Egress.Allow {
			allowed = append(allowed, p.String())
		}
		sort.Strings(allowed)
		return fmt.Sprintf("is not in egress.allow %v and egress.default is deny", allowed), true
	}
	return "", false
}
