package vetunit

import (
	"go/ast"
	"go/token"
	"strconv"
)

// minTableElems is the number of numeric elements from which a package
// variable's literal counts as a data table (see trimTables). Tables that
// large are data: compression dictionaries, lookup and CRC tables, not
// configuration (ports, retry delays and sizes are a handful of values).
const minTableElems = 1024

// trimTables empties, before type-checking, the initialisers of package
// variables that are large array or slice literals of numbers only, such
// as the ~220,000 numbers of github.com/andybalholm/brotli's dictionary
// tables, which cost that fact-only unit ~300 MB to type-check and build
// into SSA (every element is an expression to type, then an address and
// a store in the package's init function).
//
// Nothing zombiecheck reports or exports can depend on their elements:
// a number is not a call, a function, a string or a host, and the
// variable keeps its type ([...]T becomes [N]T for the same N), so
// constant expressions such as len(table) keep their values and every
// other node keeps its position. A literal with a string, an identifier,
// a call, a function literal or a struct field key anywhere in it is left
// alone, and so is every literal inside a function.
func trimTables(files []*ast.File) {
	for _, f := range files {
		// Dropping an element's type name (dictWord{1, 2}) drops a use:
		// of an imported name that may be the import's only one, so
		// only an unqualified name counts, and none in a file whose dot
		// import it could be.
		typedElems := true
		for _, imp := range f.Imports {
			if imp.Name != nil && imp.Name.Name == "." {
				typedElems = false
			}
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for _, v := range vs.Values {
					trimTable(v, typedElems)
				}
			}
		}
	}
}

// trimTable empties lit if it is a large numeric array or slice literal.
// If typedElems, its inner literals may name their type (T{1, 2}).
func trimTable(e ast.Expr, typedElems bool) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok || lit.Incomplete {
		return
	}
	at, ok := lit.Type.(*ast.ArrayType)
	if !ok {
		return
	}
	n := 0
	for _, elt := range lit.Elts {
		if !numericElem(elt, typedElems, &n) {
			return
		}
	}
	if n < minTableElems {
		return
	}
	if _, ok := at.Len.(*ast.Ellipsis); ok {
		length, ok := literalLength(lit.Elts)
		if !ok {
			return
		}
		at = &ast.ArrayType{
			Lbrack: at.Lbrack,
			Len:    &ast.BasicLit{ValuePos: at.Len.Pos(), Kind: token.INT, Value: strconv.FormatInt(length, 10)},
			Elt:    at.Elt,
		}
		lit.Type = at
	}
	lit.Elts = nil
}

// numericElem reports whether e, an element of a composite literal, holds
// numbers only, adding their count to n: a number (possibly negated), an
// index key with a number, or an inner literal of such, untyped ({1, 2})
// or, if typedElems, of a type named by an unqualified name (T{1, 2}).
func numericElem(e ast.Expr, typedElems bool, n *int) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT, token.FLOAT, token.IMAG, token.CHAR:
			*n++
			return true
		}
		return false
	case *ast.UnaryExpr:
		if e.Op != token.SUB && e.Op != token.ADD {
			return false
		}
		return numericElem(e.X, typedElems, n)
	case *ast.ParenExpr:
		return numericElem(e.X, typedElems, n)
	case *ast.KeyValueExpr:
		key, ok := e.Key.(*ast.BasicLit)
		if !ok || key.Kind != token.INT {
			return false // a struct field or a constant's name
		}
		return numericElem(e.Value, typedElems, n)
	case *ast.CompositeLit:
		if e.Incomplete {
			return false
		}
		if _, named := e.Type.(*ast.Ident); e.Type != nil && !(named && typedElems) {
			return false
		}
		for _, elt := range e.Elts {
			if !numericElem(elt, typedElems, n) {
				return false
			}
		}
		return true
	}
	return false
}

// literalLength returns the length of the array a [...]T literal with
// these elements has: one past the largest index, keys included.
func literalLength(elts []ast.Expr) (int64, bool) {
	var next, length int64
	for _, elt := range elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			i, err := strconv.ParseInt(kv.Key.(*ast.BasicLit).Value, 0, 64)
			if err != nil || i < 0 {
				return 0, false
			}
			next = i
		}
		next++
		length = max(length, next)
	}
	return length, true
}
