package hosts_test

import (
	"fmt"
	"net"
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
)

func TestStrString(t *testing.T) {
	tests := []struct {
		s    hosts.Str
		want string
	}{
		{hosts.Literal("https://api.groq.com/openai/v1"), "https://api.groq.com/openai/v1"},
		{hosts.Prefix("https://api.groq.com/"), "https://api.groq.com/…"},
		{hosts.Unknown(), "…"},
		{hosts.Literal(""), ""},
		{hosts.FromEnv("OLLAMA_HOST"), "$OLLAMA_HOST"},
		{hosts.FromParam(0, ""), "param0"},
		{hosts.Str{Param: 0, Path: "config.BaseURL"}, "param0.config.BaseURL+…"},
		{hosts.Str{Lit: "http://", Env: "HOST", Param: -1, Tail: "/api", Complete: true}, `"http://"+$HOST+"/api"`},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestStrHost(t *testing.T) {
	tests := []struct {
		s    hosts.Str
		dial bool
		want string // "" when ok is false
	}{
		// URLs.
		{hosts.Literal("https://api.groq.com/openai/v1"), false, "api.groq.com"},
		{hosts.Literal("https://API.OpenAI.com."), false, "api.openai.com"},
		{hosts.Literal("http://localhost:11434"), false, "localhost"},
		{hosts.Literal("http://[::1]:8080/v1"), false, "::1"},
		{hosts.Literal("http://user:pw@127.0.0.5:80/x"), false, "127.0.0.5"},
		{hosts.Literal("https://api.x.com?q=1"), false, "api.x.com"},
		{hosts.Prefix("https://api.groq.com/"), false, "api.groq.com"},
		{hosts.Prefix("http://localhost:"), false, "localhost"},
		{hosts.Prefix("https://api.groq"), false, ""},
		{hosts.Literal("api.groq.com/v1"), false, ""},
		{hosts.Literal("//api.groq.com/v1"), false, ""},
		{hosts.Literal("file:///etc/passwd"), false, ""},
		{hosts.Literal("http://exa mple.com/"), false, ""},
		{hosts.Literal("http://%s/"), false, ""},
		{hosts.Literal("http://h:port/"), false, ""},
		{hosts.Unknown(), false, ""},
		{hosts.FromEnv("OLLAMA_HOST"), false, ""},
		{hosts.Str{Lit: "http://", Param: 0, Tail: "/v1", Complete: true}, false, ""},
		{hosts.Str{Lit: "http://localhost:11434/", Param: 0}, false, "localhost"},
		// Dial and gRPC targets.
		{hosts.Literal("api.openai.com:443"), true, "api.openai.com"},
		{hosts.Literal("[::1]:8080"), true, "::1"},
		{hosts.Literal("localhost"), true, "localhost"},
		{hosts.Prefix("localhost"), true, ""},
		{hosts.Prefix("api.x.com:"), true, "api.x.com"},
		{hosts.Literal("dns:///api.x.com:443"), true, "api.x.com"},
		{hosts.Literal("dns://8.8.8.8/api.x.com:443"), true, "api.x.com"},
		{hosts.Literal("passthrough:///10.0.0.5:50051"), true, "10.0.0.5"},
		{hosts.Literal("unix:///tmp/model.sock"), true, "unix:/tmp/model.sock"},
		{hosts.Literal("unix:relative.sock"), true, "unix:relative.sock"},
		{hosts.Literal("unix-abstract:ollama"), true, "unix:@ollama"},
		{hosts.Literal("/var/run/ollama.sock"), true, ""},
		{hosts.Literal("::1"), true, ""},
		{hosts.Literal("https://api.x.com"), true, ""},
	}
	for _, tt := range tests {
		got, ok := tt.s.Host(tt.dial)
		if !ok {
			got = ""
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%v.Host(%t) = %q, %t; want %q", tt.s, tt.dial, got, ok, tt.want)
		}
	}
}

// TestStrEndpoint: the port is what the text decides, the scheme's default
// port when it names none, and "" when unknown digits may still follow.
func TestStrEndpoint(t *testing.T) {
	tests := []struct {
		s          hosts.Str
		dial       bool
		host, port string
	}{
		{hosts.Literal("http://localhost:4000/v1"), false, "localhost", "4000"},
		{hosts.Literal("http://localhost:4000"), false, "localhost", "4000"},
		{hosts.Literal("http://localhost"), false, "localhost", "80"},
		{hosts.Literal("HTTPS://api.x.com/v1"), false, "api.x.com", "443"},
		{hosts.Literal("wss://api.x.com"), false, "api.x.com", "443"},
		{hosts.Literal("grpc://api.x.com/"), false, "api.x.com", ""},
		{hosts.Literal("http://[::1]:4000/"), false, "::1", "4000"},
		{hosts.Literal("http://u:p@127.0.0.1:4000/x"), false, "127.0.0.1", "4000"},
		{hosts.Prefix("http://localhost:4000/"), false, "localhost", "4000"},
		{hosts.Prefix("http://localhost:40"), false, "localhost", ""},
		{hosts.Prefix("http://localhost:"), false, "localhost", ""},
		{hosts.Str{Lit: "http://localhost:4000/", Param: 0}, false, "localhost", "4000"},
		{hosts.Literal("localhost:4000"), true, "localhost", "4000"},
		{hosts.Literal("localhost"), true, "localhost", ""},
		{hosts.Prefix("localhost:4000"), true, "localhost", ""},
		{hosts.Literal("unix:///tmp/m.sock"), true, "unix:/tmp/m.sock", ""},
	}
	for _, tt := range tests {
		host, port, ok := tt.s.Endpoint(tt.dial)
		if !ok || host != tt.host || port != tt.port {
			t.Errorf("%v.Endpoint(%t) = %q, %q, %t; want %q, %q", tt.s, tt.dial, host, port, ok, tt.host, tt.port)
		}
	}
}

func TestConcat(t *testing.T) {
	lit, pre, unk := hosts.Literal, hosts.Prefix, hosts.Unknown
	param := hosts.FromParam(1, "")
	tests := []struct {
		a, b hosts.Str
		want string
	}{
		{lit("https://a.com"), lit("/v1"), "https://a.com/v1"},
		{lit("https://a.com"), pre("/v1"), "https://a.com/v1…"},
		{pre("https://a.com/"), lit("/v1"), "https://a.com/…"},
		{lit("https://a.com"), unk(), "https://a.com…"},
		{unk(), lit("/v1"), "…"},
		{param, lit("/v1"), `param1+"/v1"`},
		{lit("http://"), param, `"http://"+param1`},
		{param, param, "param1+…"},
		{lit(""), param, "param1"},
	}
	for _, tt := range tests {
		got := hosts.Concat(hosts.Strs{tt.a}, hosts.Strs{tt.b})
		if len(got) != 1 || got[0].String() != tt.want {
			t.Errorf("Concat(%v, %v) = %v, want %s", tt.a, tt.b, got, tt.want)
		}
	}
	if got := hosts.Concat(nil, hosts.Strs{lit("x")}); got != nil {
		t.Errorf("Concat with an empty set = %v, want nil", got)
	}
}

// TestWidenCap checks the alternatives cap: a set over MaxAlternatives
// shrinks by merging, preferring merges that keep a host, never inventing
// one, and the result is the same whatever the input order.
func TestWidenCap(t *testing.T) {
	var ss hosts.Strs
	for i := range 6 {
		ss = append(ss, hosts.Literal(fmt.Sprintf("https://api.groq.com/v%d", i)))
	}
	for _, h := range []string{"openrouter.ai", "api.mistral.ai", "localhost:11434", "api.x.ai"} {
		ss = append(ss, hosts.Literal("https://"+h+"/v1"))
	}
	got := hosts.Union(ss)
	if len(got) != hosts.MaxAlternatives {
		t.Fatalf("len = %d, want %d: %v", len(got), hosts.MaxAlternatives, got)
	}
	wantHosts := []string{"api.groq.com", "api.mistral.ai", "api.x.ai", "localhost", "openrouter.ai"}
	if h := hostsOf(got, false); !slices.Equal(h, wantHosts) {
		t.Errorf("hosts after widening = %v, want %v (set %v)", h, wantHosts, got)
	}
	rev := slices.Clone(ss)
	slices.Reverse(rev)
	if again := hosts.Union(rev); !slices.Equal(again, got) {
		t.Errorf("widening depends on order:\n%v\n%v", got, again)
	}

	// Different hosts only: merging loses hosts, never makes new ones.
	var many hosts.Strs
	for i := range 12 {
		many = append(many, hosts.Literal(fmt.Sprintf("https://h%02d.example.com/", i)))
	}
	got = hosts.Union(many)
	if len(got) > hosts.MaxAlternatives {
		t.Fatalf("len = %d", len(got))
	}
	for _, s := range got {
		if h, ok := s.Host(false); ok && !slices.ContainsFunc(many, func(m hosts.Str) bool {
			mh, _ := m.Host(false)
			return mh == h
		}) {
			t.Errorf("widening invented host %q", h)
		}
	}
}

func TestInstantiate(t *testing.T) {
	callee := hosts.Strs{
		{Param: 0, Tail: "/chat/completions", Complete: true},
		{Param: 1, Path: "config.BaseURL"},
		hosts.FromEnv("OLLAMA_HOST"),
		hosts.Literal("http://localhost:11434"),
	}
	args := map[string]hosts.Strs{
		"0":                {hosts.Literal("https://api.together.xyz/v1")},
		"1.config.BaseURL": {hosts.Literal("http://localhost:8000/v1"), hosts.Unknown()},
	}
	got := callee.Instantiate(func(param int, path string) hosts.Strs {
		key := fmt.Sprint(param)
		if path != "" {
			key += "." + path
		}
		return args[key]
	})
	want := []string{
		"…",
		"$OLLAMA_HOST",
		"http://localhost:11434",
		"http://localhost:8000/v1…",
		"https://api.together.xyz/v1/chat/completions",
	}
	if g := strs(got); !slices.Equal(g, want) {
		t.Errorf("Instantiate = %q, want %q", g, want)
	}
}

func TestJoinHostPortIsNets(t *testing.T) {
	for _, tc := range [][2]string{{"example.com", "443"}, {"127.0.0.1", "80"}, {"::1", "11434"}, {"fe80::1%eth0", "8080"}, {"", "9"}} {
		if got, want := hosts.JoinHostPort(tc[0], tc[1]), net.JoinHostPort(tc[0], tc[1]); got != want {
			t.Errorf("JoinHostPort(%q, %q) = %q; net.JoinHostPort says %q", tc[0], tc[1], got, want)
		}
	}
}
