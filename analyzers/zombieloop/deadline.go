package zombieloop

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/httptypes"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/loops"
)

// deadlinePaced reports whether loop l sets an I/O deadline, each time
// round, on the receiver of call: conn.SetDeadline or SetReadDeadline
// before a read, SetWriteDeadline before a write. Such a call blocks until
// its deadline before it fails with a timeout, so its failure path waits:
// a read loop that polls a socket every 250ms is not a hot retry.
func deadlinePaced(call *ssa.Call, l *loops.Loop) bool {
	recv := receiverOf(call.Common())
	if recv == nil {
		return false
	}
	name := call.Common().Method
	var method string
	if name != nil {
		method = name.Name()
	} else if f := call.Common().StaticCallee(); f != nil {
		method = f.Name()
	}
	setters := map[string]bool{"SetDeadline": true}
	switch {
	case strings.HasPrefix(method, "Read") || strings.HasPrefix(method, "Accept"):
		setters["SetReadDeadline"] = true
	case strings.HasPrefix(method, "Write"):
		setters["SetWriteDeadline"] = true
	default:
		return false
	}
	for _, b := range l.Blocks {
		for _, instr := range b.Instrs {
			set, ok := instr.(ssa.CallInstruction)
			if !ok || set == ssa.CallInstruction(call) {
				continue
			}
			cc := set.Common()
			var setter string
			if cc.Method != nil {
				setter = cc.Method.Name()
			} else if f := cc.StaticCallee(); f != nil && f.Signature.Recv() != nil {
				setter = f.Name()
			}
			if setters[setter] && sameValue(receiverOf(cc), recv) {
				return true
			}
		}
	}
	return false
}

// receiverOf returns the receiver of a method call, or nil for a call
// that is not one.
func receiverOf(cc *ssa.CallCommon) ssa.Value {
	if cc.IsInvoke() {
		return cc.Value
	}
	if f := cc.StaticCallee(); f != nil && f.Signature.Recv() != nil && len(cc.Args) > 0 {
		return cc.Args[0]
	}
	return nil
}

// sameValue reports whether a and b are the same value once interface
// wrapping, conversions and loads of single-assignment locals are seen
// through.
func sameValue(a, b ssa.Value) bool {
	if a == nil || b == nil {
		return false
	}
	return strip(a) == strip(b)
}

func strip(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.FieldAddr:
			// A promoted method (UDPConn.SetDeadline is conn's) is called
			// on the embedded field's address.
			if !embeddedField(x.X.Type(), x.Field) {
				return v
			}
			v = x.X
		default:
			r := loops.Root(v)
			if r == v {
				return v
			}
			v = r
		}
	}
	return v
}

// embeddedField reports whether field i of the struct that ptr points to
// is embedded.
func embeddedField(ptr types.Type, i int) bool {
	p, ok := ptr.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	return ok && i < st.NumFields() && st.Field(i).Embedded()
}

// deadlineDone reports whether loop l selects on the Done channel of a
// context that its function derived with a deadline (context.WithTimeout,
// WithDeadline): however the loop paces its retries, it stops when the
// deadline passes.
func deadlineDone(l *loops.Loop, doneCases []loops.DoneCase) bool {
	for _, dc := range doneCases {
		if !l.Contains(dc.Select.Block()) {
			continue
		}
		for _, st := range dc.Select.States {
			if st.Pos != dc.Pos {
				continue
			}
			call, ok := st.Chan.(*ssa.Call)
			if !ok {
				continue
			}
			c := call.Common()
			ctx := c.Value
			if !c.IsInvoke() {
				if len(c.Args) != 1 {
					continue
				}
				ctx = c.Args[0]
			}
			if httptypes.CtxHasDeadline(ctx) {
				return true
			}
		}
	}
	return false
}
