//go:build linux && (amd64 || arm64)

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

const madvHugepage = 14 // MADV_HUGEPAGE, the same on every Linux architecture

// reserve allocates a size-byte object, advises MADV_HUGEPAGE over it and
// drops it.
//
// The runtime maps heap memory as it grows, with one mmap per growth, and
// a new mapping does not inherit the advice of its neighbours: advice on
// the heap mapped so far would not reach the heap mapped later. So the
// heap is made to grow by size bytes at once: an object that large cannot
// fit in the small heap of a process that has just started, so it gets
// fresh memory from the kernel, which the runtime knows to be zeroed and
// does not touch. No page of it becomes resident. The allocation starts a
// collection (it takes the heap far past its goal), which frees the object
// and leaves the mapping, and its advice, in place; the runtime takes the
// pages it needs next from the lowest free addresses, which are these, and
// each first touch there faults in a 2 MiB page instead of a 4 KiB one.
// Forcing that collection (debug.FreeOSMemory) only added a second one.
func reserve(size uintptr) bool {
	ballast := make([]byte, size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(ballast)))
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, size, madvHugepage)
	runtime.KeepAlive(ballast)
	return errno == 0
}
