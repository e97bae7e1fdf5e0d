// Package fieldvalslib hands out a relay address through a function, and
// one it reads from the environment.
package fieldvalslib

import (
	"net"
	"os"
)

// DefaultRelay returns the public relay.
func DefaultRelay() string { return "lib-relay.example.net:9009" }

// EnvRelay returns what the user sets.
func EnvRelay() string { return os.Getenv("RELAY") }

func Dial(addr string) (net.Conn, error) { return net.Dial("tcp", addr) }
