package guard_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zombiecheck/zombiecheck/guard"
)

// examplePolicy writes a .zombiecheck.yaml into a fresh temporary directory
// and returns its path and a function that removes the directory.
func examplePolicy(yaml string) (string, func()) {
	dir, err := os.MkdirTemp("", "guard-example")
	if err != nil {
		panic(err)
	}
	path := filepath.Join(dir, ".zombiecheck.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		panic(err)
	}
	return path, func() { os.RemoveAll(dir) }
}

// exampleNoNetwork is a base transport for the examples that must never be
// reached: a refused request stops in the guard.
type exampleNoNetwork struct{}

func (exampleNoNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, errors.New("example: the request reached the network")
}

// Load reads the policy file; a request to a host its egress.deny forbids
// fails before any connection, with the host, the rule and the entry's line.
func ExampleLoad() {
	path, cleanup := examplePolicy(`# which hosts this service may call
egress:
  default: allow
  deny:
    - openrouter.ai
`)
	defer cleanup()

	g, err := guard.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	client := &http.Client{Transport: g.RoundTripper(exampleNoNetwork{})}

	resp, err := client.Get("https://openrouter.ai/api/v1/models")
	if err == nil {
		resp.Body.Close()
	}
	var fe *guard.ForbiddenError
	if errors.As(err, &fe) {
		fmt.Printf("refused %s by %s:%d (%s)\n", fe.Host, filepath.Base(fe.File), fe.Line, fe.Rule)
	}
	// Output:
	// refused openrouter.ai by .zombiecheck.yaml:5 (egress.deny)
}

// Hosts the policy allows go through unchanged: here a test server on
// 127.0.0.1.
func ExampleGuard_RoundTripper() {
	path, cleanup := examplePolicy("egress:\n  deny:\n    - openrouter.ai\n")
	defer cleanup()
	g, err := guard.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	}))
	defer srv.Close()

	client := &http.Client{Transport: g.RoundTripper(srv.Client().Transport)}
	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, string(body))
	// Output:
	// 200 ok
}

// A malformed policy fails when the guard is built, with the file, line and
// key, never at the first request.
func ExampleLoad_malformed() {
	path, cleanup := examplePolicy("egress:\n  defualt: deny\n")
	defer cleanup()

	_, err := guard.Load(path)
	fmt.Println(strings.Replace(err.Error(), path, ".zombiecheck.yaml", 1))
	// Output:
	// guard: .zombiecheck.yaml:2:3: unknown key "defualt" in egress (did you mean "default"?)
}

// Dialer checks the resolved ip:port at connect time, so address and CIDR
// entries hold for gRPC, websockets and raw TCP, and for names that
// resolve to a denied address. The refusal comes before the connection.
func ExampleGuard_Dialer() {
	path, cleanup := examplePolicy("egress:\n  deny:\n    - 169.254.169.254/32\n    - 127.0.0.0/8\n")
	defer cleanup()
	g, err := guard.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()

	d := g.Dialer(&net.Dialer{Timeout: 5 * time.Second})
	conn, err := d.Dial("tcp", ln.Addr().String())
	if err == nil {
		conn.Close()
	}
	var fe *guard.ForbiddenError
	if errors.As(err, &fe) {
		fmt.Printf("refused %s by %s %s (line %d)\n", fe.Host, fe.Rule, fe.Pattern, fe.Line)
	}
	// Output:
	// refused 127.0.0.1 by egress.deny 127.0.0.0/8 (line 4)
}

// In local-only mode every destination local.hosts does not call local is
// refused, whatever egress allows.
func ExampleOptions_localOnly() {
	path, cleanup := examplePolicy("local:\n  hosts:\n    - ollama.internal\n")
	defer cleanup()

	g, err := guard.New(guard.Options{PolicyFile: path, LocalOnly: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, host := range []string{"localhost:11434", "ollama.internal:11434", "api.openai.com"} {
		err := g.Check(host)
		var fe *guard.ForbiddenError
		if errors.As(err, &fe) {
			fmt.Printf("%s: refused (%s)\n", host, fe.Rule)
		} else {
			fmt.Printf("%s: allowed\n", host)
		}
	}
	// Output:
	// localhost:11434: allowed
	// ollama.internal:11434: allowed
	// api.openai.com: refused (local-only)
}

// In report-only mode nothing is refused; what would be refused is reported
// to the logger or OnEvent, and counted.
func ExampleOptions_reportOnly() {
	path, cleanup := examplePolicy("egress:\n  deny:\n    - openrouter.ai\n")
	defer cleanup()

	g, err := guard.New(guard.Options{
		PolicyFile: path,
		ReportOnly: true,
		OnEvent: func(ev guard.Event) {
			if !ev.Allowed {
				fmt.Printf("would refuse %s (%s, line %d)\n", ev.Host, ev.Rule, ev.Line)
			}
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("error:", g.Check("openrouter.ai:443"))
	// Output:
	// would refuse openrouter.ai (egress.deny, line 3)
	// error: <nil>
}
