package hosts

import (
	"math/rand"
	"slices"
	"testing"
)

// widenOnceRef is the widening as it was written before widen: merge the
// pair whose merge keeps the most, rescoring every pair at every step. It
// is the reference widen must agree with. The original comment:
//
// widenOnce merges the two alternatives whose merge keeps the most, so a set
// over the cap shrinks by one. The merge of two alternatives denotes every
// string either denotes (it is their common known prefix), so widening loses
// precision but never invents a host. Merges that keep a host are preferred,
// then the longest known text; ties go to the earliest pair in sorted order,
// which keeps the result deterministic.
func widenOnceRef(ss Strs) Strs {
	bestI, bestJ, bestScore := 0, 1, -1
	var best Str
	for i := 0; i < len(ss); i++ {
		for j := i + 1; j < len(ss); j++ {
			m := merge(ss[i], ss[j])
			score := mergeScore(m) // the score is shared; the search is what is checked
			if score > bestScore {
				bestI, bestJ, bestScore, best = i, j, score, m
			}
		}
	}
	out := make(Strs, 0, len(ss)-1)
	for k, s := range ss {
		if k != bestI && k != bestJ {
			out = append(out, s)
		}
	}
	out = append(out, best.clean())
	slices.SortFunc(out, compare)
	return slices.Compact(out)
}

// TestWidenAgreesWithStepwiseWidening: widen scores each pair once; its
// result must be what merging one best pair at a time, rescoring all pairs
// at every step, gave (facts, and with them the vet cache and messages,
// must not change). Random sets of URL-ish alternatives with shared
// prefixes, parameters and environment origins, over the cap by 1 to 300.
func TestWidenAgreesWithStepwiseWidening(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	lits := []string{"https://api.example.com/", "https://api.example.com/v1/", "https://api.example.org/", "http://localhost:11434/",
		"http://127.0.0.1:", "https://", "wss://relay.example.net:9009", "relay.example.net:", "", "/v1/chat", "x", "https://api.example.com/v1/models"}
	random := func() Str {
		s := Str{Lit: lits[rng.Intn(len(lits))], Param: -1, Complete: rng.Intn(2) == 0}
		switch rng.Intn(6) {
		case 0:
			s.Param, s.Path = rng.Intn(3), []string{"", "BaseURL", "[]"}[rng.Intn(3)]
			s.Tail = []string{"", "/v1", "/chat"}[rng.Intn(3)]
		case 1:
			s.Env = []string{"OLLAMA_HOST", "OPENAI_BASE_URL"}[rng.Intn(2)]
		case 2:
			s.Lit += string(rune('a' + rng.Intn(26)))
		}
		return s.clean()
	}
	for round := 0; round < 300; round++ {
		n := MaxAlternatives + 1 + rng.Intn(40)
		if round%50 == 0 {
			n = MaxAlternatives + 300
		}
		var ss Strs
		for len(ss) < n {
			ss = append(ss, random())
			slices.SortFunc(ss, compare)
			ss = slices.Compact(ss)
			if len(ss) == n-1 && rng.Intn(3) == 0 {
				break // sometimes fewer distinct ones than asked for
			}
		}
		if len(ss) <= MaxAlternatives {
			continue
		}
		want := slices.Clone(ss)
		for len(want) > MaxAlternatives {
			want = widenOnceRef(want)
		}
		if got := widen(slices.Clone(ss), MaxAlternatives); !slices.Equal(got, want) {
			t.Fatalf("round %d, %d alternatives:\nwiden   %v\nstepwise %v", round, len(ss), got, want)
		}
	}
}
