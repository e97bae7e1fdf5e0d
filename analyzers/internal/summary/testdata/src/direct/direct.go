// Package direct imports net directly.
package direct

import "net"

func Dial(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
