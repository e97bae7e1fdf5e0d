package zombieloop

import (
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// failureView returns the view in which call keeps failing, and whether
// the loop's judgement rests on its tests against io.EOF (eofOnly): the
// loop can stop on io.EOF, but not on any other error of the call.
//
// A call that can fail with an error other than io.EOF (a connection's
// read: a reset, a closed conn, a timeout; a read of os.Stdin: EIO on a
// hung-up terminal) takes the not-EOF arm of every such test while it
// keeps failing that way: `n, err := conn.Read(buf); if err == io.EOF {
// return }; handle(buf[:n])` goes round again at once on every other
// error. A json or xml Decoder's Decode keeps a syntax error and returns
// it on every later call, whatever its source. A read of a stream whose
// source is unknown or in memory (a
// *bufio.Reader parameter, a strings.Reader) is judged at EOF, the one
// failure it is sure to meet, where the EOF arm is taken.
func (c *checker) failureView(call *ssa.Call, stream bool, cancel map[*ssa.BasicBlock]bool) (fv *loops.View, eofOnly bool) {
	fv = loops.FailureViewOf(call, cancel)
	if !c.failsBeyondEOF(call.Common(), stream) {
		return fv, false
	}
	ev, found := loops.FailureViewBeyondEOF(call, cancel)
	if !found {
		return fv, false
	}
	return ev, !loops.Persistent(call, fv, c.oracle)
}

// failsBeyondEOF reports whether a read can fail persistently with an
// error other than io.EOF. A fallible call does, unless its receiver is
// an in-memory reader (strings.Reader, bytes.Reader, bytes.Buffer: only
// io.EOF is possible). A stream read (bufio.Reader, os.File) does only
// when its source is known to: os.Stdin, a connection of a std network
// package or an HTTP response's body, wrapped by bufio.NewReader or
// NewReaderSize in this function or held in a field of this package that
// only ever holds such a reader.
func (c *checker) failsBeyondEOF(cc *ssa.CallCommon, stream bool) bool {
	recv := cc.Value
	if !cc.IsInvoke() {
		if len(cc.Args) == 0 {
			return !stream
		}
		recv = cc.Args[0]
	}
	if !stream {
		return !inMemoryReader(recv)
	}
	if stickyDecoder(cc) {
		return true
	}
	return c.networkOrStdin(recv, 0)
}

func inMemoryReader(v ssa.Value) bool {
	pkg, name := namedOf(ssax.Unconvert(v).Type())
	switch pkg + "." + name {
	case "strings.Reader", "bytes.Reader", "bytes.Buffer":
		return true
	}
	return false
}

// networkOrStdin reports whether v is os.Stdin, a value of a type declared
// by net or crypto/tls (net.Conn, *net.TCPConn, *tls.Conn), the Body of an
// *http.Response (a network read: after a reset or a client timeout it
// returns the same error on every later call), or a bufio.Reader or a
// json, gob or xml Decoder made in this function over one of them. A
// field of a struct declared in this package counts when every value
// stored in it in this package is one of these (an SSE stream type that
// keeps bufio.NewReader(resp.Body) for its Recv method).
func (c *checker) networkOrStdin(v ssa.Value, depth int) bool {
	if depth > 3 {
		return false
	}
	v = ssax.Unconvert(v)
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && g.Name() == "Stdin" {
			return true
		}
		if fa, ok := load.X.(*ssa.FieldAddr); ok {
			if httptypes.IsResponseBody(fa) {
				return true
			}
			if stored := c.fieldStores().of(fa); len(stored) > 0 {
				for _, sv := range stored {
					if !c.networkOrStdin(sv, depth+1) {
						return false
					}
				}
				return true
			}
		}
	}
	t := types.Unalias(v.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() {
		case "net", "crypto/tls":
			return true
		}
	}
	if mk, ok := v.(*ssa.Call); ok && len(mk.Call.Args) >= 1 {
		f := mk.Call.StaticCallee()
		if loops.IsFunc(f, "bufio", "NewReader") || loops.IsFunc(f, "bufio", "NewReaderSize") ||
			loops.IsFunc(f, "encoding/json", "NewDecoder") || loops.IsFunc(f, "encoding/gob", "NewDecoder") || loops.IsFunc(f, "encoding/xml", "NewDecoder") {
			return c.networkOrStdin(mk.Call.Args[0], depth+1)
		}
	}
	return false
}

func eofOnlyPart(cc *ssa.CallCommon, name string) string {
	why := "a reset or closed connection, a timeout, EIO on a hung-up terminal"
	if stickyDecoder(cc) {
		why = "malformed input, which the decoder keeps returning, or a failed read"
	}
	return "only io.EOF stops the loop: any other error from " + name +
		" (" + why + ") comes back at once on every call, and the loop goes round again with no wait"
}

// stickyDecoder reports whether call is a json or xml Decoder's Decode:
// a syntax error is kept and returned by every later call, whatever the
// source, so a loop that stops only on io.EOF spins on malformed input.
func stickyDecoder(cc *ssa.CallCommon) bool {
	if !decodeRead(cc) {
		return false
	}
	pkg, _ := namedOf(cc.Args[0].Type())
	return pkg == "encoding/json" || pkg == "encoding/xml"
}

const eofOnlyFix = "stop on every error, not only io.EOF (`if err != nil { return }`, with errors.Is(err, io.EOF) as the clean end)"

// decodeRead reports whether call is the Decode method of a json, gob or
// xml Decoder. Like a bufio.Reader's reads, it is a stream read: at EOF,
// and after any other error, which it keeps, it fails at once on every
// call, so a loop that goes round again on its failure spins.
func decodeRead(cc *ssa.CallCommon) bool {
	f := cc.StaticCallee()
	if f == nil || f.Name() != "Decode" || len(cc.Args) != 2 {
		return false
	}
	pkg, name := namedOf(cc.Args[0].Type())
	return name == "Decoder" && (pkg == "encoding/json" || pkg == "encoding/gob" || pkg == "encoding/xml")
}

// fieldIndex holds, for each unexported field of a struct type declared in
// the package, the values the package stores in it. Only this package can
// store in an unexported field, so the list is complete (but for unsafe
// and reflect, which the suite does not follow).
type fieldIndex map[*types.Var][]ssa.Value

// of returns the values stored in the field that fa addresses, or nil if
// it is not an unexported field of a struct of this package.
func (x fieldIndex) of(fa *ssa.FieldAddr) []ssa.Value {
	f := structField(fa)
	if f == nil {
		return nil
	}
	return x[f]
}

// structField returns the field that fa addresses.
func structField(fa *ssa.FieldAddr) *types.Var {
	t := fa.X.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || fa.Field < 0 || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// fieldStores returns the package's field index, built on first use.
func (c *checker) fieldStores() fieldIndex {
	if c.fields != nil {
		return c.fields
	}
	c.fields = fieldIndex{}
	for _, fn := range c.srcFuncs { // closures included
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if f := structField(fa); f != nil && !f.Exported() && f.Pkg() == c.pass.Pkg {
					c.fields[f] = append(c.fields[f], st.Val)
				}
			}
		}
	}
	return c.fields
}

// scannerView returns the view in which a bufio.Scanner's Scan keeps
// returning false: the one, of "it failed" (Err() not nil) and "its input
// ended" (Err() nil), in which the loop cannot leave, or the first.
// A Scanner made inside the loop is new each time round: its Scan is a
// first one, and the view is nil.
func (c *checker) scannerView(l *loops.Loop, call *ssa.Call, cancel map[*ssa.BasicBlock]bool) *loops.View {
	if made, ok := ssax.Unconvert(call.Call.Args[0]).(ssa.Instruction); ok {
		if _, load := made.(*ssa.UnOp); !load && made.Block() != nil && l.Contains(made.Block()) {
			return nil
		}
	}
	failed, ended := l.ScannerViews(call, cancel)
	if !loops.Persistent(call, failed, c.oracle) && loops.Persistent(call, ended, c.oracle) {
		return ended
	}
	return failed
}
