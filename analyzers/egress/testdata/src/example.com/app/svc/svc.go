// Package svc calls lib (same module) and translator (a dependency).
package svc

import (
	"example.com/app/lib"

	"github.com/deepl/translator"
)

func sameModule() error {
	return lib.Fetch() // reported in lib, not here
}

func dependency(text string) error {
	return translator.Translate(text) // want `call into github.com/deepl/translator reaches api.deepl.com, which is not in egress.allow \[api.anthropic.com\] and egress.default is deny; path: translator.Translate \(svc.go:\d+:\d+\) → \(\*http.Client\).PostForm \(translator.go:\d+:\d+\)`
}

func method(text string) error {
	return translator.New().Do(text) // want `call into github.com/deepl/translator reaches api.deepl.com`
}

func generic(xs []int) error {
	return translator.Map(xs, func(int) string { return "x" }) // want `call into github.com/deepl/translator reaches api.deepl.com`
}

func inClosure(texts []string) {
	for _, t := range texts {
		go func() {
			_ = translator.Translate(t) // want `call into github.com/deepl/translator reaches api.deepl.com`
		}()
	}
}

func localOnly() error {
	return translator.Ping()
}

func noSummary(texts []string) int {
	return translator.Count(texts)
}
