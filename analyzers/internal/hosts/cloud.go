package hosts

import (
	"go/types"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"golang.org/x/tools/go/ssa"
)

// Ollama cloud models (see package sdks): a request to an Ollama server
// whose model is a cloud model reaches ollama.com as well. Models reads the
// model a sink's request names, and CloudModel applies the suffix rule.

// Models returns the model names the request of sink s may carry, when s
// is a request that an Ollama server forwards for a cloud model. native
// reports a client of the Ollama API (any server it reaches is an Ollama
// server); otherwise the client is OpenAI-compatible, and only a base URL
// on Ollama's port names an Ollama server. ok is false when s is no such
// request, or its client cannot be traced to a constructor that says
// which model it uses.
func (r *Resolver) Models(s Sink) (models Strs, native, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			if debugPanics {
				panic(p)
			}
			models, native, ok = nil, false, false
		}
	}()
	if s.Call == nil {
		return nil, false, false
	}
	ev := r.newEval()
	if u, found := sdks.ModelUseOf(s.Callee); found {
		_, args := calleeArgs(s.Call.Common())
		if u.Arg >= len(args) {
			return nil, false, false
		}
		return orUnknown(ev.read(args[u.Arg], splitPath(u.Path), s.Call, edgeCopy)), u.Native, true
	}
	if !sdks.ModelOptionRequest(s.Callee) {
		return nil, false, false
	}
	ctor, opts, found := modelClient(s.Arg)
	if !found {
		return nil, false, false
	}
	models = ev.optionModel(ctor, opts.Ctor, nil)
	_, args := calleeArgs(s.Call.Common())
	if len(args) > 0 && isCallOptions(args[len(args)-1].Type()) {
		models = ev.optionModel(s.Call, opts.Call, models)
	}
	if len(models) == 0 {
		return nil, false, false // no model named: the SDK's default, or none
	}
	return models, opts.Native, true
}

// modelClient traces a client value (the receiver of a request, or the
// model handed to an SDK helper) to the call of the table constructor
// that built it in the same function, when its client has model options.
func modelClient(v ssa.Value) (*ssa.Call, sdks.ModelOptions, bool) {
	for range MaxDepth {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Extract:
			if x.Index != 0 {
				return nil, sdks.ModelOptions{}, false
			}
			v = x.Tuple
		case *ssa.Call:
			fn, _ := calleeArgs(x.Common())
			if fn == nil || fn.Pkg() == nil {
				return nil, sdks.ModelOptions{}, false
			}
			if _, isCtor := sdks.Constructor(fn.FullName()); !isCtor {
				return nil, sdks.ModelOptions{}, false
			}
			opts, has := sdks.ModelOptionsOf(fn.Pkg().Path())
			return x, opts, has
		default:
			return nil, sdks.ModelOptions{}, false
		}
	}
	return nil, sdks.ModelOptions{}, false
}

// optionModel reads the model the variadic options of call set, through
// the option functions of table (full name → index of the model
// argument); the last one wins. Without one, the model is prev. Options of
// the table's packages that do not name a model leave it alone; any other
// option may set it, which makes it Unknown.
func (e *eval) optionModel(call ssa.CallInstruction, table map[string]int, prev Strs) Strs {
	_, args := calleeArgs(call.Common())
	if len(args) == 0 {
		return prev
	}
	opts, known := optionsOf(args[len(args)-1])
	if !known {
		return unknown()
	}
	models := prev
	for _, opt := range opts {
		o, ofn, oargs := opt.call, opt.fn, opt.args
		if ofn == nil || ofn.Pkg() == nil {
			return unknown()
		}
		if k, names := table[ofn.FullName()]; names {
			if k >= len(oargs) {
				return unknown()
			}
			models = orUnknown(e.read(oargs[k], nil, o, edgeCopy))
			continue
		}
		if !sameOptionPackage(ofn, table) {
			return unknown()
		}
	}
	return models
}

// sameOptionPackage reports whether option function fn belongs to a
// package of the table's model options: an option of the SDK that names
// no model.
func sameOptionPackage(fn *types.Func, table map[string]int) bool {
	for name := range table {
		if strings.HasPrefix(name, fn.Pkg().Path()+".") && !strings.Contains(name[len(fn.Pkg().Path())+1:], "/") {
			return true
		}
	}
	return false
}

// isCallOptions reports whether t is a slice of langchaingo-style call
// options: a slice of a named function type.
func isCallOptions(t types.Type) bool {
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	n, ok := types.Unalias(sl.Elem()).(*types.Named)
	if !ok {
		return false
	}
	_, isFunc := n.Underlying().(*types.Signature)
	return isFunc
}

// CloudModel reports whether s is a name Ollama forwards to ollama.com,
// and renders it for messages: its known end must carry the ":cloud" or
// "-cloud" suffix, so s is complete and either a literal or an origin
// followed by the suffix. An environment variable renders as $NAME
// ("$OLLAMA_MODEL:cloud"), a parameter as "…" ("gpt-oss:…-cloud").
// Anything else, including Unknown and a bare parameter, is not.
func CloudModel(s Str) (string, bool) {
	if !s.Complete {
		return "", false
	}
	if !s.HasOrigin() {
		if !sdks.IsCloudModel(s.Lit) {
			return "", false
		}
		return s.Lit, true
	}
	if !sdks.IsCloudModel(s.Tail) {
		return "", false
	}
	origin := "…"
	if s.Env != "" {
		origin = "$" + s.Env
	}
	return s.Lit + origin + s.Tail, true
}
