package hosts_test

import "testing"

// Each test is one shape the resolver handles: a snippet with one function
// per case, named for the case, and the abstract strings its use() calls
// resolve to. Negative cases (what must stay unknown) sit beside the
// positive ones.

func TestConstURL(t *testing.T) {
	checkShapes(t, `package p

const groq = "https://api.groq.com/openai/v1"

func use(string) {}

func literal()           { use("https://api.groq.com/openai/v1") }
func namedConst()        { use(groq) }
func foldedConcat()      { use(groq + "/chat/completions") }
func localhostWithPort() { use("http://127.0.0.1:11434/api/chat") }
func noScheme()          { use("api.groq.com/openai/v1") }
`, []shape{
		{fn: "literal", want: Uses(L("https://api.groq.com/openai/v1")), hosts: Uses(L("api.groq.com"))},
		{fn: "namedConst", want: Uses(L("https://api.groq.com/openai/v1")), hosts: Uses(L("api.groq.com"))},
		{fn: "foldedConcat", want: Uses(L("https://api.groq.com/openai/v1/chat/completions")), hosts: Uses(L("api.groq.com"))},
		{fn: "localhostWithPort", want: Uses(L("http://127.0.0.1:11434/api/chat")), hosts: Uses(L("127.0.0.1"))},
		// A URL without a scheme designates no host: http.Get rejects it.
		{fn: "noScheme", want: Uses(L("api.groq.com/openai/v1")), hosts: Uses(L("?"))},
	})
}

func TestBasePlusPath(t *testing.T) {
	checkShapes(t, `package p

import "strings"

func use(string) {}

func paramBase(base string) { use(base + "/chat/completions") }

func localBase() {
	base := "https://openrouter.ai/api/v1"
	use(base + "/chat/completions")
}

func branchBase(cloud bool) {
	base := "http://localhost:11434/v1"
	if cloud {
		base = "https://api.groq.com/openai/v1"
	}
	use(base + "/chat/completions")
}

func unknownBase() { use(strings.Repeat("x", 3) + "/chat/completions") }

func suffixOfUnknown(host string) { use("https://" + host + "/v1") }
`, []shape{
		{fn: "paramBase", want: Uses(L(`param0+"/chat/completions"`)), hosts: Uses(L("?"))},
		{fn: "localBase", want: Uses(L("https://openrouter.ai/api/v1/chat/completions")), hosts: Uses(L("openrouter.ai"))},
		{fn: "branchBase", want: Uses(L(
			"http://localhost:11434/v1/chat/completions",
			"https://api.groq.com/openai/v1/chat/completions",
		)), hosts: Uses(L("api.groq.com", "localhost"))},
		{fn: "unknownBase", want: Uses(L("…")), hosts: Uses(L("?"))},
		{fn: "suffixOfUnknown", want: Uses(L(`"https://"+param0+"/v1"`)), hosts: Uses(L("?"))},
	})
}

func TestSprintf(t *testing.T) {
	checkShapes(t, `package p

import (
	"fmt"
	"net/url"
)

func use(string) {}

func baseV1(base string) { use(fmt.Sprintf("%s/v1", base)) }

func constBase() {
	base := "https://api.deepseek.com"
	use(fmt.Sprintf("%s/v1/chat/completions", base))
}

func localPort(port int) { use(fmt.Sprintf("http://localhost:%d/v1", port)) }

func constPort() { use(fmt.Sprintf("%s:%d", "api.x.ai", 443)) }

func hostVerb(h string) { use(fmt.Sprintf("http://%v:11434/api", h)) }

func quoted(x string) { use(fmt.Sprintf("https://%q/v1", x)) }

func width(x string) { use(fmt.Sprintf("https://%10s/v1", x)) }

func percent() { use(fmt.Sprintf("https://api.x.com/v1?q=100%%&k=%s", "v")) }

func missingArg() { use(fmt.Sprintf("https://api.x.com/%s/%s", "a")) }

func urlArg() {
	u, _ := url.Parse("https://api.mistral.ai/v1")
	use(fmt.Sprintf("%s/chat", u))
}

type region string

func (r region) String() string { return "eu" }

func stringer(r region) { use(fmt.Sprintf("https://%s.example.com/", r)) }

func intAsString() { use(fmt.Sprintf("https://%s/", 42)) }
`, []shape{
		{fn: "baseV1", want: Uses(L(`param0+"/v1"`))},
		{fn: "constBase", want: Uses(L("https://api.deepseek.com/v1/chat/completions")), hosts: Uses(L("api.deepseek.com"))},
		// The port is unknown, but the ":" already ends the host.
		{fn: "localPort", want: Uses(L("http://localhost:…")), hosts: Uses(L("localhost"))},
		{fn: "constPort", want: Uses(L("api.x.ai:443"))},
		{fn: "hostVerb", want: Uses(L(`"http://"+param0+":11434/api"`)), hosts: Uses(L("?"))},
		{fn: "quoted", want: Uses(L("https://…")), hosts: Uses(L("?"))},
		{fn: "width", want: Uses(L("https://…")), hosts: Uses(L("?"))},
		{fn: "percent", want: Uses(L("https://api.x.com/v1?q=100%&k=v")), hosts: Uses(L("api.x.com"))},
		{fn: "missingArg", want: Uses(L("https://api.x.com/a/…")), hosts: Uses(L("api.x.com"))},
		{fn: "urlArg", want: Uses(L("https://api.mistral.ai/v1/chat")), hosts: Uses(L("api.mistral.ai"))},
		{fn: "stringer", want: Uses(L("https://…"))},
		{fn: "intAsString", want: Uses(L("https://…"))},
	})
}

func TestEnvWithDefault(t *testing.T) {
	checkShapes(t, `package p

import "os"

func use(string) {}

func getenvDefault() {
	h := os.Getenv("OLLAMA_HOST")
	if h == "" {
		h = "http://localhost:11434"
	}
	use(h)
	use(h + "/api/chat")
}

func lookupEnvDefault() {
	h, ok := os.LookupEnv("OPENAI_BASE_URL")
	if !ok {
		h = "https://api.openai.com/v1"
	}
	use(h)
}

func schemeThenEnv() { use("http://" + os.Getenv("OLLAMA_HOST") + "/api/chat") }

func envNameNotConstant(k string) { use(os.Getenv(k)) }
`, []shape{
		{fn: "getenvDefault", want: Uses(
			L("$OLLAMA_HOST", "http://localhost:11434"),
			L(`$OLLAMA_HOST+"/api/chat"`, "http://localhost:11434/api/chat"),
		), hosts: Uses(L("?", "localhost"), L("?", "localhost"))},
		{fn: "lookupEnvDefault", want: Uses(L("$OPENAI_BASE_URL", "https://api.openai.com/v1"))},
		{fn: "schemeThenEnv", want: Uses(L(`"http://"+$OLLAMA_HOST+"/api/chat"`)), hosts: Uses(L("?"))},
		{fn: "envNameNotConstant", want: Uses(L("…"))},
	})
}

func TestURLParse(t *testing.T) {
	checkShapes(t, `package p

import "net/url"

func use(string) {}

func parseThenHost() {
	u, _ := url.Parse("https://api.openai.com:443/v1")
	use(u.Host)
	use(u.Hostname())
	use(u.String())
	use(u.Scheme)
}

func parseRequestURI() {
	u, err := url.ParseRequestURI("http://127.0.0.1:8080/v1")
	if err != nil {
		return
	}
	use(u.String())
}

func parseParamHost(s string) {
	u, _ := url.Parse(s)
	use(u.Host)
}

func parseThenOverrideHost() {
	u, _ := url.Parse("https://api.openai.com/v1")
	u.Host = "localhost:8000"
	use(u.String())
}

func structLiteral() {
	u := url.URL{Scheme: "https", Host: "api.openai.com"}
	use(u.String())
	v := &url.URL{Scheme: "http", Host: "localhost:1234", Path: "v1"}
	use(v.String())
}

func structLiteralUnknownPath(p string) {
	u := url.URL{Scheme: "https", Host: "api.anthropic.com", Path: p}
	use(u.String())
}
`, []shape{
		{fn: "parseThenHost", want: Uses(
			L("api.openai.com:443"),
			L("api.openai.com"),
			L("https://api.openai.com:443/v1"),
			L("https"),
		)},
		{fn: "parseRequestURI", want: Uses(L("http://127.0.0.1:8080/v1")), hosts: Uses(L("127.0.0.1"))},
		// The parameter's host cannot be read from the string form.
		{fn: "parseParamHost", want: Uses(L("…"))},
		// The other fields come from parsing the literal, exactly.
		{fn: "parseThenOverrideHost", want: Uses(L("https://localhost:8000/v1")), hosts: Uses(L("localhost"))},
		{fn: "structLiteral", want: Uses(
			L("https://api.openai.com"),
			L("http://localhost:1234/v1"),
		), hosts: Uses(L("api.openai.com"), L("localhost"))},
		{fn: "structLiteralUnknownPath", want: Uses(L("https://api.anthropic.com/…")), hosts: Uses(L("api.anthropic.com"))},
	})
}

func TestJoinPathAndResolve(t *testing.T) {
	checkShapes(t, `package p

import "net/url"

func use(string) {}

func joinPathFunc() {
	s, _ := url.JoinPath("https://api.groq.com/openai", "v1", "chat")
	use(s)
}

func joinPathNoPath() {
	s, _ := url.JoinPath("http://localhost:11434", "api", "chat")
	use(s)
}

func joinPathMethod() {
	u, _ := url.Parse("https://openrouter.ai/api/v1")
	use(u.JoinPath("chat", "completions").String())
}

func joinPathParam(base string) {
	s, _ := url.JoinPath(base, "v1")
	use(s)
}

func resolveRelative() {
	base, _ := url.Parse("https://generativelanguage.googleapis.com/v1beta/")
	ref, _ := url.Parse("models/gemini:generateContent")
	use(base.ResolveReference(ref).String())
}

func resolveAbsolute() {
	base, _ := url.Parse("http://localhost:11434/")
	ref, _ := url.Parse("https://api.groq.com/openai/v1")
	use(base.ResolveReference(ref).String())
}

func resolveUnknown(r string) {
	base, _ := url.Parse("http://localhost:11434/")
	ref, _ := url.Parse(r)
	use(base.ResolveReference(ref).String())
}
`, []shape{
		{fn: "joinPathFunc", want: Uses(L("https://api.groq.com/…")), hosts: Uses(L("api.groq.com"))},
		{fn: "joinPathNoPath", want: Uses(L("http://localhost:11434/…")), hosts: Uses(L("localhost"))},
		{fn: "joinPathMethod", want: Uses(L("https://openrouter.ai/…")), hosts: Uses(L("openrouter.ai"))},
		{fn: "joinPathParam", want: Uses(L(`param0+"/"+…`))},
		{fn: "resolveRelative", want: Uses(L("https://generativelanguage.googleapis.com/…")),
			hosts: Uses(L("generativelanguage.googleapis.com"))},
		{fn: "resolveAbsolute", want: Uses(L("https://api.groq.com/openai/v1"))},
		{fn: "resolveUnknown", want: Uses(L("param0", "http://localhost:11434/…")), hosts: Uses(L("?", "localhost"))},
	})
}

func TestPackageVariables(t *testing.T) {
	checkShapes(t, `package p

import (
	"flag"
	"os"
)

func use(string) {}

const constBase = "https://api.together.xyz/v1"

var varBase = "https://api.cerebras.ai/v1"

var neverSet string

var setInInit = "http://localhost:8080"

func init() {
	if v := os.Getenv("LLAMAFILE_HOST"); v != "" {
		setInInit = v
	}
}

var fromFlag = "http://localhost:1234/v1"

func registerFlags() { flag.StringVar(&fromFlag, "base", "", "base URL") }

var reassigned = "https://api.perplexity.ai"

func globalConst()    { use(constBase + "/chat/completions") }
func globalVar()      { use(varBase + "/chat/completions") }
func globalZero()     { use(neverSet) }
func globalInit()     { use(setInInit) }
func globalFlag()     { use(fromFlag) }
func globalLocalLast() {
	reassigned = "http://127.0.0.1:1337/v1"
	use(reassigned)
}
`, []shape{
		{fn: "globalConst", want: Uses(L("https://api.together.xyz/v1/chat/completions"))},
		{fn: "globalVar", want: Uses(L("https://api.cerebras.ai/v1/chat/completions"))},
		{fn: "globalZero", want: Uses(L(""))},
		{fn: "globalInit", want: Uses(L("$LLAMAFILE_HOST", "http://localhost:8080"))},
		// The flag package may store anything into it.
		{fn: "globalFlag", want: Uses(L("…", "http://localhost:1234/v1"))},
		// Within the function, the last write wins.
		{fn: "globalLocalLast", want: Uses(L("http://127.0.0.1:1337/v1"))},
	})
}

// TestRangeProviders is the incident: a chain of external providers tried
// before the local fallback.
func TestRangeProviders(t *testing.T) {
	checkShapes(t, `package p

func use(string) {}

var providers = []string{
	"https://api.groq.com/openai/v1",
	"https://openrouter.ai/api/v1",
	"https://generativelanguage.googleapis.com/v1beta/openai",
	"http://127.0.0.1:11434/v1",
}

func globalSlice() {
	for _, base := range providers {
		use(base + "/chat/completions")
	}
}

func localSlice() {
	for _, u := range []string{"https://api.groq.com/openai/v1", "http://localhost:11434/v1"} {
		use(u)
	}
}

func localArray() {
	urls := [2]string{"https://api.mistral.ai/v1", "http://localhost:8000/v1"}
	for i := range urls {
		use(urls[i])
	}
}

var bases = map[string]string{
	"groq":   "https://api.groq.com/openai/v1",
	"ollama": "http://localhost:11434/v1",
}

func mapRange() {
	for _, b := range bases {
		use(b)
	}
}

func mapLookup(name string) {
	use(bases[name])
	b, ok := bases[name]
	if ok {
		use(b)
	}
}

type provider struct {
	name string
	url  string
}

func structSlice() {
	ps := []provider{{"groq", "https://api.groq.com/openai/v1"}, {"local", "http://127.0.0.1:11434/v1"}}
	for _, p := range ps {
		use(p.url)
	}
}

func appended() {
	urls := []string{"https://api.groq.com/openai/v1"}
	urls = append(urls, "http://localhost:11434/v1")
	for _, u := range urls {
		use(u)
	}
}

func indexUnknownSlice(urls []string) {
	for _, u := range urls {
		use(u)
	}
}
`, []shape{
		{fn: "globalSlice", want: Uses(L(
			"http://127.0.0.1:11434/v1/chat/completions",
			"https://api.groq.com/openai/v1/chat/completions",
			"https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
			"https://openrouter.ai/api/v1/chat/completions",
		)), hosts: Uses(L("127.0.0.1", "api.groq.com", "generativelanguage.googleapis.com", "openrouter.ai"))},
		{fn: "localSlice", want: Uses(L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"))},
		{fn: "localArray", want: Uses(L("http://localhost:8000/v1", "https://api.mistral.ai/v1"))},
		{fn: "mapRange", want: Uses(L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"))},
		{fn: "mapLookup", want: Uses(
			L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"),
			L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"),
		)},
		{fn: "structSlice", want: Uses(L("http://127.0.0.1:11434/v1", "https://api.groq.com/openai/v1"))},
		{fn: "appended", want: Uses(L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"))},
		{fn: "indexUnknownSlice", want: Uses(L("param0.[]"))},
	})
}

func TestStructFields(t *testing.T) {
	checkShapes(t, `package p

import openai "github.com/sashabaranov/go-openai"

func use(string) {}

type Config struct {
	BaseURL string
	Model   string
}

func literalThenOverride() {
	cfg := Config{BaseURL: "https://api.openai.com/v1"}
	cfg.BaseURL = "http://localhost:8000/v1"
	use(cfg.BaseURL)
}

func overrideOnOneBranch(local bool) {
	cfg := Config{BaseURL: "https://api.openai.com/v1"}
	if local {
		cfg.BaseURL = "http://localhost:8000/v1"
	}
	use(cfg.BaseURL)
}

func pointerLiteral() {
	cfg := &Config{BaseURL: "https://api.groq.com/openai/v1"}
	use(cfg.BaseURL + "/chat/completions")
}

func overrideAfterUse() {
	cfg := Config{BaseURL: "https://api.openai.com/v1"}
	use(cfg.BaseURL)
	cfg.BaseURL = "http://localhost:8000/v1"
	use(cfg.BaseURL)
}

func sdkDefault(key string) {
	cfg := openai.DefaultConfig(key)
	use(cfg.BaseURL)
}

func sdkDefaultOverridden(key string) {
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = "http://localhost:11434/v1"
	use(cfg.BaseURL)
}

func copiedStruct() {
	a := Config{BaseURL: "https://api.x.ai/v1"}
	b := a
	a.BaseURL = "http://localhost:1/v1"
	use(b.BaseURL)
}

func zeroStruct() {
	var cfg Config
	use(cfg.BaseURL)
}

func decodedInto(load func(*Config)) {
	cfg := Config{BaseURL: "http://localhost:8000/v1"}
	load(&cfg)
	use(cfg.BaseURL)
}

type Client struct{ baseURL string }

func NewGroq() *Client { return &Client{baseURL: "https://api.groq.com/openai/v1"} }

func constructorField() {
	c := NewGroq()
	use(c.baseURL + "/chat/completions")
}

func constructorFieldOverridden() {
	c := NewGroq()
	c.baseURL = "http://localhost:11434/v1"
	use(c.baseURL)
}
`, []shape{
		{fn: "literalThenOverride", want: Uses(L("http://localhost:8000/v1"))},
		{fn: "overrideOnOneBranch", want: Uses(L("http://localhost:8000/v1", "https://api.openai.com/v1"))},
		{fn: "pointerLiteral", want: Uses(L("https://api.groq.com/openai/v1/chat/completions"))},
		{fn: "overrideAfterUse", want: Uses(L("https://api.openai.com/v1"), L("http://localhost:8000/v1"))},
		{fn: "sdkDefault", want: Uses(L("https://api.openai.com/v1"))},
		{fn: "sdkDefaultOverridden", want: Uses(L("http://localhost:11434/v1"))},
		{fn: "copiedStruct", want: Uses(L("https://api.x.ai/v1"))},
		{fn: "zeroStruct", want: Uses(L(""))},
		// A call given the struct's address may have written anything.
		{fn: "decodedInto", want: Uses(L("…", "http://localhost:8000/v1"))},
		{fn: "constructorField", want: Uses(L("https://api.groq.com/openai/v1/chat/completions"))},
		{fn: "constructorFieldOverridden", want: Uses(L("http://localhost:11434/v1"))},
	})
}

func TestParamFlows(t *testing.T) {
	checkShapes(t, `package p

import "net/http"

func use(string) {}

type Inner struct{ BaseURL string }

type Config struct {
	BaseURL string
	inner   *Inner
	Nested  Inner
}

type Client struct {
	baseURL string
	config  Config
}

func wholeParam(base string)     { use(base) }
func secondParam(a, b string)    { use(b + "/v1") }
func structParam(cfg Config)     { use(cfg.BaseURL) }
func pointerParam(cfg *Config)   { use(cfg.BaseURL + "/chat") }
func throughPointer(cfg *Config) { use(cfg.inner.BaseURL) }
func nestedValue(cfg *Config)    { use(cfg.Nested.BaseURL) }

func (c *Client) method()       { use(c.baseURL + "/chat/completions") }
func (c *Client) nestedMethod() { use(c.config.BaseURL) }
func (c Client) valueMethod()   { use(c.config.Nested.BaseURL) }

func writtenBeforeUse(cfg *Config) {
	cfg.BaseURL = "http://localhost:8000/v1"
	use(cfg.BaseURL)
}

func capturedParam(base string) {
	func() { use(base + "/v1") }()
}

func closureOwnParam() {
	f := func(u string) { use(u) }
	f("https://api.groq.com")
}

func requestParam(req *http.Request) { use(req.URL.String()) }

// Instantiation at a caller, through the Callee hook.
func post(base string) string { return base + "/chat/completions" }

func callerConst()            { use(post("https://api.together.xyz/v1")) }
func callerLocal()            { use(post("http://localhost:11434/v1")) }
func callerParam(base string) { use(post(base)) }

func (c *Client) url() string { return c.baseURL + "/chat" }

func NewClient(base string) *Client { return &Client{baseURL: base} }

func callerConstructor() { use(NewClient("https://openrouter.ai/api/v1").url()) }
`, []shape{
		{fn: "wholeParam", want: Uses(L("param0"))},
		{fn: "secondParam", want: Uses(L(`param1+"/v1"`))},
		{fn: "structParam", want: Uses(L("param0.BaseURL"))},
		{fn: "pointerParam", want: Uses(L(`param0.BaseURL+"/chat"`))},
		{fn: "throughPointer", want: Uses(L("param0.inner.BaseURL"))},
		{fn: "nestedValue", want: Uses(L("param0.Nested.BaseURL"))},
		{fn: "Client.method", want: Uses(L(`param0.baseURL+"/chat/completions"`))},
		{fn: "Client.nestedMethod", want: Uses(L("param0.config.BaseURL"))},
		{fn: "Client.valueMethod", want: Uses(L("param0.config.Nested.BaseURL"))},
		{fn: "writtenBeforeUse", want: Uses(L("http://localhost:8000/v1"))},
		{fn: "capturedParam", want: Uses(L(`param0+"/v1"`))},
		{fn: "closureOwnParam", want: Uses(L("…"))},
		{fn: "requestParam", want: Uses(L("param0.URL"))},
		{fn: "callerConst", want: Uses(L("https://api.together.xyz/v1/chat/completions"))},
		{fn: "callerLocal", want: Uses(L("http://localhost:11434/v1/chat/completions"))},
		{fn: "callerParam", want: Uses(L(`param0+"/chat/completions"`))},
		{fn: "callerConstructor", want: Uses(L("https://openrouter.ai/api/v1/chat"))},
	})
}

func TestUnknownSources(t *testing.T) {
	checkShapes(t, `package p

import (
	"bytes"
	"encoding/json"
	"strings"
)

func use(string) {}

func builder() {
	var b strings.Builder
	b.WriteString("https://api.openai.com")
	b.WriteString("/v1")
	use(b.String())
}

func buffer() {
	var b bytes.Buffer
	b.WriteString("https://api.openai.com/v1")
	use(b.String())
}

func fromJSON(data []byte) {
	var cfg struct{ BaseURL string }
	_ = json.Unmarshal(data, &cfg)
	use(cfg.BaseURL)
}

func fromBytes(b []byte) { use(string(b)) }

func dynamicCall(f func() string) { use(f()) }

func join() { use(strings.Join([]string{"https://api.openai.com", "v1"}, "/")) }
`, []shape{
		{fn: "builder", want: Uses(L("…"))},
		{fn: "buffer", want: Uses(L("…"))},
		{fn: "fromJSON", want: Uses(L("…", ""))},
		{fn: "fromBytes", want: Uses(L("…"))},
		{fn: "dynamicCall", want: Uses(L("…"))},
		{fn: "join", want: Uses(L("…"))},
	})
}

func TestStringFunctions(t *testing.T) {
	checkShapes(t, `package p

import (
	"net"
	"path"
	"strings"
)

func use(string) {}

func trimRightSlash()        { use(strings.TrimRight("https://api.groq.com/openai/v1/", "/") + "/chat") }
func trimSuffixParam(b string) { use(strings.TrimSuffix(b, "/") + "/chat") }
func trimSpace()             { use(strings.TrimSpace("  http://localhost:11434  ")) }
func toLower()               { use(strings.ToLower("HTTPS://API.OpenAI.com/v1")) }
func cleanPath()             { use("http://localhost:8080" + path.Clean("/v1//chat/")) }
func cleanURL()              { use(path.Clean("http://localhost:8080/v1")) }
func joinHostPort()          { use(net.JoinHostPort("api.x.ai", "443")) }
func joinHostPortV6()        { use(net.JoinHostPort("::1", "8080")) }
func joinHostPortParam(h string) { use(net.JoinHostPort(h, "11434")) }
`, []shape{
		{fn: "trimRightSlash", want: Uses(L("https://api.groq.com/openai/v1/chat"))},
		{fn: "trimSuffixParam", want: Uses(L(`param0+"/chat"`))},
		{fn: "trimSpace", want: Uses(L("http://localhost:11434"))},
		{fn: "toLower", want: Uses(L("https://api.openai.com/v1"))},
		{fn: "cleanPath", want: Uses(L("http://localhost:8080/v1/chat"))},
		// Clean collapses "//", so the result has no host.
		{fn: "cleanURL", want: Uses(L("http:/localhost:8080/v1")), hosts: Uses(L("?"))},
		{fn: "joinHostPort", want: Uses(L("api.x.ai:443"))},
		{fn: "joinHostPortV6", want: Uses(L("[::1]:8080"))},
		{fn: "joinHostPortParam", want: Uses(L(`param0+":11434"`))},
	})
}

func TestLoops(t *testing.T) {
	checkShapes(t, `package p

import "strings"

func use(string) {}

func appendInLoop(keys []string) {
	u := "https://api.groq.com/openai/v1/models?"
	for _, k := range keys {
		u += k + "&"
	}
	use(u)
}

func trimInLoop() {
	u := "http://localhost:11434///"
	for strings.HasSuffix(u, "/") {
		u = strings.TrimSuffix(u, "/")
	}
	use(u)
}

func copyInLoop(n int, alt string) {
	u := "http://localhost:11434"
	for i := 0; i < n; i++ {
		if i > 2 {
			u = alt
		}
	}
	use(u)
}

func prependInLoop(n int) {
	u := "/v1"
	for i := 0; i < n; i++ {
		u = "/x" + u
	}
	use(u)
}
`, []shape{
		// Appending keeps the prefix, and the host.
		{fn: "appendInLoop", want: Uses(L("https://api.groq.com/openai/v1/models?…")), hosts: Uses(L("api.groq.com"))},
		// Any other transformation in a cycle adds Unknown.
		{fn: "trimInLoop", want: Uses(L("…", "http://localhost:11434///"))},
		// Copies in a cycle change nothing.
		{fn: "copyInLoop", want: Uses(L("param1", "http://localhost:11434"))},
		{fn: "prependInLoop", want: Uses(L("…", "/v1"))},
	})
}

func TestDeepChainCapped(t *testing.T) {
	// 30 concatenations in a row exceed the depth cap: the answer widens
	// to unknown rather than failing.
	src := "package p\n\nfunc use(string) {}\n\nfunc deep(a string) {\n\ts := a\n"
	for range 30 {
		src += "\ts = s + \"/x\"\n"
	}
	src += "\tuse(s)\n}\n"
	// Doubling 40 times shares every subexpression: it must not take 2^40
	// steps.
	src += "\nfunc doubling() {\n\ts := \"http://localhost/\"\n"
	for range 40 {
		src += "\ts = s + s\n"
	}
	src += "\tuse(s)\n}\n"
	checkShapes(t, src, []shape{
		{fn: "deep", want: Uses(L("…"))},
		{fn: "doubling", want: Uses(L("…"))},
	})
}

// TestReturnedLists: a helper's returned list, map, array or struct field
// of base URLs reaches the caller's uses element-wise.
func TestReturnedLists(t *testing.T) {
	checkShapes(t, `package p

func use(string) {}

func chain() []string {
	return []string{"https://api.groq.com/openai/v1", "http://localhost:11434/v1"}
}

func byName() map[string]string {
	return map[string]string{"groq": "https://api.groq.com/openai/v1"}
}

func fixed() [2]string {
	return [2]string{"http://localhost:11434/v1", "https://api.deepseek.com"}
}

type config struct {
	Primary   string
	Fallbacks []string
}

func defaults() config {
	return config{Primary: "http://localhost:11434/v1", Fallbacks: []string{"https://api.together.xyz/v1"}}
}

func rangeList() {
	for _, b := range chain() {
		use(b)
	}
}

func rangeMap() {
	for _, b := range byName() {
		use(b)
	}
}

func rangeArray() {
	for _, b := range fixed() {
		use(b)
	}
}

func fieldList() {
	for _, b := range defaults().Fallbacks {
		use(b)
	}
}
`, []shape{
		{fn: "rangeList", hosts: [][]string{L("api.groq.com", "localhost")}, want: Uses(L("http://localhost:11434/v1", "https://api.groq.com/openai/v1"))},
		{fn: "rangeMap", hosts: [][]string{L("api.groq.com")}, want: Uses(L("https://api.groq.com/openai/v1"))},
		{fn: "rangeArray", hosts: [][]string{L("api.deepseek.com", "localhost")}, want: Uses(L("http://localhost:11434/v1", "https://api.deepseek.com"))},
		{fn: "fieldList", hosts: [][]string{L("api.together.xyz")}, want: Uses(L("https://api.together.xyz/v1"))},
	})
}

// TestListFieldHelpers: an unexported helper that hands back the elements
// of a list kept in its receiver's field (croc's reconnectRelayCandidates
// over c.reconnectRelayAddresses) summarises them as the receiver's field,
// so a caller dialling each candidate dials that field's elements. An
// exported getter of the same shape stays unsummarised (generated API
// types have them by the hundred), and so its elements stay unknown.
func TestListFieldHelpers(t *testing.T) {
	checkShapes(t, `package p

func use(string) {}

type client struct {
	primary string
	relays  []string
}

func candidates(c *client) []string {
	var out []string
	if c.primary != "" {
		out = append(out, c.primary)
	}
	for _, r := range c.relays {
		out = append(out, r)
	}
	return out
}

func Relays(c *client) []string { return c.relays }

func dialCandidates(c *client) {
	for _, a := range candidates(c) {
		use(a)
	}
}

func dialExported(c *client) {
	for _, a := range Relays(c) {
		use(a)
	}
}
`, []shape{
		{fn: "dialCandidates", want: Uses(L("param0.primary", "param0.relays.[]"))},
		{fn: "dialExported", want: Uses(L("…"))},
	})
}
