package sdks

import (
	"fmt"
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// funcPkg returns the package path of a FullName ("pkg.Func").
func funcPkg(fullName string) string {
	i := strings.LastIndexByte(fullName, '.')
	if i < 0 {
		return ""
	}
	return fullName[:i]
}

// TestTableConsistent checks the table's data: defaults are absolute URLs,
// and every function and client package belongs to its SDK's module.
func TestTableConsistent(t *testing.T) {
	for _, s := range table() {
		for _, p := range s.ClientPkgs {
			if !within(p, s.Module) {
				t.Errorf("%s: client package %s outside the module", s.Module, p)
			}
		}
		if len(s.ClientPkgs) == 0 || len(s.ClientTypes) == 0 || len(s.Ctors) == 0 {
			t.Errorf("%s: no client packages, client types or constructors", s.Module)
		}
		for name, c := range s.Ctors {
			if !within(funcPkg(name), s.Module) {
				t.Errorf("%s: constructor %s outside the module", s.Module, name)
			}
			for _, d := range append([]string{c.Default}, c.Alt...) {
				if d == "" && (c.Arg >= 0 || c.ConfigArg >= 0 || c.Options) && !c.EmptyIsDefault {
					continue // the argument or an option is the only source
				}
				if u, err := url.Parse(d); err != nil || u.Scheme == "" || u.Host == "" {
					t.Errorf("%s: default %q is not an absolute URL", name, d)
				}
			}
			checkRegion(t, name, c)
			if c.Arg >= 0 && c.ConfigArg >= 0 {
				t.Errorf("%s: both a positional and a config override", name)
			}
			if c.ConfigArg >= 0 && c.ConfigPath == "" {
				t.Errorf("%s: config override without a field path", name)
			}
		}
		for name := range s.Overrides {
			if !within(funcPkg(name), s.Module) && !slices.Contains(s.OptionPkgs, funcPkg(name)) {
				t.Errorf("%s: override %s outside the module", s.Module, name)
			}
		}
		for name := range s.Regions {
			if !within(funcPkg(name), s.Module) && !slices.Contains(s.OptionPkgs, funcPkg(name)) {
				t.Errorf("%s: region option %s outside the module", s.Module, name)
			}
		}
		for _, name := range s.PluginOptions {
			if !within(funcPkg(name), s.Module) {
				t.Errorf("%s: plugin option %s outside the module", s.Module, name)
			}
		}
		for name, p := range s.Plugins {
			if !within(funcPkg(name), s.Module) {
				t.Errorf("%s: plugin %s outside the module", s.Module, name)
			}
			if p.Default == "" && p.ConfigPath == "" {
				t.Errorf("%s: no default and no base-URL field", name)
			} else if u, err := url.Parse(p.Default); p.Default != "" && (err != nil || u.Scheme == "" || u.Host == "") {
				t.Errorf("%s: default %q is not an absolute URL", name, p.Default)
			}
			checkRegion(t, name, p)
		}
		for name := range s.Configs {
			if !within(funcPkg(name), s.Module) {
				t.Errorf("%s: config constructor %s outside the module", s.Module, name)
			}
		}
		checkModels(t, s)
	}
}

// checkModels checks the rows by which a framework's model name selects
// one plugin: every function in the module, every plugin of a framework
// with model uses named one way, and every namer knowing the provider one
// way.
func checkModels(t *testing.T, s SDK) {
	t.Helper()
	var names []string
	for name := range s.DispatchUses {
		names = append(names, name)
	}
	for name := range s.ModelNameOptions {
		names = append(names, name)
	}
	for name := range s.ModelArgOptions {
		names = append(names, name)
	}
	for name := range s.DefaultModelOptions {
		names = append(names, name)
	}
	for name, n := range s.Namers {
		names = append(names, name)
		if (n.Arg >= 0) == (n.Provider != "") {
			t.Errorf("%s: namer %s needs either a name argument or a provider", s.Module, name)
		}
	}
	for _, name := range names {
		pkg := strings.TrimPrefix(funcPkg(name), "(*") // "(*pkg.T).M"
		if i := strings.LastIndexByte(pkg, '.'); strings.HasPrefix(name, "(") && i >= 0 {
			pkg = pkg[:i]
		}
		if !within(pkg, s.Module) {
			t.Errorf("%s: model function %s outside the module", s.Module, name)
		}
	}
	if len(s.DispatchUses) == 0 {
		return
	}
	for name, p := range s.Plugins {
		if (p.Provider != "") == (p.ProviderField != "") {
			t.Errorf("%s: plugin %s needs either a provider or a provider field", s.Module, name)
		}
		if strings.Contains(p.Provider, "/") {
			t.Errorf("%s: provider %q of %s holds a slash", s.Module, p.Provider, name)
		}
	}
}

// TestModelRows: genkit's names, as Name() returns them in v1.4.0, and the
// uses, options and namers the selection by model name reads.
func TestModelRows(t *testing.T) {
	const gk = "github.com/firebase/genkit/go"
	named := func(path, name string) *types.Named {
		tn := types.NewTypeName(token.NoPos, types.NewPackage(path, "p"), name, nil)
		return types.NewNamed(tn, types.NewStruct(nil, nil), nil)
	}
	for typ, want := range map[string]string{
		"plugins/ollama.Ollama":                  "ollama",
		"plugins/googlegenai.GoogleAI":           "googleai",
		"plugins/googlegenai.VertexAI":           "vertexai",
		"plugins/anthropic.Anthropic":            "anthropic",
		"plugins/compat_oai/openai.OpenAI":       "openai",
		"plugins/compat_oai/anthropic.Anthropic": "anthropic",
	} {
		i := strings.LastIndexByte(typ, '.')
		p, ok := PluginType(types.NewPointer(named(gk+"/"+typ[:i], typ[i+1:])))
		if !ok || p.Provider != want || p.ProviderField != "" {
			t.Errorf("%s: provider %q (field %q), want %q", typ, p.Provider, p.ProviderField, want)
		}
	}
	if p, _ := PluginType(named(gk+"/plugins/compat_oai", "OpenAICompatible")); p.ProviderField != "Provider" {
		t.Errorf("compat_oai.OpenAICompatible: its name is the Provider field, got %+v", p)
	}
	if p, _ := PluginType(named(gk+"/plugins/ollama", "Ollama")); !p.EmbedderAtName {
		t.Error("ollama's embedders are named by their own address")
	}
	if gen, ok := DispatchUse(gk + "/genkit.GenerateText"); !ok || !gen {
		t.Error("GenerateText: a generation, where the default model applies")
	}
	if gen, ok := DispatchUse(gk + "/genkit.Embed"); !ok || gen {
		t.Error("Embed: an embedding, with no default")
	}
	if _, ok := DispatchUse(gk + "/genkit.Retrieve"); ok {
		t.Error("Retrieve selects no model plugin")
	}
	if k, ok := ModelNameOption(gk + "/ai.WithModelName"); !ok || k != 0 {
		t.Error("ai.WithModelName(name)")
	}
	if k, ok := ModelArgOption(gk + "/ai.WithModel"); !ok || k != 0 {
		t.Error("ai.WithModel(m)")
	}
	if k, ok := DefaultModelOption(gk + "/genkit.WithDefaultModel"); !ok || k != 0 {
		t.Error("genkit.WithDefaultModel(name)")
	}
	if n, ok := ModelNamer(gk + "/plugins/googlegenai.GoogleAIModel"); !ok || n.Provider != "googleai" {
		t.Errorf("googlegenai.GoogleAIModel: %+v", n)
	}
	if n, ok := ModelNamer("(*" + gk + "/plugins/ollama.Ollama).DefineModel"); !ok || n.Provider != "ollama" {
		t.Errorf("(*ollama.Ollama).DefineModel: %+v", n)
	}
	if n, ok := ModelNamer(gk + "/ai.NewModelRef"); !ok || n.Arg != 0 || n.Provider != "" {
		t.Errorf("ai.NewModelRef: %+v", n)
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		pkg, mod string
		want     bool
	}{
		{"github.com/openai/openai-go", "github.com/openai/openai-go", true},
		{"github.com/openai/openai-go/option", "github.com/openai/openai-go", true},
		{"github.com/openai/openai-go-extra", "github.com/openai/openai-go", false},
		{"example.com/app", "github.com/openai/openai-go", false},
	} {
		if got := within(tc.pkg, tc.mod); got != tc.want {
			t.Errorf("within(%q, %q) = %v, want %v", tc.pkg, tc.mod, got, tc.want)
		}
	}
	if !SameSDK("github.com/openai/openai-go/option", "github.com/openai/openai-go") {
		t.Error("openai-go's option package is not in the same SDK as its client")
	}
	if SameSDK("github.com/openai/openai-go/option", "github.com/anthropics/anthropic-sdk-go") {
		t.Error("openai-go and anthropic-sdk-go are the same SDK")
	}
	if !InSDK("github.com/sashabaranov/go-openai") || InSDK("net/http") {
		t.Error("InSDK")
	}
}

func TestSDKOption(t *testing.T) {
	for _, tc := range []struct {
		opt, ctor string
		want      bool
	}{
		{"github.com/openai/openai-go/option", "github.com/openai/openai-go", true},
		{"google.golang.org/api/option", "github.com/google/generative-ai-go/genai", true},
		{"google.golang.org/api/option", "github.com/openai/openai-go", false},
		{"github.com/anthropics/anthropic-sdk-go/option", "github.com/openai/openai-go", false},
		{"example.com/app", "github.com/cohere-ai/cohere-go/v2/client", false},
	} {
		if got := SDKOption(tc.opt, tc.ctor); got != tc.want {
			t.Errorf("SDKOption(%q, %q) = %v, want %v", tc.opt, tc.ctor, got, tc.want)
		}
	}
	if k, ok := Override("google.golang.org/api/option.WithUniverseDomain"); !ok || k >= 0 {
		t.Errorf("WithUniverseDomain: Override = %d, %v; want an opaque override", k, ok)
	}
}

// checkRegion checks that c's region URL takes one region and makes an
// absolute URL of it.
func checkRegion(t *testing.T, name string, c Ctor) {
	t.Helper()
	if c.RegionURL == "" {
		if c.RegionField != "" || c.GlobalURL != "" {
			t.Errorf("%s: a region field or global URL without a region URL", name)
		}
		return
	}
	if strings.Count(c.RegionURL, "%") != 1 || !strings.Contains(c.RegionURL, "%s") {
		t.Errorf("%s: region URL %q does not take one %%s", name, c.RegionURL)
		return
	}
	for _, u := range []string{fmt.Sprintf(c.RegionURL, RegionPlaceholder), c.GlobalURL} {
		if pu, err := url.Parse(u); u != "" && (err != nil || pu.Scheme == "" || pu.Host == "") {
			t.Errorf("%s: region URL %q is not absolute", name, u)
		}
	}
}

func TestRegionsAndPlugins(t *testing.T) {
	const lc = "github.com/tmc/langchaingo"
	if k, ok := Region(lc + "/llms/googleai.WithCloudLocation"); !ok || k != 0 {
		t.Errorf("WithCloudLocation: Region = %d, %v", k, ok)
	}
	if c, _ := Constructor(lc + "/llms/googleai.New"); c.RegionURL != "" {
		t.Error("googleai.New (the Gemini API) takes a region")
	}
	if c, _ := Constructor(lc + "/llms/googleai/vertex.New"); c.RegionURL == "" {
		t.Error("vertex.New takes no region")
	}
	if _, ok := Override(lc + "/llms/ernie.WithBaseURL"); ok {
		t.Error("ernie.WithBaseURL overrides, but v0.1.14 never reads it")
	}
	if !PluginOption("github.com/firebase/genkit/go/genkit.WithPlugins") || PluginOption("github.com/firebase/genkit/go/genkit.WithDefaultModel") {
		t.Error("PluginOption")
	}
	if !SDKOption("github.com/IBM/watsonx-go/pkg/models", lc+"/llms/watsonx") {
		t.Error("watsonx-go's options are not langchaingo's watsonx options")
	}
}

func TestPluginType(t *testing.T) {
	named := func(path, name string) *types.Named {
		tn := types.NewTypeName(token.NoPos, types.NewPackage(path, "p"), name, nil)
		return types.NewNamed(tn, types.NewStruct(nil, nil), nil)
	}
	ollama := named("github.com/firebase/genkit/go/plugins/ollama", "Ollama")
	if p, ok := PluginType(types.NewPointer(ollama)); !ok || p.ConfigPath != "ServerAddress" || p.Default != "" {
		t.Errorf("*ollama.Ollama: %+v, %v", p, ok)
	}
	if p, ok := PluginType(named("github.com/firebase/genkit/go/plugins/googlegenai", "VertexAI")); !ok || p.RegionField != "Location" {
		t.Errorf("googlegenai.VertexAI: %+v, %v", p, ok)
	}
	if _, ok := PluginType(named("github.com/firebase/genkit/go/plugins/localvec", "LocalVec")); ok {
		t.Error("localvec is not a model plugin of the table")
	}
	genkit := named("github.com/firebase/genkit/go/genkit", "Genkit")
	if !ClientParam(types.NewPointer(genkit)) || ClientParam(ollama) {
		t.Error("ClientParam: *genkit.Genkit is the client a helper takes; a plugin is not")
	}
}

// TestIsCloudModel: Ollama's own rule (isCloudModelName in ollama
// v0.17.4's middleware/anthropic.go and cmd/config/integrations.go): the
// suffix, not the word.
func TestIsCloudModel(t *testing.T) {
	for name, want := range map[string]bool{
		"gpt-oss:120b-cloud":       true,
		"qwen3-coder:480b-cloud":   true,
		"deepseek-v3.1:671b-cloud": true,
		"minimax-m2:cloud":         true,
		"llama3.2":                 false,
		"qwen3:8b":                 false,
		"cloudy-model:7b":          false,
		"cloud-llama:8b":           false,
		"gpt-oss:120b-cloud-q4":    false,
		"wordcloud":                false,
		"":                         false,
	} {
		if got := IsCloudModel(name); got != want {
			t.Errorf("IsCloudModel(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestModelTablesConsistent: model uses and options belong to SDKs of the
// table, and requests name a model argument after the receiver.
func TestModelTablesConsistent(t *testing.T) {
	for name, u := range modelUses() {
		if u.Arg < 1 {
			t.Errorf("%s: model argument %d", name, u.Arg)
		}
		if !InSDK(methodPkg(name)) {
			t.Errorf("%s: outside the SDK table", name)
		}
	}
	for pkg, o := range modelOptions {
		if !InSDK(pkg) || len(o.Ctor) == 0 {
			t.Errorf("%s: model options outside the table, or none", pkg)
		}
	}
	for name := range modelOptionMethods {
		if !InSDK(methodPkg(name)) {
			t.Errorf("%s: outside the SDK table", name)
		}
	}
}

// methodPkg returns the package path of a FullName, method or function
// ("(*pkg.T).M", "(pkg.I).M", "pkg.F").
func methodPkg(fullName string) string {
	recv, _, isMethod := strings.Cut(fullName, ")")
	if !isMethod {
		return funcPkg(fullName)
	}
	return funcPkg(strings.TrimLeft(recv, "(*"))
}

// TestRealModuleRows pins the rows that testdata/realsdk (the real
// modules) showed missing or wrong.
func TestRealModuleRows(t *testing.T) {
	for _, mod := range []string{"github.com/anthropics/anthropic-sdk-go", "github.com/anthropics/anthropic-sdk-go/v2"} {
		c, ok := Constructor(mod + ".NewClient")
		if !ok || c.Default != "https://api.anthropic.com/" || c.Env != "ANTHROPIC_BASE_URL" || !c.Options {
			t.Errorf("%s.NewClient = %+v, %v", mod, c, ok)
		}
		if i, ok := Override(mod + "/option.WithBaseURL"); !ok || i != 0 {
			t.Errorf("%s/option.WithBaseURL = %d, %v", mod, i, ok)
		}
	}
	// any-llm-go's gemini provider ignores config.WithBaseURL.
	if c, ok := Constructor("github.com/mozilla-ai/any-llm-go/providers/gemini.New"); !ok || c.Options || c.Default != "https://generativelanguage.googleapis.com/" {
		t.Errorf("gemini.New = %+v, %v", c, ok)
	}
	f := ConfigFields("github.com/sashabaranov/go-openai.DefaultAnthropicConfig")
	if len(f) != 1 || f[0].Param != 1 || f[0].EmptyDefault != "https://api.anthropic.com/v1" {
		t.Errorf("DefaultAnthropicConfig = %+v", f)
	}
	urls, ok := FixedOverride("github.com/openai/openai-go/v3/option.WithDataResidency")
	if !ok || urls["eu"] != "https://eu.api.openai.com/v1/" || urls["global"] != "https://api.openai.com/v1/" {
		t.Errorf("WithDataResidency = %v, %v", urls, ok)
	}
	for name, byArg := range tableIndex().fixedOverrides {
		for arg, u := range byArg {
			if p, err := url.Parse(u); err != nil || p.Scheme == "" || p.Host == "" {
				t.Errorf("%s(%q): %q is not an absolute URL", name, arg, u)
			}
		}
	}
}

// TestModulesAreTheTables: InSDK's module list is the table's.
func TestModulesAreTheTables(t *testing.T) {
	var fromTable []string
	for _, s := range table() {
		fromTable = append(fromTable, s.Module)
	}
	if !slices.Equal(fromTable, sdkModules[:]) {
		t.Errorf("sdkModules = %q\nthe table's modules = %q", sdkModules, fromTable)
	}
}
