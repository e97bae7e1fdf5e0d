package hosts

import (
	"go/token"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// A bare host ("croc.schollz.com") says nothing by its text: the same
// shape is a file name ("relay.yaml"), a package path, a greeting. What
// makes a package variable's bare word a host is how its package uses the
// variable: joined with a port, dialled, looked up in the DNS, or
// overwritten with a host:port. HostVars finds those variables, so that
// PackageVar can hand out their bare hosts to importers (croc's
// models.DEFAULT_RELAY, the default of its --relay flag).

// maxHostUseDepth bounds the helpers followed from a variable's load to
// the call that uses it as a host (croc: lookup → localLookupIP →
// (*net.Resolver).LookupHost).
const maxHostUseDepth = 3

// hostArgs are the calls whose argument at the index (the receiver of a
// method counting as argument 0) is a host or a host:port: the dial sinks
// of the sink table, net.JoinHostPort's host, and the DNS lookups.
var hostArgs = map[string]int{
	"net.JoinHostPort":                   0,
	"net.LookupHost":                     0,
	"net.LookupIP":                       0,
	"net.LookupCNAME":                    0,
	"(*net.Resolver).LookupHost":         2,
	"(*net.Resolver).LookupIPAddr":       2,
	"(*net.Resolver).LookupIP":           3,
	"(*net.Resolver).LookupNetIP":        3,
	"(*net.Resolver).LookupCNAME":        2,
	"net.ResolveTCPAddr":                 1,
	"net.ResolveUDPAddr":                 1,
	"(*net.Dialer).DialContext":          3,
	"(*net.Dialer).Dial":                 2,
	"net.Dial":                           1,
	"net.DialTimeout":                    1,
	"crypto/tls.Dial":                    1,
	"crypto/tls.DialWithDialer":          2,
	"(*crypto/tls.Dialer).Dial":          2,
	"(*crypto/tls.Dialer).DialContext":   3,
	"google.golang.org/grpc.Dial":        0,
	"google.golang.org/grpc.NewClient":   0,
	"google.golang.org/grpc.DialContext": 1,
}

// HostVars returns the exported string variables of pkg that some function
// of pkg uses as a host or dial address: passes to a dial, a DNS lookup or
// net.JoinHostPort (directly or through a helper of pkg, up to
// maxHostUseDepth calls deep), joins with ":" and a port (v + ":9009"), or
// overwrites with net.JoinHostPort(...). The result is cached per package.
func (r *Resolver) HostVars(pkg *ssa.Package) map[*ssa.Global]bool {
	if pkg == nil {
		return nil
	}
	if hv, ok := r.hostVars[pkg]; ok {
		return hv
	}
	if r.hostVars == nil {
		r.hostVars = map[*ssa.Package]map[*ssa.Global]bool{}
	}
	out := map[*ssa.Global]bool{}
	u := &hostUse{r: r, pkg: pkg, params: map[*ssa.Parameter]bool{}}
	for _, fn := range ssax.PackageFuncs(pkg) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.UnOp:
					g := exportedStringVar(x.X, pkg)
					if x.Op == token.MUL && g != nil && !out[g] && u.used(x, 0) {
						out[g] = true
					}
				case *ssa.Store:
					if g := exportedStringVar(x.Addr, pkg); g != nil && isJoinHostPort(x.Val) {
						out[g] = true
					}
				}
			}
		}
	}
	r.hostVars[pkg] = out
	return out
}

// exportedStringVar returns v as an exported string variable of pkg, or nil.
func exportedStringVar(v ssa.Value, pkg *ssa.Package) *ssa.Global {
	g, ok := v.(*ssa.Global)
	if !ok || g.Pkg != pkg || g.Object() == nil || !g.Object().Exported() || !isStringLike(ssax.Deref(g.Type())) {
		return nil
	}
	return g
}

func isJoinHostPort(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := ssax.FuncObject(call.Call.StaticCallee())
	return fn != nil && fn.FullName() == "net.JoinHostPort"
}

// hostUse decides whether string values are used as hosts.
type hostUse struct {
	r   *Resolver
	pkg *ssa.Package
	// params memoizes the helpers' parameters (false while in progress,
	// so a recursive helper ends).
	params map[*ssa.Parameter]bool
}

// used reports whether v is used as a host by an instruction that refers
// to it, depth helpers deep.
func (u *hostUse) used(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch x := ref.(type) {
		case *ssa.BinOp:
			// v + ":9009", v + ":" + port
			if x.Op == token.ADD && x.X == v && u.portSuffix(x) {
				return true
			}
		case *ssa.ChangeType:
			if u.used(x, depth) {
				return true
			}
		case ssa.CallInstruction:
			common := x.Common()
			args := common.Args
			if common.IsInvoke() {
				continue
			}
			callee := common.StaticCallee()
			if obj := ssax.FuncObject(callee); obj != nil {
				if k, ok := hostArgs[obj.FullName()]; ok && k < len(args) && args[k] == v {
					return true
				}
			}
			if callee == nil || callee.Pkg != u.pkg || callee.Blocks == nil || depth >= maxHostUseDepth || len(callee.Params) != len(args) {
				continue
			}
			for i, a := range args {
				if a == v && u.param(callee.Params[i], depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// param reports whether a helper's parameter is used as a host.
func (u *hostUse) param(p *ssa.Parameter, depth int) bool {
	if res, ok := u.params[p]; ok {
		return res
	}
	u.params[p] = false
	res := u.used(p, depth)
	u.params[p] = res
	return res
}

// portSuffix reports whether sum (v + y) appends a port to v: y is a
// constant ":digits", or ":" to which a port is appended next (a value
// that may be nothing but digits: strconv.Itoa(port), a port variable).
func (u *hostUse) portSuffix(sum *ssa.BinOp) bool {
	s, ok := constString(sum.Y)
	if !ok || !strings.HasPrefix(s, ":") || !digits(s[1:]) {
		return false
	}
	if s != ":" {
		return true
	}
	refs := sum.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		next, ok := ref.(*ssa.BinOp)
		if !ok || next.Op != token.ADD || next.X != sum {
			continue
		}
		port := true
		for _, p := range u.r.Strings(next.Y) {
			if p.IsLiteral() && (p.Lit == "" || !digits(p.Lit)) || !p.IsUnknown() && !p.IsLiteral() && p.Lit != "" && !digits(p.Lit) {
				port = false
			}
		}
		if port {
			return true
		}
	}
	return false
}

// bareHostIn reports whether one of vals is a complete literal naming a
// host (a DNS name or an IP address) without a port or scheme.
func bareHostIn(vals Strs) bool {
	for _, v := range vals {
		if !v.IsLiteral() || strings.HasPrefix(v.Lit, UnixPrefix) || strings.ContainsAny(v.Lit, ":/") {
			continue
		}
		if _, ok := normalizeHost(v.Lit); ok {
			return true
		}
	}
	return false
}
