package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

const leakChildEnv = "ZOMBIECHECK_TEST_LEAK_SOCKETS"

// leakSocketsChild is the process TestSocketsCommand inspects: it opens n
// loopback connections to a listener that closes each one at once, never
// closes its own ends (each goes to CLOSE_WAIT, as an unclosed response
// body does), prints "ready" and waits for stdin to close.
func leakSocketsChild(arg string) {
	n, err := strconv.Atoi(arg)
	if err != nil {
		os.Exit(3)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.Exit(3)
	}
	accepted := make(chan struct{})
	go func() {
		for range n {
			c, err := ln.Accept()
			if err != nil {
				os.Exit(3)
			}
			c.Close() // the peer closes; the client end below never does
		}
		close(accepted)
	}()
	var keep []net.Conn
	for range n {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			os.Exit(3)
		}
		keep = append(keep, c)
	}
	<-accepted
	ln.Close()
	// Wait for the FINs to arrive, so every client end is in CLOSE_WAIT.
	time.Sleep(200 * time.Millisecond)
	fmt.Println("ready")
	buf := make([]byte, 1)
	os.Stdin.Read(buf) // until the parent closes the pipe
	runtime.KeepAlive(keep)
	os.Exit(0)
}

func TestSocketsCommand(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("zombiecheck sockets reads /proc: Linux only")
	}
	const leaked = 7
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), leakChildEnv+"="+strconv.Itoa(leaked))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		ready <- line
	}()
	select {
	case line := <-ready:
		if strings.TrimSpace(line) != "ready" {
			t.Fatalf("child said %q", line)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("child did not get ready")
	}
	pid := strconv.Itoa(cmd.Process.Pid)

	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := socketsMain(append(args, pid), &out, &errOut)
		return code, out.String(), errOut.String()
	}

	// Above the threshold: exit 1, CLOSE_WAIT first with the exact count.
	code, out, _ := run("-max-closewait", strconv.Itoa(leaked-1), "-policy", writeSocketsPolicy(t))
	if code != exitFindings {
		t.Errorf("exit %d above the threshold, want %d\n%s", code, exitFindings, out)
	}
	if !strings.Contains(out, fmt.Sprintf("%d in CLOSE_WAIT", leaked)) {
		t.Errorf("summary does not count %d CLOSE_WAIT sockets:\n%s", leaked, out)
	}
	t.Logf("zombiecheck sockets output:\n%s", out)
	lines := strings.Split(out, "\n")
	var first string
	for i, l := range lines {
		if strings.HasPrefix(l, "STATE") && i+1 < len(lines) {
			first = lines[i+1]
			break
		}
	}
	if !strings.HasPrefix(first, "CLOSE_WAIT") || !strings.Contains(first, " "+strconv.Itoa(leaked)+"  127.0.0.1:") {
		t.Errorf("first group is %q, want the %d CLOSE_WAIT sockets to 127.0.0.1", first, leaked)
	}
	if !strings.Contains(first, "local.hosts 127.0.0.0/8") {
		t.Errorf("peer not named from the policy: %q", first)
	}

	// At the threshold: exit 0.
	if code, out, _ := run("-max-closewait", strconv.Itoa(leaked)); code != exitClean {
		t.Errorf("exit %d at the threshold, want 0\n%s", code, out)
	}
	// Descriptor limit.
	if code, _, _ := run("-max-closewait", "-1", "-max-fds", "1"); code != exitFindings {
		t.Errorf("exit %d above -max-fds 1, want %d", code, exitFindings)
	}
}

func TestSocketsCommandErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{}, {"notapid"}, {"-1"}, {"1", "2"}} {
		out.Reset()
		errOut.Reset()
		if code := socketsMain(args, &out, &errOut); code != exitError {
			t.Errorf("sockets %q: exit %d, want %d", args, code, exitError)
		}
	}
	if runtime.GOOS == "linux" {
		// A pid that cannot exist (above the kernel's pid_max ceiling).
		errOut.Reset()
		if code := socketsMain([]string{"99999999"}, &out, &errOut); code != exitError || errOut.Len() == 0 {
			t.Errorf("missing process: exit %d, stderr %q", code, errOut.String())
		}
	}
	errOut.Reset()
	bad := t.TempDir() + "/bad.yaml"
	os.WriteFile(bad, []byte("version: 1\ndefualt: x\n"), 0o666)
	if code := socketsMain([]string{"-policy", bad, "1"}, &out, &errOut); code != exitError || !strings.Contains(errOut.String(), "bad.yaml:2") {
		t.Errorf("bad policy: exit %d, stderr %q", code, errOut.String())
	}
}

func writeSocketsPolicy(t *testing.T) string {
	t.Helper()
	p := t.TempDir() + "/.zombiecheck.yaml"
	if err := os.WriteFile(p, []byte("version: 1\nlocal:\n  hosts:\n    - 127.0.0.0/8\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	return p
}
