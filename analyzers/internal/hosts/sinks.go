package hosts

import (
	"go/types"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// SinkKind says what a sink's argument is, and so how to read its host.
type SinkKind int

const (
	// URL: a URL string (net/http.Get and friends). Read with Host(false).
	URL SinkKind = iota
	// Request: an *http.Request; its URL is the destination.
	Request
	// HostPort: a dial address "host:port" (net.Dial and friends).
	HostPort
	// GRPCTarget: a gRPC target ("dns:///api.x.com:443", "unix:/path").
	GRPCTarget
	// WebSocketURL: a ws:// or wss:// URL.
	WebSocketURL
)

// String names the kind: "url", "request", "hostport", "grpc", "websocket".
func (k SinkKind) String() string {
	switch k {
	case URL:
		return "url"
	case Request:
		return "request"
	case HostPort:
		return "hostport"
	case GRPCTarget:
		return "grpc"
	case WebSocketURL:
		return "websocket"
	}
	return "unknown"
}

// Dial reports whether the kind's targets are read as dial targets
// (Host(true)) rather than URLs.
func (k SinkKind) Dial() bool { return k == HostPort || k == GRPCTarget }

// Sink is one call that opens a connection to a destination it is given.
type Sink struct {
	Call ssa.CallInstruction
	Kind SinkKind
	// Arg is the destination argument: a URL string, an *http.Request, a
	// dial address or a gRPC target.
	Arg ssa.Value
	// Network is the network argument of a dial ("tcp", "unix"), or nil.
	Network ssa.Value
	// Callee is the called function's types.Func.FullName
	// ("net/http.Get", "(*net/http.Client).Do"), or for a dynamic Do the
	// interface method ("(example.com/sdk.HTTPDoer).Do").
	Callee string
}

// sinkSpec locates a sink's arguments among all the call's arguments, the
// receiver of a method counting as argument 0.
type sinkSpec struct {
	kind    SinkKind
	arg     int
	network int // -1: none
}

// sinkTable is the sink table, keyed by FullName.
// Third-party sinks are matched by package path and name like std ones, so
// stubs in tests and vendored copies match too.
var sinkTable = map[string]sinkSpec{
	"net/http.Get":      {URL, 0, -1},
	"net/http.Head":     {URL, 0, -1},
	"net/http.Post":     {URL, 0, -1},
	"net/http.PostForm": {URL, 0, -1},

	"(*net/http.Client).Get":      {URL, 1, -1},
	"(*net/http.Client).Head":     {URL, 1, -1},
	"(*net/http.Client).Post":     {URL, 1, -1},
	"(*net/http.Client).PostForm": {URL, 1, -1},

	"(*net/http.Client).Do":           {Request, 1, -1},
	"(*net/http.Transport).RoundTrip": {Request, 1, -1},

	"net.Dial":                         {HostPort, 1, 0},
	"net.DialTimeout":                  {HostPort, 1, 0},
	"(*net.Dialer).Dial":               {HostPort, 2, 1},
	"(*net.Dialer).DialContext":        {HostPort, 3, 2},
	"crypto/tls.Dial":                  {HostPort, 1, 0},
	"crypto/tls.DialWithDialer":        {HostPort, 2, 1},
	"(*crypto/tls.Dialer).Dial":        {HostPort, 2, 1},
	"(*crypto/tls.Dialer).DialContext": {HostPort, 3, 2},

	"google.golang.org/grpc.Dial":        {GRPCTarget, 0, -1},
	"google.golang.org/grpc.NewClient":   {GRPCTarget, 0, -1},
	"google.golang.org/grpc.DialContext": {GRPCTarget, 1, -1},

	"(*github.com/gorilla/websocket.Dialer).Dial":        {WebSocketURL, 1, -1},
	"(*github.com/gorilla/websocket.Dialer).DialContext": {WebSocketURL, 2, -1},
	"github.com/coder/websocket.Dial":                    {WebSocketURL, 1, -1},
	"nhooyr.io/websocket.Dial":                           {WebSocketURL, 1, -1},
}

// sinkPkgs holds the package paths of sinkTable's functions, so that
// sinkOf builds a callee's FullName only for calls into those packages
// (building it for every static call cost 1% of a go vet run).
var sinkPkgs = func() map[string]bool {
	pkgs := make(map[string]bool)
	for name := range sinkTable {
		if strings.HasPrefix(name, "(") { // "(*net/http.Client).Do"
			name = strings.TrimPrefix(name[1:strings.IndexByte(name, ')')], "*")
		}
		pkgs[name[:strings.LastIndexByte(name, '.')]] = true
	}
	return pkgs
}()

// FindSinks returns the sinks called in fn, in instruction order: the
// static calls of the sink table (also through method values and method
// expressions), an invoke of Do(*http.Request) on any interface (SDK
// HTTPDoers), and http.RoundTripper.RoundTrip. Closures of fn are separate
// functions; call FindSinks on them too. It assumes nothing about fn
// beyond its SSA form and never panics on a bodiless or generic function.
func FindSinks(fn *ssa.Function) []Sink {
	var out []Sink
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if s, ok := sinkOf(call); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// sinkOf decides whether call is a sink.
func sinkOf(call ssa.CallInstruction) (Sink, bool) {
	common := call.Common()
	if common.IsInvoke() {
		m := common.Method
		if m == nil {
			return Sink{}, false
		}
		if len(common.Args) != 1 {
			return sdkInvokeSink(call)
		}
		if (m.Name() == "Do" && takesRequest(m)) || m.FullName() == "(net/http.RoundTripper).RoundTrip" {
			return Sink{Call: call, Kind: Request, Arg: common.Args[0], Callee: m.FullName()}, true
		}
		return sdkInvokeSink(call)
	}
	fn, args := calleeArgs(common)
	if fn == nil {
		return Sink{}, false
	}
	if fn.Pkg() == nil || !sinkPkgs[fn.Pkg().Path()] {
		return sdkSink(call, fn, args)
	}
	name := fn.FullName()
	spec, ok := sinkTable[name]
	if !ok {
		return sdkSink(call, fn, args)
	}
	if spec.arg >= len(args) {
		return Sink{}, false
	}
	s := Sink{Call: call, Kind: spec.kind, Arg: args[spec.arg], Callee: name}
	if spec.network >= 0 && spec.network < len(args) {
		s.Network = args[spec.network]
		if network, ok := constString(s.Network); ok && strings.HasPrefix(network, "udp") && !connUsed(call) {
			// Dialing UDP sends nothing: net.Dial("udp", "8.8.8.8:80")
			// followed only by LocalAddr is the idiom for finding the
			// outbound interface's address (croc's utils.LocalIP).
			return Sink{}, false
		}
	}
	return s, true
}

// connUsed reports whether the connection a dial returns may carry data:
// anything but its address, deadline and Close methods counts (a Write, a
// Read, passing it on, storing it).
func connUsed(call ssa.CallInstruction) bool {
	v := call.Value()
	if v == nil {
		return true // go or defer: nothing to follow
	}
	var conns []ssa.Value
	if _, isTuple := v.Type().(*types.Tuple); isTuple {
		for _, ref := range *v.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
				conns = append(conns, ex)
			}
		}
	} else {
		conns = append(conns, v)
	}
	for _, conn := range conns {
		for _, ref := range *conn.Referrers() {
			switch use := ref.(type) {
			case *ssa.DebugRef:
				continue
			case ssa.CallInstruction:
				common := use.Common()
				if common.IsInvoke() && common.Value == conn {
					switch common.Method.Name() {
					case "LocalAddr", "RemoteAddr", "Close", "SetDeadline", "SetReadDeadline", "SetWriteDeadline":
						continue
					}
				}
			}
			return true
		}
	}
	return false
}

// takesRequest reports whether method m has the single parameter
// *http.Request.
func takesRequest(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	return ok && sig.Params().Len() == 1 && isRequestPtr(sig.Params().At(0).Type())
}

// calleeArgs returns the statically known callee of a call (the origin of a
// generic instantiation) and all its arguments with the receiver first: for
// a bound method value (f := c.Get; f(u)) the receiver is the closure's
// binding, which SSA leaves out of Args. For an invoke, the receiver is
// common.Value. It returns a nil callee for dynamic calls and builtins.
func calleeArgs(common *ssa.CallCommon) (*types.Func, []ssa.Value) {
	if common.IsInvoke() {
		return common.Method, append([]ssa.Value{common.Value}, common.Args...)
	}
	fn := ssax.CalleeFunc(common)
	if fn == nil {
		return nil, common.Args
	}
	if f := common.StaticCallee(); f != nil && strings.HasSuffix(f.Name(), "$bound") {
		mc, ok := common.Value.(*ssa.MakeClosure)
		if !ok || len(mc.Bindings) != 1 {
			return nil, common.Args
		}
		return fn, append([]ssa.Value{mc.Bindings[0]}, common.Args...)
	}
	return fn, common.Args
}

// RequestURL traces an *http.Request value back to the URL argument of the
// http.NewRequest or http.NewRequestWithContext call that built it, through
// (*Request).WithContext and Clone and the Extract of the (request, error)
// pair. It returns nil when the request comes from anywhere else (a
// parameter, a helper, a phi of several requests, a literal); the Resolver
// handles those cases.
func RequestURL(v ssa.Value) ssa.Value {
	for range MaxDepth {
		switch x := v.(type) {
		case *ssa.Extract:
			call, ok := x.Tuple.(*ssa.Call)
			if !ok || x.Index != 0 {
				return nil
			}
			fn, args := calleeArgs(call.Common())
			if fn == nil {
				return nil
			}
			switch fn.FullName() {
			case "net/http.NewRequest":
				if len(args) > 1 {
					return args[1]
				}
			case "net/http.NewRequestWithContext":
				if len(args) > 2 {
					return args[2]
				}
			}
			return nil
		case *ssa.Call:
			fn, args := calleeArgs(x.Common())
			if fn == nil || len(args) == 0 || !httptypes.IsMethod(fn, "net/http", "Request", "WithContext", "Clone") {
				return nil
			}
			v = args[0]
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// isNamedType reports whether t (after unaliasing) is the named type
// pkgPath.name.
func isNamedType(t types.Type, pkgPath, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == name
}

// derefNamed reports whether t is pkgPath.name or a pointer to it.
func derefNamed(t types.Type, pkgPath, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return isNamedType(t, pkgPath, name)
}

func isRequestPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && isNamedType(p.Elem(), "net/http", "Request")
}

// isURLType reports whether t is net/url.URL or *net/url.URL.
func isURLType(t types.Type) bool { return derefNamed(t, "net/url", "URL") }

// isRequestType reports whether t is net/http.Request or *net/http.Request.
func isRequestType(t types.Type) bool { return derefNamed(t, "net/http", "Request") }
