package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
	"github.com/zombiecheck/zombiecheck/guard/sockets"
)

const socketsUsage = `usage: zombiecheck sockets [-max-closewait N] [-max-fds N] [-policy file] PID

Prints the TCP sockets of a running process by state and peer, CLOSE_WAIT
first: each CLOSE_WAIT socket is a connection the peer closed and the
process did not (usually a response body that is never closed). Peers are
named from the policy where a local.hosts or egress entry matches their
address. Linux only (reads /proc/PID/net/tcp, tcp6 and /proc/PID/fd).

Exit codes: 0 at or under the thresholds, 1 above one, 2 on error (no such
process, no permission, not supported on this platform).
`

// socketsMain runs `zombiecheck sockets`: the forensic view of a process
// that is already running, for a cron job, a systemd timer or a probe.
func socketsMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zombiecheck sockets", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, socketsUsage, "\nFlags:\n"); fs.PrintDefaults() }
	maxCloseWait := fs.Int("max-closewait", 50, "exit 1 when the process has more than `N` sockets in CLOSE_WAIT (negative: no limit)")
	maxFDs := fs.Int("max-fds", 0, "exit 1 when the process has more than `N` open descriptors (0: no limit)")
	policyPath := fs.String("policy", "", "policy `file` used to name peers (default: .zombiecheck.yaml found from the current directory, else none)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, socketsUsage)
		return exitError
	}
	pid, err := strconv.Atoi(fs.Arg(0))
	if err != nil || pid <= 0 {
		fmt.Fprintf(stderr, "zombiecheck sockets: %q is not a process id\n", fs.Arg(0))
		return exitError
	}
	pol, err := socketsPolicy(*policyPath)
	if err != nil {
		fmt.Fprintf(stderr, "zombiecheck sockets: %v\n", err)
		return exitError
	}
	snap, err := sockets.Read(pid)
	if err != nil {
		fmt.Fprintf(stderr, "zombiecheck sockets: %v\n", err)
		return exitError
	}
	writeSockets(stdout, snap, pol)

	over := false
	if cw := snap.CloseWait(); *maxCloseWait >= 0 && cw > *maxCloseWait {
		fmt.Fprintf(stdout, "\nFAIL: %d sockets in CLOSE_WAIT, above the limit of %d: the process leaves connections open after the peer closed them; close every response body (defer resp.Body.Close()) and reuse one http.Client\n", cw, *maxCloseWait)
		over = true
	}
	if *maxFDs > 0 && snap.FDs > *maxFDs {
		fmt.Fprintf(stdout, "\nFAIL: %d open descriptors, above the limit of %d\n", snap.FDs, *maxFDs)
		over = true
	}
	if over {
		return exitFindings
	}
	return exitClean
}

// socketsPolicy loads the named policy, or the one found from the current
// directory, or none (nil) when there is no file: naming peers is optional.
func socketsPolicy(path string) (*policyfile.Policy, error) {
	if path != "" {
		return policyfile.Load(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil
	}
	if file, ok := policyfile.Find(wd); ok {
		return policyfile.Load(file)
	}
	return nil, nil
}

func writeSockets(w io.Writer, snap sockets.Snapshot, pol *policyfile.Policy) {
	fmt.Fprintf(w, "process %d: %d open descriptors, %d TCP sockets, %d in CLOSE_WAIT\n", snap.PID, snap.FDs, len(snap.Sockets), snap.CloseWait())
	if len(snap.Sockets) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-12s %6s  %s\n", "STATE", "COUNT", "PEER")
	for _, g := range snap.Groups() {
		peer := g.Remote.String()
		switch {
		case g.Inbound:
			peer = fmt.Sprintf("%s -> local port %d", g.Remote.Addr(), g.Port)
		case g.State == sockets.StateListen:
			peer = "listening on " + peer
		}
		if name := peerName(pol, g); name != "" {
			peer += "  (" + name + ")"
		}
		fmt.Fprintf(w, "%-12s %6d  %s\n", g.State, g.Count, peer)
	}
}

// peerName says what the policy calls a peer's address: a local.hosts
// entry, or the egress entry that allows or denies it. Only entries that
// name addresses can match, since the kernel knows no host names.
func peerName(pol *policyfile.Policy, g sockets.Group) string {
	if pol == nil || g.State == sockets.StateListen || !g.Remote.Addr().IsValid() {
		return ""
	}
	addr := g.Remote.Addr().String()
	if d := pol.Local(addr); d.Rule == policyfile.RuleLocal {
		return fmt.Sprintf("local.hosts %s, %s:%d", d.Pattern, d.File, d.Line)
	}
	if d := pol.Egress(addr); d.Pattern != "" {
		return fmt.Sprintf("%s %s, %s:%d", d.Rule, d.Pattern, d.File, d.Line)
	}
	return ""
}
