// Package guard enforces zombiecheck's policy file, .zombiecheck.yaml, at
// run time: the companion to the static egress and localroute analyzers for
// the hosts no analyzer can resolve (configuration, environment, model
// routers; what egress/unresolved reports).
//
// A Guard wraps an http.RoundTripper so that a request to a host the
// policy's egress section forbids fails before any connection is made, with
// a *ForbiddenError that names the host, the rule and the policy file and
// line:
//
//	guard: openrouter.ai is forbidden by .zombiecheck.yaml:14 (egress.deny openrouter.ai); ...
//
// One line enforces the same rule the analyzers check:
//
//	g, err := guard.Load(".zombiecheck.yaml") // a broken policy fails here, not at the first request
//	client.Transport = g.RoundTripper(http.DefaultTransport)
//
// Names are checked before the request; resolved addresses are checked at
// connect time through net.Dialer's Control hook, so CIDR entries such as
// 169.254.169.254/32 and DNS rebinding are covered. For gRPC, websockets
// and raw TCP use Dialer, DialContext or DialControl.
//
// Decisions follow the analyzers: egress.deny wins; local hosts
// (local.hosts and the built-in localhost, 127.0.0.0/8, ::1, unix sockets)
// pass; then egress.allow; then egress.default. Unlike the analyzers, which
// stay silent on private addresses they cannot judge, the guard applies
// egress.default to them: list them in egress.allow or local.hosts. At
// connect time an address whose name was allowed is refused only by
// egress.deny: a local.hosts name such as a compose service "ollama"
// resolves to a private address, and an allowed API name to a public one.
// DialControl and Dialer see no name, so they apply the whole policy to
// the address.
//
// Options.LocalOnly refuses every destination that is not local: the
// guardrail for a client that promises a local model. Options.ReportOnly
// logs and counts instead of refusing, for rolling a policy out.
//
// WriteMetrics and MetricsHandler expose allowed, refused and reported
// requests by host and rule in the Prometheus text exposition format; the
// number of distinct host labels is capped (Options.MaxHosts) and the rest
// are counted as "other".
//
// The package depends only on the standard library and the policy loader.
package guard
