// Command relayapp gives relaylib's options their defaults, from
// urfave/cli-shaped flags and from the flag package. Only the fields a
// local-route function dials besides its local address, with a public
// default, are reported, at the store that gives the default.
package main

import (
	"flag"

	"example.com/cli"
	"example.com/relaylib"
)

var app = &cli.App{
	// A subcommand's own "relay" flag is not the app's.
	Commands: []*cli.Command{{Name: "serve", Action: serve, Flags: []cli.Flag{
		&cli.StringFlag{Name: "relay", Value: "upstream.example.com"},
	}}},
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "relay", Value: "relay.example.net:9009", Usage: "address of the relay"},
		&cli.StringFlag{Name: "local-relay", Value: "localhost:9010"},
		&cli.StringFlag{Name: "empty-relay", Value: ""},
		&cli.StringFlag{Name: "socket", Value: "/run/relay.sock"},
	},
}

func serve(c *cli.Context) error { return nil }

func send(c *cli.Context) error {
	o := relaylib.Options{
		RelayAddress: c.String("relay"), // want `Options.RelayAddress gets the default "relay.example.net:9009" here \(cli flag "relay" default at main.go:20\), the external host relay.example.net, which \(\*relaylib.Client\).transferOverLocalRelay dials \(as an element of relays\) besides the local 127.0.0.1 although it promises a local route: \(\*relaylib.Client\).transferOverLocalRelay → \(\*relaylib.Client\).remember \(relaylib.go:\d+:\d+\) puts Options.RelayAddress into relays; then \(\*relaylib.Client\).transferOverLocalRelay → \(\*relaylib.Client\).reconnect \(relaylib.go:\d+:\d+\) → relaylib.dial \(relaylib.go:\d+:\d+\) → net.Dial \(relaylib.go:\d+:\d+\) \[name "transferOverLocalRelay" promises a local route .*\]; pass a local address here when the local route is meant, keep Options.RelayAddress off transferOverLocalRelay's route, or rename transferOverLocalRelay to admit the external route`
		LocalRelay:   c.String("local-relay"),
		EmptyRelay:   c.String("empty-relay"),
		SocketRelay:  c.String("socket"),
		PlainRelay:   c.String("relay"),
		LogRelay:     c.String("relay"),
		GatedRelay:   c.String("relay"),
		FirstRelay:   c.String("relay"),
	}
	cl := &relaylib.Client{Options: o}
	return cl.Run()
}

func main() {
	var o relaylib.Options
	flag.StringVar(&o.DirectRelay, "direct", "sync.example.org:443", "sync server") // want `Options.DirectRelay gets the default "sync.example.org:443" here \(flag "direct" default at main.go:\d+\), the external host sync.example.org, which \(\*relaylib.Client\).syncLocally dials besides the local localhost although it promises a local route: \(\*relaylib.Client\).syncLocally → relaylib.dial \(relaylib.go:\d+:\d+\) → net.Dial \(relaylib.go:\d+:\d+\) \[name "syncLocally" promises a local route .*\]; pass a local address here`
	// Declared, but the field is set to a local address, not from it.
	_ = flag.String("relay2", "relay2.example.net:9009", "unused")
	o.LocalRelay = "127.0.0.1:9011"
	flag.Parse()
	_ = send(&cli.Context{})
	cl := &relaylib.Client{Options: o}
	_ = cl.Run()
}
