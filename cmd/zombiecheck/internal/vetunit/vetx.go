package vetunit

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sort"
)

// A .vetx file, as this driver writes it:
//
//	"zcvx" version flags   6-byte header
//	uvarint n              the number of packages
//	n × (uvarint len, path, uvarint size)
//	                       an index: each package's path and the size of
//	                       its facts, sorted by path
//	the n facts blobs      in index order, back to back
//
// The blobs are the facts of this package and of every package below it
// that exported any. Each is opaque here (see pkgFacts): a unit copies the
// blobs of its imports through without decoding them, and the index lets
// it take each package's blob once however many imports carry it, without
// a decoding pass over the file (version 1 gob-encoded the whole list, so
// every unit decoded and re-encoded all the facts below it). Version 3
// splits each blob into its package facts and its object facts, decoded
// separately (see encodeFacts).
//
// Unlike unitchecker's, it holds no types (importers read the compiler's
// export data), so a skipped unit can write one without type-checking. The
// go command treats the file as opaque and only hands it to this same tool
// (its cache key includes the tool's build ID).
const (
	vetxMagic   = "zcvx"
	vetxVersion = 3
	headerLen   = len(vetxMagic) + 2

	flagMarked = 1 << 0 // the package itself carries the marking fact (Options.Marks)
)

// pkgFacts holds the encoded facts of one package (see encodeFacts). Facts
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

func checkHeader(name string, h []byte) error {
	if string(h[:4]) != vetxMagic || h[4] != vetxVersion {
		return fmt.Errorf("%s: not a zombiecheck vetx file (version %d); run go vet with a clean cache (go clean -cache) after changing tools", name, vetxVersion)
	}
	return nil
}

// readVetx reads a whole .vetx file; a missing or empty one holds nothing.
// The facts it returns share the file's bytes.
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
	if v.facts, err = parseFacts(data[headerLen:]); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return v, nil
}

// parseFacts reads the index and the blobs that follow the header.
func parseFacts(data []byte) ([]pkgFacts, error) {
	errCorrupt := errors.New("corrupt vetx index")
	next := func() (int, bool) {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)) {
			return 0, false
		}
		data = data[k:]
		return int(n), true
	}
	count, ok := next()
	if !ok {
		return nil, errCorrupt
	}
	if count > len(data) { // every entry takes at least two bytes
		return nil, errCorrupt
	}
	facts := make([]pkgFacts, count)
	sizes := make([]int, count)
	total := 0
	for i := range facts {
		n, ok := next()
		if !ok || n > len(data) {
			return nil, errCorrupt
		}
		facts[i].Path = string(data[:n])
		data = data[n:]
		size, ok := next()
		if !ok || size > len(data)-total {
			return nil, errCorrupt
		}
		sizes[i] = size
		total += size
	}
	if total != len(data) {
		return nil, errCorrupt
	}
	for i, size := range sizes {
		facts[i].Data = data[:size:size]
		data = data[size:]
	}
	return facts, nil
}

// writeVetx writes a .vetx file holding facts sorted by package path.
func writeVetx(name string, marked bool, facts []pkgFacts) error {
	sort.Slice(facts, func(i, j int) bool { return facts[i].Path < facts[j].Path })
	size := headerLen + binary.MaxVarintLen64
	for _, pf := range facts {
		size += 2*binary.MaxVarintLen64 + len(pf.Path) + len(pf.Data)
	}
	buf := make([]byte, 0, size)
	buf = append(buf, vetxMagic...)
	var flags byte
	if marked {
		flags |= flagMarked
	}
	buf = append(buf, vetxVersion, flags)
	buf = binary.AppendUvarint(buf, uint64(len(facts)))
	for _, pf := range facts {
		buf = binary.AppendUvarint(buf, uint64(len(pf.Path)))
		buf = append(buf, pf.Path...)
		buf = binary.AppendUvarint(buf, uint64(len(pf.Data)))
	}
	for _, pf := range facts {
		buf = append(buf, pf.Data...)
	}
	return os.WriteFile(name, buf, 0o666)
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
