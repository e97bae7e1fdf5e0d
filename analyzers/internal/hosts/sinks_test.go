package hosts_test

import (
	"fmt"
	"go/constant"
	"slices"
	"strings"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"golang.org/x/tools/go/ssa"
)

const sinksSrc = `package p

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"strings"

	cws "github.com/coder/websocket"
	gws "github.com/gorilla/websocket"
	"google.golang.org/grpc"
)

type HTTPDoer interface {
	Do(req *http.Request) (*http.Response, error)
}

func pkgGet() { http.Get("https://api.groq.com/openai/v1/models") }

func clientPost(c *http.Client) {
	c.Post("https://openrouter.ai/api/v1/chat/completions", "application/json", nil)
}

func newRequestDo(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "POST", "https://api.groq.com/openai/v1/chat/completions", nil)
	http.DefaultClient.Do(req)
}

func withContextClone(ctx context.Context) {
	req, _ := http.NewRequest("GET", "http://localhost:11434/api/tags", nil)
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req.Clone(ctx))
}

func interfaceDo(d HTTPDoer) {
	req, _ := http.NewRequest("POST", "https://api.anthropic.com/v1/messages", strings.NewReader("{}"))
	d.Do(req)
}

func roundTripper(rt http.RoundTripper) {
	req, _ := http.NewRequest("GET", "https://api.x.ai/v1/models", nil)
	rt.RoundTrip(req)
}

func transport(t *http.Transport) {
	req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/v1/models", nil)
	t.RoundTrip(req)
}

func requestLiteral(u string) {
	req := &http.Request{Method: "GET"}
	http.DefaultClient.Do(req)
}

func requestFromHelper() {
	req, _ := newReq("https://api.deepseek.com/chat/completions")
	http.DefaultClient.Do(req)
}

func newReq(u string) (*http.Request, error) { return http.NewRequest("POST", u, nil) }

func requestParam(c *http.Client, req *http.Request) { c.Do(req) }

func methodValue(c *http.Client) {
	get := c.Get
	get("https://api.mistral.ai/v1/models")
}

func methodExpr(c *http.Client) { (*http.Client).Get(c, "https://api.cohere.com/v1/models") }

func goAndDefer() {
	go http.Get("https://a.example.com/")
	defer http.Head("https://b.example.com/")
}

func dialUnix() { net.Dial("unix", "/var/run/ollama.sock") }

func dialTCP() { net.DialTimeout("tcp", "api.openai.com:443", 0) }

func dialer(ctx context.Context) {
	var d net.Dialer
	d.DialContext(ctx, "tcp", "127.0.0.1:11434")
}

func tlsDial() { tls.Dial("tcp", "generativelanguage.googleapis.com:443", nil) }

func grpcDNS() { grpc.NewClient("dns:///api.x.com:443") }

func grpcUnix() { grpc.Dial("unix:///tmp/model.sock") }

func grpcPlain(ctx context.Context) { grpc.DialContext(ctx, "localhost:50051") }

func gorilla(ctx context.Context) {
	gws.DefaultDialer.Dial("wss://api.openai.com/v1/realtime", nil)
	gws.DefaultDialer.DialContext(ctx, "ws://localhost:8080/ws", nil)
}

func coder(ctx context.Context) { cws.Dial(ctx, "wss://api.openai.com/v1/realtime", nil) }

func headersThenDo(c *http.Client) {
	req, _ := http.NewRequest("POST", "https://api.groq.com/openai/v1/chat/completions", nil)
	req.Header.Set("Authorization", "Bearer x")
	req.Header["X-Title"] = []string{"app"}
	req.Host = "spoofed.example"
	c.Do(req)
}

func urlHostOverride(c *http.Client) {
	req, _ := http.NewRequest("POST", "https://api.openai.com/v1/chat/completions", nil)
	req.URL.Host = "localhost:8000"
	req.URL.Scheme = "http"
	c.Do(req)
}

func notSinks(c *http.Client, x interface{ Do(string) error }) {
	http.NewRequest("GET", "https://api.openai.com/v1", nil)
	c.CloseIdleConnections()
	x.Do("https://api.openai.com/v1")
	_ = strings.ToLower("https://api.openai.com/v1")
}
`

// TestFindSinks checks the sink table: each sink's kind, callee, and the
// host and locality of what it reaches.
func TestFindSinks(t *testing.T) {
	p := build(t, sinksSrc)
	r := p.resolver()
	describe := func(fn *ssa.Function) []string {
		var out []string
		for _, s := range hosts.FindSinks(fn) {
			var hs []string
			for _, target := range r.Targets(s) {
				h, ok := target.Host(s.Kind.Dial())
				if !ok {
					hs = append(hs, target.String()+"=?")
					continue
				}
				hs = append(hs, h+"="+hosts.Classify(h, nil).String())
			}
			if len(hs) == 0 {
				hs = append(hs, "none")
			}
			out = append(out, fmt.Sprintf("%s %s %s", s.Kind, s.Callee, strings.Join(hs, ",")))
		}
		return out
	}
	tests := []struct {
		fn   string
		want []string
	}{
		{"pkgGet", L("url net/http.Get api.groq.com=external")},
		{"clientPost", L("url (*net/http.Client).Post openrouter.ai=external")},
		{"newRequestDo", L("request (*net/http.Client).Do api.groq.com=external")},
		{"withContextClone", L("request (*net/http.Client).Do localhost=local")},
		{"interfaceDo", L("request (example.com/p.HTTPDoer).Do api.anthropic.com=external")},
		{"roundTripper", L("request (net/http.RoundTripper).RoundTrip api.x.ai=external")},
		{"transport", L("request (*net/http.Transport).RoundTrip 127.0.0.1=local")},
		// A request literal without a URL reaches nothing.
		{"requestLiteral", L("request (*net/http.Client).Do none")},
		{"requestFromHelper", L("request (*net/http.Client).Do api.deepseek.com=external")},
		{"requestParam", L("request (*net/http.Client).Do param1=?")},
		{"methodValue", L("url (*net/http.Client).Get api.mistral.ai=external")},
		{"methodExpr", L("url (*net/http.Client).Get api.cohere.com=external")},
		{"goAndDefer", L("url net/http.Get a.example.com=external", "url net/http.Head b.example.com=external")},
		{"dialUnix", L("hostport net.Dial unix:/var/run/ollama.sock=local")},
		{"dialTCP", L("hostport net.DialTimeout api.openai.com=external")},
		{"dialer", L("hostport (*net.Dialer).DialContext 127.0.0.1=local")},
		{"tlsDial", L("hostport crypto/tls.Dial generativelanguage.googleapis.com=external")},
		{"grpcDNS", L("grpc google.golang.org/grpc.NewClient api.x.com=external")},
		{"grpcUnix", L("grpc google.golang.org/grpc.Dial unix:/tmp/model.sock=local")},
		{"grpcPlain", L("grpc google.golang.org/grpc.DialContext localhost=local")},
		{"gorilla", L(
			"websocket (*github.com/gorilla/websocket.Dialer).Dial api.openai.com=external",
			"websocket (*github.com/gorilla/websocket.Dialer).DialContext localhost=local",
		)},
		{"coder", L("websocket github.com/coder/websocket.Dial api.openai.com=external")},
		// Headers and the Host header do not change where the request goes.
		{"headersThenDo", L("request (*net/http.Client).Do api.groq.com=external")},
		{"urlHostOverride", L("request (*net/http.Client).Do localhost=local")},
		{"notSinks", nil},
	}
	for _, tt := range tests {
		t.Run(tt.fn, func(t *testing.T) {
			p.t = t
			if got := describe(p.fn(tt.fn)); !slices.Equal(got, tt.want) {
				t.Errorf("sinks =\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestRequestURL checks the direct trace from a request to its URL
// argument, and that it gives up on anything but the NewRequest chain.
func TestRequestURL(t *testing.T) {
	p := build(t, sinksSrc)
	tests := []struct {
		fn   string
		want string // the URL argument's constant value, or "" for nil
	}{
		{"newRequestDo", "https://api.groq.com/openai/v1/chat/completions"},
		{"withContextClone", "http://localhost:11434/api/tags"},
		{"interfaceDo", "https://api.anthropic.com/v1/messages"},
		{"requestLiteral", ""},
		{"requestFromHelper", ""},
		{"requestParam", ""},
	}
	for _, tt := range tests {
		t.Run(tt.fn, func(t *testing.T) {
			p.t = t
			sinks := hosts.FindSinks(p.fn(tt.fn))
			if len(sinks) != 1 || sinks[0].Kind != hosts.Request {
				t.Fatalf("want one request sink, got %v", sinks)
			}
			got := ""
			if u := hosts.RequestURL(sinks[0].Arg); u != nil {
				c, ok := u.(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.String {
					t.Fatalf("RequestURL = %v, want a string constant", u)
				}
				got = constant.StringVal(c.Value)
			}
			if got != tt.want {
				t.Errorf("RequestURL = %q, want %q", got, tt.want)
			}
		})
	}
}
