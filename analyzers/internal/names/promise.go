package names

import (
	"fmt"
	"slices"
	"strings"
)

// Subject describes one function for PromisesLocal. It is plain data, so
// callers fill it from go/types or go/ast and tests write it by hand.
type Subject struct {
	// Name is the function or method name, such as "callOllama".
	Name string
	// Recv is the receiver's type name for a method ("OllamaClient"), or ""
	// for a function. A leading "*", a package qualifier ("llm.Client") and
	// type arguments ("Client[T]") are ignored.
	Recv string
	// Doc is the doc comment text, as ast.CommentGroup.Text returns it, or "".
	Doc string
	// PkgPath is the import path of the function's package. Its last
	// element can supply model context, and any element can mark a
	// registry or parser package (see PromisesLocal).
	PkgPath string
}

// Config carries the policy's extra words (policy.Local.Words and
// policy.Local.Honest). Both add to the built-in tables; neither replaces
// them. Words are compared in lower case.
type Config struct {
	// ExtraLocalWords promise locality like a local runtime's name: with an
	// inference verb or a model word in the same name ("callHomelab",
	// "(*HomelabClient).Chat"), or in a doc sentence about a model. A word
	// may span tokens: "homelab" also matches "HomeLab" and "home_lab".
	ExtraLocalWords []string
	// ExtraHonestWords admit a remote route, as "cloud" and "fallback" do:
	// a name or receiver containing one never promises locality, and a doc
	// sentence containing one (not denied) admits a remote route. Listing a
	// built-in runtime word here ("mlx") switches that word off.
	ExtraHonestWords []string
}

// Promise is PromisesLocal's verdict with its evidence.
type Promise struct {
	// Local is true when the function promises that its model or provider
	// calls stay local.
	Local bool
	// Honest is true when the name, receiver or doc admits a remote route
	// ("callOllamaOrCloud", "falls back to Groq"). Honest implies !Local.
	// Reporters may still check an honest function's fallback order.
	Honest bool
	// Reason is one line of evidence for the verdict, for either answer,
	// written to be quoted in a diagnostic. For example:
	//
	//	name "callOllama" promises a local model (word "ollama" with inference verb "call")
	//	doc says "No text leaves this computer"
	//	name "callOllamaOrCloud" admits a remote route (word "cloud")
	//	"local" in "localTime" qualifies "time", not a model
	Reason string
}

// noClaim is the reason given when nothing in the subject speaks of locality.
const noClaim = "no locality claim in name, receiver or doc"

// PromisesLocal reports whether s promises that its model or provider calls
// stay on this machine, and why. The rules, in the order they are applied:
//
//  1. Honest words. A name or receiver containing an honest word (cloud,
//     remote, hosted, fallback, router, chain, proxy, gateway, api, hybrid,
//     web, prefer, a hosted provider's name such as openai, groq, mistral or
//     openrouter, or a Config.ExtraHonestWords entry) promises nothing:
//     "callOllamaOrCloud", "chatWithFallback", "askViaRouter",
//     "ollamaWebSearch". "api" and "openai" right after a runtime or
//     locality word name its interface and do not count ("callOllamaAPI",
//     Ollama's OpenAI-compatible "ollamaOpenAIChat"); "first" right after
//     one does ("chatLocalFirst"). A doc sentence that admits a fallback, a
//     hybrid design, a router or gateway, or "or/then/otherwise" a cloud or
//     a hosted provider, and does not deny it, promises nothing either.
//     Promise.Honest is set in both cases.
//  2. No claim. Without a locality word, a runtime word or a policy word in
//     the name, the receiver or the doc, the answer is no.
//  3. Not an inference call. A name that starts with a predicate,
//     constructor, conversion, option or setter prefix (is, has, new, make,
//     from, to, with, set, use, ...) or contains a management word (pull,
//     download, install, list, version, latest, search, parse, registry,
//     start, load, ...) promises nothing, whatever its doc says: the promise
//     that counts is where an inference call goes. A setting noun (config,
//     url, host, path, timeout, ...) vetoes the same way when it is part of
//     the name's main phrase ("ollamaChatURL"), but not after a connective
//     ("callOllamaWithConfig"). A word directly after a locality word is
//     the noun it qualifies and is left to rule 4 ("localCopy").
//  4. The name. A local-runtime word (ollama, llamacpp, lmstudio,
//     llamafile, localai, gpt4all, koboldcpp, mlx) or a policy word,
//     together with an inference verb anywhere in the name, promises
//     locality ("callOllama", "generateWithLlamaCpp", "ollamaChat"), unless
//     it qualifies a non-model noun ("summarizeOllamaLogs").
//     A locality word (local, locally, offline, onprem, selfhosted,
//     airgapped, ondevice) qualifies the phrase after it, up to a connective
//     such as "for" or "with". It promises locality when that phrase names a
//     model or an inference call and ends in one, in an endpoint such as
//     "client", or in an output such as "response" ("askLocalLLM",
//     "runLocalInference", "LocalChat", "localLLMClient"). A phrase about
//     anything else is about that thing: "localTime", "localModelPath",
//     "summarizeLocalText", "sendLocalChatMessage". When the locality word
//     has no phrase (it ends the name or meets a connective) or its phrase
//     is led by a call verb or an endpoint, the name's verb decides: an
//     unambiguous inference verb (chat, generate, embed, translate, ...)
//     promises locality ("translateLocally", "chatLocalOnly"); a call verb
//     (call, run, ask, query, complete, draft, ...) does so only with model
//     context from a model word in the name, the receiver or the package
//     name ("draftOffline" in package llm, (*LLM).CallLocal).
//  5. The receiver. A receiver whose locality word qualifies a model
//     ("LocalModel", "OnPremModel") promises locality for methods named with
//     an inference or call verb; one whose locality word qualifies an
//     endpoint ("LocalClient") does so as rule 4 does for a bare locality
//     word. A receiver with a runtime word ("OllamaClient", "LMStudio") does
//     so for methods with an unambiguous inference verb (Chat, Generate,
//     Embed), and for call verbs (Complete, Call, Run) only when the
//     receiver does not name a model artifact ("OllamaModel",
//     "OllamaManifest") and the package is not a registry or parser
//     package.
//  6. The doc comment, sentence by sentence. A denial that anything leaves
//     the machine promises locality on its own: "No text leaves this
//     computer", "Prompts are never sent to the cloud", "never falls back
//     to a cloud provider", "Your data stays on this device". Weaker
//     sentences count only when the name carries an inference or call verb,
//     and need model context in the sentence or an unambiguous inference
//     verb or model word in the name: a locality word that qualifies a
//     model, a place or nothing ("runs the model locally", "works
//     offline"); "on this host" ("uses the model on this host"); or a
//     runtime's name as the destination of the call ("asks Ollama", "via
//     llama.cpp", "to the local Ollama server"). Storage ("the local
//     cache", "stored locally"), other nouns ("a local write"), denials
//     ("does not run locally"), format mentions ("Ollama-compatible"), web
//     addresses ("ollama.com") and management sentences ("from the Ollama
//     registry") do not count.
//
// Registry and parser packages: a package path element (after the host)
// containing registry, parser, parse, gguf, manifest, download, downloader
// or install marks a package that handles models as data. There a runtime
// word with a call verb promises nothing ("completeOllama",
// (*OllamaClient).Complete), and an artifact receiver promises nothing even
// with an inference verb ((*OllamaModel).Generate).
//
// The package path never supplies a locality or runtime word: every package
// of github.com/ollama/ollama contains "ollama", including its hosted
// web-search tools.
func PromisesLocal(s Subject, cfg Config) Promise {
	j := newJudge(s, cfg)
	return j.verdict()
}

// judge holds one subject's words and the notes collected while rules
// failed, the first of which explains a negative verdict.
type judge struct {
	s          Subject
	recvName   string
	extraLocal []string
	extraHon   []string
	name       []string // words of s.Name
	recv       []string // words of the receiver type name
	pkgWords   []string // words of the package-name element of s.PkgPath
	registry   string   // the registry or parser word in s.PkgPath, or ""
	clauses    []clause // doc sentences
	notes      []string
}

// clause is one doc sentence and its words.
type clause struct {
	text  string
	words []string
}

func newJudge(s Subject, cfg Config) *judge {
	j := &judge{
		s:          s,
		recvName:   cleanRecv(s.Recv),
		extraLocal: lowerWords(cfg.ExtraLocalWords),
		extraHon:   lowerWords(cfg.ExtraHonestWords),
	}
	extra := append(slices.Clone(j.extraLocal), j.extraHon...)
	j.name = joinWords(Tokens(s.Name), extra)
	j.recv = joinWords(Tokens(j.recvName), extra)
	pkgName, registry := packageHints(s.PkgPath)
	j.pkgWords, j.registry = joinWords(Tokens(pkgName), extra), registry
	for _, text := range splitClauses(s.Doc) {
		j.clauses = append(j.clauses, clause{text: text, words: proseWords(text, extra)})
	}
	return j
}

// verdict applies the rules in PromisesLocal's order. A negative verdict
// gives the first note recorded by the name, receiver and doc rules, in
// that order, or noClaim.
func (j *judge) verdict() Promise {
	if reason := j.honestIdent(); reason != "" {
		return Promise{Honest: true, Reason: reason}
	}
	if c, ok := j.honestDoc(); ok {
		return Promise{Honest: true, Reason: fmt.Sprintf("doc admits a remote route: %s", quote(c.text))}
	}
	docReason := j.docClaim() // also records doc notes, which count as a signal
	if !j.hasSignal() && docReason == "" && len(j.notes) == 0 {
		return Promise{Reason: noClaim}
	}
	if w := j.notInference(); w != "" {
		return Promise{Reason: fmt.Sprintf("name %q is not an inference call (word %q)", j.s.Name, w)}
	}
	docNotes := j.notes
	j.notes = nil
	if reason := j.nameClaim(); reason != "" {
		return Promise{Local: true, Reason: reason}
	}
	if reason := j.recvClaim(); reason != "" {
		return Promise{Local: true, Reason: reason}
	}
	if docReason != "" {
		return Promise{Local: true, Reason: docReason}
	}
	j.notes = append(j.notes, docNotes...)
	if len(j.notes) > 0 {
		return Promise{Reason: j.notes[0]}
	}
	return Promise{Reason: noClaim}
}

// note records why a rule did not fire.
func (j *judge) note(format string, args ...any) {
	j.notes = append(j.notes, fmt.Sprintf(format, args...))
}

// isRuntime reports whether w names a local runtime, built in or from the
// policy.
func (j *judge) isRuntime(w string) bool {
	return runtimeWords.has(w) || slices.Contains(j.extraLocal, w)
}

// isHonest reports whether w admits a remote route, built in or from the
// policy.
func (j *judge) isHonest(w string) bool {
	return honestWords.has(w) || slices.Contains(j.extraHon, w)
}

// anchors reports whether w is a word that "api" or "openai" may qualify.
func (j *judge) anchors(w string) bool {
	return j.isRuntime(w) || localityWords.has(w)
}

// label names a runtime or policy word in a reason.
func (j *judge) label(w string) string {
	if !runtimeWords.has(w) && slices.Contains(j.extraLocal, w) {
		return fmt.Sprintf("policy word %q", w)
	}
	return fmt.Sprintf("word %q", w)
}

// hasSignal reports whether the name or receiver contains a locality,
// runtime or policy word.
func (j *judge) hasSignal() bool {
	for _, ws := range [][]string{j.name, j.recv} {
		for _, w := range ws {
			if localityWords.has(w) || j.isRuntime(w) {
				return true
			}
		}
	}
	return false
}

// honestIdent applies rule 1 to the name and the receiver.
func (j *judge) honestIdent() string {
	check := func(where, ident string, ws []string) string {
		anchored := false // the previous word is a runtime or locality word, or a qualifier of one
		for _, w := range ws {
			switch {
			case qualifierHonest.has(w) && anchored && !slices.Contains(j.extraHon, w):
				continue // "ollama api": keep anchored for "ollama openai api"
			case j.isHonest(w), orderHonest.has(w) && anchored:
				return fmt.Sprintf("%s %q admits a remote route (word %q)", where, ident, w)
			}
			anchored = j.anchors(w)
		}
		return ""
	}
	if r := check("name", j.s.Name, j.name); r != "" {
		return r
	}
	return check("receiver", j.recvName, j.recv)
}

// notInference applies rule 3 and returns the vetoing word, or "". A word
// directly after a locality word is the noun it qualifies ("localCopy",
// "localStore") and is left to the phrase rules; so is a parameter noun
// directly after a runtime word ("ollamaHost").
func (j *judge) notInference() string {
	if len(j.name) > 0 && predicatePrefixes.has(j.name[0]) {
		return j.name[0]
	}
	main := true // still in the main phrase, before the first connective
	for i, w := range j.name {
		afterLocality := i > 0 && localityWords.has(j.name[i-1])
		afterRuntime := i > 0 && j.isRuntime(j.name[i-1])
		switch {
		case connectives.has(w):
			main = false
		case notInferenceWords.has(w) && !afterLocality:
			return w
		case paramNouns.has(w) && main && !afterLocality && !afterRuntime:
			return w
		}
	}
	return ""
}

// phrase returns the words after ws[i] up to the first connective: what
// ws[i] qualifies.
func phrase(ws []string, i int) []string {
	end := i + 1
	for end < len(ws) && !connectives.has(ws[end]) {
		end++
	}
	return ws[i+1 : end]
}

// first returns the first word of ws in table, or "".
func first(ws []string, table *wordSet) string {
	for _, w := range ws {
		if table.has(w) {
			return w
		}
	}
	return ""
}

// modelish reports whether w makes a locality word about a model.
func (j *judge) modelish(w string) bool {
	return modelWords.has(w) || inferenceVerbs.has(w) || j.isRuntime(w)
}

// firstModelish returns the first word of ws that modelish accepts, or "".
func (j *judge) firstModelish(ws []string) string {
	for _, w := range ws {
		if j.modelish(w) {
			return w
		}
	}
	return ""
}

// inferenceVerb returns the name's first inference verb and whether it is
// unambiguous, or "".
func (j *judge) inferenceVerb() (verb string, unambiguous bool) {
	if v := first(j.name, inferenceVerbs); v != "" {
		return v, true
	}
	return first(j.name, callVerbs), false
}

// modelContext describes where a call verb's model context comes from: a
// model word in the name, a model or runtime word in the receiver, or a
// model word in the package name. It returns "" if there is none.
func (j *judge) modelContext() string {
	if w := first(j.name, modelWords); w != "" {
		return fmt.Sprintf("model context %q", w)
	}
	if w := j.firstModelish(j.recv); w != "" {
		return fmt.Sprintf("model context %q from receiver %q", w, j.recvName)
	}
	if w := first(j.pkgWords, packageModelWords); w != "" {
		return fmt.Sprintf("model context %q from package %q", w, j.s.PkgPath)
	}
	return ""
}

// nameClaim applies rule 4.
func (j *judge) nameClaim() string {
	for i, w := range j.name {
		var reason string
		switch {
		case j.isRuntime(w):
			reason = j.runtimeInName(i)
		case localityWords.has(w):
			reason = j.localityInName(i)
		}
		if reason != "" {
			return reason
		}
	}
	return ""
}

// runtimeInName decides whether the runtime or policy word j.name[i]
// promises locality: it needs an inference verb in the name, and in a
// registry or parser package an unambiguous one.
func (j *judge) runtimeInName(i int) string {
	w := j.name[i]
	if n := first(phrase(j.name, i), notModelNouns); n != "" {
		j.note("%s in %q qualifies %q, not a model call", j.label(w), j.s.Name, n)
		return ""
	}
	v, unambiguous := j.inferenceVerb()
	switch {
	case v == "":
		j.note("%s in %q has no inference verb", j.label(w), j.s.Name)
		return ""
	case !unambiguous && j.registry != "":
		j.note("%s in %q: package %q handles models as data (%q) and %q may not be an inference call",
			j.label(w), j.s.Name, j.s.PkgPath, j.registry, v)
		return ""
	}
	return fmt.Sprintf("name %q promises a local model (%s with inference verb %q)", j.s.Name, j.label(w), v)
}

// localityInName decides whether the locality word j.name[i] promises
// locality: through the phrase it qualifies, or else through the name's
// verb (see rule 4).
func (j *judge) localityInName(i int) string {
	w := j.name[i]
	model, other := j.qualifies(phrase(j.name, i))
	switch {
	case other != "":
		j.note("%q in %q qualifies %q, not a model", w, j.s.Name, other)
		return ""
	case model != "":
		return fmt.Sprintf("name %q promises a local model (%q qualifies %q)", j.s.Name, w, model)
	}
	v, unambiguous := j.inferenceVerb()
	switch {
	case v == "":
		j.note("%q in %q has no inference verb", w, j.s.Name)
		return ""
	case unambiguous:
		return fmt.Sprintf("name %q promises a local model (%q with inference verb %q)", j.s.Name, w, v)
	}
	ctx := j.modelContext()
	if ctx == "" {
		j.note("%q in %q has the verb %q but no model context", w, j.s.Name, v)
		return ""
	}
	return fmt.Sprintf("name %q promises a local model (%q with verb %q and %s)", j.s.Name, w, v, ctx)
}

// qualifies reads the phrase p that follows a locality word. It returns the
// model word the locality word makes local ("local llm client": "llm"), or
// the other thing it makes local ("local time", "local chat message":
// "message"), or neither when p is empty, ends at a connective, or is led by
// a call verb or an endpoint noun ("chatLocalOnly", "localComplete",
// "LocalClient"), where the verbs of the name decide.
func (j *judge) qualifies(p []string) (model, other string) {
	if n := first(p, notModelNouns); n != "" {
		return "", n
	}
	if m := j.firstModelish(p); m != "" {
		// The last word is the head of the phrase: "local model" and "local
		// LLM client" are about a model, "local chat message" is about a
		// message.
		head := p[len(p)-1]
		if j.modelish(head) || endpointNouns.has(head) || outputNouns.has(head) || callVerbs.has(head) {
			return m, ""
		}
		return "", head
	}
	if len(p) > 0 && !callVerbs.has(p[0]) && !endpointNouns.has(p[0]) {
		return "", p[0]
	}
	return "", ""
}

// recvClaim applies rule 5.
func (j *judge) recvClaim() string {
	for i, w := range j.recv {
		var reason string
		switch {
		case j.isRuntime(w):
			reason = j.runtimeInRecv(i)
		case localityWords.has(w):
			reason = j.localityInRecv(i)
		}
		if reason != "" {
			return reason
		}
	}
	return ""
}

// runtimeInRecv decides whether the runtime or policy word j.recv[i] makes
// the method a local inference call (see rule 5).
func (j *judge) runtimeInRecv(i int) string {
	w := j.recv[i]
	if n := first(j.recv, notInferenceWords); n != "" && !artifactNouns.has(n) {
		j.note("receiver %q is not an inference client (word %q)", j.recvName, n)
		return ""
	}
	p := phrase(j.recv, i)
	artifact := first(p, artifactNouns)
	if n := first(p, notModelNouns); n != "" && artifact == "" {
		j.note("%s in receiver %q qualifies %q, not a model call", j.label(w), j.recvName, n)
		return ""
	}
	v, unambiguous := j.inferenceVerb()
	switch {
	case v == "":
		j.note("receiver %q: method %q is not an inference call", j.recvName, j.s.Name)
		return ""
	case artifact != "" && (!unambiguous || j.registry != ""):
		j.note("receiver %q names a model artifact (%q), so method %q may not be an inference call", j.recvName, artifact, j.s.Name)
		return ""
	case !unambiguous && j.registry != "":
		j.note("receiver %q: package %q handles models as data (%q) and %q may not be an inference call",
			j.recvName, j.s.PkgPath, j.registry, v)
		return ""
	}
	return fmt.Sprintf("receiver %q promises a local model (%s; method %q is an inference call)", j.recvName, j.label(w), j.s.Name)
}

// localityInRecv decides whether the locality word j.recv[i] makes the
// method a local inference call (see rule 5).
func (j *judge) localityInRecv(i int) string {
	w := j.recv[i]
	model, other := j.qualifies(phrase(j.recv, i))
	v, unambiguous := j.inferenceVerb()
	switch {
	case other != "":
		j.note("%q in receiver %q qualifies %q, not a model", w, j.recvName, other)
		return ""
	case model != "" && v == "":
		j.note("receiver %q is a local model, but method %q is not an inference call", j.recvName, j.s.Name)
		return ""
	case model != "":
		return fmt.Sprintf("receiver %q promises a local model (%q qualifies %q; method %q is an inference call)", j.recvName, w, model, j.s.Name)
	case v == "":
		j.note("receiver %q: method %q is not an inference call", j.recvName, j.s.Name)
		return ""
	case unambiguous:
		return fmt.Sprintf("receiver %q promises a local model (%q; method %q is an inference call)", j.recvName, w, j.s.Name)
	}
	if m := first(j.pkgWords, packageModelWords); m != "" {
		return fmt.Sprintf("receiver %q promises a local model (%q; method %q with model context %q from package %q)",
			j.recvName, w, j.s.Name, m, j.s.PkgPath)
	}
	j.note("receiver %q: method %q has the verb %q but no model context", j.recvName, j.s.Name, v)
	return ""
}

// cleanRecv reduces a receiver type expression to its type name.
func cleanRecv(recv string) string {
	recv = strings.TrimSpace(recv)
	recv = strings.TrimLeft(recv, "*(")
	if i := strings.IndexAny(recv, "[)"); i >= 0 {
		recv = recv[:i]
	}
	if i := strings.LastIndexByte(recv, '.'); i >= 0 {
		recv = recv[i+1:]
	}
	return recv
}

// packageHints returns the package-name element of path (the last one,
// skipping a major-version suffix such as "v2") and the first registry or
// parser word found in any element after the first.
func packageHints(path string) (name, registry string) {
	elems := strings.Split(path, "/")
	for i := len(elems) - 1; i >= 0; i-- {
		if !majorVersion(elems[i]) {
			name = elems[i]
			break
		}
	}
	for i, e := range elems {
		if i == 0 && len(elems) > 1 && strings.Contains(e, ".") {
			continue // the host: "github.com"
		}
		if w := first(Tokens(e), registryPackageWords); w != "" {
			return name, w
		}
	}
	return name, ""
}

// majorVersion reports whether e is a module major-version element ("v2").
func majorVersion(e string) bool {
	if len(e) < 2 || e[0] != 'v' {
		return false
	}
	for _, r := range e[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// lowerWords returns the non-empty words of ws in lower case.
func lowerWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}
