package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestLeftToProcess(t *testing.T) {
	defer func(old string) { modeFile = old }(modeFile)
	for _, tc := range []struct {
		content string
		want    bool
	}{
		{"always [madvise] never\n", true},
		{"[always] madvise never\n", false},
		{"always madvise [never]\n", false},
		{"", false},
	} {
		modeFile = filepath.Join(t.TempDir(), "enabled")
		if err := os.WriteFile(modeFile, []byte(tc.content), 0o666); err != nil {
			t.Fatal(err)
		}
		if got := leftToProcess(); got != tc.want {
			t.Errorf("mode %q: leftToProcess() = %v, want %v", tc.content, got, tc.want)
		}
	}
	modeFile = filepath.Join(t.TempDir(), "missing")
	if leftToProcess() {
		t.Error("a kernel without THP (no mode file) counts as madvise mode")
	}
}

func TestStrictOvercommit(t *testing.T) {
	defer func(old string) { overcommitFile = old }(overcommitFile)
	for content, want := range map[string]bool{"0\n": false, "1\n": false, "2\n": true, "": false} {
		overcommitFile = filepath.Join(t.TempDir(), "overcommit_memory")
		if err := os.WriteFile(overcommitFile, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		if got := strictOvercommit(); got != want {
			t.Errorf("overcommit_memory %q: strictOvercommit() = %v, want %v", content, got, want)
		}
	}
	overcommitFile = filepath.Join(t.TempDir(), "missing")
	if strictOvercommit() {
		t.Error("a missing overcommit_memory counts as strict")
	}
}

func TestReserveOff(t *testing.T) {
	t.Setenv("ZOMBIECHECK_HUGEPAGES", "off")
	if Reserve(64 << 20) {
		t.Error("Reserve advised with ZOMBIECHECK_HUGEPAGES=off")
	}
}

// TestReservedHeapFaultsInHugePages checks the effect, not the call: after
// Reserve, memory the program allocates and touches lies in a mapping the
// kernel backs with huge pages.
func TestReservedHeapFaultsInHugePages(t *testing.T) {
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skip("reserve is a no-op here")
	}
	if !leftToProcess() || strictOvercommit() {
		t.Skipf("THP mode is not madvise (%s), or overcommit is strict, on this machine", modeFile)
	}
	if !Reserve(DefaultSize) {
		t.Fatal("Reserve did not advise")
	}
	buf := make([]byte, 16<<20)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	// The object may begin in the free tail of the heap mapped before
	// Reserve, and go on into the reserved memory: both must be advised.
	for _, at := range []struct {
		what string
		addr uintptr
	}{
		{"start", uintptr(unsafe.Pointer(&buf[0]))},
		{"middle", uintptr(unsafe.Pointer(&buf[len(buf)/2]))},
		{"end", uintptr(unsafe.Pointer(&buf[len(buf)-1]))},
	} {
		flags, hugeKB, err := mappingOf(at.addr)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Errorf("the mapping holding the %s of a new 16 MiB object is not advised for huge pages (VmFlags: %s)", at.what, flags)
		}
		if hugeKB == 0 {
			t.Errorf("touching 16 MiB in the reserved heap faulted in no huge page where its %s is (AnonHugePages: 0 kB)", at.what)
		}
	}
	runtime.KeepAlive(buf)
}

// mappingOf returns the VmFlags and AnonHugePages of the mapping that
// holds addr, from /proc/self/smaps.
func mappingOf(addr uintptr) (flags string, hugeKB int, err error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				if in {
					break
				}
				in = uint64(addr) >= l && uint64(addr) < h
				continue
			}
		}
		if !in {
			continue
		}
		switch fields[0] {
		case "AnonHugePages:":
			hugeKB, _ = strconv.Atoi(fields[1])
		case "VmFlags:":
			flags = strings.Join(fields[1:], " ")
		}
	}
	if err := sc.Err(); err != nil {
		return "", 0, err
	}
	if flags == "" {
		return "", 0, fmt.Errorf("no mapping in /proc/self/smaps holds %#x", addr)
	}
	return flags, hugeKB, nil
}
