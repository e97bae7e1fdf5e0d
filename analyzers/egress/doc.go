// Package egress reports network calls that reach hosts the repository's
// policy does not allow.
//
// # Analyzer egress
//
// egress: calls to hosts the policy forbids
//
// A written rule such as "no paid API calls" means nothing until code
// enforces it. egress reads the policy's egress section (allow and deny
// lists of exact hosts, *.suffix patterns and CIDRs, and a default for
// external hosts on neither list) and reports each call whose destination
// is a forbidden host (rule "forbidden"): at the call in the analysed code
// where the host first becomes concrete — a request to a literal URL, or a
// call that passes a literal base URL into a helper (resolved through the
// helper's summary, across packages) — naming the host, the rule that
// forbids it, and the path to the network call. A host that a dependency
// (another module) reaches on its own is reported at each call from the
// analysed module into it ("call into github.com/vendor/sdk reaches
// api.vendor.com"), since go vet and golangci-lint report nothing inside
// dependencies; a package of the same module reports its own hosts. Local and private hosts are
// always allowed. With the default policy (egress.default: allow, empty
// lists) nothing is reported. A request that names an Ollama cloud model
// ("gpt-oss:120b-cloud") reaches ollama.com even through a local Ollama
// server, which forwards it (see localroute); it is reported where the
// model becomes concrete.
//
// Destinations that cannot be resolved statically (environment variables,
// flags, configuration files) are not reported unless the policy sets
// egress.strict: true; then each call that supplies such a destination is
// reported (rule "unresolved"), naming the environment variable when there
// is one. A helper whose URL is a parameter is not reported itself: its
// callers are, where they pass an unresolved value.
//
// Code: both rules are decided in analyzers/egress, on the reach summaries
// of analyzers/internal/netsum and the host classification of
// analyzers/internal/hosts.
package egress
