package hosts

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/sdks"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// The LLM SDK table (package sdks) as abstract strings: an SDK client value
// "holds" its base URL, so a method call on it is a URL sink (sdkSink), and
// a table constructor's result, at any field path, is that base URL
// (sdkClient). Config constructors (go-openai's DefaultConfig) answer for
// their fields when no summary does (sdkConfig).

// sdkSink makes a method call on an SDK client, from outside the SDK, a URL
// sink whose destination is the receiver.
func sdkSink(call ssa.CallInstruction, fn *types.Func, args []ssa.Value) (Sink, bool) {
	parent := call.Parent()
	if parent == nil || parent.Pkg == nil || len(args) == 0 {
		return Sink{}, false
	}
	caller := parent.Pkg.Pkg.Path()
	if sdks.ClientUse(fn, caller) {
		dest := args[0]
		if base := requestOverride(fn, args); base != nil {
			dest = base
		}
		return Sink{Call: call, Kind: URL, Arg: dest, Callee: fn.FullName()}, true
	}
	if !sdks.HelperUse(fn, caller) {
		return Sink{}, false
	}
	// A helper of the SDK given a client as one of its interfaces
	// (llms.GenerateFromSinglePrompt(ctx, llm, prompt)).
	params := fn.Type().(*types.Signature).Params()
	for i := 1; i < params.Len() && i < len(args); i++ {
		if !sdks.ClientParam(params.At(i).Type()) {
			continue
		}
		if mi, ok := args[i].(*ssa.MakeInterface); ok && !sdks.ClientType(mi.X.Type()) {
			continue // the caller's own implementation
		}
		return Sink{Call: call, Kind: URL, Arg: args[i], Callee: fn.FullName()}, true
	}
	return Sink{}, false
}

// option is one element of a variadic options argument, through the
// interface it may be wrapped in (cohere-go's *core.BaseURLOption): el as
// written, and when it is a call, the call with its callee and arguments
// (fn nil when the callee is not known statically).
type option struct {
	el   ssa.Value
	call *ssa.Call
	fn   *types.Func
	args []ssa.Value
}

// optionsOf returns the elements of the variadic options argument v
// (opts ...Option). known is false when the slice was built elsewhere, so
// any option may be in it.
func optionsOf(v ssa.Value) (opts []option, known bool) {
	elems, known := varargs(v)
	if !known {
		return nil, false
	}
	opts = make([]option, len(elems))
	for i, el := range elems {
		if mi, isIface := el.(*ssa.MakeInterface); isIface {
			el = mi.X
		}
		opts[i].el = el
		if c, isCall := el.(*ssa.Call); isCall {
			opts[i].call = c
			opts[i].fn, opts[i].args = calleeArgs(c.Common())
		}
	}
	return opts, true
}

// requestOverride is the base URL a request's own options give
// (client.Chat.Completions.New(ctx, params, option.WithBaseURL(u)) in
// openai-go, anthropic-sdk-go and cohere-go: request options apply after
// the client's), or nil when none of them is an override of the table.
// The last override wins, as in the SDKs.
func requestOverride(fn *types.Func, args []ssa.Value) ssa.Value {
	if !fn.Type().(*types.Signature).Variadic() {
		return nil
	}
	opts, _ := optionsOf(args[len(args)-1])
	var base ssa.Value
	for _, o := range opts {
		if o.fn == nil {
			continue
		}
		if k, ok := sdks.Override(o.fn.FullName()); ok && k >= 0 && k < len(o.args) {
			base = o.args[k]
		}
	}
	return base
}

// sdkInvokeSink makes a call through an SDK's client interface
// (llm.GenerateContent(ctx, ...) on an llms.Model), from outside the SDK,
// a URL sink whose destination is the interface value.
func sdkInvokeSink(call ssa.CallInstruction) (Sink, bool) {
	common := call.Common()
	parent := call.Parent()
	if parent == nil || parent.Pkg == nil || !sdks.ClientInterface(common.Value.Type()) {
		return Sink{}, false
	}
	m := common.Method
	if sdks.SameSDK(parent.Pkg.Pkg.Path(), m.Pkg().Path()) || !sdks.TakesContext(m) {
		return Sink{}, false
	}
	if mi, ok := common.Value.(*ssa.MakeInterface); ok && !sdks.ClientType(mi.X.Type()) {
		return Sink{}, false
	}
	return Sink{Call: call, Kind: URL, Arg: common.Value, Callee: m.FullName()}, true
}

// sdkClient is the base URL of the client that a call of table
// constructor fn builds: the override its arguments give, or the default
// (with the SDK's environment variable as another alternative). ok is false
// when fn is not in the table.
func (e *eval) sdkClient(call *ssa.Call, fn *types.Func, args []ssa.Value, i int) (Strs, bool) {
	c, ok := sdks.Constructor(fn.FullName())
	if !ok {
		return nil, false
	}
	if i != 0 {
		return unknown(), true
	}
	def := func() Strs {
		var out Strs
		if c.Default == "" {
			return unknown()
		}
		out = append(out, Literal(c.Default))
		for _, alt := range c.Alt {
			out = append(out, Literal(alt))
		}
		if c.Env != "" {
			out = append(out, FromEnv(c.Env))
		}
		return out.normalize()
	}
	emptyDefault := func(ss Strs) Strs {
		if !c.EmptyIsDefault {
			return ss
		}
		var out Strs
		for _, s := range ss {
			if s == Literal("") {
				out = append(out, def()...)
				continue
			}
			out = append(out, s)
		}
		return out.normalize()
	}
	switch {
	case c.Arg >= 0:
		if c.Arg >= len(args) {
			return unknown(), true
		}
		return orUnknown(emptyDefault(e.read(args[c.Arg], nil, call, edgeOther))), true
	case c.ConfigArg >= 0:
		if c.ConfigArg >= len(args) {
			return unknown(), true
		}
		return orUnknown(emptyDefault(e.read(args[c.ConfigArg], splitPath(c.ConfigPath), call, edgeOther))), true
	case c.Options && len(args) > 0:
		opts, known := optionsOf(args[len(args)-1])
		if !known {
			return unknown(), true // options built elsewhere may set the base URL
		}
		var override, region, plugins Strs
		for _, opt := range opts {
			if c.OptionField != "" {
				if ss, isClosure := e.optionClosure(opt.el, c.OptionField, def); isClosure {
					if ss != nil {
						override = ss
					}
					continue
				}
			}
			o, ofn, oargs := opt.call, opt.fn, opt.args
			if ofn == nil {
				return unknown(), true
			}
			if k, isRegion := sdks.Region(ofn.FullName()); isRegion && c.RegionURL != "" {
				if k >= len(oargs) {
					return unknown(), true
				}
				region = regionURL(c, e.read(oargs[k], nil, o, edgeOther), def) // the last one wins
				continue
			}
			if sdks.PluginOption(ofn.FullName()) {
				plugins = append(plugins, e.plugins(o, oargs)...)
				continue
			}
			if urls, isFixed := sdks.FixedOverride(ofn.FullName()); isFixed {
				override = fixedOverride(urls, oargs)
			} else if k, isOverride := sdks.Override(ofn.FullName()); isOverride {
				if k < 0 || k >= len(oargs) {
					return unknown(), true
				}
				override = orUnknown(e.read(oargs[k], nil, o, edgeOther)) // the last one wins
			} else if ofn.Pkg() == nil || ofn.Pkg() != fn.Pkg() && !sameModuleOption(ofn, fn) {
				// An option of unknown effect: it may set the base URL.
				return unknown(), true
			}
		}
		switch {
		case override != nil:
			return override, true
		case region != nil:
			return region, true
		case plugins != nil:
			return plugins.normalize(), true
		}
	}
	if c.OptionField != "" && len(args) > 0 {
		// The config the client starts from may carry the field too
		// (cfg.BaseEndpoint = aws.String(u) before NewFromConfig(cfg));
		// an option closure, applied after it, wins.
		if ss, found := e.configField(call, args[0], c.OptionField, def); found {
			return ss, true
		}
	}
	return def(), true
}

// regionURL is the base URL that region values regions select for
// constructor c: c.RegionURL with the region, c.GlobalURL for "global",
// and the placeholder region for one the table cannot read. An empty
// region leaves the default. The base-URL variable c.Env replaces it all
// the same.
func regionURL(c sdks.Ctor, regions Strs, def func() Strs) Strs {
	var out Strs
	for _, r := range regions {
		switch {
		case !r.IsLiteral():
			out = append(out, Literal(fmt.Sprintf(c.RegionURL, sdks.RegionPlaceholder)))
		case r.Lit == "":
			out = append(out, def()...)
			continue
		case r.Lit == "global" && c.GlobalURL != "":
			out = append(out, Literal(c.GlobalURL))
		default:
			out = append(out, Literal(fmt.Sprintf(c.RegionURL, r.Lit)))
		}
		if c.Env != "" {
			out = append(out, FromEnv(c.Env))
		}
	}
	return orUnknown(out.normalize())
}

// plugins are the base URLs of the plugins that plugin option call o
// (genkit.WithPlugins(&ollama.Ollama{...}, ...)) hands to the framework:
// each plugin's, from the table's Plugins; unknown for a plugin the table
// does not know or plugins built elsewhere.
func (e *eval) plugins(o *ssa.Call, oargs []ssa.Value) Strs {
	elems, known := pluginValues(oargs)
	if !known {
		return unknown()
	}
	var out Strs
	for _, el := range elems {
		if el == nil {
			out = append(out, Unknown())
			continue
		}
		p, ok := sdks.PluginType(el.Type())
		if !ok {
			out = append(out, Unknown())
			continue
		}
		out = append(out, e.plugin(p, el, o)...)
	}
	return out
}

// pluginValues are the plugins among the arguments oargs of a plugin
// option (genkit.WithPlugins(&ollama.Ollama{...}, ...)), as the values
// put into the interface (nil for one of unknown origin). known is false
// when the plugins were built elsewhere.
func pluginValues(oargs []ssa.Value) (elems []ssa.Value, known bool) {
	if len(oargs) == 0 {
		return nil, false
	}
	elems, known = varargs(oargs[len(oargs)-1])
	if !known {
		return nil, false
	}
	out := make([]ssa.Value, len(elems))
	for i, el := range elems {
		if mi, isIface := el.(*ssa.MakeInterface); isIface {
			el = mi.X
		}
		out[i] = el
	}
	return out, true
}

// modelTargets is the destination of a use s of a framework that sends
// to the one plugin the model name selects (genkit.GenerateText(ctx, g,
// ai.WithModelName("ollama/llama3")); the table's genkit row cites how
// genkit does it): when s's framework value is the result of a table
// constructor call in the same function (g := genkit.Init(ctx,
// genkit.WithPlugins(...))), the base URLs of only those of its plugins
// whose name is the provider of the model s names (its model option, else
// for generation the constructor's default model). ok is false when that
// cannot be read (no model name, one whose provider is not a literal, a
// framework value from elsewhere, options built elsewhere): the union of
// every plugin, read from s.Arg, stands. A name no plugin serves is
// unknown.
func (e *eval) modelTargets(s Sink) (out Strs, ok bool) {
	fn, args := calleeArgs(s.Call.Common())
	if fn == nil || len(args) == 0 || !fn.Type().(*types.Signature).Variadic() {
		return nil, false
	}
	generate, isUse := sdks.DispatchUse(fn.FullName())
	if !isUse {
		return nil, false
	}
	init, isCall := s.Arg.(*ssa.Call)
	if !isCall || init.Parent() != s.Call.Parent() {
		return nil, false
	}
	ifn, iargs := calleeArgs(init.Common())
	if ifn == nil || ifn.Pkg() == nil || len(iargs) == 0 {
		return nil, false
	}
	if c, isCtor := sdks.Constructor(ifn.FullName()); !isCtor || !c.Options {
		return nil, false
	}
	iopts, known := optionsOf(iargs[len(iargs)-1])
	if !known {
		return nil, false
	}
	type pluginAt struct {
		v  ssa.Value
		at *ssa.Call
	}
	var plugins []pluginAt
	var defaults Strs
	for _, opt := range iopts {
		o, ofn, oargs := opt.call, opt.fn, opt.args
		if ofn == nil || ofn.Pkg() == nil || !sdks.SameSDK(ofn.Pkg().Path(), ifn.Pkg().Path()) {
			return nil, false
		}
		if sdks.PluginOption(ofn.FullName()) {
			vs, known := pluginValues(oargs)
			if !known {
				return nil, false
			}
			for _, v := range vs {
				plugins = append(plugins, pluginAt{v, o})
			}
		} else if k, isDefault := sdks.DefaultModelOption(ofn.FullName()); isDefault {
			if k >= len(oargs) {
				return nil, false
			}
			defaults = orUnknown(e.read(oargs[k], nil, o, edgeOther)) // the last one wins
		}
	}
	names, found, known := e.modelNames(args[len(args)-1])
	switch {
	case !known:
		return nil, false
	case !found && generate && defaults != nil:
		names = defaults
	case !found:
		return nil, false
	}
	providers := map[string]bool{}
	for _, n := range names {
		p, _, hasProvider := strings.Cut(n.Lit, "/")
		if !hasProvider || p == "" {
			return nil, false
		}
		providers[p] = true
	}
	for _, p := range plugins {
		if p.v == nil {
			out = append(out, Unknown())
			continue
		}
		row, known := sdks.PluginType(p.v.Type())
		if !known {
			out = append(out, Unknown()) // a plugin of any name
			continue
		}
		if !e.serves(row, p.v, p.at, providers) {
			continue
		}
		if !generate && row.EmbedderAtName {
			out = append(out, atName(row, names)...)
			continue
		}
		out = append(out, e.plugin(row, p.v, p.at)...)
	}
	return orUnknown(out.normalize()), true
}

// serves reports whether plugin v, described by row, may be named one of
// providers: its Provider, the literals its ProviderField may hold, or any
// name when neither is known.
func (e *eval) serves(row sdks.Ctor, v ssa.Value, at ssa.Instruction, providers map[string]bool) bool {
	switch {
	case row.Provider != "":
		return providers[row.Provider]
	case row.ProviderField != "":
		for _, s := range e.read(v, splitPath(row.ProviderField), at, edgeOther) {
			if !s.IsLiteral() || providers[s.Lit] {
				return true
			}
		}
		return false
	}
	return true
}

// atName are the addresses that embedder names of plugin row
// ("ollama/http://10.0.0.5:11434") name after its provider.
func atName(row sdks.Ctor, names Strs) Strs {
	var out Strs
	for _, n := range names {
		p, rest, _ := strings.Cut(n.Lit, "/")
		if p != row.Provider {
			continue
		}
		n.Lit = rest
		out = append(out, n)
	}
	return out
}

// modelNames are the model names that the options v of a use give
// (ai.WithModelName(name), ai.WithModel(m) of a model the table names):
// found is false when none names one, known false when an option cannot
// be read (one built elsewhere may name a model).
func (e *eval) modelNames(v ssa.Value) (names Strs, found, known bool) {
	opts, known := optionsOf(v)
	if !known {
		return nil, false, false
	}
	for _, opt := range opts {
		o, ofn, oargs := opt.call, opt.fn, opt.args
		if ofn == nil || ofn.Pkg() == nil || !sdks.InSDK(ofn.Pkg().Path()) {
			return nil, false, false
		}
		if k, isName := sdks.ModelNameOption(ofn.FullName()); isName {
			if k >= len(oargs) {
				return nil, false, false
			}
			names = append(names, orUnknown(e.read(oargs[k], nil, o, edgeOther))...)
			found = true
			continue
		}
		if k, isArg := sdks.ModelArgOption(ofn.FullName()); isArg {
			if k >= len(oargs) {
				return nil, false, false
			}
			ns, named := e.modelName(oargs[k], o)
			if !named {
				return nil, false, false
			}
			names = append(names, ns...)
			found = true
		}
	}
	return names, found, true
}

// modelName is the name of model value m (an ai.Model or an ai.ModelRef)
// made by one of the table's Namers (googlegenai.GoogleAIModel(g, "x"):
// "googleai/" and more). named is false for a model from elsewhere.
func (e *eval) modelName(m ssa.Value, at ssa.Instruction) (Strs, bool) {
	switch x := m.(type) {
	case *ssa.MakeInterface: // an ai.ModelRef
		m = x.X
	case *ssa.ChangeInterface: // an ai.Model as an ai.ModelArg
		m = x.X
	case *ssa.ChangeType: // the same, between identical interfaces
		m = x.X
	}
	c, isCall := m.(*ssa.Call)
	if !isCall {
		return nil, false
	}
	fn, args := calleeArgs(c.Common())
	if fn == nil {
		return nil, false
	}
	n, isNamer := sdks.ModelNamer(fn.FullName())
	switch {
	case !isNamer:
		return nil, false
	case n.Provider != "":
		return Strs{Prefix(n.Provider + "/")}, true
	case n.Arg < 0 || n.Arg >= len(args):
		return nil, false
	}
	return orUnknown(e.read(args[n.Arg], nil, c, edgeOther)), true
}

// plugin is the base URL of plugin value v, described by p: an override
// among the options of its OptsField, else its ConfigPath field, else the
// URL its RegionField selects, else p's default.
func (e *eval) plugin(p sdks.Ctor, v ssa.Value, at ssa.Instruction) Strs {
	def := func() Strs {
		if p.Default == "" {
			return unknown()
		}
		out := Strs{Literal(p.Default)}
		for _, alt := range p.Alt {
			out = append(out, Literal(alt))
		}
		if p.Env != "" {
			out = append(out, FromEnv(p.Env))
		}
		return out.normalize()
	}
	if p.OptsField != "" {
		if ss, found := e.pluginOpts(v, p.OptsField); found {
			return ss
		}
	}
	switch {
	case p.ConfigPath != "":
		var out Strs
		for _, s := range e.read(v, splitPath(p.ConfigPath), at, edgeOther) {
			if s == Literal("") && p.EmptyIsDefault {
				out = append(out, def()...)
				continue
			}
			out = append(out, s)
		}
		return orUnknown(out.normalize())
	case p.RegionField != "":
		return regionURL(p, e.read(v, splitPath(p.RegionField), at, edgeOther), def)
	}
	return def()
}

// pluginOpts is the base URL that the options stored to field of plugin v
// (&compat_oai.OpenAICompatible{Opts: []option.RequestOption{...}}) set:
// the last override among them, or unknown for an option the table does
// not know. found is false when none sets it.
func (e *eval) pluginOpts(v ssa.Value, field string) (ss Strs, found bool) {
	alloc, ok := v.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	for _, store := range fieldStores(alloc, field) {
		opts, known := optionsOf(store.Val)
		if !known {
			return unknown(), true
		}
		for _, opt := range opts {
			o, ofn, oargs := opt.call, opt.fn, opt.args
			if ofn == nil || ofn.Pkg() == nil {
				return unknown(), true
			}
			if k, isOverride := sdks.Override(ofn.FullName()); isOverride {
				if k < 0 || k >= len(oargs) {
					return unknown(), true
				}
				ss, found = orUnknown(e.read(oargs[k], nil, o, edgeOther)), true
			} else if !sdks.InSDK(ofn.Pkg().Path()) {
				return unknown(), true // an option of unknown effect
			}
		}
	}
	return ss, found
}

// fixedOverride is the base URL an option of the table's FixedOverrides
// sets: the one its constant first argument selects, else any of them.
func fixedOverride(urls map[string]string, oargs []ssa.Value) Strs {
	if len(oargs) > 0 {
		if k, ok := oargs[0].(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			if u, ok := urls[constant.StringVal(k.Value)]; ok {
				return one(Literal(u))
			}
		}
	}
	var out Strs
	for _, u := range urls {
		out = append(out, Literal(u))
	}
	return out.normalize()
}

// configField reads explicit stores to field of the struct variable whose
// value arg loads, in the function making call. found is false when there
// are none (the config came whole from elsewhere: its defaults stand).
func (e *eval) configField(call *ssa.Call, arg ssa.Value, field string, def func() Strs) (ss Strs, found bool) {
	load, ok := arg.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, false
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	for _, store := range fieldStores(alloc, field) {
		found = true
		v, isNil, ok := storedString(store.Val)
		switch {
		case isNil:
			ss = append(ss, def()...)
			continue
		case !ok:
			return unknown(), true
		}
		ss = append(ss, orUnknown(e.read(v, nil, store, edgeOther))...)
		if store.Block() != call.Block() && store.Block() != call.Parent().Blocks[0] {
			ss = append(ss, def()...) // set only on some paths
		}
	}
	return ss.normalize(), found
}

// optionClosure is the base URL an option closure written by the caller
// (func(o *Options) { o.BaseEndpoint = aws.String(u) }) stores to field of
// its parameter: nil when it stores none, with def added when the store is
// conditional. isClosure is false when el is not a function literal.
func (e *eval) optionClosure(el ssa.Value, field string, def func() Strs) (ss Strs, isClosure bool) {
	var fn *ssa.Function
	var bindings []ssa.Value
	switch x := el.(type) {
	case *ssa.Function:
		fn = x
	case *ssa.MakeClosure:
		fn, _ = x.Fn.(*ssa.Function)
		bindings = x.Bindings
	}
	if fn == nil || fn.Parent() == nil {
		return nil, false // a named function: not the caller's closure
	}
	if len(fn.Params) != 1 {
		return unknown(), true
	}
	o := fn.Params[0]
	for _, ref := range *o.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			return unknown(), true // o handed on, or overwritten whole
		}
		for _, store := range storesTo(fa, field) {
			v, isNil, ok := storedString(store.Val)
			switch {
			case isNil:
				ss = append(ss, def()...)
				continue
			case !ok:
				return unknown(), true
			}
			switch x := v.(type) {
			case *ssa.Parameter:
				return unknown(), true
			case *ssa.FreeVar:
				i := slices.Index(fn.FreeVars, x)
				if i < 0 || i >= len(bindings) || !types.Identical(bindings[i].Type(), x.Type()) {
					return unknown(), true // captured by reference
				}
				v = bindings[i]
			}
			ss = append(ss, orUnknown(e.read(v, nil, store, edgeOther))...)
			if store.Block() != fn.Blocks[0] {
				ss = append(ss, def()...) // set only on some paths
			}
		}
	}
	return ss.normalize(), true
}

// storedString is the string a store to a base-URL field writes: the value
// itself, or the argument of a func(string) *string helper (aws.String).
// isNil reports a nil pointer (the field left unset); ok is false for
// anything else.
func storedString(v ssa.Value) (s ssa.Value, isNil, ok bool) {
	if c, isCall := v.(*ssa.Call); isCall && isStringPtrHelper(c.Common()) {
		return c.Common().Args[0], false, true
	}
	if isStringLike(v.Type()) {
		return v, false, true
	}
	if k, isConst := v.(*ssa.Const); isConst && k.IsNil() {
		return nil, true, false
	}
	return nil, false, false
}

// fieldStores returns the stores to the named field of the struct that
// alloc holds.
func fieldStores(alloc *ssa.Alloc, field string) []*ssa.Store {
	if alloc.Referrers() == nil {
		return nil
	}
	var out []*ssa.Store
	for _, ref := range *alloc.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok {
			out = append(out, storesTo(fa, field)...)
		}
	}
	return out
}

// storesTo returns the stores through fa when it addresses the named field
// (loads and other uses are not stores).
func storesTo(fa *ssa.FieldAddr, field string) []*ssa.Store {
	st, ok := ssax.Deref(fa.X.Type()).Underlying().(*types.Struct)
	if !ok || st.Field(fa.Field).Name() != field {
		return nil
	}
	var out []*ssa.Store
	for _, r := range *fa.Referrers() {
		if store, ok := r.(*ssa.Store); ok && store.Addr == fa {
			out = append(out, store)
		}
	}
	return out
}

// isStringPtrHelper reports whether a call is of a func(string) *string
// (aws.String): its argument is the string pointed to.
func isStringPtrHelper(common *ssa.CallCommon) bool {
	sig := common.Signature()
	if common.IsInvoke() || sig.Recv() != nil || sig.Params().Len() != 1 || sig.Results().Len() != 1 || len(common.Args) != 1 {
		return false
	}
	p, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	return ok && isStringLike(sig.Params().At(0).Type()) && isStringLike(p.Elem())
}

// sdkDerived is the base URL of a client that a method of an SDK client
// derives from its receiver (generative-ai-go's client.GenerativeModel(name),
// model.StartChat()): the receiver's. ok is false for any other call.
func (e *eval) sdkDerived(call *ssa.Call, fn *types.Func, args []ssa.Value, i int, path []string) (Strs, bool) {
	sig, isSig := fn.Type().(*types.Signature)
	if len(path) != 0 || !isSig || sig.Recv() == nil || len(args) == 0 || i >= sig.Results().Len() {
		return nil, false
	}
	res := sig.Results().At(i).Type()
	if !sdks.ClientType(sig.Recv().Type()) || !sdks.ClientType(res) || !sdks.SameSDK(fn.Pkg().Path(), typePkg(res)) {
		return nil, false
	}
	return orUnknown(e.read(args[0], nil, call, edgeOther)), true
}

// typePkg is the package path of named type t (or what it points to), or "".
func typePkg(t types.Type) string {
	if n, ok := types.Unalias(ssax.Deref(t)).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

// sameModuleOption reports whether option function opt comes from the
// constructor's SDK (its option or config package, or an option package
// the table names for it), whose option functions other than the table's
// overrides leave the base URL alone.
func sameModuleOption(opt, ctor *types.Func) bool {
	return sdks.SDKOption(opt.Pkg().Path(), ctor.Pkg().Path())
}

// sdkConfig is field path of the result of config constructor fn, from the
// table, or nil when the table says nothing.
func (e *eval) sdkConfig(call *ssa.Call, fn *types.Func, args []ssa.Value, i int, path []string) Strs {
	if i != 0 {
		return nil
	}
	p := joinPath(path)
	for _, f := range sdks.ConfigFields(fn.FullName()) {
		if f.Path != p {
			continue
		}
		if f.Param >= 0 {
			if f.Param >= len(args) {
				return unknown()
			}
			ss := orUnknown(e.read(args[f.Param], nil, call, edgeOther))
			if f.EmptyDefault == "" {
				return ss
			}
			var out Strs
			for _, s := range ss {
				if s == Literal("") {
					s = Literal(f.EmptyDefault)
				}
				out = append(out, s)
			}
			return out.normalize()
		}
		return one(Literal(f.Lit))
	}
	return nil
}

// orUnknown widens "no value reaches" to Unknown: a client always has a
// base URL.
func orUnknown(ss Strs) Strs {
	if len(ss) == 0 {
		return unknown()
	}
	return ss
}
