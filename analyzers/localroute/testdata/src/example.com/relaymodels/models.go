// Package relaymodels is croc's models package: the default relay is a
// bare host ("relay.example.com", no port) in an exported variable, which
// the package looks up in the DNS and then overwrites with the address
// it found, joined with the default port. Its other bare words are no
// hosts: a file name, a password, a greeting.
package relaymodels

import (
	"context"
	"fmt"
	"net"
	"os"
)

var (
	DefaultRelay  = "relay.example.com"
	DefaultPort   = "9009"
	DefaultPass   = "pass123"
	DefaultConfig = "relay.yaml"
	DefaultBanner = "welcome.example.org"
)

func init() {
	addr, err := lookup(DefaultRelay)
	if err == nil {
		DefaultRelay = net.JoinHostPort(addr, DefaultPort)
	} else {
		DefaultRelay = ""
	}
}

func lookup(host string) (string, error) { return localLookup(host) }

func localLookup(host string) (string, error) {
	r := &net.Resolver{}
	ips, err := r.LookupHost(context.Background(), host)
	if err != nil || len(ips) == 0 {
		return "", err
	}
	return ips[0], nil
}

// Config reads the configuration file.
func Config() ([]byte, error) { return os.ReadFile(DefaultConfig) }

// Banner greets the user.
func Banner() { fmt.Println(DefaultBanner, DefaultPass) }
