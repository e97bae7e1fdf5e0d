// Package sdks is the LLM SDK table of localroute.md §6, as data: which
// constructors build a client, the base URL a client gets by default, and
// how a caller overrides it (a positional argument, a field of a config
// struct, or an option function among the variadic arguments).
//
// The generic engine (package hosts) cannot follow most SDKs to their
// sinks: requests go through interfaces implemented in internal packages,
// through option closures, or through environment lookups. The table is
// consulted where that engine yields nothing: a method call on an SDK
// client becomes a sink whose destination is the client's base URL, and a
// call to a table constructor yields that base URL. Functions are named by
// types.Func.FullName, so stubs with the real import paths match too.
//
// The package holds data only; hosts turns it into abstract strings.
package sdks

import (
	"go/types"
	"strings"
)

// Ctor is one constructor of an SDK client. Its result index 0 is the
// client.
type Ctor struct {
	// Default is the base URL the client uses when nothing overrides it.
	Default string
	// Alt are further defaults the SDK may choose by settings the table
	// does not read (genai's Vertex backend): the client may reach any.
	Alt []string
	// Env is the environment variable the SDK reads to replace Default
	// when the caller gives no override, or "". With an env-with-default
	// the default is what gets classified (localroute.md §5).
	Env string
	// Arg is the index of a positional base-URL argument (a string or a
	// *url.URL), or -1.
	Arg int
	// ConfigArg is the index of a config struct argument whose field path
	// ConfigPath holds the base URL, or -1.
	ConfigArg  int
	ConfigPath string
	// EmptyIsDefault: an empty string in the positional argument or the
	// config field means Default.
	EmptyIsDefault bool
	// Options: the last argument is variadic options, and the option
	// functions of Overrides may replace the base URL.
	Options bool
	// OptionField: the options are also closures over a pointer to an
	// options struct (func(o *bedrockruntime.Options)), and a closure
	// written by the caller replaces the base URL by storing to this field
	// (a string, or a *string made by a func(string) *string such as
	// aws.String).
	OptionField string
}

// ConfigField is a field a config constructor sets (DefaultConfig): a
// literal, or the constructor's parameter Param (Param >= 0), where an
// empty string means EmptyDefault when that is set.
type ConfigField struct {
	Path         string
	Lit          string
	Param        int
	EmptyDefault string
}

// SDK is one module's entry.
type SDK struct {
	// Module is the module path (a package path prefix); code inside it
	// is the SDK itself and is left to the generic engine.
	Module string
	// ClientPkgs are the package paths whose client types carry the base
	// URL; a method call on a value of such a type is a client use.
	ClientPkgs []string
	// ClientTypes are the client type names in ClientPkgs. A name ending
	// in "*" is a prefix; a name starting with "*" is a suffix
	// ("*Service": every service of the client).
	ClientTypes []string
	// AnyMethod: every exported method of a client type is a client use.
	// Otherwise only methods whose first parameter is a context.Context
	// are: the SDKs' requests take one, while accessors such as any-llm-go's
	// Name and Capabilities do not.
	AnyMethod bool
	// Ctors maps a constructor's FullName to its description.
	Ctors map[string]Ctor
	// Configs maps a config constructor's FullName to the fields it sets.
	Configs map[string][]ConfigField
	// Overrides maps an option function's FullName to the index of its
	// base-URL argument, or to -1 when the option may replace the base URL
	// in a way the table does not read (a universe domain).
	Overrides map[string]int
	// FixedOverrides maps an option function's FullName to the base URL
	// it sets for each constant value of its first argument (openai-go's
	// WithDataResidency(option.DataResidencyEU)); any of them when the
	// argument is not a constant.
	FixedOverrides map[string]map[string]string
	// OptionPkgs are packages outside Module whose option functions the
	// SDK's constructors take (google.golang.org/api/option): those that
	// are not Overrides leave the base URL alone, like the SDK's own.
	OptionPkgs []string
}

const (
	openAIDefault    = "https://api.openai.com/v1"
	anthropicDefault = "https://api.anthropic.com/"
	ollamaDefault    = "http://127.0.0.1:11434"
)

func positional(def string, arg int) Ctor {
	return Ctor{Default: def, Arg: arg, ConfigArg: -1, EmptyIsDefault: true}
}

func fixed(def string) Ctor { return Ctor{Default: def, Arg: -1, ConfigArg: -1} }

func options(def, env string) Ctor {
	return Ctor{Default: def, Env: env, Arg: -1, ConfigArg: -1, Options: true}
}

// openaiGo is the entry for one major version of github.com/openai/openai-go.
func openaiGo(mod string) SDK {
	return SDK{
		Module:      mod,
		ClientPkgs:  []string{mod, mod + "/responses"},
		ClientTypes: []string{"Client", "*Service"},
		Ctors:       map[string]Ctor{mod + ".NewClient": options(openAIDefault+"/", "OPENAI_BASE_URL")},
		Overrides:   map[string]int{mod + "/option.WithBaseURL": 0, mod + "/azure.WithEndpoint": 0},
		// v3's WithDataResidency (absent before v3) selects a regional
		// endpoint by a DataResidency constant.
		FixedOverrides: map[string]map[string]string{mod + "/option.WithDataResidency": {
			"global": "https://api.openai.com/v1/", "us": "https://us.api.openai.com/v1/",
			"eu": "https://eu.api.openai.com/v1/", "ae": "https://ae.api.openai.com/v1/",
			"au": "https://au.api.openai.com/v1/", "in": "https://in.api.openai.com/v1/",
			"jp": "https://jp.api.openai.com/v1/",
		}},
	}
}

// anthropicGo is the entry for one major version of
// github.com/anthropics/anthropic-sdk-go (v1 and /v2 share the API).
func anthropicGo(mod string) SDK {
	return SDK{
		Module:      mod,
		ClientPkgs:  []string{mod},
		ClientTypes: []string{"Client", "*Service"},
		Ctors:       map[string]Ctor{mod + ".NewClient": options(anthropicDefault, "ANTHROPIC_BASE_URL")},
		Overrides:   map[string]int{mod + "/option.WithBaseURL": 0},
	}
}

// anyLLM is an any-llm-go provider package.
func anyLLM(provider, def, env string) (string, Ctor) {
	return "github.com/mozilla-ai/any-llm-go/providers/" + provider + ".New", options(def, env)
}

// Table is the built-in SDK table.
var Table = func() []SDK {
	const goOpenAI = "github.com/sashabaranov/go-openai"
	const ollama = "github.com/ollama/ollama/api"
	const ollamaModule = "github.com/ollama/ollama"
	const mistral = "github.com/gage-technologies/mistral-go"
	const genai = "google.golang.org/genai"
	const lc = "github.com/tmc/langchaingo"
	const anthropic = "github.com/anthropics/anthropic-sdk-go"
	const anyllm = "github.com/mozilla-ai/any-llm-go"
	const cohere = "github.com/cohere-ai/cohere-go/v2"
	const genaiOld = "github.com/google/generative-ai-go"
	const gapiOption = "google.golang.org/api/option"
	const bedrock = "github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	cfg := func(def string) Ctor {
		return Ctor{Default: def, Arg: -1, ConfigArg: 0, ConfigPath: "BaseURL"}
	}
	anyCtors := map[string]Ctor{}
	for _, p := range [][3]string{
		{"openai", "https://api.openai.com/v1", ""},
		{"anthropic", "https://api.anthropic.com/", "ANTHROPIC_BASE_URL"},
		{"groq", "https://api.groq.com/openai/v1", ""},
		{"deepseek", "https://api.deepseek.com", ""},
		{"mistral", "https://api.mistral.ai/v1/", ""},
		{"ollama", "http://localhost:11434", "OLLAMA_HOST"},
		{"llamacpp", "http://127.0.0.1:8080/v1", ""},
		{"llamafile", "http://localhost:8080/v1", "LLAMAFILE_BASE_URL"},
	} {
		k, c := anyLLM(p[0], p[1], p[2])
		anyCtors[k] = c
	}
	// gemini builds a google.golang.org/genai client for the Gemini API
	// and ignores config.WithBaseURL; genai reads GOOGLE_GEMINI_BASE_URL.
	anyCtors[anyllm+"/providers/gemini.New"] = Ctor{Default: "https://generativelanguage.googleapis.com/", Env: "GOOGLE_GEMINI_BASE_URL", Arg: -1, ConfigArg: -1}
	return []SDK{
		{
			Module:      goOpenAI,
			ClientPkgs:  []string{goOpenAI},
			ClientTypes: []string{"Client"},
			Ctors: map[string]Ctor{
				goOpenAI + ".NewClient":           fixed(openAIDefault),
				goOpenAI + ".NewOrgClient":        fixed(openAIDefault),
				goOpenAI + ".NewClientWithConfig": cfg(""),
			},
			Configs: map[string][]ConfigField{
				goOpenAI + ".DefaultConfig":      {{Path: "BaseURL", Lit: openAIDefault, Param: -1}},
				goOpenAI + ".DefaultAzureConfig": {{Path: "BaseURL", Param: 1}},
				// An empty baseURL means Anthropic's OpenAI-compatible API.
				goOpenAI + ".DefaultAnthropicConfig": {{Path: "BaseURL", Param: 1, EmptyDefault: "https://api.anthropic.com/v1"}},
			},
		},
		openaiGo("github.com/openai/openai-go"),
		openaiGo("github.com/openai/openai-go/v2"),
		openaiGo("github.com/openai/openai-go/v3"),
		anthropicGo(anthropic),
		anthropicGo(anthropic + "/v2"),
		{
			Module:      ollamaModule,
			ClientPkgs:  []string{ollama},
			ClientTypes: []string{"Client"},
			Ctors: map[string]Ctor{
				ollama + ".ClientFromEnvironment": {Default: ollamaDefault, Env: "OLLAMA_HOST", Arg: -1, ConfigArg: -1},
				ollama + ".NewClient":             {Arg: 0, ConfigArg: -1},
			},
		},
		{
			Module:      genai,
			ClientPkgs:  []string{genai},
			ClientTypes: []string{"Client", "Models", "Live", "Caches", "Chats", "Files", "Operations", "FileSearchStores", "Batches", "Tunings", "Tokens"},
			Ctors: map[string]Ctor{genai + ".NewClient": {
				// The Gemini API by default; the Vertex AI backend (from the
				// config or GOOGLE_GENAI_USE_VERTEXAI) uses aiplatform, or
				// {location}-aiplatform, which is left unknown.
				Default: "https://generativelanguage.googleapis.com/", Alt: []string{"https://aiplatform.googleapis.com/"},
				Env: "GOOGLE_GEMINI_BASE_URL", Arg: -1, ConfigArg: 1, ConfigPath: "HTTPOptions.BaseURL", EmptyIsDefault: true,
			}},
		},
		{
			// langchaingo: each llms/<provider>.New builds an *LLM (mistral: a
			// *Model); helpers such as llms.GenerateFromSinglePrompt take it
			// as an llms.Model. huggingface (v0.1.14) has no environment
			// variable for its URL (HF_TOKEN is the token only), and
			// WithInferenceProvider makes New use https://router.huggingface.co
			// whatever WithURL says, which the table does not read. googleai
			// (v0.1.14) talks to generativelanguage.googleapis.com through
			// generative-ai-go; none of its options sets an endpoint, and a
			// gRPC connection dials its own target. llamafile (v0.1.14) reads
			// LLAMAFILE_HOST, else http://127.0.0.1:8080; its server URL is a
			// field of an internal type that no option sets. llms/local runs a
			// binary (LOCAL_LLM_BIN) as a subprocess: it is no client.
			Module: lc,
			ClientPkgs: []string{lc + "/llms/openai", lc + "/llms/ollama", lc + "/llms/anthropic", lc + "/llms/mistral",
				lc + "/llms/huggingface", lc + "/llms/googleai", lc + "/llms/llamafile"},
			ClientTypes: []string{"LLM", "Model", "GoogleAI"},
			Ctors: map[string]Ctor{
				lc + "/llms/openai.New":      options(openAIDefault, "OPENAI_BASE_URL"),
				lc + "/llms/ollama.New":      options(ollamaDefault, "OLLAMA_HOST"),
				lc + "/llms/anthropic.New":   options("https://api.anthropic.com/v1", ""),
				lc + "/llms/mistral.New":     options("https://api.mistral.ai", ""),
				lc + "/llms/huggingface.New": options("https://api-inference.huggingface.co", ""),
				lc + "/llms/googleai.New":    options("https://generativelanguage.googleapis.com", ""),
				lc + "/llms/llamafile.New":   options("http://127.0.0.1:8080", "LLAMAFILE_HOST"),
			},
			Overrides: map[string]int{
				lc + "/llms/openai.WithBaseURL":                0,
				lc + "/llms/ollama.WithServerURL":              0,
				lc + "/llms/anthropic.WithBaseURL":             0,
				lc + "/llms/mistral.WithEndpoint":              0,
				lc + "/llms/huggingface.WithURL":               0,
				lc + "/llms/huggingface.WithInferenceProvider": -1,
				lc + "/llms/googleai.WithGRPCConn":             -1,
			},
		},
		{
			Module:      mistral,
			ClientPkgs:  []string{mistral},
			ClientTypes: []string{"MistralClient"},
			AnyMethod:   true, // its requests take no context
			Ctors: map[string]Ctor{
				mistral + ".NewMistralClientDefault":   fixed("https://api.mistral.ai"),
				mistral + ".NewCodestralClientDefault": fixed("https://codestral.mistral.ai"),
				mistral + ".NewMistralClient":          positional("https://api.mistral.ai", 1),
			},
		},
		{
			// cohere-go v2 (Fern): option values implementing an interface;
			// the client's sub-clients (V2, Models, ...) share its options.
			// No environment variable sets the base URL (CO_API_KEY is the
			// token only).
			Module: cohere,
			ClientPkgs: []string{cohere + "/client", cohere + "/v2", cohere + "/models", cohere + "/datasets",
				cohere + "/embedjobs", cohere + "/connectors", cohere + "/finetuning/client"},
			ClientTypes: []string{"Client"},
			Ctors:       map[string]Ctor{cohere + "/client.NewClient": options("https://api.cohere.com", "")},
			Overrides:   map[string]int{cohere + "/option.WithBaseURL": 0, cohere + "/client.WithBaseURL": 0},
		},
		{
			// generative-ai-go (deprecated for google.golang.org/genai): the
			// Gemini REST clients of cloud.google.com/go/ai, whose default
			// endpoint is https://generativelanguage.googleapis.com; models
			// and chat sessions come from the client's methods.
			Module:      genaiOld,
			ClientPkgs:  []string{genaiOld + "/genai"},
			ClientTypes: []string{"Client", "GenerativeModel", "ChatSession", "EmbeddingModel"},
			Ctors:       map[string]Ctor{genaiOld + "/genai.NewClient": options("https://generativelanguage.googleapis.com", "")},
			Overrides: map[string]int{
				gapiOption + ".WithEndpoint":       0,
				gapiOption + ".WithUniverseDomain": -1,
				gapiOption + ".WithGRPCConn":       -1,
			},
			OptionPkgs: []string{gapiOption},
		},
		{
			// The Bedrock runtime (aws-sdk-go-v2): the endpoint is
			// https://bedrock-runtime.{region}.amazonaws.com for the
			// config's region, which the table does not read: the default
			// names a placeholder region. Options.BaseEndpoint, set in an
			// option closure, overrides it; AWS_ENDPOINT_URL_BEDROCK_RUNTIME
			// (or AWS_ENDPOINT_URL, or the shared config file) replaces the
			// default when the caller gives no override. The endpoint
			// resolver options replace it in ways the table does not read.
			Module:      bedrock,
			ClientPkgs:  []string{bedrock},
			ClientTypes: []string{"Client"},
			Ctors: map[string]Ctor{bedrock + ".NewFromConfig": {
				Default: "https://bedrock-runtime.region.amazonaws.com", Env: "AWS_ENDPOINT_URL_BEDROCK_RUNTIME",
				Arg: -1, ConfigArg: -1, Options: true, OptionField: "BaseEndpoint",
			}},
			Overrides: map[string]int{bedrock + ".WithEndpointResolver": -1, bedrock + ".WithEndpointResolverV2": -1},
		},
		{
			Module:      anyllm,
			ClientPkgs:  providerPkgs(anyllm, "openai", "anthropic", "groq", "deepseek", "mistral", "ollama", "llamacpp", "llamafile", "gemini"),
			ClientTypes: []string{"*Provider"}, // Provider, and the CompatibleProvider it embeds
			Ctors:       anyCtors,
			Overrides:   map[string]int{anyllm + "/config.WithBaseURL": 0},
		},
	}
}()

func providerPkgs(mod string, ps ...string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = mod + "/providers/" + p
	}
	return out
}

var (
	ctors          = map[string]Ctor{}
	configs        = map[string][]ConfigField{}
	overrides      = map[string]int{}
	fixedOverrides = map[string]map[string]string{}
	clientPkg      = map[string]*SDK{}
)

func init() {
	for i := range Table {
		s := &Table[i]
		for k, v := range s.Ctors {
			ctors[k] = v
		}
		for k, v := range s.Configs {
			configs[k] = v
		}
		for k, v := range s.Overrides {
			overrides[k] = v
		}
		for k, v := range s.FixedOverrides {
			fixedOverrides[k] = v
		}
		for _, p := range s.ClientPkgs {
			clientPkg[p] = s
		}
	}
}

// Constructor returns the table entry of the constructor named fullName.
func Constructor(fullName string) (Ctor, bool) {
	c, ok := ctors[fullName]
	return c, ok
}

// ConfigFields returns the fields the config constructor fullName sets.
func ConfigFields(fullName string) []ConfigField { return configs[fullName] }

// Override returns the index of the base-URL argument of the option
// function fullName.
func Override(fullName string) (int, bool) {
	i, ok := overrides[fullName]
	return i, ok
}

// FixedOverride returns the base URLs the option function fullName sets,
// by the constant value of its first argument.
func FixedOverride(fullName string) (map[string]string, bool) {
	u, ok := fixedOverrides[fullName]
	return u, ok
}

// ClientType reports whether t (or what it points to) is a client type of
// the table.
func ClientType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	s := clientPkg[n.Obj().Pkg().Path()]
	if s == nil {
		return false
	}
	name := n.Obj().Name()
	for _, ct := range s.ClientTypes {
		switch {
		case strings.HasPrefix(ct, "*") && strings.HasSuffix(name, ct[1:]),
			strings.HasSuffix(ct, "*") && strings.HasPrefix(name, ct[:len(ct)-1]),
			ct == name:
			return true
		}
	}
	return false
}

// ClientUse reports whether a call of method fn, made in package caller,
// is a use of an SDK client: an exported method of a client type, called
// from outside the SDK's module.
func ClientUse(fn *types.Func, caller string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !fn.Exported() || !ClientType(sig.Recv().Type()) {
		return false
	}
	s := clientPkg[fn.Pkg().Path()]
	if s == nil || within(caller, s.Module) {
		return false
	}
	return s.AnyMethod || sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type())
}

// HelperUse reports whether a call of function fn, made in package caller,
// hands an SDK client to the SDK's own helper: fn is a function (not a
// method) of an SDK package, called from outside the SDK, whose first
// parameter is a context.Context. Its client arguments are those whose
// parameter type is an interface of the SDK (ClientInterface).
func HelperUse(fn *types.Func, caller string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || fn.Pkg() == nil || !fn.Exported() || !InSDK(fn.Pkg().Path()) || SameSDK(caller, fn.Pkg().Path()) {
		return false
	}
	return sig.Params().Len() > 1 && isContext(sig.Params().At(0).Type())
}

// ClientInterface reports whether t is a named interface with methods
// declared in an SDK of the table (langchaingo's llms.Model).
func ClientInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !InSDK(n.Obj().Pkg().Path()) {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// TakesContext reports whether fn's first parameter is a context.Context.
func TakesContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type())
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// SDKOption reports whether an option function of package optPkg belongs
// to the SDK of the constructor in package ctorPkg: the SDK's own packages
// or its OptionPkgs.
func SDKOption(optPkg, ctorPkg string) bool {
	for _, s := range Table {
		if !within(ctorPkg, s.Module) {
			continue
		}
		if within(optPkg, s.Module) {
			return true
		}
		for _, p := range s.OptionPkgs {
			if optPkg == p {
				return true
			}
		}
	}
	return false
}

// SameSDK reports whether packages a and b belong to the same SDK of the
// table.
func SameSDK(a, b string) bool {
	for _, s := range Table {
		if within(a, s.Module) && within(b, s.Module) {
			return true
		}
	}
	return false
}

func within(pkg, mod string) bool { return pkg == mod || strings.HasPrefix(pkg, mod+"/") }

// InSDK reports whether package path belongs to an SDK of the table:
// importing it can reach the network through a client.
func InSDK(path string) bool {
	for _, s := range Table {
		if within(path, s.Module) {
			return true
		}
	}
	return false
}
