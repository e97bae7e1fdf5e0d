package sarif

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"strings"
)

// Fingerprints.
//
// GitHub decides whether a result is the same alert as in an earlier upload
// by its partialFingerprints. Line numbers make a poor identity: inserting a
// line above a finding would close the alert and open a new one. Our key
// "zombiecheck/v1" therefore hashes what survives unrelated edits:
//
//   - the rule ID,
//   - the artifact URI (relative to %SRCROOT%),
//   - the text of the finding's source line with surrounding white space
//     trimmed (so re-indentation does not matter), and
//   - the message with every run of digits replaced by "N", because messages
//     may mention line numbers or counts of other code ("closed at line 57").
//
// Two findings with the same key in one file (the same call copied twice)
// are told apart by an occurrence counter, assigned in position order, so
// that they become two alerts rather than one.
//
// We deliberately do not write "primaryLocationLineHash". That key belongs to
// GitHub: upload-sarif computes it from the file with its own algorithm
// (a rolling hash over the line and its neighbourhood) when it is absent, and
// trusts whatever it finds when present. A value computed differently would
// silently replace GitHub's matching, and alerts from uploads that went
// through upload-sarif and uploads that did not would never match. A key of
// our own namespace adds our identity without overriding theirs, and its
// "v1" suffix lets a future algorithm change use a new key instead of
// re-creating every alert under the old one.

// fingerprinter assigns fingerprints to results in output order.
type fingerprinter struct {
	seen map[string]int // key hash → occurrences so far
}

func newFingerprinter() *fingerprinter {
	return &fingerprinter{seen: make(map[string]int)}
}

// next returns the fingerprint of a result. Results must be presented in
// position order for the occurrence counter to be stable.
func (fp *fingerprinter) next(ruleID, uri string, lineText []byte, msg string) string {
	h := sha256.New()
	writeField(h, []byte(ruleID))
	writeField(h, []byte(uri))
	writeField(h, lineText)
	writeField(h, []byte(normalizeDigits(msg)))
	key := string(h.Sum(nil))

	n := fp.seen[key]
	fp.seen[key] = n + 1

	h.Reset()
	writeField(h, []byte(key))
	writeField(h, binary.AppendUvarint(nil, uint64(n)))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// writeField writes a length-prefixed field, so that no two different
// field lists hash the same bytes (no separator can be confused with
// content).
func writeField(h hash.Hash, b []byte) {
	h.Write(binary.AppendUvarint(nil, uint64(len(b))))
	h.Write(b)
}

// normalizeDigits replaces every maximal run of ASCII digits with "N".
func normalizeDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inDigits := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			if !inDigits {
				b.WriteByte('N')
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteByte(c)
	}
	return b.String()
}
