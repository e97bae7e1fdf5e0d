//go:build !linux || !(amd64 || arm64)

package hugeheap

// reserve does nothing where the runtime's heap layout or the system's
// huge pages are not the ones reserve_linux.go is written for.
func reserve(size uintptr) bool { return false }
