// Package knowledge records what zombiecheck knows about the standard
// library by name, so that no analysis depends on facts about std (some
// drivers, such as Bazel's nogo, do not provide them).
package knowledge

import "go/types"

// noReturnFuncs are standard functions that never return to their caller.
var noReturnFuncs = map[string]bool{
	"os.Exit":                   true,
	"runtime.Goexit":            true,
	"log.Fatal":                 true,
	"log.Fatalf":                true,
	"log.Fatalln":               true,
	"log.Panic":                 true,
	"log.Panicf":                true,
	"log.Panicln":               true,
	"(*log.Logger).Fatal":       true,
	"(*log.Logger).Fatalf":      true,
	"(*log.Logger).Fatalln":     true,
	"(*log.Logger).Panic":       true,
	"(*log.Logger).Panicf":      true,
	"(*log.Logger).Panicln":     true,
	"(*testing.common).FailNow": true,
	"(*testing.common).Fatal":   true,
	"(*testing.common).Fatalf":  true,
	"(*testing.common).Skip":    true,
	"(*testing.common).Skipf":   true,
	"(*testing.common).SkipNow": true,
}

// NoReturn reports whether fn is a standard function that never returns.
func NoReturn(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	return noReturnFuncs[fn.FullName()]
}
