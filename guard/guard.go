package guard

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
)

// Options configure a Guard. The zero value of every field but Policy or
// PolicyFile is a sensible default.
type Options struct {
	// Policy is the policy to enforce. If nil, PolicyFile is loaded; if
	// that is empty too, the .zombiecheck.yaml that policyfile.Find finds
	// from the working directory, else the defaults (which allow
	// everything external).
	Policy     *policyfile.Policy
	PolicyFile string

	// LocalOnly refuses every destination that local.hosts and the
	// built-in local hosts (localhost, 127.0.0.0/8, ::1, unix sockets) do
	// not call local, whatever egress says: the guardrail for a client
	// that promises a local model. egress.deny still applies on top.
	LocalOnly bool

	// ReportOnly logs and counts what would be refused, and refuses
	// nothing: for rolling a policy out.
	ReportOnly bool

	// Logger receives one warning per refused (or, in report-only mode,
	// would-be-refused) destination. Nil means no slog logging.
	Logger *slog.Logger
	// OnEvent, if set, is called for every check, allowed or not. It must
	// not block; a panic in it is recovered and ignored.
	OnEvent func(Event)

	// MaxHosts bounds the distinct host label values in the metrics;
	// further hosts are counted as "other". 0 means 100.
	MaxHosts int
}

// Event is one check the guard made.
type Event struct {
	Host    string // the host name or address checked, without port
	Addr    string // the resolved ip:port for a connect-time check; "" for a name check
	Allowed bool   // the policy allows it
	Refused bool   // the guard refused it (false in report-only mode)
	Rule    string // the deciding rule: egress.deny, egress.allow, egress.default, local.hosts, builtin-local, local-only
	File    string // the policy file; "" for the defaults
	Line    int    // the line of the deciding entry, or 0
}

// Guard enforces a policy's egress section on outgoing connections. It is
// safe for concurrent use.
type Guard struct {
	pol        *policyfile.Policy
	localOnly  bool
	reportOnly bool
	logger     *slog.Logger
	onEvent    func(Event)
	file       string // the policy file as errors show it
	metrics    *metrics
}

// Load returns a Guard that enforces the policy file at path. A missing,
// unreadable or malformed file is an error naming file:line:col and key,
// the same one the zombiecheck command prints.
func Load(path string) (*Guard, error) {
	return New(Options{PolicyFile: path})
}

// New returns a Guard for opts. The policy is loaded and validated here, so
// a broken policy fails at start-up, never at the first request.
func New(opts Options) (*Guard, error) {
	pol := opts.Policy
	if pol == nil {
		file := opts.PolicyFile
		if file == "" {
			if wd, err := os.Getwd(); err == nil {
				file, _ = policyfile.Find(wd)
			}
		}
		if file == "" {
			pol = policyfile.Default()
		} else {
			p, err := policyfile.Load(file)
			if err != nil {
				return nil, fmt.Errorf("guard: %w", err)
			}
			pol = p
		}
	}
	maxHosts := opts.MaxHosts
	if maxHosts <= 0 {
		maxHosts = 100
	}
	return &Guard{
		pol:        pol,
		localOnly:  opts.LocalOnly,
		reportOnly: opts.ReportOnly,
		logger:     opts.Logger,
		onEvent:    opts.OnEvent,
		file:       displayName(pol.File()),
		metrics:    newMetrics(maxHosts),
	}, nil
}

// displayName shortens an absolute policy path to one relative to the
// working directory when it lies below it.
func displayName(file string) string {
	if file == "" {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return file
}

// ForbiddenError is the error for a refused destination. Use errors.As to
// get it from an HTTP client's *url.Error.
type ForbiddenError struct {
	Host    string // the host name or address refused, without port
	Addr    string // for a connect-time refusal, the resolved ip:port; else ""
	Rule    string // egress.deny, egress.default or local-only
	Pattern string // the matching entry, or ""
	File    string // the policy file, or "" for the defaults
	Line    int    // the line of the matching entry, or 0
}

func (e *ForbiddenError) Error() string {
	var b strings.Builder
	b.WriteString("guard: ")
	if e.Addr != "" {
		fmt.Fprintf(&b, "connection to %s (checked at connect time, after name resolution)", e.Addr)
	} else {
		b.WriteString(e.Host)
	}
	where := e.File
	if where == "" {
		where = "the default policy"
	} else if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	switch e.Rule {
	case ruleLocalOnly:
		fmt.Fprintf(&b, " is not local, and this client is local-only (%s); point it at a local host, or add the host to local.hosts in %s if it really is local", ruleLocalOnly, orDefault(e.File))
	case policyfile.RuleDefault:
		fmt.Fprintf(&b, " is forbidden by %s (egress.default: deny; not in egress.allow); route the call to an allowed host, or add it to egress.allow in review", where)
	default:
		fmt.Fprintf(&b, " is forbidden by %s (%s", where, e.Rule)
		if e.Pattern != "" {
			fmt.Fprintf(&b, " %s", e.Pattern)
		}
		b.WriteString("); route the call to an allowed host, or change the policy in review")
	}
	return b.String()
}

func orDefault(file string) string {
	if file == "" {
		return FileNameHint
	}
	return file
}

// FileNameHint is the policy file name shown when the defaults apply.
const FileNameHint = policyfile.FileName

const ruleLocalOnly = "local-only"

// decide applies the policy to a host name or address. addrOnly is set for
// a connect-time check of an address whose name was already allowed: then
// only egress.deny can refuse it, so that a name in egress.allow or
// local.hosts may resolve to any address egress.deny does not forbid.
func (g *Guard) decide(host string, addrOnly bool) Event {
	d := g.pol.Egress(host)
	if d.Rule == policyfile.RuleDeny {
		return Event{Host: d.Host, Rule: d.Rule, File: g.file, Line: d.Line}
	}
	loc := g.pol.Local(host)
	if addrOnly {
		// The name passed; a local.hosts name such as a compose service
		// resolves to a private address, which must not undo that.
		return Event{Host: loc.Host, Allowed: true, Rule: policyfile.RuleAllow}
	}
	if g.localOnly {
		ev := Event{Host: loc.Host, Allowed: loc.Allowed, Rule: loc.Rule, Line: loc.Line}
		if loc.Rule == policyfile.RuleLocal {
			ev.File = g.file
		}
		if !loc.Allowed {
			ev.Rule, ev.File = ruleLocalOnly, g.file
		}
		return ev
	}
	if loc.Allowed {
		ev := Event{Host: loc.Host, Allowed: true, Rule: loc.Rule, Line: loc.Line}
		if loc.Rule == policyfile.RuleLocal {
			ev.File = g.file
		}
		return ev
	}
	return Event{Host: d.Host, Allowed: d.Allowed, Rule: d.Rule, File: g.file, Line: d.Line}
}

// check decides, records and, unless report-only, refuses.
func (g *Guard) check(ctx context.Context, host, addr string, addrOnly bool) error {
	ev := g.decide(host, addrOnly)
	ev.Addr = addr
	ev.Refused = !ev.Allowed && !g.reportOnly
	g.metrics.record(ev)
	g.emit(ctx, ev)
	if !ev.Refused {
		return nil
	}
	fe := &ForbiddenError{Host: ev.Host, Addr: addr, Rule: ev.Rule, File: ev.File, Line: ev.Line}
	if ev.Rule == policyfile.RuleDeny {
		fe.Pattern = g.pol.Egress(host).Pattern
	}
	return fe
}

func (g *Guard) emit(ctx context.Context, ev Event) {
	if g.onEvent != nil {
		func() {
			defer func() { _ = recover() }()
			g.onEvent(ev)
		}()
	}
	if g.logger == nil || ev.Allowed {
		return
	}
	msg := "guard: refused a forbidden destination"
	if !ev.Refused {
		msg = "guard: report-only: would refuse a forbidden destination"
	}
	g.logger.LogAttrs(ctx, slog.LevelWarn, msg,
		slog.String("host", ev.Host), slog.String("addr", ev.Addr), slog.String("rule", ev.Rule),
		slog.String("file", ev.File), slog.Int("line", ev.Line))
}

// Check applies the policy to host (a name or address, optionally with a
// port) as a request would, records it, and returns the *ForbiddenError a
// request would get, or nil. In report-only mode it returns nil.
func (g *Guard) Check(host string) error {
	return g.check(context.Background(), host, "", false)
}

// RoundTripper wraps base (http.DefaultTransport if nil) so that a request
// to a host the policy forbids fails before any connection is made. When
// base is http.DefaultTransport or an *http.Transport without its own
// DialContext, it is cloned and
// dials through Dialer, so the resolved address is checked at connect time
// too (CIDR rules such as 169.254.169.254/32, DNS rebinding). A transport
// with its own DialContext keeps it: wrap that dial function with
// DialContext to get the connect-time check.
func (g *Guard) RoundTripper(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	// http.DefaultTransport's own DialContext is a plain net.Dialer (30s
	// timeout and keep-alive), which the guard's default dialer matches.
	isDefault := base == http.DefaultTransport
	if t, ok := base.(*http.Transport); ok && (t.DialContext == nil || isDefault) && t.DialTLSContext == nil {
		t = t.Clone()
		t.DialContext = g.dialContext(nil, false) // RoundTrip checks the name
		base = t
	}
	return &roundTripper{g: g, base: base}
}

type roundTripper struct {
	g    *Guard
	base http.RoundTripper
}

func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL == nil {
		return rt.base.RoundTrip(req)
	}
	if err := rt.g.check(req.Context(), req.URL.Host, "", false); err != nil {
		if req.Body != nil {
			_ = req.Body.Close() // RoundTrip must close the body, even on errors
		}
		return nil, err
	}
	return rt.base.RoundTrip(req)
}
