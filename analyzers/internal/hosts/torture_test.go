package hosts_test

import (
	"fmt"
	"go/types"
	"slices"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"golang.org/x/tools/go/ssa"
)

// tortureSrc holds the shapes that crashed earlier tools: generics,
// range-over-func, go and defer literals, method values and promoted methods, package variables, unkeyed literals, recursion.
const tortureSrc = `package p

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"os"
	"strings"
	"sync"
)

func use(string) {}

type URLish interface{ ~string }

func Get[S URLish](u S) { http.Get(string(u)) }

func First[T any](xs []T) T { return xs[0] }

func Join[S ~string](base S, path string) string { return string(base) + path }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p *Pair[K, V]) URL() string { return fmt.Sprint(p.Key) }

type Endpoint struct{ Base string }

type Box[T any] struct {
	Endpoint
	v T
}

func useGeneric() {
	Get("https://api.groq.com/openai/v1")
	use(First([]string{"https://openrouter.ai/api/v1"}))
	use(Join("http://localhost:11434", "/api"))
	b := Box[int]{Endpoint{"https://api.x.ai"}, 1}
	use(b.Base)
	p := &Pair[string, int]{"https://api.mistral.ai", 2}
	use(p.URL())
}

func Seq() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, u := range []string{"https://api.groq.com", "http://localhost:11434"} {
			if !yield(u) {
				return
			}
		}
	}
}

func rangeOverFunc() {
	for u := range Seq() {
		use(u)
		http.Get(u)
	}
}

func rangeOverInt() {
	for i := range 3 {
		use(fmt.Sprintf("http://localhost:%d", 8000+i))
	}
}

type Client struct {
	mu   sync.Mutex
	base string
	hc   *http.Client
}

func (c *Client) Do(ctx context.Context, path string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Wrapped struct{ *Client }

func promoted(w Wrapped, ctx context.Context) {
	f := w.Do
	_ = f(ctx, "/x")
	g := (*Client).Do
	_ = g(w.Client, ctx, "/y")
}

func goroutines(base string) {
	var wg sync.WaitGroup
	for _, u := range []string{base, "https://api.cohere.com"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			http.Get(u + "/v1")
		}()
	}
	defer func() { recover() }()
	wg.Wait()
}

var handlers = map[string]func() string{
	"groq": func() string { return "https://api.groq.com" },
}

func funcMap() { use(handlers["groq"]()) }

func recursive(n int, u string) string {
	if n == 0 {
		return u
	}
	return recursive(n-1, u+"/x")
}

func typeSwitch(v any) {
	switch x := v.(type) {
	case string:
		use(x)
	case fmt.Stringer:
		use(x.String())
	case *string:
		use(*x)
	}
}

func channels(ch chan string) {
	select {
	case u := <-ch:
		use(u)
	default:
		use(os.Getenv("X"))
	}
}

func labeled(urls [][]string) {
outer:
	for _, row := range urls {
		for _, u := range row {
			if strings.HasPrefix(u, "http://localhost") {
				continue outer
			}
			use(u)
		}
	}
}

type point struct{ x, y string }

func unkeyed() {
	pts := []point{{"http://a", "http://b"}, {"https://c.example", "d"}}
	use(pts[1].x)
	arr := [...]string{2: "https://e.example"}
	use(arr[2])
}

func selfAssign() {
	var u string
	for i := 0; i < 3; i++ {
		u = u + u
	}
	use(u)
}

func pointerPhi(c bool) {
	a := &Endpoint{"https://api.a.example"}
	b := &Endpoint{"http://localhost"}
	p := a
	if c {
		p = b
	}
	use(p.Base)
}

func swap() {
	x, y := "https://a.example", "http://localhost"
	for i := 0; i < 2; i++ {
		x, y = y, x
	}
	use(x)
}

func deferred() (u string) {
	defer func() { u = "http://localhost" }()
	return "https://api.x.example"
}

func panics() {
	defer func() {
		if r := recover(); r != nil {
			use(fmt.Sprint(r))
		}
	}()
	panic("https://x.example")
}
`

// TestTorture resolves every value of every function (closures and the
// generic bodies included), at its own instruction, finds sinks, and
// summarizes results and fields, twice: nothing may panic (tests make
// panics visible), and both runs must agree exactly.
func TestTorture(t *testing.T) {
	p := build(t, tortureSrc)
	run := func() []string {
		var out []string
		r := p.resolver()
		for _, fn := range packageFuncsForTest(p) {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if v, ok := instr.(ssa.Value); ok {
						out = append(out, fmt.Sprintf("%s %s = %s", fn, v.Name(), r.StringsAt(v, instr)))
						out = append(out, fmt.Sprintf("%s %s (anywhere) = %s", fn, v.Name(), r.Strings(v)))
					}
					for _, op := range instr.Operands(nil) {
						if *op != nil {
							r.Resolve(*op, "Base", instr)
							r.Resolve(*op, "[].x", instr)
						}
					}
				}
			}
			for _, s := range hosts.FindSinks(fn) {
				out = append(out, fmt.Sprintf("%s sink %s %s -> %s", fn, s.Kind, s.Callee, r.Targets(s)))
			}
			for i := range fn.Signature.Results().Len() {
				out = append(out, fmt.Sprintf("%s returns %s; fields %v", fn, r.ResultStrings(fn, i), r.ResultFields(fn, i)))
			}
		}
		return out
	}
	first, second := run(), run()
	if !slices.Equal(first, second) {
		t.Fatal("two runs disagree")
	}
}

// TestTortureShapes checks what the torture shapes resolve to: precise
// where the design follows the value, Unknown (never a guess) elsewhere.
func TestTortureShapes(t *testing.T) {
	checkShapes(t, tortureSrc, []shape{
		{fn: "useGeneric", want: Uses(
			L("https://openrouter.ai/api/v1"),
			// A generic helper's summary, instantiated; the ":" ends the host.
			L("http://localhost:11434…"),
			L("https://api.x.ai"),
			L("…"),
		), hosts: Uses(L("openrouter.ai"), L("localhost"), L("api.x.ai"), L("?"))},
		// The loop variable is the yield callback's own parameter.
		{fn: "rangeOverFunc", want: Uses(L("…"))},
		{fn: "rangeOverInt", want: Uses(L("http://localhost:…"))},
		{fn: "funcMap", want: Uses(L("…"))},
		{fn: "typeSwitch", want: Uses(L("param0"), L("…"), L("param0"))},
		{fn: "channels", want: Uses(L("…"), L("$X"))},
		{fn: "labeled", want: Uses(L("param0.[].[]"))},
		// Elements are not told apart by index.
		{fn: "unkeyed", want: Uses(L("http://a", "https://c.example"), L("https://e.example"))},
		{fn: "selfAssign", want: Uses(L("…", ""))},
		{fn: "pointerPhi", want: Uses(L("http://localhost", "https://api.a.example"))},
		{fn: "swap", want: Uses(L("http://localhost", "https://a.example"))},
		{fn: "panics", want: Uses(L("…"))},
	})
}

// packageFuncsForTest lists the package's functions, the declared methods
// of its types (generic ones included) and all closures, in a fixed order.
func packageFuncsForTest(p *program) []*ssa.Function {
	var names []string
	for name := range p.pkg.Members {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []*ssa.Function
	for _, name := range names {
		switch m := p.pkg.Members[name].(type) {
		case *ssa.Function:
			out = append(out, allFuncs(m)...)
		case *ssa.Type:
			if named, ok := m.Type().(*types.Named); ok {
				for meth := range named.Methods() {
					if f := p.prog.FuncValue(meth); f != nil {
						out = append(out, allFuncs(f)...)
					}
				}
			}
		}
	}
	return out
}
