package vetunit

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadVetx feeds arbitrary bytes to the .vetx reader: it must not
// panic, and what it accepts must merge and write back to the same facts.
func FuzzReadVetx(f *testing.F) {
	dir := f.TempDir()
	good := filepath.Join(dir, "good.vetx")
	if err := writeVetx(good, true, []pkgFacts{{Path: "example.com/a", Data: []byte{1, 2, 3}}, {Path: "example.com/b"}}); err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:headerLen])
	f.Add(data[:headerLen+3])
	f.Add([]byte{})
	f.Add([]byte("zcvx"))
	f.Add([]byte("zcvx\x02\x00"))
	f.Add([]byte("zcvx\x01\x00garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(t.TempDir(), "x.vetx")
		if err := os.WriteFile(name, data, 0o666); err != nil {
			t.Fatal(err)
		}
		v, err := readVetx(name)
		if err != nil {
			return
		}
		merged := mergeFacts([]*vetx{v, v})
		again := filepath.Join(t.TempDir(), "again.vetx")
		if err := writeVetx(again, v.marked, merged); err != nil {
			t.Fatal(err)
		}
		w, err := readVetx(again)
		if err != nil {
			t.Fatalf("readVetx rejects what writeVetx wrote of a file it accepted: %v", err)
		}
		if w.marked != v.marked || len(w.facts) != len(merged) {
			t.Fatalf("written back: marked=%v with %d packages, want marked=%v with %d", w.marked, len(w.facts), v.marked, len(merged))
		}
	})
}

// FuzzReadConfig feeds arbitrary bytes to the .cfg reader: it must not
// panic, and a config it accepts must give a module answer without panic.
func FuzzReadConfig(f *testing.F) {
	f.Add([]byte(`{"ID":"example.com/p","ImportPath":"example.com/p","GoFiles":["a.go"],"ImportMap":{},"PackageFile":{},"VetxOnly":false,"VetxOutput":"p.vetx","ModulePath":"example.com","ModuleVersion":"","GoVersion":"go1.26"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"GoFiles": 3}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(t.TempDir(), "vet.cfg")
		if err := os.WriteFile(name, data, 0o666); err != nil {
			t.Fatal(err)
		}
		cfg, err := ReadConfig(name)
		if err != nil {
			return
		}
		_ = cfg.module()
	})
}
