// Package sdks is the LLM SDK table, as data: which
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
	"sync"
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
	// the default is what gets classified.
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
	// RegionURL is the base URL, as a format with one %s, that a region
	// (or location) given by a Regions option of the SDK, or by the plugin
	// field RegionField, selects: "https://%s-aiplatform.googleapis.com".
	// A region the table cannot read as a literal stands as "region": the
	// host is external whatever the region. A base-URL override wins over
	// a region; without either the client uses Default.
	RegionURL   string
	RegionField string
	// GlobalURL is the base URL for the region "global", when it is not
	// RegionURL's (genai's Vertex backend: aiplatform.googleapis.com).
	GlobalURL string
	// OptsField is a field of a plugin struct holding a slice of option
	// values: an Overrides function among them wins over ConfigPath.
	OptsField string
	// Provider is a plugin's name (what its Name method returns), the
	// prefix of the model names it serves ("ollama" in "ollama/llama3");
	// ProviderField is the plugin's field holding it instead
	// (compat_oai.OpenAICompatible's Provider). Neither: the name is
	// unknown and the plugin may serve any model.
	Provider      string
	ProviderField string
	// EmbedderAtName: the plugin's embedders are named provider/address
	// and send to that address, not to the plugin's (genkit's ollama).
	EmbedderAtName bool
}

// RegionPlaceholder is the region a base URL names when the table cannot
// read the region (as bedrock-runtime.region.amazonaws.com does).
const RegionPlaceholder = "region"

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
	// Regions maps an option function's FullName to the index of its
	// region argument, which selects the constructor's RegionURL.
	Regions map[string]int
	// PluginOptions are option functions (FullName) of a framework's
	// constructor (genkit.WithPlugins) whose variadic arguments are
	// plugins: the client reaches the base URL of every plugin it is given.
	PluginOptions []string
	// Plugins maps a plugin struct type ("pkgpath.Name"; the plugin is a
	// pointer to it) to its base URL: Default, Alt and Env as for a
	// constructor, the field ConfigPath (EmptyIsDefault: an empty field
	// means Default), RegionField and OptsField. A plugin of a type not in
	// the table makes the host unknown.
	Plugins map[string]Ctor
	// DispatchUses are the framework's helpers (FullName) that send to the
	// one plugin their model name selects (genkit.Generate); true when
	// the framework's default model (DefaultModelOptions) applies when
	// they are given none (false: Embed, whose embedder has no default).
	DispatchUses map[string]bool
	// ModelNameOptions maps an option function of a use to the index of its
	// model name argument ("provider/model": ai.WithModelName).
	ModelNameOptions map[string]int
	// ModelArgOptions maps an option function of a use to the index of
	// its model value argument (ai.WithModel(m)), whose name comes from
	// the Namers call that made m.
	ModelArgOptions map[string]int
	// Namers are functions (FullName) returning a model, or a reference
	// to one, whose name they know (googlegenai.GoogleAIModel(g, "x") is
	// "googleai/x").
	Namers map[string]Namer
	// DefaultModelOptions maps an option function of the constructor to
	// the index of its default model name argument
	// (genkit.WithDefaultModel).
	DefaultModelOptions map[string]int
}

// Namer is a function that returns a model named by its argument Arg
// ("provider/model"), or, when Provider is set, a model of that provider
// whatever its arguments.
type Namer struct {
	Arg      int
	Provider string
}

const (
	openAIDefault    = "https://api.openai.com/v1"
	anthropicDefault = "https://api.anthropic.com/"
	ollamaDefault    = "http://127.0.0.1:11434"
	// The Bedrock runtime's endpoint names the config's region, which the
	// table does not read.
	bedrockDefault = "https://bedrock-runtime.region.amazonaws.com"
	bedrockEnv     = "AWS_ENDPOINT_URL_BEDROCK_RUNTIME"
)

// plugin is a plugin whose base URL is def (or the variable env), or the
// field field when it is set.
func plugin(def, env, field string) Ctor {
	return Ctor{Default: def, Env: env, Arg: -1, ConfigArg: -1, ConfigPath: field, EmptyIsDefault: field != ""}
}

// named is plugin p whose Name() is provider.
func named(p Ctor, provider string) Ctor {
	p.Provider = provider
	return p
}

// providerField is plugin p whose Name() is its field field.
func providerField(p Ctor, field string) Ctor {
	p.ProviderField = field
	return p
}

// embedsAtName is plugin p whose embedders are named provider/address.
func embedsAtName(p Ctor) Ctor {
	p.EmbedderAtName = true
	return p
}

// opts is plugin p whose Opts field may hold a base-URL option.
func opts(p Ctor) Ctor {
	p.OptsField = "Opts"
	return p
}

// regional is c whose region options select the base URL format url.
func regional(c Ctor, url string) Ctor {
	c.RegionURL = url
	return c
}

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

// buildTable returns the built-in SDK table (see table).
func buildTable() []SDK {
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
	const watsonx = "github.com/IBM/watsonx-go/pkg/models"
	const genkit = "github.com/firebase/genkit/go"
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
			// *Model; googleai: a *GoogleAI; googleai/vertex: a *Vertex;
			// watsonx.New takes the model first); helpers such as llms.GenerateFromSinglePrompt take it
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
			//
			// openai's Azure API types (WithAPIType) keep the base URL
			// (internal/openaiclient/openaiclient.go:194-210 builds
			// {baseURL}/openai/deployments/...): WithBaseURL still decides.
			//
			// The other providers (v0.1.14, file:line of the module):
			//   - cohere: New (coherellm.go:71) reads COHERE_BASE_URL
			//     (coherellm_option.go:6, coherellm.go:81), WithBaseURL
			//     (coherellm_option.go:36) replaces it, and an empty URL
			//     becomes https://api.cohere.ai
			//     (internal/cohereclient/cohereclient.go:91-92).
			//   - bedrock: New and NewWithContext (bedrockllm.go:25, 30)
			//     build bedrockruntime.NewFromConfig(config.LoadDefaultConfig)
			//     (bedrockllm.go:53-57): bedrock-runtime.{region}.amazonaws.com
			//     whatever the region, or AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
			//     WithClient (bedrockllm_option.go:45) hands in a client,
			//     whose base URL the bedrockruntime row gives.
			//   - googleai/vertex: New (vertex/new.go:30) calls
			//     cloud.google.com/go/vertexai/genai.NewClient(ctx, project,
			//     location) (new.go:36), whose endpoint is
			//     {location}-aiplatform.googleapis.com:443 with location
			//     WithCloudLocation (googleai/option.go:123), else
			//     GOOGLE_CLOUD_REGION or CLOUD_ML_REGION, else us-central1
			//     (vertexai v0.12.0 genai/client.go:59-60, 102-117).
			//     Embeddings go through palmclient with the location as given
			//     (palmclient.go:57). WithCloudLocation does not move googleai.New.
			//   - googleai/palm: New (palm/palm_llm.go:98) passes location
			//     and project swapped to palmclient.New(ctx, projectID,
			//     location) (palm_llm.go:123 against palmclient.go:44), so
			//     the endpoint {location}-aiplatform.googleapis.com
			//     (palmclient.go:57) is named by the project: WithProjectID
			//     (palm_llm_option.go:44), else GOOGLE_CLOUD_PROJECT
			//     (palm_llm_option.go:13), which the default leaves as the
			//     placeholder "region". Either way external.
			//   - cloudflare: New (cloudflarellm.go:28) has no default: the
			//     server URL is "" unless WithServerURL or
			//     WithCloudflareServerURL (options.go:46, 57) set it
			//     (cloudflarellm.go:37-40, cloudflareclient/client.go:31).
			//   - ernie: every request goes to aip.baidubce.com
			//     (internal/ernieclient/chat.go:18, ernieclient.go:200, 234,
			//     267, 355-366); WithBaseURL (erniellm_option.go:99) is
			//     stored and never read, so it overrides nothing. New itself
			//     fetches an access token from that host.
			//   - maritaca: New (maritacallm.go:28) builds
			//     maritacaclient.NewClient(o.httpClient) (maritacallm.go:38),
			//     always https://chat.maritaca.ai/api
			//     (internal/maritacaclient/maritacaclient.go:14, 28);
			//     WithServerURL (options.go:55) is stored and never read.
			//   - watsonx: New(modelID, opts ...models.ClientOption)
			//     (watsonxllm.go:69) builds github.com/IBM/watsonx-go v1.0.0
			//     models.NewClient: https://{URL}/..., URL from WithURL (a
			//     host, client_option.go:14; it wins over the region), else
			//     {region}.ml.cloud.ibm.com with WithRegion
			//     (client_option.go:20), default us-south (client.go:31-33,
			//     82-83; types.go:25-26; generate.go:94-96). No environment
			//     variable sets it (WATSONX_API_KEY is the key only).
			Module: lc,
			ClientPkgs: []string{lc + "/llms/openai", lc + "/llms/ollama", lc + "/llms/anthropic", lc + "/llms/mistral",
				lc + "/llms/huggingface", lc + "/llms/googleai", lc + "/llms/llamafile", lc + "/llms/cohere",
				lc + "/llms/bedrock", lc + "/llms/googleai/vertex", lc + "/llms/googleai/palm", lc + "/llms/cloudflare",
				lc + "/llms/ernie", lc + "/llms/maritaca", lc + "/llms/watsonx"},
			ClientTypes: []string{"LLM", "Model", "GoogleAI", "Vertex"},
			Ctors: map[string]Ctor{
				lc + "/llms/openai.New":             options(openAIDefault, "OPENAI_BASE_URL"),
				lc + "/llms/ollama.New":             options(ollamaDefault, "OLLAMA_HOST"),
				lc + "/llms/anthropic.New":          options("https://api.anthropic.com/v1", ""),
				lc + "/llms/mistral.New":            options("https://api.mistral.ai", ""),
				lc + "/llms/huggingface.New":        options("https://api-inference.huggingface.co", ""),
				lc + "/llms/googleai.New":           options("https://generativelanguage.googleapis.com", ""),
				lc + "/llms/llamafile.New":          options("http://127.0.0.1:8080", "LLAMAFILE_HOST"),
				lc + "/llms/cohere.New":             options("https://api.cohere.ai", "COHERE_BASE_URL"),
				lc + "/llms/bedrock.New":            options(bedrockDefault, bedrockEnv),
				lc + "/llms/bedrock.NewWithContext": options(bedrockDefault, bedrockEnv),
				lc + "/llms/googleai/vertex.New": regional(options("https://us-central1-aiplatform.googleapis.com", ""),
					"https://%s-aiplatform.googleapis.com"),
				lc + "/llms/googleai/palm.New": regional(options("https://region-aiplatform.googleapis.com", ""),
					"https://%s-aiplatform.googleapis.com"),
				lc + "/llms/cloudflare.New": options("", ""),
				lc + "/llms/ernie.New":      options("https://aip.baidubce.com/rpc/2.0/ai_custom/v1", ""),
				lc + "/llms/maritaca.New":   options("https://chat.maritaca.ai/api", ""),
				lc + "/llms/watsonx.New":    regional(options("https://us-south.ml.cloud.ibm.com", ""), "https://%s.ml.cloud.ibm.com"),
			},
			Overrides: map[string]int{
				lc + "/llms/openai.WithBaseURL":                 0,
				lc + "/llms/ollama.WithServerURL":               0,
				lc + "/llms/anthropic.WithBaseURL":              0,
				lc + "/llms/mistral.WithEndpoint":               0,
				lc + "/llms/huggingface.WithURL":                0,
				lc + "/llms/huggingface.WithInferenceProvider":  -1,
				lc + "/llms/googleai.WithGRPCConn":              -1,
				lc + "/llms/cohere.WithBaseURL":                 0,
				lc + "/llms/bedrock.WithClient":                 0,
				lc + "/llms/cloudflare.WithServerURL":           0,
				lc + "/llms/cloudflare.WithCloudflareServerURL": 0,
				watsonx + ".WithURL":                            0,
			},
			Regions: map[string]int{
				lc + "/llms/googleai.WithCloudLocation":  0, // vertex only: googleai.New has no RegionURL
				lc + "/llms/googleai/palm.WithProjectID": 0, // sic: see palm above
				watsonx + ".WithRegion":                  0,
			},
			OptionPkgs: []string{watsonx},
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
				Default: bedrockDefault, Env: bedrockEnv,
				Arg: -1, ConfigArg: -1, Options: true, OptionField: "BaseEndpoint",
			}},
			Overrides: map[string]int{bedrock + ".WithEndpointResolver": -1, bedrock + ".WithEndpointResolverV2": -1},
		},
		{
			// genkit: a framework, not a client. genkit.Init(ctx,
			// genkit.WithPlugins(&ollama.Ollama{ServerAddress: ...}, ...))
			// (genkit/genkit.go:212, 102) returns the *genkit.Genkit that
			// the helpers Generate, GenerateText, GenerateData, Embed, ...
			// (genkit.go:954-1175) take after the context; each model
			// plugin sends the requests of its models. The *Genkit reaches
			// every plugin it was given, but one call reaches only the
			// plugin its model name selects (hosts.modelTargets reads it
			// when the *Genkit comes from an Init in the same function):
			//   - Init registers each plugin under its Name()
			//     (genkit.go:225-231; a second plugin of the same name
			//     panics, internal/registry/registry.go:104-112), and the
			//     default model of WithDefaultModel (genkit.go:110, 245).
			//   - ai.WithModelName(name) is NewModelRef(name), and
			//     ai.WithModel(m) any ModelArg, one of them at most
			//     (ai/option.go:135-139, 225-233); ai.Generate sends by
			//     m.Name() (ai/generate.go:432-435, 515), or, with no model
			//     option, by the default model (ai/generate.go:204-211).
			//     GenerateText and GenerateData go through ai.Generate
			//     (ai/generate.go:549-565).
			//   - The name selects the registered action "/model/p/id" of
			//     api.ParseName's provider p, the text before the first
			//     "/" (core/action.go:326-329, core/api/utils.go:58-65),
			//     else the plugin whose Name() is p resolves it
			//     (registry.go:225-254, genkit.go:503).
			//   - Embed does the same with ai.WithEmbedderName, without a
			//     default (ai/embedder.go:165-181, ai/option.go:808-816).
			// Names: ollama "ollama" (ollama/ollama.go:40, 206-208);
			// googlegenai "googleai", "vertexai" (googlegenai.go:27-28,
			// 75-82); anthropic "anthropic" (anthropic/anthropic.go:38,
			// 53-55); compat_oai the Provider field
			// (compat_oai/compat_oai.go:105-107); compat_oai/openai
			// "openai" (openai.go:30, 174-176); compat_oai/anthropic
			// "anthropic" (anthropic.go:29, 123-125). Models made by
			// name: googlegenai.GoogleAIModel, VertexAIModel, ModelRef,
			// GoogleAIModelRef, VertexAIModelRef, GoogleAIEmbedder,
			// VertexAIEmbedder (googlegenai.go:286-323), ollama.Model
			// (ollama.go:100-103), (*ollama.Ollama).DefineModel: "ollama/"
			// + the definition's name, sent to the receiver's
			// ServerAddress (ollama.go:61, 90-91), genkit.LookupModel and
			// ai.NewModelRef. Not read: a model a program defines itself
			// under a plugin's prefix (genkit.DefineModel(g, "ollama/x",
			// fn), compat_oai's DefineModel(provider, id) on a plugin of
			// another Provider, compat_oai.go:110): the prefix then names
			// the wrong plugin. Ollama's embedders are named
			// "ollama/{serverAddress}" and send there (embed.go:131-145).
			// v1.4.0, plugins/:
			//   - ollama.Ollama: ServerAddress, required (Init panics
			//     without it), + "/api/chat" or "/api/generate"
			//     (ollama/ollama.go:198-220, 289-291); no environment
			//     variable. Embedders defined with their own address
			//     (embed.go:132) are not read.
			//   - googlegenai.GoogleAI: google.golang.org/genai's Gemini
			//     backend with no base URL (googlegenai.go:107-119):
			//     https://generativelanguage.googleapis.com/, or
			//     GOOGLE_GEMINI_BASE_URL (genai v1.41.0 client.go:141, 299).
			//   - googlegenai.VertexAI: genai's Vertex backend with Location
			//     (googlegenai.go:181-192): https://{loc}-aiplatform.googleapis.com/,
			//     https://aiplatform.googleapis.com/ for "global" (genai
			//     client.go:292-296), or GOOGLE_VERTEX_BASE_URL; an empty
			//     Location comes from GOOGLE_CLOUD_LOCATION or
			//     GOOGLE_CLOUD_REGION (googlegenai.go:150-158).
			//   - anthropic.Anthropic: BaseURL, else ANTHROPIC_BASE_URL,
			//     else anthropic-sdk-go's https://api.anthropic.com/
			//     (anthropic/anthropic.go:44-45, 79-87).
			//   - compat_oai.OpenAICompatible: openai-go (v1.8.2)
			//     NewClient(Opts...) with option.WithBaseURL(BaseURL) put
			//     before Opts, so a WithBaseURL in Opts wins
			//     (compat_oai/compat_oai.go:77, 92-97); else
			//     OPENAI_BASE_URL, else https://api.openai.com/v1/
			//     (openai-go client.go:45, option/requestoption.go:265).
			//   - compat_oai/openai.OpenAI: the same with Opts only
			//     (compat_oai/openai/openai.go:162-204).
			//   - compat_oai/anthropic.Anthropic: WithBaseURL of
			//     ANTHROPIC_BASE_URL, else https://api.anthropic.com/v1,
			//     put before Opts (compat_oai/anthropic/anthropic.go:30,
			//     117-140).
			// Other plugins (vertexai/modelgarden, mcp, ...) make the host
			// unknown.
			Module:        genkit,
			ClientPkgs:    []string{genkit + "/genkit"},
			ClientTypes:   []string{"Genkit"},
			Ctors:         map[string]Ctor{genkit + "/genkit.Init": options("", "")},
			PluginOptions: []string{genkit + "/genkit.WithPlugins"},
			Plugins: map[string]Ctor{
				genkit + "/plugins/ollama.Ollama":        embedsAtName(named(plugin("", "", "ServerAddress"), "ollama")),
				genkit + "/plugins/googlegenai.GoogleAI": named(plugin("https://generativelanguage.googleapis.com/", "GOOGLE_GEMINI_BASE_URL", ""), "googleai"),
				genkit + "/plugins/googlegenai.VertexAI": {
					Default: "https://region-aiplatform.googleapis.com/", Env: "GOOGLE_VERTEX_BASE_URL", Arg: -1, ConfigArg: -1,
					RegionField: "Location", RegionURL: "https://%s-aiplatform.googleapis.com/", GlobalURL: "https://aiplatform.googleapis.com/",
					Provider: "vertexai",
				},
				genkit + "/plugins/anthropic.Anthropic":            named(plugin(anthropicDefault, "ANTHROPIC_BASE_URL", "BaseURL"), "anthropic"),
				genkit + "/plugins/compat_oai.OpenAICompatible":    providerField(opts(plugin(openAIDefault+"/", "OPENAI_BASE_URL", "BaseURL")), "Provider"),
				genkit + "/plugins/compat_oai/openai.OpenAI":       named(opts(plugin(openAIDefault+"/", "OPENAI_BASE_URL", "")), "openai"),
				genkit + "/plugins/compat_oai/anthropic.Anthropic": named(opts(plugin("https://api.anthropic.com/v1", "ANTHROPIC_BASE_URL", "")), "anthropic"),
			},
			DispatchUses: map[string]bool{
				genkit + "/genkit.Generate":           true,
				genkit + "/genkit.GenerateText":       true,
				genkit + "/genkit.GenerateData":       true,
				genkit + "/genkit.GenerateStream":     true,
				genkit + "/genkit.GenerateDataStream": true,
				genkit + "/genkit.Embed":              false,
			},
			ModelNameOptions: map[string]int{genkit + "/ai.WithModelName": 0, genkit + "/ai.WithEmbedderName": 0},
			ModelArgOptions:  map[string]int{genkit + "/ai.WithModel": 0, genkit + "/ai.WithEmbedder": 0},
			Namers: map[string]Namer{
				genkit + "/ai.NewModelRef":                            {Arg: 0},
				genkit + "/genkit.LookupModel":                        {Arg: 1},
				genkit + "/plugins/googlegenai.ModelRef":              {Arg: 0},
				genkit + "/plugins/googlegenai.GoogleAIModelRef":      {Arg: -1, Provider: "googleai"},
				genkit + "/plugins/googlegenai.VertexAIModelRef":      {Arg: -1, Provider: "vertexai"},
				genkit + "/plugins/googlegenai.GoogleAIModel":         {Arg: -1, Provider: "googleai"},
				genkit + "/plugins/googlegenai.VertexAIModel":         {Arg: -1, Provider: "vertexai"},
				genkit + "/plugins/googlegenai.GoogleAIEmbedder":      {Arg: -1, Provider: "googleai"},
				genkit + "/plugins/googlegenai.VertexAIEmbedder":      {Arg: -1, Provider: "vertexai"},
				genkit + "/plugins/ollama.Model":                      {Arg: -1, Provider: "ollama"},
				"(*" + genkit + "/plugins/ollama.Ollama).DefineModel": {Arg: -1, Provider: "ollama"},
			},
			DefaultModelOptions: map[string]int{genkit + "/genkit.WithDefaultModel": 0},
		},
		{
			Module:      anyllm,
			ClientPkgs:  providerPkgs(anyllm, "openai", "anthropic", "groq", "deepseek", "mistral", "ollama", "llamacpp", "llamafile", "gemini"),
			ClientTypes: []string{"*Provider"}, // Provider, and the CompatibleProvider it embeds
			Ctors:       anyCtors,
			Overrides:   map[string]int{anyllm + "/config.WithBaseURL": 0},
		},
	}
}

func providerPkgs(mod string, ps ...string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = mod + "/providers/" + p
	}
	return out
}

// table is the built-in SDK table. It is built on first use, as is its
// index: a go vet unit that is skipped never needs either (InSDK answers
// from sdkModules), and building them when the program started was about
// 3% of such a unit's time.
var table = sync.OnceValue(buildTable)

// index maps the table's entries by the full names and paths that
// lookups use.
type index struct {
	ctors            map[string]Ctor
	configs          map[string][]ConfigField
	overrides        map[string]int
	fixedOverrides   map[string]map[string]string
	regions          map[string]int
	pluginOptions    map[string]bool
	plugins          map[string]Ctor
	clientPkg        map[string]*SDK
	dispatchUses     map[string]bool
	modelNameOptions map[string]int
	modelArgOpts     map[string]int
	namers           map[string]Namer
	defaultModels    map[string]int
}

var tableIndex = sync.OnceValue(func() *index {
	ix := &index{
		ctors:            map[string]Ctor{},
		configs:          map[string][]ConfigField{},
		overrides:        map[string]int{},
		fixedOverrides:   map[string]map[string]string{},
		regions:          map[string]int{},
		pluginOptions:    map[string]bool{},
		plugins:          map[string]Ctor{},
		clientPkg:        map[string]*SDK{},
		dispatchUses:     map[string]bool{},
		modelNameOptions: map[string]int{},
		modelArgOpts:     map[string]int{},
		namers:           map[string]Namer{},
		defaultModels:    map[string]int{},
	}
	t := table()
	for i := range t {
		s := &t[i]
		for k, v := range s.Ctors {
			ix.ctors[k] = v
		}
		for k, v := range s.Configs {
			ix.configs[k] = v
		}
		for k, v := range s.Overrides {
			ix.overrides[k] = v
		}
		for k, v := range s.Regions {
			ix.regions[k] = v
		}
		for _, k := range s.PluginOptions {
			ix.pluginOptions[k] = true
		}
		for k, v := range s.Plugins {
			ix.plugins[k] = v
		}
		for k, v := range s.FixedOverrides {
			ix.fixedOverrides[k] = v
		}
		for _, p := range s.ClientPkgs {
			ix.clientPkg[p] = s
		}
		for k, v := range s.DispatchUses {
			ix.dispatchUses[k] = v
		}
		for k, v := range s.ModelNameOptions {
			ix.modelNameOptions[k] = v
		}
		for k, v := range s.ModelArgOptions {
			ix.modelArgOpts[k] = v
		}
		for k, v := range s.Namers {
			ix.namers[k] = v
		}
		for k, v := range s.DefaultModelOptions {
			ix.defaultModels[k] = v
		}
	}
	return ix
})

// DispatchUse reports whether the helper fullName sends to the plugin its
// model name selects, and whether the default model applies to it.
func DispatchUse(fullName string) (usesDefault, ok bool) {
	usesDefault, ok = tableIndex().dispatchUses[fullName]
	return usesDefault, ok
}

// ModelNameOption returns the index of the model name argument of the option
// function fullName.
func ModelNameOption(fullName string) (int, bool) {
	i, ok := tableIndex().modelNameOptions[fullName]
	return i, ok
}

// ModelArgOption returns the index of the model value argument of the
// option function fullName.
func ModelArgOption(fullName string) (int, bool) {
	i, ok := tableIndex().modelArgOpts[fullName]
	return i, ok
}

// ModelNamer returns how the function fullName names the model it returns.
func ModelNamer(fullName string) (Namer, bool) {
	n, ok := tableIndex().namers[fullName]
	return n, ok
}

// DefaultModelOption returns the index of the default model name argument
// of the constructor option fullName.
func DefaultModelOption(fullName string) (int, bool) {
	i, ok := tableIndex().defaultModels[fullName]
	return i, ok
}

// Region returns the index of the region argument of the option function
// fullName.
func Region(fullName string) (int, bool) {
	i, ok := tableIndex().regions[fullName]
	return i, ok
}

// PluginOption reports whether the option function fullName takes plugins
// as its variadic arguments.
func PluginOption(fullName string) bool { return tableIndex().pluginOptions[fullName] }

// PluginType returns the table entry of plugin type t (a pointer to a
// plugin struct, or the struct).
func PluginType(t types.Type) (Ctor, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Ctor{}, false
	}
	c, ok := tableIndex().plugins[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
	return c, ok
}

// Constructor returns the table entry of the constructor named fullName.
func Constructor(fullName string) (Ctor, bool) {
	c, ok := tableIndex().ctors[fullName]
	return c, ok
}

// ConfigFields returns the fields the config constructor fullName sets.
func ConfigFields(fullName string) []ConfigField { return tableIndex().configs[fullName] }

// Override returns the index of the base-URL argument of the option
// function fullName.
func Override(fullName string) (int, bool) {
	i, ok := tableIndex().overrides[fullName]
	return i, ok
}

// FixedOverride returns the base URLs the option function fullName sets,
// by the constant value of its first argument.
func FixedOverride(fullName string) (map[string]string, bool) {
	u, ok := tableIndex().fixedOverrides[fullName]
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
	s := tableIndex().clientPkg[n.Obj().Pkg().Path()]
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
	s := tableIndex().clientPkg[fn.Pkg().Path()]
	if s == nil || within(caller, s.Module) {
		return false
	}
	return s.AnyMethod || sig.Params().Len() > 0 && isContext(sig.Params().At(0).Type())
}

// HelperUse reports whether a call of function fn, made in package caller,
// hands an SDK client to the SDK's own helper: fn is a function (not a
// method) of an SDK package, called from outside the SDK, whose first
// parameter is a context.Context. Its client arguments are those whose
// parameter type is an interface of the SDK or a client type (ClientParam).
func HelperUse(fn *types.Func, caller string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || fn.Pkg() == nil || !fn.Exported() || !InSDK(fn.Pkg().Path()) || SameSDK(caller, fn.Pkg().Path()) {
		return false
	}
	return sig.Params().Len() > 1 && isContext(sig.Params().At(0).Type())
}

// ClientParam reports whether a helper's parameter of type t takes a
// client: an interface of an SDK (ClientInterface) or a client type
// (genkit.Generate's *genkit.Genkit).
func ClientParam(t types.Type) bool { return ClientInterface(t) || ClientType(t) }

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
	for _, s := range table() {
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
	for _, s := range table() {
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
	for _, mod := range sdkModules {
		if within(path, mod) {
			return true
		}
	}
	return false
}

// sdkModules are the modules of the table's SDKs, in table order: InSDK
// is asked of every import of every go vet unit before the unit is
// skipped or analysed, and answering from this list does not build the
// table. TestModulesAreTheTables keeps the two the same.
var sdkModules = [...]string{
	"github.com/sashabaranov/go-openai",
	"github.com/openai/openai-go",
	"github.com/openai/openai-go/v2",
	"github.com/openai/openai-go/v3",
	"github.com/anthropics/anthropic-sdk-go",
	"github.com/anthropics/anthropic-sdk-go/v2",
	"github.com/ollama/ollama",
	"google.golang.org/genai",
	"github.com/tmc/langchaingo",
	"github.com/gage-technologies/mistral-go",
	"github.com/cohere-ai/cohere-go/v2",
	"github.com/google/generative-ai-go",
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime",
	"github.com/firebase/genkit/go",
	"github.com/mozilla-ai/any-llm-go",
}
