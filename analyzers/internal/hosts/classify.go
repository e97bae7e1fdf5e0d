package hosts

import (
	"net/netip"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
)

// Locality is the class of a host. The policy's gateway
// list is not part of it: a reporter checks its gateways first, then asks
// Classify.
type Locality int

const (
	// Unknown: no host, an environment variable or parameter origin, or
	// text that is neither an IP address nor a DNS name. Silent by default;
	// strict mode warns "cannot prove local".
	LocalityUnknown Locality = iota
	// Local: this machine (loopback, unspecified, unix sockets, the
	// container-to-host names, *.localhost, and the policy's extra hosts).
	Local
	// Private: a private or link-local network, or a name that only
	// resolves inside one (single-label names, *.local, *.internal, *.lan,
	// *.home.arpa). Silent by default, local when the policy sets
	// allow_private, a warning in strict mode.
	Private
	// External: everything else, including every public IP and FQDN.
	External
)

// String returns "unknown", "local", "private" or "external".
func (l Locality) String() string {
	switch l {
	case Local:
		return "local"
	case Private:
		return "private"
	case External:
		return "external"
	}
	return "unknown"
}

// localNames are the container-runtime names of the host machine.
var localNames = map[string]bool{
	"localhost":                true,
	"host.docker.internal":     true,
	"host.containers.internal": true,
	"gateway.docker.internal":  true,
}

// privateSuffixes are name suffixes that resolve only on a private network.
var privateSuffixes = []string{".local", ".internal", ".lan", ".home.arpa"}

// cgnat is the carrier-grade NAT range (RFC 6598), private here.
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Classify decides the locality of a host, in this order:
// the policy's extra local hosts (policy.Local.Hosts), then the built-in
// local hosts, then private addresses and names, then external. host may
// carry a port ("localhost:11434", "[::1]:8080"), brackets, an IPv6 zone, a
// trailing dot or upper case, as written in code; a unix pseudo-host
// (UnixPrefix) is local.
//
// Built-in local: "localhost" and "*.localhost" (RFC 6761), 127.0.0.0/8,
// ::1, 0.0.0.0 and :: (dialing the unspecified address reaches loopback on
// Linux and macOS), IPv4-mapped forms of these, host.docker.internal,
// host.containers.internal and gateway.docker.internal.
//
// Private (not local, not external): RFC 1918 (10/8, 172.16/12,
// 192.168/16), ULA fc00::/7, CGNAT 100.64/10, link-local 169.254/16 (which
// holds the cloud metadata address) and fe80::/10; names ending in .local,
// .internal, .lan or .home.arpa; single-label names (compose services,
// Kubernetes short names). A private address may be a self-hosted model on
// the LAN or a gateway to the cloud, so it is reported neither as local nor
// as external: the policy decides (allow_private).
//
// An empty host, an environment origin ("$OLLAMA_HOST") and anything that is
// neither an IP address nor a DNS name are LocalityUnknown.
func Classify(host string, extraLocal []policy.HostPattern) Locality {
	raw := strings.TrimSpace(host)
	if raw == "" || strings.HasPrefix(raw, "$") {
		return LocalityUnknown
	}
	if strings.HasPrefix(strings.ToLower(raw), UnixPrefix) {
		return Local
	}
	for _, p := range extraLocal {
		if p.Match(raw) {
			return Local
		}
	}
	h := bareHost(raw)
	if h == "" {
		return LocalityUnknown
	}
	if a, err := netip.ParseAddr(h); err == nil {
		return classifyAddr(a.WithZone("").Unmap())
	}
	name, ok := normalizeHost(h)
	if !ok {
		return LocalityUnknown
	}
	labels := strings.Split(name, ".")
	if last := labels[len(labels)-1]; digits(last) {
		// "10.0.0" or "1.2.3.4.5": not an address, and no top-level
		// domain is numeric.
		return LocalityUnknown
	}
	switch {
	case localNames[name], strings.HasSuffix(name, ".localhost"):
		return Local
	case len(labels) == 1:
		return Private
	}
	for _, suf := range privateSuffixes {
		if strings.HasSuffix(name, suf) {
			return Private
		}
	}
	return External
}

// classifyAddr classifies an unmapped IP address without zone.
func classifyAddr(a netip.Addr) Locality {
	switch {
	case a.IsLoopback(), a.IsUnspecified():
		return Local
	case a.IsPrivate(), a.IsLinkLocalUnicast(), a.Is4() && cgnat.Contains(a):
		return Private
	}
	return External
}

// bareHost strips brackets, a port, an IPv6 zone and a trailing dot from a
// host as written in code. It returns "" for text it cannot read as a host.
func bareHost(h string) string {
	if strings.HasPrefix(h, "[") {
		end := strings.IndexByte(h, ']')
		if end < 0 {
			return ""
		}
		rest := h[end+1:]
		if rest != "" && (!strings.HasPrefix(rest, ":") || !digits(rest[1:])) {
			return ""
		}
		h = h[1:end]
	} else if strings.Count(h, ":") == 1 {
		var port string
		h, port, _ = strings.Cut(h, ":")
		if !digits(port) {
			return ""
		}
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}
