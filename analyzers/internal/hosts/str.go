// Package hosts answers "what host does this value carry, and is it local?"
// for every zombiecheck analyzer that follows network destinations
// (localroute and egress, through the summary analyzer). It is a pure library
// over SSA: no analysis.Analyzer, no facts, no policy beyond the extra local
// host patterns a caller passes to Classify.
//
// It has four parts:
//
//   - The abstract string domain: Str is one abstract string (a known leading
//     literal, possibly followed by the value of a parameter or an environment
//     variable, possibly followed by unknown text), and Strs is a small set of
//     alternatives. Both are plain data, sorted and deterministic, so the
//     summary analyzer can store them in facts unchanged.
//   - Host extraction: Str.Host reads the host a URL or a dial target
//     designates, when the known prefix decides it.
//   - The Resolver, which turns an SSA value of one function into Strs:
//     constants, concatenation, phis, fmt.Sprintf, the string and URL helpers
//     of the standard library, environment variables, parameters and their
//     fields, local structs with flow-sensitive reaching stores, package
//     variables, and ranges over constant collections. Callee summaries plug
//     in through two hooks.
//   - Sinks and locality: FindSinks lists the calls that open a connection
//     (the sink table in sinks.go), and Classify decides whether a
//     host is local, private, external or unknown.
//
// Everything widens towards unknown, never towards a host: a value this
// package cannot follow becomes Unknown, which the reporters treat as silent.
package hosts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Caps: past them a value widens toward silence.
const (
	// MaxAlternatives is the largest number of alternatives a Strs holds.
	// Larger sets are widened (see Strs.normalize).
	MaxAlternatives = 8
	// MaxDepth bounds the recursion through phis and def-use chains. A
	// value deeper than this is Unknown.
	MaxDepth = 24
)

// Str is one abstract string. It denotes the strings that are
//
//	Lit ++ origin ++ Tail ++ rest
//
// where origin is the value of parameter Param (its field path Path, when
// set) or of environment variable Env, or nothing when neither is set; Tail
// is known text that follows the origin (empty without an origin); and rest
// is empty when Complete and arbitrary unknown text otherwise.
//
// So a pure literal is {Lit: "https://api.groq.com/openai/v1", Complete:
// true}; "$OLLAMA_HOST" is {Env: "OLLAMA_HOST", Complete: true}; a parameter
// followed by a path is {Param: 0, Tail: "/chat/completions", Complete:
// true}; and Unknown, the string about which nothing is known, is the
// incomplete Str with an empty Lit and no origin.
//
// The origin is described only for an empty Lit. A non-empty
// Lit before an origin ("http://" + os.Getenv("OLLAMA_HOST")) and the Tail
// after it refine that: they keep a parameter's host resolvable when a caller
// instantiates it (a base URL parameter followed by "/chat" becomes
// "https://api.x.com/chat" at the call site).
//
// Str is plain comparable data, safe to store in a fact. Use the
// constructors (Literal, Prefix, FromParam, FromEnv, Unknown): the zero Str
// has Param 0 and so means "parameter 0", not "nothing".
type Str struct {
	// Lit is the known leading literal.
	Lit string
	// Complete reports that nothing follows the known parts.
	Complete bool
	// Param is the index of the parameter whose value follows Lit, or -1.
	// The index counts the receiver of a method as parameter 0, so it is
	// also the index into ssa.CallCommon.Args of a static call. It refers
	// to the parameters of the outermost enclosing function: closures fold
	// into their parent, and a closure's own parameters are Unknown.
	Param int
	// Path is the field path within the parameter, fields separated by
	// "." ("config.BaseURL"); "[]" stands for any element of a slice,
	// array or map ("[]" alone: the elements of a []string parameter).
	// Empty for the parameter itself.
	Path string
	// Env is the environment variable whose value follows Lit, or "".
	Env string
	// Tail is known text after the origin. Empty without an origin.
	Tail string
}

// Strs is a set of alternatives: the value is one of them. It is kept sorted
// (see Str.compare), without duplicates, and at most MaxAlternatives long.
// An empty Strs means no value at all reaches (a nil pointer, a collection
// with no elements); a value that cannot be followed is {Unknown()}, never
// empty.
type Strs []Str

// Literal returns the Str that is exactly s.
func Literal(s string) Str { return Str{Lit: s, Complete: true, Param: -1} }

// Prefix returns the Str of the strings that start with s.
func Prefix(s string) Str { return Str{Lit: s, Param: -1} }

// Unknown returns the Str about which nothing is known.
func Unknown() Str { return Str{Param: -1} }

// FromParam returns the Str that is exactly parameter i, or its field path.
func FromParam(i int, path string) Str { return Str{Param: i, Path: path, Complete: true} }

// FromEnv returns the Str that is exactly the value of environment variable
// name.
func FromEnv(name string) Str { return Str{Env: name, Param: -1, Complete: true} }

// HasOrigin reports whether s contains the value of a parameter or an
// environment variable.
func (s Str) HasOrigin() bool { return s.Param >= 0 || s.Env != "" }

// IsUnknown reports whether s is Unknown: nothing about it is known.
func (s Str) IsUnknown() bool { return s.Lit == "" && !s.Complete && !s.HasOrigin() }

// IsLiteral reports whether s is exactly a known literal (its text is Lit).
func (s Str) IsLiteral() bool { return s.Complete && !s.HasOrigin() }

// Origin names the origin: "$OLLAMA_HOST", "param0", "param0.config.BaseURL",
// or "" without one.
func (s Str) Origin() string {
	switch {
	case s.Env != "":
		return "$" + s.Env
	case s.Param >= 0:
		o := "param" + strconv.Itoa(s.Param)
		if s.Path != "" {
			o += "." + s.Path
		}
		return o
	}
	return ""
}

// String renders s for messages and tests. A pure literal prints as itself,
// followed by "…" when incomplete; Unknown prints as "…". With an origin, the
// parts are joined with "+" and the literal parts are quoted:
// `$OLLAMA_HOST`, `param0.config.BaseURL+…`, `"http://"+$HOST+"/api"`.
func (s Str) String() string {
	if !s.HasOrigin() {
		if s.Complete {
			return s.Lit
		}
		return s.Lit + "…"
	}
	var parts []string
	if s.Lit != "" {
		parts = append(parts, strconv.Quote(s.Lit))
	}
	parts = append(parts, s.Origin())
	if s.Tail != "" {
		parts = append(parts, strconv.Quote(s.Tail))
	}
	if !s.Complete {
		parts = append(parts, "…")
	}
	return strings.Join(parts, "+")
}

// String renders the alternatives joined by " | ", in their sorted order.
func (ss Strs) String() string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, " | ")
}

// incomplete returns s followed by unknown text.
func (s Str) incomplete() Str {
	s.Complete = false
	return s
}

// clean drops fields that carry no meaning in s, so equal strings compare
// equal: Path and Tail without an origin, Path with an Env origin.
func (s Str) clean() Str {
	if s.Param < 0 {
		s.Param, s.Path = -1, ""
	}
	if s.Env != "" {
		s.Param, s.Path = -1, ""
	}
	if !s.HasOrigin() {
		s.Tail = ""
	}
	return s
}

// compare orders Strs: by Lit, then incomplete before complete, then by
// origin and Tail. It is the order of every Strs.
func compare(a, b Str) int {
	if c := cmp.Compare(a.Lit, b.Lit); c != 0 {
		return c
	}
	if a.Complete != b.Complete {
		if !a.Complete {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(a.Param, b.Param); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Env, b.Env); c != 0 {
		return c
	}
	return cmp.Compare(a.Tail, b.Tail)
}

// concat returns the abstract string a+b. Only what is known from the start
// survives: once a part is incomplete, whatever follows is unknown, and a
// second origin ends the known text.
func concat(a, b Str) Str {
	if !a.Complete {
		return a
	}
	if !a.HasOrigin() {
		// A known literal before b.
		b.Lit = a.Lit + b.Lit
		return b.clean()
	}
	// a ends with its origin and Tail; b's literal extends the Tail.
	a.Tail += b.Lit
	if b.HasOrigin() {
		return a.incomplete()
	}
	a.Complete = b.Complete
	return a
}

// Concat returns the product a+b of two sets of alternatives.
func Concat(a, b Strs) Strs {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	out := make(Strs, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, concat(x, y))
		}
	}
	return out.normalize()
}

// Union returns the alternatives of all the sets.
func Union(sets ...Strs) Strs {
	var out Strs
	for _, s := range sets {
		out = append(out, s...)
	}
	return out.normalize()
}

// one returns the set holding s alone.
func one(s Str) Strs { return Strs{s.clean()} }

// unknown is the set {Unknown()}.
func unknown() Strs { return Strs{Unknown()} }

// map1 applies f to every alternative.
func (ss Strs) map1(f func(Str) Str) Strs {
	out := make(Strs, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out.normalize()
}

// flatMap applies f to every alternative and unions the results.
func (ss Strs) flatMap(f func(Str) Strs) Strs {
	var out Strs
	for _, s := range ss {
		out = append(out, f(s)...)
	}
	return out.normalize()
}

// Instantiate replaces the parameter origin of each alternative by what arg
// returns for that parameter and field path (the caller's actual argument),
// keeping the literal before it and the Tail after it. Environment origins
// stay as they are. arg should return {Unknown()} for an argument it cannot
// resolve; an empty result drops the alternative (no value reaches).
func (ss Strs) Instantiate(arg func(param int, path string) Strs) Strs {
	return ss.flatMap(func(s Str) Strs {
		if s.Param < 0 {
			return Strs{s}
		}
		tail := Str{Lit: s.Tail, Complete: s.Complete, Param: -1}
		return Concat(Concat(one(Literal(s.Lit)), arg(s.Param, s.Path)), one(tail))
	})
}

// normalize cleans, sorts and deduplicates ss, then widens it to at most
// MaxAlternatives. It returns nil for an empty set.
func (ss Strs) normalize() Strs {
	if len(ss) == 0 {
		return nil
	}
	out := make(Strs, len(ss))
	for i, s := range ss {
		out[i] = s.clean()
	}
	slices.SortFunc(out, compare)
	out = slices.Compact(out)
	if len(out) > MaxAlternatives {
		out = widen(out, MaxAlternatives)
	}
	return out
}

// widen merges alternatives of ss (sorted and without duplicates) two at a
// time until at most max remain. Each step merges the pair whose merge
// keeps the most: merges that keep a host are preferred, then the longest
// known text; ties go to the earliest pair in sorted order, which keeps the
// result deterministic. The merge of two alternatives denotes every string
// either denotes (it is their common known prefix), so widening loses
// precision but never invents a host.
//
// A pair's score depends only on its two alternatives, so each pair is
// scored once and kept in a heap; a sprintf over many alternatives (336 in
// github.com/schollz/progressbar) no longer rescores every pair at every
// step, which took most of that package's analysis time.
func widen(ss Strs, max int) Strs {
	elems := slices.Clone(ss)
	live := make([]bool, len(elems))
	for i := range live {
		live[i] = true
	}
	h := &pairHeap{elems: &elems}
	add := func(i, j int) { // i, j: ids of live alternatives
		if compare(elems[j], elems[i]) < 0 {
			i, j = j, i
		}
		m := merge(elems[i], elems[j])
		h.push(scoredPair{lo: i, hi: j, score: mergeScore(m), merged: m.clean()})
	}
	for j := range elems {
		for i := 0; i < j; i++ {
			add(i, j)
		}
	}
	n := len(elems)
	for n > max {
		p := h.pop()
		if !live[p.lo] || !live[p.hi] {
			continue // a pair of an alternative merged away
		}
		live[p.lo], live[p.hi] = false, false
		n -= 2
		// A merge equal to a remaining alternative is not added twice, as
		// the stepwise widening's Compact did not. (It should not arise: a
		// merge that equals z is a prefix of both merged, so pairing z with
		// one of them scores the same and comes earlier.)
		dup := false
		for k, s := range elems {
			if live[k] && s == p.merged {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		elems = append(elems, p.merged)
		live = append(live, true)
		n++
		id := len(elems) - 1
		for k := 0; k < id; k++ {
			if live[k] {
				add(k, id)
			}
		}
	}
	out := make(Strs, 0, n)
	for k, s := range elems {
		if live[k] {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, compare)
	return out
}

// mergeScore is how much a merge keeps, for widen: a host above all, then
// an origin, then the length of the known text.
func mergeScore(m Str) int {
	score := len(m.Lit) + len(m.Tail)
	if m.HasOrigin() {
		score += 1 << 16
	}
	if _, ok := m.Host(false); ok {
		score += 1 << 20
	} else if _, ok := m.Host(true); ok {
		score += 1 << 20
	}
	return score
}

// scoredPair is a candidate merge of the alternatives lo and hi (ids into
// widen's elems, lo the lesser in compare's order).
type scoredPair struct {
	lo, hi int
	score  int
	merged Str
}

// pairHeap orders candidate merges best first: highest score, then the
// earliest pair in sorted order (by lo, then hi).
type pairHeap struct {
	elems *Strs
	ps    []scoredPair
}

func (h *pairHeap) less(a, b scoredPair) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	elems := *h.elems
	if c := compare(elems[a.lo], elems[b.lo]); c != 0 {
		return c < 0
	}
	return compare(elems[a.hi], elems[b.hi]) < 0
}

func (h *pairHeap) push(p scoredPair) {
	h.ps = append(h.ps, p)
	for i := len(h.ps) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.less(h.ps[i], h.ps[parent]) {
			break
		}
		h.ps[i], h.ps[parent] = h.ps[parent], h.ps[i]
		i = parent
	}
}

func (h *pairHeap) pop() scoredPair {
	top := h.ps[0]
	last := len(h.ps) - 1
	h.ps[0] = h.ps[last]
	h.ps = h.ps[:last]
	for i := 0; ; {
		l, r, best := 2*i+1, 2*i+2, i
		if l < len(h.ps) && h.less(h.ps[l], h.ps[best]) {
			best = l
		}
		if r < len(h.ps) && h.less(h.ps[r], h.ps[best]) {
			best = r
		}
		if best == i {
			return top
		}
		h.ps[i], h.ps[best] = h.ps[best], h.ps[i]
		i = best
	}
}

// merge returns the least Str that denotes every string a or b denotes: the
// same origin with the common part of the Tails, or else the longest common
// prefix of the literals.
func merge(a, b Str) Str {
	if a.Lit == b.Lit && a.HasOrigin() && a.Param == b.Param && a.Path == b.Path && a.Env == b.Env {
		m := a
		m.Tail = commonPrefix(a.Tail, b.Tail)
		m.Complete = a.Complete && b.Complete && a.Tail == b.Tail
		return m
	}
	if !a.HasOrigin() && !b.HasOrigin() && a.Lit == b.Lit {
		return Prefix(a.Lit)
	}
	return Prefix(commonPrefix(a.Lit, b.Lit))
}

func commonPrefix(a, b string) string {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// widenIncomplete makes every alternative incomplete: the widening for a
// value built by appending in a loop (s = s + "…"), which keeps the prefix
// it started with.
func (ss Strs) widenIncomplete() Strs {
	return ss.map1(Str.incomplete)
}
