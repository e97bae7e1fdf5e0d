// Package digest hashes what it is given; it imports net only for a
// constant. hash.Hash's Write never returns an error, so a loop writing to
// one is not I/O: the package performs none, and is not relevant to its
// importers (uuid.NewHash's shape, which made every importer of
// github.com/google/uuid relevant).
package digest

import (
	"hash"
	"net"
)

const Len = net.IPv4len

func Sum(h hash.Hash, parts [][]byte) []byte {
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

func Sum64(h hash.Hash64, parts []string) uint64 {
	for _, p := range parts {
		h.Write([]byte(p))
	}
	return h.Sum64()
}
