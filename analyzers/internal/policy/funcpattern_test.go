package policy

import "testing"

func TestParseFuncPattern(t *testing.T) {
	valid := []struct {
		in         string
		pkg        string
		recursive  bool
		recv, name string
	}{
		{"fmt", "fmt", false, "", ""},
		{"net/http", "net/http", false, "", ""},
		{"fmt.Println", "fmt", false, "", "Println"},
		{"net/http.Get", "net/http", false, "", "Get"},
		{"example.com/svc/retry.Sleep", "example.com/svc/retry", false, "", "Sleep"},
		{"example.com/svc/llm.Client.Stream", "example.com/svc/llm", false, "Client", "Stream"},
		{"example.com/svc/llm.(*Client).Stream", "example.com/svc/llm", false, "Client", "Stream"},
		{"example.com/svc/llm.(Client).Stream", "example.com/svc/llm", false, "Client", "Stream"},
		{"example.com/svc/...", "example.com/svc", true, "", ""},
		{"example.com/svc/....Retry", "example.com/svc", true, "", "Retry"},
		{"github.com/cenkalti/backoff/v4.Retry", "github.com/cenkalti/backoff/v4", false, "", "Retry"},
		{"gopkg.in/yaml.v3", "gopkg.in/yaml.v3", false, "", ""},
		{"gopkg.in/yaml.v3.Marshal", "gopkg.in/yaml.v3", false, "", "Marshal"},
		{"gopkg.in/yaml.v3.(*Decoder).Decode", "gopkg.in/yaml.v3", false, "Decoder", "Decode"},
		{"example.com/a.b/c-d_e.F", "example.com/a.b/c-d_e", false, "", "F"},
		{"example.com/svc.ünïcode", "example.com/svc", false, "", "ünïcode"},
	}
	for _, tt := range valid {
		p, err := ParseFuncPattern(tt.in)
		if err != nil {
			t.Errorf("ParseFuncPattern(%q): %v", tt.in, err)
			continue
		}
		if p.pkg != tt.pkg || p.recursive != tt.recursive || p.recv != tt.recv || p.name != tt.name {
			t.Errorf("ParseFuncPattern(%q) = pkg %q recursive %v recv %q name %q; want %q %v %q %q",
				tt.in, p.pkg, p.recursive, p.recv, p.name, tt.pkg, tt.recursive, tt.recv, tt.name)
		}
		if p.String() != tt.in {
			t.Errorf("ParseFuncPattern(%q).String() = %q", tt.in, p.String())
		}
	}

	invalid := []struct{ in, want string }{
		{"", `empty function pattern`},
		{"...", `invalid function pattern "...": "..." alone would match every package; name the package tree, as in "example.com/app/..."`},
		{"example.com/ svc", `invalid function pattern "example.com/ svc": contains spaces`},
		{"example.com/.../x", `invalid function pattern "example.com/.../x": "..." is allowed only at the end of the package path`},
		{"example.com/*", `invalid function pattern "example.com/*": "*" is not a wildcard in package paths; write "example.com/app/..." for a package and every package below it`},
		{"example.com//svc", `invalid function pattern "example.com//svc": the package path has an empty element`},
		{"/svc", `invalid function pattern "/svc": the package path has an empty element`},
		{"svc/", `invalid function pattern "svc/": the package path has an empty element`},
		{"./svc.F", `invalid function pattern "./svc.F": the package path has a "." element; write the full import path`},
		{".F", `invalid function pattern ".F": missing package path`},
		{"example.com/svc.", `invalid function pattern "example.com/svc.": missing the function name after the package`},
		{"example.com/svc.A.B.C", `invalid function pattern "example.com/svc.A.B.C": expected Func, Type.Method or (*Type).Method after the package, got "A.B.C"`},
		{"example.com/svc.(*T.M", `invalid function pattern "example.com/svc.(*T.M": unbalanced "(" in the receiver`},
		{"example.com/svc.(*T)M", `invalid function pattern "example.com/svc.(*T)M": expected ".Method" after the receiver`},
		{"example.com/svc.(*T).", `invalid function pattern "example.com/svc.(*T).": "" is not a Go identifier`},
		{"example.com/svc.()M", `invalid function pattern "example.com/svc.()M": expected ".Method" after the receiver`},
		{"example.com/svc.().M", `invalid function pattern "example.com/svc.().M": the receiver type "" is not a Go identifier`},
		{"example.com/svc.*T.M", `invalid function pattern "example.com/svc.*T.M": "*" is not a wildcard here; write "(*Type).Method" for a pointer method and "pkg/..." for a package tree`},
		{"example.com/svc.Get*", `invalid function pattern "example.com/svc.Get*": "*" is not a wildcard here; write "(*Type).Method" for a pointer method and "pkg/..." for a package tree`},
		{"example.com/svc.(*List[T]).Push", `invalid function pattern "example.com/svc.(*List[T]).Push": write the type without type parameters, as in "example.com/app.(*List).Push"`},
		{"example.com/svc.1F", `invalid function pattern "example.com/svc.1F": "1F" is not a Go identifier`},
		{"example.com/svc.F-G", `invalid function pattern "example.com/svc.F-G": "F-G" is not a Go identifier`},
		{"(*T).M", `invalid function pattern "(*T).M": a receiver must follow the package path, as in "example.com/app/llm.(*Client).Stream"`},
		{"example.com/sv@c", `invalid function pattern "example.com/sv@c": the package path contains the invalid character '@'`},
	}
	for _, tt := range invalid {
		_, err := ParseFuncPattern(tt.in)
		if err == nil {
			t.Errorf("ParseFuncPattern(%q) succeeded, want error %q", tt.in, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseFuncPattern(%q) error\n got: %s\nwant: %s", tt.in, err, tt.want)
		}
	}
}

func TestFuncPatternMatch(t *testing.T) {
	type fn struct{ pkg, recv, name string }
	tests := []struct {
		pattern string
		fn      fn
		want    bool
	}{
		// a whole package
		{"example.com/svc/retry", fn{"example.com/svc/retry", "", "Sleep"}, true},
		{"example.com/svc/retry", fn{"example.com/svc/retry", "Backoff", "Next"}, true},
		{"example.com/svc/retry", fn{"example.com/svc/retry/sub", "", "Sleep"}, false},
		{"example.com/svc/retry", fn{"example.com/svc/retrying", "", "Sleep"}, false},
		{"example.com/svc/retry", fn{"example.com/svc", "", "Sleep"}, false},

		// a package tree
		{"example.com/svc/...", fn{"example.com/svc", "", "F"}, true},
		{"example.com/svc/...", fn{"example.com/svc/a/b", "T", "M"}, true},
		{"example.com/svc/...", fn{"example.com/svcx", "", "F"}, false},
		{"example.com/svc/...", fn{"example.com", "", "F"}, false},
		{"example.com/svc/....Retry", fn{"example.com/svc/a", "", "Retry"}, true},
		{"example.com/svc/....Retry", fn{"example.com/svc/a", "", "Other"}, false},

		// a function
		{"example.com/svc/retry.Sleep", fn{"example.com/svc/retry", "", "Sleep"}, true},
		{"example.com/svc/retry.Sleep", fn{"example.com/svc/retry", "", "sleep"}, false},
		{"example.com/svc/retry.Sleep", fn{"example.com/svc/other", "", "Sleep"}, false},
		{"example.com/svc/retry.Sleep", fn{"example.com/svc/retry", "Clock", "Sleep"}, false},
		// "pkg.Name" also covers the methods of a type Name
		{"example.com/svc/llm.Client", fn{"example.com/svc/llm", "Client", "Stream"}, true},
		{"example.com/svc/llm.Client", fn{"example.com/svc/llm", "*Client", "Do"}, true},
		{"example.com/svc/llm.Client", fn{"example.com/svc/llm", "Other", "Client"}, false},

		// a method, whatever the receiver spelling on either side
		{"example.com/svc/llm.Client.Stream", fn{"example.com/svc/llm", "Client", "Stream"}, true},
		{"example.com/svc/llm.(*Client).Stream", fn{"example.com/svc/llm", "Client", "Stream"}, true},
		{"example.com/svc/llm.(Client).Stream", fn{"example.com/svc/llm", "*Client", "Stream"}, true},
		{"example.com/svc/llm.(*Client).Stream", fn{"example.com/svc/llm", "(*Client)", "Stream"}, true},
		{"example.com/svc/llm.(*List).Push", fn{"example.com/svc/llm", "*List[T]", "Push"}, true},
		{"example.com/svc/llm.(*Client).Stream", fn{"example.com/svc/llm", "Client", "Do"}, false},
		{"example.com/svc/llm.(*Client).Stream", fn{"example.com/svc/llm", "", "Stream"}, false},
		{"example.com/svc/llm.(*Client).Stream", fn{"example.com/svc/llm", "Server", "Stream"}, false},

		// gopkg.in versions
		{"gopkg.in/yaml.v3.Marshal", fn{"gopkg.in/yaml.v3", "", "Marshal"}, true},
		{"gopkg.in/yaml.v3.Marshal", fn{"gopkg.in/yaml", "v3", "Marshal"}, false},
	}
	for _, tt := range tests {
		p, err := ParseFuncPattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParseFuncPattern(%q): %v", tt.pattern, err)
		}
		if got := p.MatchFunc(tt.fn.pkg, tt.fn.recv, tt.fn.name); got != tt.want {
			t.Errorf("%q.MatchFunc(%q, %q, %q) = %v, want %v", tt.pattern, tt.fn.pkg, tt.fn.recv, tt.fn.name, got, tt.want)
		}
	}
	if (FuncPattern{}).MatchFunc("", "", "") {
		t.Error("the zero FuncPattern matched a function")
	}
}

func TestFuncPatternMatchPackage(t *testing.T) {
	tests := []struct {
		pattern, pkg string
		want         bool
	}{
		{"example.com/svc/sse", "example.com/svc/sse", true},
		{"example.com/svc/sse", "example.com/svc/sse/v2", false},
		{"example.com/svc/sse", "example.com/svc", false},
		{"example.com/svc/...", "example.com/svc", true},
		{"example.com/svc/...", "example.com/svc/sse", true},
		{"example.com/svc/...", "example.com/svc2", false},
		{"example.com/svc/sse.Stream", "example.com/svc/sse", false}, // names a function, not the package
		{"example.com/svc/....Stream", "example.com/svc/sse", false},
	}
	for _, tt := range tests {
		p, err := ParseFuncPattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParseFuncPattern(%q): %v", tt.pattern, err)
		}
		if got := p.MatchPackage(tt.pkg); got != tt.want {
			t.Errorf("%q.MatchPackage(%q) = %v, want %v", tt.pattern, tt.pkg, got, tt.want)
		}
	}
}

func TestFuncPatternMatchType(t *testing.T) {
	tests := []struct {
		pattern, pkg, typ string
		want              bool
	}{
		{"example.com/svc/llm", "example.com/svc/llm", "Client", true},
		{"example.com/svc/...", "example.com/svc/llm", "Client", true},
		{"example.com/svc/llm.Client", "example.com/svc/llm", "Client", true},
		{"example.com/svc/llm.Client", "example.com/svc/llm", "*Client", true},
		{"example.com/svc/llm.Client", "example.com/svc/llm", "Server", false},
		{"example.com/svc/llm.Client", "example.com/svc/other", "Client", false},
		{"example.com/svc/llm.Client.Stream", "example.com/svc/llm", "Client", false}, // a method is not its type
	}
	for _, tt := range tests {
		p, err := ParseFuncPattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParseFuncPattern(%q): %v", tt.pattern, err)
		}
		if got := p.MatchType(tt.pkg, tt.typ); got != tt.want {
			t.Errorf("%q.MatchType(%q, %q) = %v, want %v", tt.pattern, tt.pkg, tt.typ, got, tt.want)
		}
	}
}
