package vetunit

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// A .vetx file, as this driver writes it:
//
//	"zcvx" version flags   6-byte header
//	gob([]pkgFacts)        the facts of this package and of every package
//	                       below it that exported any, sorted by path
//
// Unlike unitchecker's, it holds no types (importers read the compiler's
// export data), so a skipped unit can write one without type-checking. The
// go command treats the file as opaque and only hands it to this same tool
// (its cache key includes the tool's build ID).
const (
	vetxMagic   = "zcvx"
	vetxVersion = 1
	headerLen   = len(vetxMagic) + 2

	flagMarked = 1 << 0 // the package itself carries the marking fact (Options.Marks)
)

// pkgFacts holds the gob-encoded facts ([]objectFact) of one package. Facts
// pass through packages that do not decode them as opaque bytes.
type pkgFacts struct {
	Path string
	Data []byte
}

// objectFact is one fact as encoded in pkgFacts.Data: Object is the
// object's objectpath relative to its package, or "" for a package fact.
type objectFact struct {
	Object string
	Fact   any
}

// vetx is a decoded .vetx file.
type vetx struct {
	marked bool
	facts  []pkgFacts
}

// readMarked reads only the header of a .vetx file. A missing file (the go
// command lists the output of a dependency's vet run even when that run
// failed) or an empty one is unmarked.
func readMarked(name string) (bool, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	var h [headerLen]byte
	n, err := io.ReadFull(f, h[:])
	if n == 0 {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: truncated vetx header", name)
	}
	if err := checkHeader(name, h[:]); err != nil {
		return false, err
	}
	return h[5]&flagMarked != 0, nil
}

func checkHeader(name string, h []byte) error {
	if string(h[:4]) != vetxMagic || h[4] != vetxVersion {
		return fmt.Errorf("%s: not a zombiecheck vetx file (version %d); run go vet with a clean cache (go clean -cache) after changing tools", name, vetxVersion)
	}
	return nil
}

// readVetx reads a whole .vetx file; a missing or empty one holds nothing.
func readVetx(name string) (*vetx, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(data) == 0) {
		return &vetx{}, nil
	}
	if err != nil {
		return nil, err
	}
	if len(data) < headerLen {
		return nil, fmt.Errorf("%s: truncated vetx header", name)
	}
	if err := checkHeader(name, data[:headerLen]); err != nil {
		return nil, err
	}
	v := &vetx{marked: data[5]&flagMarked != 0}
	if err := gob.NewDecoder(bytes.NewReader(data[headerLen:])).Decode(&v.facts); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return v, nil
}

// writeVetx writes a .vetx file holding facts sorted by package path.
func writeVetx(name string, marked bool, facts []pkgFacts) error {
	sort.Slice(facts, func(i, j int) bool { return facts[i].Path < facts[j].Path })
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var flags byte
	if marked {
		flags |= flagMarked
	}
	buf.Write([]byte{vetxVersion, flags})
	if err := gob.NewEncoder(&buf).Encode(facts); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o666)
}

// mergeFacts collects the facts of the given .vetx files, one entry per
// package (every importer passes on the same bytes for a package, so the
// first seen is kept).
func mergeFacts(files []*vetx) []pkgFacts {
	seen := make(map[string]bool)
	var out []pkgFacts
	for _, v := range files {
		for _, pf := range v.facts {
			if !seen[pf.Path] {
				seen[pf.Path] = true
				out = append(out, pf)
			}
		}
	}
	return out
}
