//go:build linux && (amd64 || arm64)

package hugeheap

import (
	"math"
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

const (
	madvHugepage = 14 // MADV_HUGEPAGE, the same on every Linux architecture

	// heapArena is the runtime's unit of heap address space
	// (heapArenaBytes on 64-bit Linux): it reserves arenas whole, aligned
	// to their size, and maps them as the heap grows, so the arena holding
	// an address is all mapped or reserved, with no holes.
	heapArena = 64 << 20
)

// reserve allocates a size-byte object, advises MADV_HUGEPAGE over it,
// frees it and returns its pages to the kernel.
//
// The runtime maps heap memory as it grows, with one mmap per growth, and
// a new mapping does not inherit the advice of its neighbours: advice on
// the heap mapped so far would not reach the heap mapped later. So the
// heap is made to grow by size bytes at once: an object that large cannot
// fit in the small heap of a process that has just started, so it gets
// fresh memory from the kernel, which the runtime knows to be zeroed and
// does not touch. No page of it becomes resident. Freeing it leaves the
// mapping, and its advice, in place; the runtime takes the pages it needs
// next from the lowest free addresses, which are these, and each first
// touch there faults in a 2 MiB page instead of a 4 KiB one. The advice
// also covers the heap mapped before, from the start of its arena: the
// free memory left there is the lowest, and a large object the caller
// allocates next may begin there and run on into the reserved memory.
//
// The object must be free when reserve returns. Left to the collection its
// allocation would start, it was not, whenever the caller allocated faster
// than that collection ran (under go test ./... it often did): the heap
// then grew past the ballast, unadvised. So no collection may start while
// it is live, and debug.FreeOSMemory collects it, sweeps it and releases
// its pages before reserve returns.
func reserve(size uintptr) bool {
	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	ballast := make([]byte, size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(ballast)))
	from := start &^ (heapArena - 1)
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, from, start+size-from, madvHugepage)
	runtime.KeepAlive(ballast) // dead from here
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(limit)
	debug.FreeOSMemory()
	return errno == 0
}
