package sdks

import (
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
	for _, s := range Table {
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
				if d == "" && (c.Arg >= 0 || c.ConfigArg >= 0) && !c.EmptyIsDefault {
					continue // the argument is the only source
				}
				if u, err := url.Parse(d); err != nil || u.Scheme == "" || u.Host == "" {
					t.Errorf("%s: default %q is not an absolute URL", name, d)
				}
			}
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
		for name := range s.Configs {
			if !within(funcPkg(name), s.Module) {
				t.Errorf("%s: config constructor %s outside the module", s.Module, name)
			}
		}
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
	for name, byArg := range fixedOverrides {
		for arg, u := range byArg {
			if p, err := url.Parse(u); err != nil || p.Scheme == "" || p.Host == "" {
				t.Errorf("%s(%q): %q is not an absolute URL", name, arg, u)
			}
		}
	}
}
