package names

import (
	"slices"
	"strings"
	"unicode"
)

// Tokens splits an identifier into lower-case words. It splits at every
// character that is not a letter or a digit (snake_case, kebab-case, dotted
// and spaced text), at a lower-case letter followed by an upper-case one
// (camelCase, PascalCase), at the end of an acronym ("HTTPServer" gives
// "http server") and between letters and digits ("Llama3Chat" gives
// "llama 3 chat"). Examples:
//
//	askLocalLLM  → ask local llm
//	call_ollama  → call ollama
//	OnPremModel  → on prem model
//	HTTPServer   → http server
//	GPT4All      → gpt 4 all
//	LocalLLMs    → local llms
//	LLaMACpp     → llama cpp
//	llamacpp     → llamacpp
//
// Mixed-case spellings of "llama" ("LLaMA", "LLaMa", "LLama") are read as
// "Llama" first; the general acronym rule would otherwise cut them into
// nonsense ("LLaMACpp" → "l la ma cpp").
//
// Tokens does not join words back together: "llama cpp", "on prem" and
// "gpt 4 all" stay separate here. PromisesLocal joins the known compounds
// itself, so "LlamaCpp", "llama_cpp" and "llamacpp" all name llama.cpp.
// All-lower-case run-together words ("callollama") cannot be split and stay
// one token; nothing is ever matched inside a token.
func Tokens(ident string) []string {
	runes := []rune(restyleLlama(ident))
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, strings.ToLower(string(runes[start:end])))
		}
		start = -1
	}
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		if boundary(runes, i) {
			flush(i)
			start = i
		}
	}
	flush(len(runes))
	return out
}

// boundary reports whether a new word starts at runes[i], given that
// runes[i-1] and runes[i] are both letters or digits.
func boundary(runes []rune, i int) bool {
	prev, cur := runes[i-1], runes[i]
	if unicode.IsDigit(prev) != unicode.IsDigit(cur) {
		return true // "gpt|4|all", "llama|3"
	}
	if unicode.IsDigit(cur) {
		return false
	}
	if !unicode.IsUpper(prev) && unicode.IsUpper(cur) {
		return true // "ask|Local"
	}
	// The last capital of an acronym starts the next word when a lower-case
	// letter follows it: "HTTP|Server", "LLM|Client". A lone "s" is the
	// acronym's plural instead: "LLMs", "URLsFor", "CPUs".
	if !unicode.IsUpper(prev) || !unicode.IsUpper(cur) || i+1 >= len(runes) ||
		!unicode.IsLetter(runes[i+1]) || unicode.IsUpper(runes[i+1]) {
		return false
	}
	return !pluralS(runes, i+1)
}

// pluralS reports whether runes[i] is an "s" that ends a word: the end of
// the identifier, a non-letter or an upper-case letter follows it.
func pluralS(runes []rune, i int) bool {
	return runes[i] == 's' && (i+1 == len(runes) || !unicode.IsLetter(runes[i+1]) || unicode.IsUpper(runes[i+1]))
}

// restyleLlama rewrites mixed-case spellings of "llama" (any spelling other
// than llama, Llama and LLAMA, such as Meta's "LLaMA") to "Llama".
func restyleLlama(ident string) string {
	const word = "llama"
	lower := strings.ToLower(ident)
	if !strings.Contains(lower, word) || len(lower) != len(ident) {
		return ident // nothing to do, or non-ASCII case folding changed the length
	}
	var b strings.Builder
	rest, lrest := ident, lower
	for {
		i := strings.Index(lrest, word)
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:i])
		switch got := rest[i : i+len(word)]; got {
		case "llama", "Llama", "LLAMA":
			b.WriteString(got)
		default:
			b.WriteString("Llama")
		}
		rest, lrest = rest[i+len(word):], lrest[i+len(word):]
	}
}

// compounds are word sequences that name one thing. They are joined after
// tokenizing, longest first, so that every spelling of a name ends up as the
// same word: "LlamaCpp", "llama_cpp", "llama.cpp" and "llamacpp" are all
// "llamacpp"; "selfHosted" is "selfhosted" (and so does not contain the
// honest word "hosted"); "isLocalHost" contains "localhost", an address,
// not the locality word "local".
var compounds = []struct {
	parts []string
	word  string
}{
	{[]string{"gpt", "4", "all"}, "gpt4all"},
	{[]string{"llama", "cpp"}, "llamacpp"},
	{[]string{"llama", "file"}, "llamafile"},
	{[]string{"kobold", "cpp"}, "koboldcpp"},
	{[]string{"lm", "studio"}, "lmstudio"},
	{[]string{"local", "ai"}, "localai"},
	{[]string{"local", "host"}, "localhost"},
	{[]string{"on", "prem"}, "onprem"},
	{[]string{"on", "premise"}, "onprem"},
	{[]string{"on", "premises"}, "onprem"},
	{[]string{"on", "device"}, "ondevice"},
	{[]string{"self", "hosted"}, "selfhosted"},
	{[]string{"self", "host"}, "selfhosted"},
	{[]string{"self", "hosting"}, "selfhosted"},
	{[]string{"air", "gapped"}, "airgapped"},
	{[]string{"air", "gap"}, "airgapped"},
	{[]string{"open", "ai"}, "openai"},
	{[]string{"open", "router"}, "openrouter"},
	{[]string{"lite", "llm"}, "litellm"},
	{[]string{"hugging", "face"}, "huggingface"},
	{[]string{"v", "llm"}, "vllm"},
	{[]string{"x", "ai"}, "xai"},
	{[]string{"third", "party"}, "thirdparty"},
	{[]string{"fall", "back"}, "fallback"},
	{[]string{"falls", "back"}, "fallback"},
	{[]string{"falling", "back"}, "fallback"},
	{[]string{"fell", "back"}, "fallback"},
}

// aliases map single-token spellings to the word the tables use.
var aliases = map[string]string{
	"onpremise":   "onprem",
	"onpremises":  "onprem",
	"selfhost":    "selfhosted",
	"selfhosting": "selfhosted",
	"airgap":      "airgapped",
}

// joinWords joins the known compounds in toks, then any run of two or three
// tokens that spells one of the extra (policy) words, so that the policy word
// "homelab" matches "HomeLab", "home_lab" and "homelab" alike.
func joinWords(toks []string, extra []string) []string {
	out := make([]string, 0, len(toks))
	for i := 0; i < len(toks); {
		if w, n := matchCompound(toks[i:], extra); n > 0 {
			out = append(out, w)
			i += n
			continue
		}
		w := toks[i]
		if a, ok := aliases[w]; ok {
			w = a
		}
		out = append(out, w)
		i++
	}
	return out
}

// matchCompound returns the compound or extra word that toks starts with and
// how many tokens it spans, or 0 if none does. Longer matches win.
func matchCompound(toks []string, extra []string) (string, int) {
	for n := 3; n >= 2; n-- {
		if len(toks) < n {
			continue
		}
		for _, c := range compounds {
			if len(c.parts) == n && slices.Equal(toks[:n], c.parts) {
				return c.word, n
			}
		}
		joined := strings.Join(toks[:n], "")
		for _, w := range extra {
			if w == joined {
				return w, n
			}
		}
	}
	return "", 0
}

// proseWords splits doc comment text into lower-case words. Unlike Tokens it
// splits neither camelCase nor snake_case: a code identifier quoted in prose
// ("OllamaModel", "OLLAMA_HOST", "reseller_cloud_identity_id") stays one
// word and is not read as a claim. Compounds are joined as for identifiers,
// so "llama.cpp", "on-device" and "self-hosted" become one word each.
func proseWords(text string, extra []string) []string {
	fields := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	return joinWords(fields, extra)
}
