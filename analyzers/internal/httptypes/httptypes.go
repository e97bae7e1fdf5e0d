// Package httptypes answers "is this a net/http client, transport,
// response...?" by type identity: a named type is identified by its
// declaring package's path and its name, never by the text of a type
// expression, so aliases, dot-imports and renamed imports all agree.
package httptypes

import (
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

const netHTTP = "net/http"

// isNamed reports whether t (after unaliasing) is the named type
// pkgPath.name.
func isNamed(t types.Type, pkgPath, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == name
}

// isPointerTo reports whether t is *pkgPath.name.
func isPointerTo(t types.Type, pkgPath, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamed(p.Elem(), pkgPath, name)
}

// IsClient reports whether t is net/http.Client.
func IsClient(t types.Type) bool { return isNamed(t, netHTTP, "Client") }

// IsClientPtr reports whether t is *net/http.Client.
func IsClientPtr(t types.Type) bool { return isPointerTo(t, netHTTP, "Client") }

// IsTransport reports whether t is net/http.Transport.
func IsTransport(t types.Type) bool { return isNamed(t, netHTTP, "Transport") }

// IsTransportPtr reports whether t is *net/http.Transport.
func IsTransportPtr(t types.Type) bool { return isPointerTo(t, netHTTP, "Transport") }

// IsResponsePtr reports whether t is *net/http.Response.
func IsResponsePtr(t types.Type) bool { return isPointerTo(t, netHTTP, "Response") }

// IsResponseBody reports whether fa addresses the Body field of an
// *http.Response.
func IsResponseBody(fa *ssa.FieldAddr) bool {
	return IsResponsePtr(fa.X.Type()) && ssax.FieldName(fa) == "Body"
}

// HasRoundTrip reports whether t is an interface with a RoundTrip method:
// http.RoundTripper, or a project's own.
func HasRoundTrip(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == "RoundTrip" {
			return true
		}
	}
	return false
}

// IsDialerPtr reports whether t is *net.Dialer.
func IsDialerPtr(t types.Type) bool { return isPointerTo(t, "net", "Dialer") }

// IsNetHTTPFunc reports whether fn is the package-level function
// net/http.<name> (not a method).
func IsNetHTTPFunc(fn *types.Func, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != netHTTP {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// IsMethod reports whether fn is a method whose receiver's base type is
// pkgPath.typeName and, if names are given, whose name is one of them.
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	recv := sig.Recv().Type()
	if p, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = p.Elem()
	}
	if !isNamed(recv, pkgPath, typeName) {
		return false
	}
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// ClientSendMethods are the *http.Client methods that send a request.
var ClientSendMethods = []string{"Do", "Get", "Head", "Post", "PostForm"}

// IsClientSend reports whether fn is one of (*http.Client).Do, Get, Head,
// Post or PostForm.
func IsClientSend(fn *types.Func) bool {
	return IsMethod(fn, netHTTP, "Client", ClientSendMethods...)
}

// PkgFuncsUsingDefaultClient are the net/http package-level functions that
// send through http.DefaultClient.
var PkgFuncsUsingDefaultClient = []string{"Get", "Head", "Post", "PostForm"}

// IsDefaultClientVar reports whether v is the package variable
// net/http.DefaultClient.
func IsDefaultClientVar(v *types.Var) bool {
	return v != nil && v.Pkg() != nil && v.Pkg().Path() == netHTTP && v.Name() == "DefaultClient" && !v.IsField()
}

// IsGlobal reports whether g is the SSA global for the net/http package
// variable name.
func IsGlobal(v ssa.Value, name string) bool {
	g, ok := v.(*ssa.Global)
	if !ok || g.Pkg == nil || g.Pkg.Pkg.Path() != netHTTP {
		return false
	}
	return g.Name() == name
}

// CtxHasDeadline reports whether ctx is the context result of
// context.WithTimeout, WithDeadline, WithTimeoutCause or WithDeadlineCause
// called in the same function: whatever uses it is bounded in time.
func CtxHasDeadline(ctx ssa.Value) bool {
	ex, ok := ctx.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := ssax.CalleeFunc(&call.Call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" {
		return false
	}
	switch fn.Name() {
	case "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause":
		return true
	}
	return false
}

// IsRequestPtr reports whether t is *net/http.Request.
func IsRequestPtr(t types.Type) bool { return isPointerTo(t, netHTTP, "Request") }
