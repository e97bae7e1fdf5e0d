// Package directives reports //zombiecheck: comment directives that are
// malformed and therefore suppress nothing.
//
// # Analyzer directives
//
// directives: malformed //zombiecheck: directives
//
// zombiecheck's suppression comments take the form
//
//	//zombiecheck:ignore <analyzer>[/<rule>][,...] <reason>
//
// on the line of a finding or the line above it. A directive with no
// reason, an unknown verb, or an analyzer name that does not exist
// suppresses nothing, silently, which is the worst outcome: the author
// believes the finding is handled. This analyzer reports each such
// directive (rule "malformed") so the mistake is seen.
//
// Code: directives are parsed, and most problems found, in
// analyzers/internal/directive; analyzers/directives reports them and
// checks the analyzer names they give.
package directives
