package plugin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/zombiecheck/zombiecheck/analyzers/suite"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// build runs what golangci-lint runs for linters.settings.custom.<name>:
// GetPlugin, the constructor with the raw settings, then BuildAnalyzers.
func build(t *testing.T, name string, settings any) (register.LinterPlugin, []*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, nil, err
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("%s: BuildAnalyzers: %v", name, err)
	}
	return p, as, nil
}

// TestEverySuiteAnalyzerIsRegistered keeps the plugin in step with the
// suite: each analyzer is a linter of its own name, with one analyzer and
// the load mode SSA and facts need.
func TestEverySuiteAnalyzerIsRegistered(t *testing.T) {
	for _, want := range suite.Analyzers {
		p, as, err := build(t, want.Name, nil)
		if err != nil {
			t.Errorf("%s: no settings: %v", want.Name, err)
			continue
		}
		if len(as) != 1 || as[0].Name != want.Name {
			t.Errorf("%s: BuildAnalyzers = %v, want one analyzer named %s", want.Name, as, want.Name)
		}
		if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
			t.Errorf("%s: GetLoadMode() = %q, want %q", want.Name, got, register.LoadModeTypesInfo)
		}
	}
}

// TestSettings decodes settings as golangci-lint hands them over: nil when
// the settings key is absent, else the YAML decoded into map[string]any.
func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  []string // substrings of the error; none means success
	}{
		{"httpclient", nil, nil},
		{"httpclient", map[string]any{}, nil},
		{"httpclient", map[string]any{"policy": "testdata/streaming.yaml"}, nil},
		{"httpclient", map[string]any{"polcy": ".zombiecheck.yaml"},
			[]string{"zombiecheck linter httpclient", `unknown field "polcy"`, "valid settings: policy"}},
		{"httpclient", map[string]any{"policy": 3},
			[]string{"zombiecheck linter httpclient", "cannot unmarshal number"}},
		{"httpclient", "policy.yaml",
			[]string{"zombiecheck linter httpclient", "cannot unmarshal string"}},
		{"httpclient", map[string]any{"policy": "testdata/missing.yaml"},
			[]string{"zombiecheck linter httpclient: setting policy", "missing.yaml: no such file"}},
		{"httpclient", map[string]any{"policy": "testdata/bad.yaml"},
			[]string{"zombiecheck linter httpclient: setting policy", "bad.yaml:3:3", `"streamin"`}},
		{"respclose", map[string]any{"policy": "testdata/streaming.yaml"}, nil},
		{"respclose", map[string]any{"polcy": ".zombiecheck.yaml"},
			[]string{"zombiecheck linter respclose", `unknown field "polcy"`, "valid settings: policy"}},
		{"directives", nil, nil},
		{"directives", map[string]any{}, nil},
		{"directives", map[string]any{"policy": ".zombiecheck.yaml"},
			[]string{"zombiecheck linter directives", `unknown field "policy"`, "it takes no settings"}},
	} {
		_, _, err := build(t, tc.name, tc.settings)
		switch {
		case len(tc.wantErr) == 0 && err != nil:
			t.Errorf("%s %v: %v", tc.name, tc.settings, err)
		case len(tc.wantErr) > 0 && err == nil:
			t.Errorf("%s %v: no error, want %q", tc.name, tc.settings, tc.wantErr)
		case err != nil:
			for _, want := range tc.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s %v: error %q does not contain %q", tc.name, tc.settings, err, want)
				}
			}
		}
	}
}

// TestPolicySetting runs the analyzer the plugin builds: the policy setting
// reaches the policy analyzer's -policy flag, and a relative path is
// resolved against the working directory (go test runs in the package
// directory).
func TestPolicySetting(t *testing.T) {
	_, as, err := build(t, "httpclient", map[string]any{"policy": "testdata/streaming.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), as[0], "p")
}

func TestRegistrationMistake(t *testing.T) {
	_, err := fixed("respclose", suite.Analyzers[0])(nil)
	if err == nil || !strings.Contains(err.Error(), `plugin "respclose" builds analyzer "httpclient"`) {
		t.Errorf("err = %v", err)
	}
}

func TestSettingKeys(t *testing.T) {
	type cfg struct {
		Policy   string `json:"policy"`
		MaxDepth int    `json:"max-depth,omitempty"`
		Plain    bool
		Skipped  string `json:"-"`
		private  int
	}
	_ = cfg{}.private
	got := strings.Join(settingKeys[cfg](), " ")
	if want := "policy max-depth Plain"; got != want {
		t.Errorf("settingKeys = %q, want %q", got, want)
	}
	if got := settingKeys[struct{}](); len(got) != 0 {
		t.Errorf("settingKeys[struct{}] = %q", got)
	}
}

// TestPolicySettingIsShared: the policy setting sets the one policy
// analyzer's flag, as an absolute name. Linters naming the same file, or
// none, agree with it; a linter naming another file is refused, naming
// both files, rather than silently applying one of them to both.
func TestPolicySettingIsShared(t *testing.T) {
	flag := suite.Policy.Flags.Lookup("policy")
	defer flag.Value.Set(flag.Value.String())
	flag.Value.Set("")
	if _, _, err := build(t, "httpclient", map[string]any{"policy": "testdata/streaming.yaml"}); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs("testdata/streaming.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := flag.Value.String(); got != abs {
		t.Errorf("after httpclient's policy setting, -policy = %q, want %q", got, abs)
	}
	for _, settings := range []any{nil, map[string]any{"policy": abs}, map[string]any{"policy": "./testdata/streaming.yaml"}} {
		if _, _, err := build(t, "egress", settings); err != nil {
			t.Errorf("egress %v after httpclient named %s: %v", settings, abs, err)
		}
	}
	other := filepath.Join(t.TempDir(), "other.yaml")
	if err := os.WriteFile(other, []byte("version: 1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	_, _, err = build(t, "zombieloop", map[string]any{"policy": other})
	for _, want := range []string{"zombiecheck linter zombieloop: setting policy", other, abs, "one policy applies to every zombiecheck linter"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("zombieloop naming another file: err = %v, want it to contain %q", err, want)
		}
	}
	if got := flag.Value.String(); got != abs {
		t.Errorf("a refused setting changed -policy to %q", got)
	}
}
