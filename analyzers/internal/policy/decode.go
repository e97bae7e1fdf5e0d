package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// The file is decoded into a yaml.Node tree and walked by hand rather than
// unmarshalled into tagged structs: only the node tree knows the line and
// column of every key and value, and the walk can reject what struct decoding
// would silently accept (duplicate keys, a string where a list belongs,
// aliases, extra documents).

// A field is one key of the policy schema: either a mapping of further
// fields, or a leaf whose decode function stores the value into the Policy.
type field struct {
	name   string
	fields []field
	decode func(d *decoder, n *yaml.Node, path string, p *Policy) *Error
}

// schema is the whole policy schema, in the order policy.example.yaml
// documents it. It drives validation, "did you mean" suggestions, and the
// test that keeps the example file complete.
var schema = []field{
	{name: "version", decode: decodeVersion},
	{name: "local", fields: []field{
		{name: "hosts", decode: hostList(func(p *Policy) *[]HostPattern { return &p.Local.Hosts })},
		{name: "gateways", decode: decodeGateways},
		{name: "words", decode: wordList(func(p *Policy) *[]string { return &p.Local.Words })},
		{name: "honest", decode: wordList(func(p *Policy) *[]string { return &p.Local.Honest })},
		{name: "only", decode: funcList(func(p *Policy) *[]FuncPattern { return &p.Local.Only })},
	}},
	{name: "egress", fields: []field{
		{name: "allow", decode: hostList(func(p *Policy) *[]HostPattern { return &p.Egress.Allow })},
		{name: "deny", decode: hostList(func(p *Policy) *[]HostPattern { return &p.Egress.Deny })},
		{name: "default", decode: decodeEgressDefault},
		{name: "strict", decode: boolValue(func(p *Policy) *bool { return &p.Egress.Strict })},
	}},
	{name: "httpclient", fields: []field{
		{name: "streaming", decode: funcList(func(p *Policy) *[]FuncPattern { return &p.HTTPClient.Streaming })},
	}},
	{name: "zombieloop", fields: []field{
		{name: "backoff", decode: funcList(func(p *Policy) *[]FuncPattern { return &p.ZombieLoop.Backoff })},
		{name: "short", decode: positiveDuration(func(p *Policy) *time.Duration { return &p.ZombieLoop.Short })},
	}},
	{name: "exclude", decode: decodeExclude},
	{name: "tests", decode: decodeTests},
}

// schemaKeys returns the dotted path of every key in the schema, parents
// before their children.
func schemaKeys() []string {
	var keys []string
	var walk func(prefix string, fields []field)
	walk = func(prefix string, fields []field) {
		for _, f := range fields {
			k := joinPath(prefix, f.name)
			keys = append(keys, k)
			walk(k, f.fields)
		}
	}
	walk("", schema)
	return keys
}

// decoder carries what every error needs: the file name as given to Parse.
type decoder struct {
	file string
	// hosts records every host pattern by list ("egress.allow") with its
	// position, so that contradictions between lists can name both lines.
	hosts map[string][]placedHost
}

// placedHost is one host pattern and the node it was written at.
type placedHost struct {
	pattern HostPattern
	node    *yaml.Node
}

// errorf returns an *Error positioned at n.
func (d *decoder) errorf(n *yaml.Node, key, format string, args ...any) *Error {
	return &Error{File: d.file, Line: n.Line, Col: n.Column, Key: key, Msg: fmt.Sprintf(format, args...)}
}

// decode validates data and stores every key it sets into p. It returns the
// first problem in document order, except that an unsupported version is
// reported before anything else: a file written for another schema version
// would otherwise produce misleading "unknown key" errors.
func decode(filename string, data []byte, p *Policy) error {
	d := &decoder{file: filename}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // empty or comment-only file: the defaults
		}
		return d.syntaxError(data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return d.syntaxError(data, err)
	default:
		return d.errorf(&extra, "", "the file holds more than one YAML document; a policy is a single document")
	}

	root := &doc
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		root = doc.Content[0]
	}
	if err := d.plain(root, ""); err != nil {
		return err
	}
	if isNull(root) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return d.errorf(root, "", "expected a mapping of policy keys at top level, got %s", describe(root))
	}
	if err := d.versionFirst(root, p); err != nil {
		return err
	}
	if err := d.mapping(schema, root, "", p); err != nil {
		return err
	}
	if err := d.contradictions(); err != nil {
		return err
	}
	return nil
}

// contradictions rejects a host pattern that egress.deny lists together
// with egress.allow or local.hosts: the file would say both "may reach" (or
// "is local") and "must not reach" of the same host, and whichever list the
// analyzers consulted first would silently win. The error is placed at the
// later of the two entries (the first such pair in document order) and
// names the line of the other.
func (d *decoder) contradictions() *Error {
	var first *Error
	for _, other := range []string{"egress.allow", "local.hosts"} {
		for _, deny := range d.hosts["egress.deny"] {
			for _, o := range d.hosts[other] {
				if hostKey(deny.pattern) != hostKey(o.pattern) {
					continue
				}
				later, earlier, laterPath, earlierPath := deny, o, "egress.deny", other
				if before(deny.node, o.node) {
					later, earlier, laterPath, earlierPath = o, deny, other, "egress.deny"
				}
				why := "a host cannot be both allowed and denied"
				if other == "local.hosts" {
					why = "a host cannot be both local and denied"
				}
				e := d.errorf(later.node, laterPath,
					"%s: host pattern %q is also in %s at line %d; %s: remove it from one of the lists",
					laterPath, later.node.Value, earlierPath, earlier.node.Line, why)
				if first == nil || e.Line < first.Line || (e.Line == first.Line && e.Col < first.Col) {
					first = e
				}
			}
		}
	}
	return first
}

// before reports whether a comes before b in the document.
func before(a, b *yaml.Node) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
}

// hostKey is the identity of a host pattern: two patterns with the same key
// match the same hosts ("::1" and "0:0:0:0:0:0:0:1", "API.example.com" and
// "api.example.com").
func hostKey(p HostPattern) string {
	if p.kind == hostExact && p.addr.IsValid() {
		return "ip:" + p.addr.Unmap().String()
	}
	return fmt.Sprint(p.kind) + ":" + p.String()
}

// The patterns of go-yaml's errors, compiled on first use (a YAML error),
// not at every start of the command.
var (
	// lineRE extracts the line number from a go-yaml syntax error
	// ("yaml: line 3: mapping values are not allowed in this context").
	lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): `) })
	// unknownAnchorRE matches the one go-yaml error that has no line.
	unknownAnchorRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`) })
)

// syntaxError converts a go-yaml parse error. go-yaml reports only a line,
// so the column is 1; for an alias to an undefined anchor it reports
// nothing, so the alias is located in the text.
func (d *decoder) syntaxError(data []byte, err error) *Error {
	msg := err.Error()
	line, col := 1, 1
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		if m := unknownAnchorRE().FindStringSubmatch(msg); m != nil {
			line, col = findAlias(data, m[1])
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &Error{File: d.file, Line: line, Col: col, Msg: "invalid YAML: " + msg}
}

// findAlias returns the 1-based position of the first "*name" that is not
// followed by more of a name, or 1:1 if there is none.
func findAlias(data []byte, name string) (line, col int) {
	re := regexp.MustCompile(`\*` + regexp.QuoteMeta(name) + `(?:[\s,\]}]|$)`)
	loc := re.FindIndex(data)
	if loc == nil {
		return 1, 1
	}
	before := data[:loc[0]]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}

// versionFirst validates the top-level version key, if present, before the
// rest of the document (see decode).
func (d *decoder) versionFirst(root *yaml.Node, p *Policy) *Error {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "version" && v.Kind == yaml.ScalarNode && !isNull(v) {
			return decodeVersion(d, v, "version", p)
		}
	}
	return nil
}

// mapping walks one mapping node against fields. A null node (a key with no
// value, or whose children are all commented out) sets nothing.
func (d *decoder) mapping(fields []field, n *yaml.Node, path string, p *Policy) *Error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, path, "%s: expected a mapping, got %s", path, describe(n))
	}
	firstLine := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := d.plain(k, path); err != nil {
			return err
		}
		if k.Kind != yaml.ScalarNode {
			return d.errorf(k, path, "expected a key name %s, got %s", where(path), describe(k))
		}
		name := k.Value
		keyPath := joinPath(path, name)
		if line, dup := firstLine[name]; dup {
			return d.errorf(k, keyPath, "duplicate key %q %s (first at line %d)", name, where(path), line)
		}
		firstLine[name] = k.Line

		f, ok := lookupField(fields, name)
		if !ok {
			return d.errorf(k, keyPath, "unknown key %q %s (%s)", name, where(path), suggestKey(name, fields))
		}
		if err := d.plain(v, keyPath); err != nil {
			return err
		}
		if f.fields != nil {
			if err := d.mapping(f.fields, v, keyPath, p); err != nil {
				return err
			}
			continue
		}
		if isNull(v) {
			continue // "key:" with no value leaves the default
		}
		if err := f.decode(d, v, keyPath, p); err != nil {
			return err
		}
	}
	return nil
}

// plain rejects YAML features a policy has no use for and that would let a
// value come from somewhere other than where it is written: anchors, aliases
// (including "<<" merges) and application-specific tags.
func (d *decoder) plain(n *yaml.Node, path string) *Error {
	switch {
	case n.Kind == yaml.AliasNode:
		return d.errorf(n, path, "%sYAML aliases (*%s) are not supported in a policy file; write the value out", prefix(path), n.Value)
	case n.Anchor != "":
		return d.errorf(n, path, "%sYAML anchors (&%s) are not supported in a policy file; write the value out", prefix(path), n.Anchor)
	case n.Tag != "" && !strings.HasPrefix(n.Tag, "!!"):
		return d.errorf(n, path, "%sunsupported YAML tag %q", prefix(path), n.Tag)
	}
	return nil
}

func lookupField(fields []field, name string) (field, bool) {
	for _, f := range fields {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// suggestKey returns the parenthesised hint for an unknown key: the closest
// valid key if one is within two edits or differs only in case, otherwise
// the list of valid keys.
func suggestKey(name string, fields []field) string {
	best, bestDist := "", 3
	for _, f := range fields {
		if strings.EqualFold(f.name, name) {
			best = f.name
			break
		}
		if dist := editDistance(strings.ToLower(name), f.name); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return "valid keys: " + strings.Join(names, ", ")
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// characters each cost one, so "defualt" is one edit from "default".
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// rows[i%3] holds the distances for s[:i]; three rows cover the
	// transposition lookback.
	var rows [3][]int
	for i := range rows {
		rows[i] = make([]int, len(t)+1)
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur, prev, prev2 := rows[i%3], rows[(i-1)%3], rows[(i+1)%3]
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
	}
	return rows[len(s)%3][len(t)]
}

// decodeVersion accepts only the integer 1: a newer file is refused rather
// than half understood.
func decodeVersion(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		return d.errorf(n, path, "%s: expected an integer, got %s", path, describe(n))
	}
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil || v != Version {
		return d.errorf(n, path, "%s: unsupported policy version %s (this zombiecheck reads version %d)", path, n.Value, Version)
	}
	p.Version = int(v)
	return nil
}

func decodeEgressDefault(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && (n.Value == EgressAllow || n.Value == EgressDeny) {
		p.Egress.Default = n.Value
		return nil
	}
	got := describe(n)
	if n.Kind == yaml.ScalarNode {
		got = strconv.Quote(n.Value)
	}
	return d.errorf(n, path, "%s: must be %q or %q, got %s", path, EgressAllow, EgressDeny, got)
}

// decodeTests accepts "analyse" or "skip". The American spelling is not
// taken silently: the error names the accepted spelling, so a file never
// means something other than what it says.
func decodeTests(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && (n.Value == TestsAnalyse || n.Value == TestsSkip) {
		p.Tests = n.Value
		return nil
	}
	got := describe(n)
	if n.Kind == yaml.ScalarNode {
		got = strconv.Quote(n.Value)
	}
	return d.errorf(n, path, "%s: must be %q (report findings in _test.go files) or %q (drop them, the default), got %s", path, TestsAnalyse, TestsSkip, got)
}

func boolValue(dst func(*Policy) *bool) func(*decoder, *yaml.Node, string, *Policy) *Error {
	return func(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
			if v, err := strconv.ParseBool(n.Value); err == nil {
				*dst(p) = v
				return nil
			}
		}
		return d.errorf(n, path, "%s: expected true or false, got %s", path, describe(n))
	}
}

// positiveDuration accepts a Go duration string ("500ms", "2s", "1m30s").
func positiveDuration(dst func(*Policy) *time.Duration) func(*decoder, *yaml.Node, string, *Policy) *Error {
	return func(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
		if n.Kind != yaml.ScalarNode {
			return d.errorf(n, path, "%s: expected a duration such as \"1s\", got %s", path, describe(n))
		}
		v, err := time.ParseDuration(n.Value)
		if err != nil {
			return d.errorf(n, path, "%s: invalid duration %q", path, n.Value)
		}
		if v <= 0 {
			return d.errorf(n, path, "%s: must be greater than zero, got %q", path, n.Value)
		}
		*dst(p) = v
		return nil
	}
}

// stringList calls each for every item of a list of strings, in order.
func (d *decoder) stringList(n *yaml.Node, path string, each func(item *yaml.Node) *Error) *Error {
	if n.Kind != yaml.SequenceNode {
		return d.errorf(n, path, "%s: expected a list of strings, got %s", path, describe(n))
	}
	for _, item := range n.Content {
		if err := d.plain(item, path); err != nil {
			return err
		}
		if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
			return d.errorf(item, path, "%s: expected a string, got %s", path, describe(item))
		}
		if err := each(item); err != nil {
			return err
		}
	}
	return nil
}

func hostList(dst func(*Policy) *[]HostPattern) func(*decoder, *yaml.Node, string, *Policy) *Error {
	return func(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
		return d.stringList(n, path, func(item *yaml.Node) *Error {
			hp, err := ParseHostPattern(item.Value)
			if err != nil {
				return d.errorf(item, path, "%s: %v", path, err)
			}
			hp.line = item.Line
			*dst(p) = append(*dst(p), hp)
			if d.hosts == nil {
				d.hosts = make(map[string][]placedHost)
			}
			d.hosts[path] = append(d.hosts[path], placedHost{hp, item})
			return nil
		})
	}
}

func decodeGateways(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
	return d.stringList(n, path, func(item *yaml.Node) *Error {
		g, err := ParseGatewayPattern(item.Value)
		if err != nil {
			return d.errorf(item, path, "%s: %v", path, err)
		}
		p.Local.Gateways = append(p.Local.Gateways, g)
		return nil
	})
}

func funcList(dst func(*Policy) *[]FuncPattern) func(*decoder, *yaml.Node, string, *Policy) *Error {
	return func(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
		return d.stringList(n, path, func(item *yaml.Node) *Error {
			fp, err := ParseFuncPattern(item.Value)
			if err != nil {
				return d.errorf(item, path, "%s: %v", path, err)
			}
			*dst(p) = append(*dst(p), fp)
			return nil
		})
	}
}

// wordList stores identifier words in lower case. The name tokenizer splits
// identifiers at every non-alphanumeric character and compares lower-cased
// tokens, so a word containing anything else could never match; it is
// rejected instead of being silently useless.
func wordList(dst func(*Policy) *[]string) func(*decoder, *yaml.Node, string, *Policy) *Error {
	return func(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
		return d.stringList(n, path, func(item *yaml.Node) *Error {
			w := item.Value
			if w == "" {
				return d.errorf(item, path, "%s: empty word", path)
			}
			var fixed strings.Builder
			valid := true
			for _, r := range w {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					fixed.WriteRune(unicode.ToLower(r))
				} else {
					valid = false
				}
			}
			if !valid {
				hint := ""
				if fixed.Len() > 0 {
					hint = fmt.Sprintf(", as in %q", fixed.String())
				}
				return d.errorf(item, path, "%s: invalid word %q: a word is one identifier token of letters and digits%s", path, w, hint)
			}
			*dst(p) = append(*dst(p), fixed.String())
			return nil
		})
	}
}

func decodeExclude(d *decoder, n *yaml.Node, path string, p *Policy) *Error {
	return d.stringList(n, path, func(item *yaml.Node) *Error {
		g, err := compileGlob(item.Value)
		if err != nil {
			return d.errorf(item, path, "%s: %v", path, err)
		}
		p.Exclude = append(p.Exclude, item.Value)
		p.globs = append(p.globs, g)
		return nil
	})
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names the kind of a node for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	switch n.Tag {
	case "!!str":
		return fmt.Sprintf("a string (%q)", n.Value)
	case "!!int":
		return fmt.Sprintf("an integer (%s)", n.Value)
	case "!!float":
		return fmt.Sprintf("a number (%s)", n.Value)
	case "!!bool":
		return fmt.Sprintf("a boolean (%s)", n.Value)
	case "!!null":
		return "an empty value"
	}
	return fmt.Sprintf("a %s value (%q)", n.Tag, n.Value)
}

func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// where says which mapping a key is in, for messages.
func where(path string) string {
	if path == "" {
		return "at top level"
	}
	return "in " + path
}

// prefix is the "key: " that starts a message about a value.
func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}
