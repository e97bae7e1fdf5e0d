package names

import (
	"fmt"
	"slices"
	"strings"
)

// splitClauses splits doc text into sentences: at '.', '!', '?', ';' and ':'
// followed by white space or the end, and at blank lines. A dot inside a
// word ("llama.cpp", "api.groq.com") does not split.
func splitClauses(doc string) []string {
	var out []string
	start := 0
	cut := func(end, next int) {
		if s := strings.TrimSpace(doc[start:end]); s != "" {
			out = append(out, s)
		}
		start = next
	}
	for i := 0; i < len(doc); i++ {
		switch doc[i] {
		case '.', '!', '?', ';', ':':
			if i+1 == len(doc) || doc[i+1] == ' ' || doc[i+1] == '\n' || doc[i+1] == '\t' {
				cut(i, i+1)
			}
		case '\n':
			if i+1 < len(doc) && doc[i+1] == '\n' {
				cut(i, i+1)
			}
		}
	}
	cut(len(doc), len(doc))
	return out
}

// quote renders a doc sentence for a reason: white space collapsed, long
// sentences shortened, in double quotes.
func quote(text string) string {
	const maxRunes = 100
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > maxRunes {
		text = string(r[:maxRunes]) + "…"
	}
	return fmt.Sprintf("%q", text)
}

// negatedBefore reports whether a negation occurs among the n words before
// ws[i].
func negatedBefore(ws []string, i, n int) bool {
	return first(ws[max(0, i-n):i], negations) != ""
}

// within reports whether one of the n words from ws[i] on is in table.
func within(ws []string, i, n int, table *wordSet) bool {
	return first(ws[min(i, len(ws)):min(i+n, len(ws))], table) != ""
}

// honestDoc returns the first doc sentence that admits a remote route and
// does not deny it: a fallback, hybrid, router or gateway word next to a
// remote word, a preference, a policy honest word, or an alternative ("or",
// "then", "otherwise") followed closely by a cloud word or a hosted
// provider's name.
func (j *judge) honestDoc() (clause, bool) {
	for _, c := range j.clauses {
		ws := c.words
		remote := slices.ContainsFunc(ws, func(w string) bool {
			return docRemoteWords.has(w) || remoteAlternatives.has(w)
		})
		for i, w := range ws {
			honest := (docHonestWords.has(w) && (remote || !docHonestNeedsRemote.has(w))) || slices.Contains(j.extraHon, w)
			if !honest && alternatives.has(w) {
				honest = within(ws, i+1, 4, remoteAlternatives) ||
					slices.ContainsFunc(ws[i+1:min(i+5, len(ws))], func(w string) bool { return slices.Contains(j.extraHon, w) })
			}
			if honest && !negatedBefore(ws, i, i) {
				return c, true
			}
		}
	}
	return clause{}, false
}

// docModelish reports whether a doc word gives a locality word or a runtime
// name its model context.
func (j *judge) docModelish(w string) bool {
	return docModelWords.has(w) || j.modelish(w)
}

// strongNameContext reports whether the name has an unambiguous inference
// verb or a model word, or the receiver a model, inference or runtime word.
// A call verb is not enough here: "Run" documented "runs the build locally"
// promises nothing.
func (j *judge) strongNameContext() bool {
	for _, w := range j.name {
		if inferenceVerbs.has(w) || modelWords.has(w) {
			return true
		}
	}
	return j.firstModelish(j.recv) != ""
}

// docClaim applies rule 6 and returns the reason for the first sentence
// that promises locality, or "". It records notes for sentences that
// mention locality without promising it.
//
// A denial ("No text leaves this computer") is explicit and counts for any
// function that passes the earlier rules. The weaker forms (a locality
// word, "on this host", a runtime's name) count only for a function whose
// name carries an inference or call verb: on other functions such
// sentences describe configuration ("Signout will signout a client for a
// local ollama server", "the ollama service is listening").
func (j *judge) docClaim() string {
	verb, _ := j.inferenceVerb()
	nameCtx := j.strongNameContext()
	for _, c := range j.clauses {
		if denial(c.words) || (verb != "" && j.sentenceClaim(c.words, nameCtx)) {
			return fmt.Sprintf("doc says %s", quote(c.text))
		}
	}
	if verb == "" && j.mentionsLocality() {
		j.note("doc mentions locality, but name %q has no inference verb", j.s.Name)
	}
	return ""
}

// mentionsLocality reports whether a doc sentence contains a locality or
// runtime word.
func (j *judge) mentionsLocality() bool {
	for _, c := range j.clauses {
		for _, w := range c.words {
			if localityWords.has(w) || j.isRuntime(w) {
				return true
			}
		}
	}
	return false
}

// denial reports whether ws denies that anything leaves the machine:
// "No text leaves this computer", "Prompts are never sent to the cloud",
// "never falls back to a cloud provider", "Your data stays on this
// device". The negation must come at most six words before the verb.
func denial(ws []string) bool {
	for i, w := range ws {
		switch {
		case leaveVerbs.has(w) && negatedBefore(ws, i, 6) && within(ws, i+1, 4, places):
			return true
		case sendVerbs.has(w) && negatedBefore(ws, i, 6):
			// "sent to the cloud", "send anything to third-party services"
			for k := i + 1; k < len(ws) && k <= i+3; k++ {
				if ws[k] == "to" && within(ws, k+1, 3, remoteDestinations) {
					return true
				}
			}
		case stayVerbs.has(w):
			for k := i + 1; k < len(ws) && k <= i+2; k++ {
				if (ws[k] == "on" || ws[k] == "in" || ws[k] == "within") && within(ws, k+1, 3, places) {
					return true
				}
			}
		}
	}
	return false
}

// sentenceClaim reports whether ws promises locality through a locality
// word, "on this host" or a runtime's name, each with model context in the
// sentence (or, when nameCtx, in the name).
func (j *judge) sentenceClaim(ws []string, nameCtx bool) bool {
	context := func(skip int) bool {
		for k, w := range ws {
			if k != skip && j.docModelish(w) {
				return true
			}
		}
		return nameCtx
	}
	for k, w := range ws {
		switch {
		case localityWords.has(w):
			if k+1 < len(ws) {
				next := ws[k+1]
				if !docLocalityFollowers.has(next) && !connectives.has(next) && !j.docModelish(next) && !endpointNouns.has(next) {
					j.note("doc: %q qualifies %q, not a model", w, next)
					continue
				}
			}
			if k > 0 && storageVerbs.has(ws[k-1]) {
				j.note("doc: %q describes where something is %s, not where a model runs", w, ws[k-1])
				continue
			}
			if negatedBefore(ws, k, 5) {
				j.note("doc denies %q", w)
				continue
			}
			if context(k) {
				return true
			}
			j.note("doc: %q has no model context", w)

		case herePlaces.has(w) && k >= 2 && hereDeterminers.has(ws[k-1]):
			at := k - 2
			if hereDeterminers.has(ws[at]) && at > 0 {
				at-- // "on the local machine"
			}
			if ws[at] != "on" && ws[at] != "in" {
				continue
			}
			if context(k) {
				return true
			}
			j.note("doc: %q has no model context", strings.Join(ws[at:k+1], " "))

		case j.isRuntime(w):
			if j.runtimeDestination(ws, k) && context(k) {
				return true
			}
		}
	}
	return false
}

// runtimeDestination reports whether the runtime name ws[k] is where the
// sentence sends the call ("asks Ollama", "via llama.cpp", "to the local
// Ollama server") rather than a mention of it. It records a note when not.
func (j *judge) runtimeDestination(ws []string, k int) bool {
	w := ws[k]
	prev := k - 1
	for prev >= 0 && determiners.has(ws[prev]) {
		prev--
	}
	switch {
	case k+1 < len(ws) && topLevelDomains.has(ws[k+1]):
		j.note("doc mentions %q as a web address (%s.%s), not the local runtime", w, w, ws[k+1])
	case (k+1 < len(ws) && compatAfter.has(ws[k+1])) || (k > 0 && compatBefore.has(ws[k-1])) ||
		(k > 1 && (ws[k-1] == "with" || ws[k-1] == "to") && compatAfter.has(ws[k-2])):
		j.note("doc mentions %q as a format, not as where the call goes", w)
	case first(ws, docNotClaimWords) != "":
		j.note("doc mentions %q about %q, not as where an inference call goes", w, first(ws, docNotClaimWords))
	case prev < 0 || !runtimeLinks.has(ws[prev]):
		j.note("doc mentions %q, but not as where the call goes", w)
	case negatedBefore(ws, k, 5):
		j.note("doc denies %q", w)
	default:
		return true
	}
	return false
}
