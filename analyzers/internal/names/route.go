package names

import (
	"fmt"
	"slices"
)

// routeVerbs start a name that moves data over a connection: the calls
// whose destination a "local" in the name speaks of.
var routeVerbs = set(
	"connect", "reconnect", "dial", "transfer", "send", "receive", "recv", "sync", "stream",
	"upload", "download", "push", "forward", "tunnel", "reach", "talk", "open", "join",
	"relay", "copy", "share", "exchange", "deliver", "post", "publish", "request", "fetch",
	"ping", "attach", "route", "pipe",
)

// routeNouns are what a locality word qualifies when it names the other
// end of a connection: "transferOverLocalRelay", "dialLocalServer".
var routeNouns = set(
	"relay", "server", "peer", "node", "daemon", "socket", "connection", "conn", "network",
	"lan", "link", "tunnel", "endpoint", "service", "agent", "broker", "loopback", "host", "machine",
)

// routePrepositions put a locality word after them in the place of the
// route: "sendOverLocal", "connectViaLocalhost".
var routePrepositions = set("over", "via", "through", "thru", "on", "to", "into")

// routeVetoes are nouns after "local" that are data about the route, not
// the route: "sendLocalAddr" sends an address.
var routeVetoes = set("addr", "address", "addrs", "addresses", "port", "ports", "ip", "ips", "config", "file", "files", "path", "dir", "cache", "storage", "time", "name", "id", "info", "settings", "state", "copy")

// routeHonest admit a route beyond the local one in a route name:
// "connectLocalOrRelay" admits the relay, "dialLocalThenPublic" the
// public host.
var routeHonest = set("or", "then", "else", "otherwise", "public", "fallback", "failover", "remote", "cloud", "external", "internet", "global", "wan", "any", "best", "prefer", "preferred", "first")

// PromisesLocalRoute reports whether a function's name promises that the
// connection it makes stays on this machine or this network, and why: a
// name that starts with a verb of moving data over a connection (transfer,
// send, connect, dial, ...) and puts a locality word (local, locally,
// localhost, loopback) in the place of the route, either qualifying the
// other end ("transferOverLocalRelay", "dialLocalServer") or after a
// preposition ("sendOverLocal", "connectToLocalhost").
//
// This is narrower than PromisesLocal's model promise, and it is a claim
// about the route only: reporters use it for a function that does dial a
// local address and also reaches an external host. Names that admit
// another route ("connectLocalOrRelay", "dialLocalFirst",
// "syncLocalThenPublic"), name data about the route ("sendLocalAddr") or
// carry a Config.ExtraHonestWords entry promise nothing.
func PromisesLocalRoute(name string, cfg Config) Promise {
	toks := Tokens(name)
	if len(toks) < 2 || !routeVerbs.has(toks[0]) {
		return Promise{Reason: noClaim}
	}
	for _, t := range toks {
		if routeHonest.has(t) || honestWords.has(t) && t != "api" || slices.Contains(cfg.ExtraHonestWords, t) {
			return Promise{Honest: true, Reason: fmt.Sprintf("name %q admits another route (word %q)", name, t)}
		}
	}
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t != "local" && t != "locally" && t != "localhost" && t != "loopback" {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		if routeVetoes.has(next) {
			continue
		}
		switch {
		case routeNouns.has(next):
			return Promise{Local: true, Reason: fmt.Sprintf("name %q promises a local route (%q qualifies %q)", name, t, next)}
		case routePrepositions.has(toks[i-1]):
			return Promise{Local: true, Reason: fmt.Sprintf("name %q promises a local route (%q %s)", name, toks[i-1], t)}
		case next == "" && (t == "locally" || t == "localhost" || t == "loopback" || t == "local"):
			return Promise{Local: true, Reason: fmt.Sprintf("name %q promises a local route (%q ends it)", name, t)}
		}
	}
	return Promise{Reason: noClaim}
}
