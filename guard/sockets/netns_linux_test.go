//go:build linux

package sockets

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// netnsChildEnv makes the test binary, started by TestReadOtherNetns
// in a network namespace of its own, hold a listening socket and print its
// address until its stdin closes.
const netnsChildEnv = "ZOMBIECHECK_GUARD_NETNS_CHILD"

func init() {
	if os.Getenv(netnsChildEnv) != "1" {
		return
	}
	// A fresh namespace's loopback is down, but a wildcard listener
	// needs no interface.
	ln, err := net.Listen("tcp4", "0.0.0.0:0")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // hold until the parent is done
	os.Exit(0)
}

// startInOwnNetns starts the test binary as a netns child, first as root in
// a new network namespace, else in a new user namespace that owns one.
func startInOwnNetns(t *testing.T) (*exec.Cmd, netip.AddrPort) {
	t.Helper()
	attempts := []*syscall.SysProcAttr{
		{Cloneflags: syscall.CLONE_NEWNET},
		{
			Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET,
			UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
			GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
		},
	}
	var errs []error
	for _, attr := range attempts {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), netnsChildEnv+"=1")
		cmd.SysProcAttr = attr
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			errs = append(errs, err)
			continue
		}
		t.Cleanup(func() {
			stdin.Close()
			_ = cmd.Wait()
		})
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			t.Fatalf("netns child: %v", err)
		}
		ap, err := netip.ParseAddrPort(strings.TrimSpace(line))
		if err != nil {
			t.Fatalf("netns child printed %q", line)
		}
		return cmd, ap
	}
	t.Skipf("cannot start a process in its own network namespace here: %v", errors.Join(errs...))
	return nil, netip.AddrPort{}
}

// A process in another network namespace is invisible to our netlink
// socket, which answers for our namespace: Read must read that
// process's own /proc tables and find its listener.
func TestReadOtherNetns(t *testing.T) {
	skipUnlessLinux(t)
	cmd, addr := startInOwnNetns(t)
	pid := cmd.Process.Pid
	if sameNetns(procRoot + "/" + fmt.Sprint(pid)) {
		t.Fatal("the child shares our network namespace; the test proves nothing")
	}
	snap, err := Read(pid)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, so := range snap.Sockets {
		if so.State == StateListen && so.Local.Port() == addr.Port() {
			found = true
		}
	}
	if !found || snap.ByState[StateListen] != 1 {
		t.Errorf("child in its own netns listens on %s; Read(%d) found %+v", addr, pid, snap.Sockets)
	}
	// netlink alone answers for our namespace and so cannot see it.
	if nl, err := readSockets(pid, readNetlink); err == nil && len(nl.Sockets) != 0 {
		t.Errorf("netlink from our namespace saw the other namespace's sockets: %+v", nl.Sockets)
	}
}
