// Command relaycroc is croc's cli package: the app's "relay" flag takes
// its default from relaymodels.DefaultRelay, a bare host, and the serve
// subcommand declares its own "relay" flag with another host. The report
// cites the app's flag and its host, not the subcommand's.
package main

import (
	"example.com/cli"
	"example.com/relaylib"
	"example.com/relaymodels"
)

var app = &cli.App{
	Commands: []*cli.Command{{Name: "serve", Action: serve, Flags: []cli.Flag{
		&cli.StringFlag{Name: "relay", Value: "upstream.example.com"},
	}}},
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "relay", Value: relaymodels.DefaultRelay, Usage: "address of the relay"},
		// Bare words of relaymodels that it does not use as hosts.
		&cli.StringFlag{Name: "config", Value: relaymodels.DefaultConfig},
		&cli.StringFlag{Name: "banner", Value: relaymodels.DefaultBanner},
		&cli.StringFlag{Name: "pass", Value: relaymodels.DefaultPass},
	},
}

func serve(c *cli.Context) error { return nil }

func send(c *cli.Context) error {
	o := relaylib.Options{
		RelayAddress: c.String("relay"), // want `Options.RelayAddress gets the default "relay.example.com" here \(cli flag "relay" default at main.go:18\), the external host relay.example.com, which \(\*relaylib.Client\).transferOverLocalRelay dials \(as an element of relays\) besides the local 127.0.0.1 although it promises a local route`
		DirectRelay:  c.String("config"),
		LocalRelay:   c.String("banner"),
		SocketRelay:  c.String("pass"),
	}
	cl := &relaylib.Client{Options: o}
	return cl.Run()
}

func main() { _ = send(&cli.Context{}) }
