// Package hugeheap asks Linux to back the heap of a short-lived process
// with transparent huge pages.
//
// Under go vet every package is its own tool process, which builds its heap
// from nothing and exits: an analysed unit touches 20 to 150 MB of fresh
// memory, one 4 KiB page fault at a time. Where page faults are dear (in
// the virtual machine this was measured on, about 10 µs each) those faults
// were 40% of the suite's CPU time under go vet, and huge pages cut an
// analysed unit's time by a fifth to a half. The Go runtime does not ask for
// huge pages for the heap (a long-running server would pay for them in
// resident memory), and on most Linux distributions the kernel then uses
// them only where a process asks (THP mode "madvise"). A unit run asks.
package hugeheap

import (
	"bytes"
	"os"
)

// DefaultSize is how much heap a unit run reserves: more than its soft
// memory limit (cmd/zombiecheck's vetMemoryLimit), so that the whole heap
// of nearly every unit lies in huge pages.
const DefaultSize = 256 << 20

// Reserve maps the next size bytes of the Go heap ahead of use and advises
// the kernel to back them with transparent huge pages, when the kernel
// leaves that to the process ("madvise" mode: with "always" the heap has
// them already, with "never" it cannot). It reports whether it advised.
//
// It must be called early, while the heap is still small (see reserve).
// It costs the mapping of size bytes and one collection of that small
// heap: about 3 ms on the 2-CPU virtual machine where it was measured,
// where faulting in 8 MiB takes about 25 ms in 4 KiB pages and 2 to 4 ms in
// huge pages; an analysed unit touches 20 MiB or more.
//
// ZOMBIECHECK_HUGEPAGES=off turns it off, for a machine where huge pages
// are scarce or their resident-memory cost matters more than the time.
func Reserve(size uintptr) bool {
	if os.Getenv("ZOMBIECHECK_HUGEPAGES") == "off" || !leftToProcess() || strictOvercommit() {
		return false
	}
	return reserve(size)
}

// modeFile holds the kernel's THP mode, the active one in brackets:
// "always [madvise] never".
var modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"

// leftToProcess reports whether the kernel's THP mode is "madvise".
func leftToProcess() bool {
	data, err := os.ReadFile(modeFile)
	return err == nil && bytes.Contains(data, []byte("[madvise]"))
}

// overcommitFile holds the kernel's overcommit policy: "2" is strict.
var overcommitFile = "/proc/sys/vm/overcommit_memory"

// strictOvercommit reports whether the kernel counts every writable
// mapping against a commit limit. There the reserved size would count in
// full although it is never touched, and a mapping the kernel refuses is
// fatal to a Go program, so Reserve does nothing.
func strictOvercommit() bool {
	data, err := os.ReadFile(overcommitFile)
	return err == nil && bytes.Equal(bytes.TrimSpace(data), []byte("2"))
}
