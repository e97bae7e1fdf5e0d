package zombieloop

import (
	"fmt"
	"go/token"
	"go/types"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/ssax"
	"golang.org/x/tools/go/ssa"
)

// CategoryDropWrite is a copy or stream loop that discards its write error.
const CategoryDropWrite = "dropwrite"

var dropWriteRule = report.Rule{Analyzer: Name, Category: CategoryDropWrite, Level: report.LevelWarning, URL: URL + "#" + CategoryDropWrite,
	Short: "copy or stream loop discards the write error, so a failed write never stops it",
	Full:  "The loop reads a chunk (from a reader, a connection, a scanner or a channel) and writes it (Write, WriteString, WriteMessage, io.WriteString, io.Copy, fmt.Fprint/Fprintf/Fprintln, a csv.Writer's Write, a json, gob or xml Encoder's Encode; also a record or array filled from what was read), dropping the write's error. When the destination fails (a full disk, a closed peer, a client gone), nothing stops the loop and nothing sees the failure: the download, upload or crawl runs to the end of the source, or for ever for a network stream, and the result is silently truncated. Check the write's error and stop on it (return it), or use io.Copy and check its error. Writers that cannot fail or keep their error (bytes.Buffer, strings.Builder, hash.Hash, a bufio.Writer or tabwriter.Writer whose Flush error is checked, a csv.Writer whose Error() is checked or that was made elsewhere, a buffer or encoder over one of these or over os.Stdout), os.Stdout and os.Stderr, an http.ResponseWriter in a loop that exits on a cancelled context, and a relay of a child process's stdout or stderr pipe (which must be drained) are not reported; nor is a loop over an in-memory slice (a bounded report)."}

const dropWriteFix = "check the write's error and stop on it (return it), or use io.Copy and check its error"

// droppedWrite judges a write in loop l: a call of Write, WriteString or
// WriteMessage, or of io.WriteString or io.Copy*, whose error is
// discarded, in a loop that copies or streams data to it, such that a
// failed write cannot stop the loop and nothing else sees the error. It
// returns the message part, or "".
//
// Decided in the write's failure view: a loop that leaves when the write
// comes up short (`n, _ := w.Write(p); if n < len(p) { return }`) stops on
// the failure; one that goes on has a cycle from the write back to itself.
// The loop must also read what it writes: a read whose data (its result,
// or the buffer it fills) flows into the write, or a receive from a
// channel whose value does. A loop that reads from the same object it
// writes to (an echo server's conn) stops on its next read instead.
func (c *checker) droppedWrite(l *loops.Loop, call *ssa.Call, exits loops.Exits, cancel map[*ssa.BasicBlock]bool) string {
	cc := call.Common()
	dst, data, name, copies := writeCall(cc)
	if dst == nil || !loops.Discarded(call) || cannotFailOrSticky(dst, l.Fn) || isStdStream(dst) || methodCannotFail(cc) {
		return ""
	}
	// A server streaming to a client: net/http cancels the request's
	// context when the client goes away, so a loop that exits on a
	// cancelled context stops when the write starts to fail.
	if isResponseWriter(dst) && (exits.Cancel > 0 || watchesDone(l)) {
		return ""
	}
	// A loop that looks at how much was written (`if m < n { return }`)
	// sees the failure through another signal.
	if counted(call) {
		return ""
	}
	src := c.readInto(l, data)
	if src == nil && !copies {
		return ""
	}
	if src != nil && sameObject(src, dst, 0) {
		return ""
	}
	// A relay of a child process's output must drain it to the end.
	if src != nil && c.drainsChildPipe(src) {
		return ""
	}
	if sideOutput(l, call, cancel) {
		return ""
	}
	// Each element of a range counts here: a failed destination is
	// written again for the next file or chunk.
	if l.Cycle(call, loops.FailureViewOf(call, cancel), nil) == nil {
		return ""
	}
	what := "the loop goes on to the end of the source"
	if exits.NoExit() {
		what = "the loop goes on for ever"
	}
	return fmt.Sprintf("error from %s discarded in a copy loop: when the write fails (a full disk, a closed peer) %s and nothing sees the failure", name, what)
}

// writeCall returns the destination and the data of a write call, the
// callee's name, and whether the call copies by itself (io.Copy*).
func writeCall(cc *ssa.CallCommon) (dst, data ssa.Value, name string, copies bool) {
	sig := cc.Signature()
	if sig.Results().Len() == 0 || !isError(sig.Results().At(sig.Results().Len()-1).Type()) {
		return nil, nil, "", false
	}
	if f := cc.StaticCallee(); f != nil && f.Signature.Recv() == nil {
		if obj, ok := f.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg().Path() == "io" && len(cc.Args) >= 2 {
			switch f.Name() {
			case "WriteString":
				return cc.Args[0], cc.Args[1], "io.WriteString", false
			case "Copy", "CopyN", "CopyBuffer":
				return cc.Args[0], cc.Args[1], "io." + f.Name(), true
			}
		}
		// fmt.Fprint(w, args...), Fprintln, Fprintf(w, format, args...):
		// the data is the variadic slice.
		if obj, ok := f.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg().Path() == "fmt" && len(cc.Args) >= 2 {
			switch f.Name() {
			case "Fprint", "Fprintln":
				return cc.Args[0], cc.Args[1], "fmt." + f.Name(), false
			case "Fprintf":
				if len(cc.Args) == 3 {
					return cc.Args[0], cc.Args[2], "fmt.Fprintf", false
				}
			}
		}
		return nil, nil, "", false
	}
	fn := loops.FuncOf(cc)
	if fn == nil {
		return nil, nil, "", false
	}
	var recv ssa.Value
	args := cc.Args
	if cc.IsInvoke() {
		recv = cc.Value
	} else if len(args) > 0 {
		recv, args = args[0], args[1:]
	}
	if recv == nil || len(args) == 0 {
		return nil, nil, "", false
	}
	switch fn.Name() {
	case "Write", "WriteString":
		if len(args) != 1 {
			return nil, nil, "", false
		}
	case "WriteMessage": // websocket connections: (type, data)
		if len(args) != 2 {
			return nil, nil, "", false
		}
	case "Encode": // encoding/json, gob and xml Encoders: the value
		if len(args) != 1 || !isEncoder(recv.Type()) {
			return nil, nil, "", false
		}
	default:
		return nil, nil, "", false
	}
	name = fn.Name()
	if r := loops.RecvName(fn); r != "" {
		name = r + "." + name
		if pkg, _ := namedOf(recv.Type()); pkg == "encoding/csv" || pkg == "encoding/json" || pkg == "encoding/gob" || pkg == "encoding/xml" {
			name = pkg[len("encoding/"):] + "." + name // csv.Writer.Write, json.Encoder.Encode
		}
	}
	return recv, args[len(args)-1], name, false
}

// isEncoder reports whether t is *json.Encoder, *gob.Encoder or
// *xml.Encoder.
func isEncoder(t types.Type) bool {
	pkg, name := namedOf(t)
	return name == "Encoder" && (pkg == "encoding/json" || pkg == "encoding/gob" || pkg == "encoding/xml")
}

// wrapped returns the writer a bufio.Writer, csv.Writer or encoder was
// made over in this function (bufio.NewWriter(f), csv.NewWriter(f),
// json.NewEncoder(f)), or nil.
func wrapped(v ssa.Value) ssa.Value {
	mk, ok := ssax.Unconvert(v).(*ssa.Call)
	if !ok || len(mk.Call.Args) == 0 {
		return nil
	}
	f := mk.Call.StaticCallee()
	if f == nil || f.Signature.Recv() != nil {
		return nil
	}
	switch {
	case loops.IsFunc(f, "bufio", "NewWriter"), loops.IsFunc(f, "bufio", "NewWriterSize"),
		loops.IsFunc(f, "encoding/csv", "NewWriter"), loops.IsFunc(f, "text/tabwriter", "NewWriter"),
		loops.IsFunc(f, "encoding/json", "NewEncoder"), loops.IsFunc(f, "encoding/gob", "NewEncoder"),
		loops.IsFunc(f, "encoding/xml", "NewEncoder"):
		return mk.Call.Args[0]
	}
	return nil
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func namedOf(t types.Type) (pkg, name string) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

// cannotFailOrSticky reports whether writes to dst cannot fail (an
// in-memory buffer, a hash) or keep their error for a later call whose
// error fn checks (a bufio.Writer's or tabwriter.Writer's Flush).
func cannotFailOrSticky(dst ssa.Value, fn *ssa.Function) bool {
	if load, ok := ssax.Unconvert(dst).(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "io" && g.Name() == "Discard" {
			return true // draining a body (slack-go retry.go)
		}
	}
	for _, v := range []ssa.Value{dst, ssax.Unconvert(dst)} {
		pkg, name := namedOf(v.Type())
		switch pkg + "." + name {
		case "bytes.Buffer", "strings.Builder":
			return true
		case "bufio.Writer", "text/tabwriter.Writer":
			if flushChecked(v, fn) {
				return true
			}
		case "encoding/csv.Writer":
			// Write keeps the first error; Error() (or Flush's, which has
			// none) reports it after the loop.
			// A csv.Writer made elsewhere is its owner's to check.
			if errorChecked(v, fn) || wrapped(v) == nil {
				return true
			}
		}
		if pkg == "hash" || pkg == "hash/crc32" || pkg == "hash/maphash" {
			return true // hash.Hash and friends: Write never fails
		}
	}
	// A buffer or encoder over a writer that cannot fail, or over
	// os.Stdout (csv.NewWriter(os.Stdout)).
	if w := wrapped(dst); w != nil && (cannotFailOrSticky(w, fn) || isStdStream(w)) {
		return true
	}
	// A writer known only by its interface whose Close or Flush error is
	// checked: a per-message writer (gorilla/websocket's NextWriter, a
	// compressor) reports the failed write there, and the loop stops on it
	// (gorilla/websocket examples/chat writePump).
	if types.IsInterface(dst.Type()) && flushChecked(dst, fn) {
		return true
	}
	return false
}

// flushChecked reports whether fn calls Flush (or Close) on w, or on the
// same object, and looks at its error.
func flushChecked(w ssa.Value, fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if call.Call.IsInvoke() {
				if m := call.Call.Method.Name(); (m == "Flush" || m == "Close") && sameObject(call.Call.Value, w, 0) && !loops.Discarded(call) {
					return true
				}
				continue
			}
			f := loops.FuncOf(call.Common())
			if f == nil || (f.Name() != "Flush" && f.Name() != "Close") || len(call.Call.Args) == 0 {
				continue
			}
			if sameObject(call.Call.Args[0], w, 0) && !loops.Discarded(call) {
				return true
			}
		}
	}
	return false
}

// errorChecked reports whether fn calls w.Error() (a csv.Writer's sticky
// error) and looks at its result.
func errorChecked(w ssa.Value, fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.IsInvoke() || len(call.Call.Args) != 1 {
				continue
			}
			if f := loops.FuncOf(call.Common()); f != nil && f.Name() == "Error" && sameObject(call.Call.Args[0], w, 0) && !loops.Discarded(call) {
				return true
			}
		}
	}
	return false
}

// methodCannotFail reports whether a static call of a Write method of a
// type outside the standard library certainly returns a nil error. With
// the body at hand (this package's methods): every return's error is nil,
// or the error of a write to a value that cannot fail (`return
// s.buf.Write(p)` on a bytes.Buffer). Without it (another package's
// method: go/analysis gives no bodies of other packages): its receiver is
// an in-memory type, a struct whose fields, followed through pointers,
// hold only numbers, strings, bools, slices, arrays and maps of these,
// sync primitives, bytes.Buffer, strings.Builder or hashes; a field of an
// interface, func, channel or other type (an *os.File, an io.Writer)
// makes it fallible.
func methodCannotFail(cc *ssa.CallCommon) bool {
	f := cc.StaticCallee()
	if f == nil || f.Signature.Recv() == nil || f.Pkg == nil || ssax.IsStdPackage(f.Pkg.Pkg.Path()) {
		return false
	}
	if len(f.Blocks) > 0 {
		return returnsNilError(f, 0)
	}
	return inMemoryType(f.Signature.Recv().Type(), 0, map[types.Type]bool{})
}

// returnsNilError reports whether every return of fn yields a nil error
// as its last result.
func returnsNilError(fn *ssa.Function, depth int) bool {
	if depth > 3 {
		return false
	}
	any := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		any = true
		if len(ret.Results) == 0 {
			return false
		}
		last := ret.Results[len(ret.Results)-1]
		if k, ok := last.(*ssa.Const); ok && k.IsNil() {
			continue
		}
		ex, ok := last.(*ssa.Extract)
		if !ok {
			return false
		}
		call, ok := ex.Tuple.(*ssa.Call)
		if !ok {
			return false
		}
		cc := call.Common()
		if dst, _, _, _ := writeCall(cc); dst != nil && cannotFailOrSticky(dst, fn) {
			continue
		}
		if g := cc.StaticCallee(); g != nil && g.Pkg == fn.Pkg && len(g.Blocks) > 0 && returnsNilError(g, depth+1) {
			continue
		}
		return false
	}
	return any
}

// inMemoryType reports whether values of t hold nothing that can fail a
// write: see methodCannotFail.
func inMemoryType(t types.Type, depth int, seen map[types.Type]bool) bool {
	if depth > 4 {
		return false
	}
	if seen[t] {
		return true
	}
	seen[t] = true
	if pkg, name := namedOf(t); pkg != "" {
		switch pkg + "." + name {
		case "bytes.Buffer", "strings.Builder", "sync.Mutex", "sync.RWMutex", "sync.Once", "sync.WaitGroup",
			"sync/atomic.Int64", "sync/atomic.Int32", "sync/atomic.Uint64", "sync/atomic.Uint32", "sync/atomic.Bool", "time.Time", "time.Duration":
			return true
		}
		if pkg == "hash" || pkg == "hash/crc32" || pkg == "hash/maphash" {
			return true
		}
		if ssax.IsStdPackage(pkg) {
			return false // os.File, net.Conn, and any other std type
		}
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer && u.Kind() != types.Uintptr
	case *types.Pointer:
		return inMemoryType(u.Elem(), depth+1, seen)
	case *types.Slice:
		return inMemoryType(u.Elem(), depth+1, seen)
	case *types.Array:
		return inMemoryType(u.Elem(), depth+1, seen)
	case *types.Map:
		return inMemoryType(u.Key(), depth+1, seen) && inMemoryType(u.Elem(), depth+1, seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !inMemoryType(u.Field(i).Type(), depth+1, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// isStdStream reports whether dst is os.Stdout or os.Stderr: a CLI's
// output. A write to a closed pipe on fd 1 or 2 kills a Go program with
// SIGPIPE (unless it handles the signal), so the loop does stop.
func isStdStream(dst ssa.Value) bool {
	load, ok := ssax.Unconvert(dst).(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Stdout" || g.Name() == "Stderr")
}

func isResponseWriter(dst ssa.Value) bool {
	for _, v := range []ssa.Value{dst, ssax.Unconvert(dst)} {
		if pkg, name := namedOf(v.Type()); pkg == "net/http" && name == "ResponseWriter" {
			return true
		}
	}
	return false
}

// readInto returns the source of the first read inside l whose data flows
// into data: the receiver of a read call (Read*, Recv*, Receive*,
// Scanner.Bytes/Text) whose result or filled buffer data derives from, or
// the channel of a receive whose value it derives from. It returns nil
// when data comes from no read of the loop.
func (c *checker) readInto(l *loops.Loop, data ssa.Value) ssa.Value {
	var src ssa.Value
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if src != nil || v == nil || seen[v] || depth > 8 {
			return
		}
		seen[v] = true
		if instr, ok := v.(ssa.Instruction); ok && instr.Block() != nil && !l.Contains(instr.Block()) {
			// Defined outside the loop: a buffer the loop's reads fill,
			// or an array or struct the loop fills (`row[0] = ev.ID`).
			if r := readFilling(l, v); r != nil {
				src = r
			} else if a, ok := v.(*ssa.Alloc); ok {
				for _, sv := range storedInLoop(l, a) {
					walk(sv, depth+1)
				}
			}
			return
		}
		switch x := v.(type) {
		case *ssa.Alloc:
			// A local array or struct (the variadic slice of fmt.Fprintf):
			// what the loop stores into it.
			for _, sv := range storedInLoop(l, x) {
				walk(sv, depth+1)
			}
		case *ssa.Field:
			walk(x.X, depth+1)
		case *ssa.FieldAddr:
			walk(x.X, depth+1)
		case *ssa.Slice:
			if r := readFilling(l, x.X); r != nil {
				src = r
				return
			}
			walk(x.X, depth+1)
		case *ssa.Extract:
			if sel, ok := x.Tuple.(*ssa.Select); ok && x.Index >= 2 {
				// The value of the (Index-2)th receive case.
				if ch := selectRecv(sel, x.Index-2); ch != nil && !loops.TimeChan(ch) {
					src = ch
				}
				return
			}
			walk(x.Tuple, depth+1)
		case *ssa.MakeInterface:
			walk(x.X, depth+1)
		case *ssa.ChangeType:
			walk(x.X, depth+1)
		case *ssa.Convert:
			walk(x.X, depth+1)
		case *ssa.BinOp:
			walk(x.X, depth+1)
			walk(x.Y, depth+1)
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, depth+1)
			}
		case *ssa.UnOp:
			if x.Op == token.ARROW {
				// A tick is pacing, not data: a sampler that writes
				// what it measures on every tick copies nothing.
				if !loops.TimeChan(x.X) {
					src = x.X
				}
				return
			}
			walk(x.X, depth+1)
		case *ssa.Select:
			for _, st := range x.States {
				if st.Dir == types.RecvOnly && !loops.TimeChan(st.Chan) {
					src = st.Chan
					return
				}
			}
		case *ssa.Call:
			if r := readRecv(x.Common()); r != nil {
				src = r
				return
			}
			// Data built from a read (json.Marshal(ev), fmt.Sprintf):
			// follow the arguments.
			for _, a := range x.Call.Args {
				walk(a, depth+1)
			}
		}
	}
	walk(data, 0)
	return src
}

// selectRecv returns the channel of sel's i-th receive case, or nil.
func selectRecv(sel *ssa.Select, i int) ssa.Value {
	for _, st := range sel.States {
		if st.Dir != types.RecvOnly {
			continue
		}
		if i == 0 {
			return st.Chan
		}
		i--
	}
	return nil
}

// storedInLoop returns the values that blocks of l store into a, or into
// an element or field of it (a[i] = v, a.f = v).
func storedInLoop(l *loops.Loop, a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	var addrs []ssa.Value
	addrs = append(addrs, a)
	for _, ref := range *a.Referrers() {
		switch r := ref.(type) {
		case *ssa.IndexAddr:
			addrs = append(addrs, r)
		case *ssa.FieldAddr:
			addrs = append(addrs, r)
		}
	}
	for _, addr := range addrs {
		if addr.Referrers() == nil {
			continue
		}
		for _, ref := range *addr.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == addr && l.Contains(st.Block()) && len(out) < 16 {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// readRecv returns the receiver of a read call, or nil.
func readRecv(cc *ssa.CallCommon) ssa.Value {
	fn := loops.FuncOf(cc)
	if fn == nil {
		return nil
	}
	recv := cc.Value
	if !cc.IsInvoke() {
		if len(cc.Args) == 0 || fn.Type().(*types.Signature).Recv() == nil {
			return nil
		}
		recv = cc.Args[0]
	}
	switch n := fn.Name(); {
	case n == "Bytes" || n == "Text":
		if pkg, name := namedOf(recv.Type()); pkg == "bufio" && name == "Scanner" {
			return recv
		}
	case len(n) >= 4 && n[:4] == "Read", len(n) >= 4 && n[:4] == "Recv", len(n) >= 7 && n[:7] == "Receive":
		if sig := cc.Signature(); sig.Results().Len() > 0 && isError(sig.Results().At(sig.Results().Len()-1).Type()) {
			return recv
		}
	}
	return nil
}

// readFilling returns the receiver of a read call inside l that is passed
// buf to fill (`n, err := r.Read(buf)`), or nil.
func readFilling(l *loops.Loop, buf ssa.Value) ssa.Value {
	if buf.Referrers() == nil {
		return nil
	}
	for _, ref := range *buf.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok || !l.Contains(call.Block()) {
			continue
		}
		if r := readRecv(call.Common()); r != nil {
			return r
		}
		// io.ReadFull(r, buf) and io.ReadAtLeast(r, buf, n).
		if f := call.Call.StaticCallee(); f != nil && f.Signature.Recv() == nil && len(call.Call.Args) >= 2 && call.Call.Args[1] == buf {
			if obj, ok := f.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg().Path() == "io" && (f.Name() == "ReadFull" || f.Name() == "ReadAtLeast") {
				return call.Call.Args[0]
			}
		}
	}
	return nil
}

// sameObject reports whether a and b certainly denote the same object:
// the same value, the same field of the same object, or the same global,
// through interface conversions and loads.
func sameObject(a, b ssa.Value, depth int) bool {
	a, b = ssax.Unconvert(a), ssax.Unconvert(b)
	if a == b {
		return true
	}
	if depth > 4 {
		return false
	}
	switch x := a.(type) {
	case *ssa.UnOp:
		y, ok := b.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && sameObject(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := b.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameObject(x.X, y.X, depth+1)
	case *ssa.Field:
		y, ok := b.(*ssa.Field)
		return ok && x.Field == y.Field && sameObject(x.X, y.X, depth+1)
	}
	return false
}

// counted reports whether the write's byte count is used.
func counted(call *ssa.Call) bool {
	if _, ok := call.Type().(*types.Tuple); !ok || call.Referrers() == nil {
		return false
	}
	for _, ref := range *call.Referrers() {
		ex, ok := ref.(*ssa.Extract)
		if !ok || ex.Index != 0 || ex.Referrers() == nil {
			continue
		}
		for _, r := range *ex.Referrers() {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return true
			}
		}
	}
	return false
}

// watchesDone reports whether a select of l has a case receiving from a
// Done() channel (a context's, or one of the same shape).
func watchesDone(l *loops.Loop) bool {
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			sel, ok := instr.(*ssa.Select)
			if !ok {
				continue
			}
			for _, st := range sel.States {
				if call, ok := st.Chan.(*ssa.Call); ok && st.Dir == types.RecvOnly {
					cc := call.Common()
					if cc.IsInvoke() && cc.Method.Name() == "Done" || cc.StaticCallee() != nil && cc.StaticCallee().Name() == "Done" {
						return true
					}
				}
			}
		}
	}
	return false
}

// sideOutput reports whether the write at call is a side output of a loop
// whose work goes elsewhere: the loop forwards what it reads with a send
// in a select that has a cancellation case, and no iteration passes both
// that send and the write (livekit's build stream writes the odd queue
// notice for a human and forwards every other line to a channel, guarded
// by ctx). Such a loop is not a copy loop to the writer: what it copies
// goes to the channel, and it stops when its context is cancelled. A write
// on the same iteration as the send, or a plain send that no cancellation
// can interrupt, does not make it one.
func sideOutput(l *loops.Loop, call *ssa.Call, cancel map[*ssa.BasicBlock]bool) bool {
	wb := call.Block()
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			sel, ok := instr.(*ssa.Select)
			if !ok || !sel.Blocking || !sendsWithCancel(sel, cancel) {
				continue
			}
			if !l.ReachesInIteration(wb, b) && !l.ReachesInIteration(b, wb) {
				return true
			}
		}
	}
	return false
}

// sendsWithCancel reports whether sel sends on a channel and has a case
// that begins a cancellation path.
func sendsWithCancel(sel *ssa.Select, cancel map[*ssa.BasicBlock]bool) bool {
	sends, cancels := false, false
	for i, st := range sel.States {
		switch st.Dir {
		case types.SendOnly:
			sends = true
		case types.RecvOnly:
			if cb := loops.SelectCase(sel, i); cb != nil && cancel[cb] {
				cancels = true
			}
		}
	}
	return sends && cancels
}
