package dropwrite

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"time"
)

// A supervisor relays its child's output (syncthing cmd/syncthing/monitor.go
// copyStderr and copyStdout): it must read the pipes to the end or the
// child blocks, whatever becomes of the log it writes to.
func supervise(binary string, logFile io.Writer) error {
	cmd := exec.Command(binary)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	dst := io.MultiWriter(os.Stdout, logFile)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		copyStderr(stderr, dst)
		wg.Done()
	}()
	go func() {
		defer wg.Done()
		copyStdout(stdout, dst)
	}()
	wg.Wait()
	return cmd.Wait()
}

func copyStderr(stderr io.Reader, dst io.Writer) {
	br := bufio.NewReader(stderr)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		dst.Write([]byte(line))
	}
}

func copyStdout(stdout io.Reader, dst io.Writer) {
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		io.WriteString(dst, sc.Text())
	}
}

// The pipe read in the function that opens it.
func relayInline(cmd *exec.Cmd, dst io.Writer) error {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	buf := make([]byte, 4096)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			dst.Write(buf[:n])
		}
		if err != nil {
			break
		}
	}
	return cmd.Wait()
}

// ---- positives: the relay helper is also fed something else ----

// relayLines is called with a child's pipe and with a file: the file copy
// goes on after a failed write.
func relayLines(src io.Reader, dst io.Writer) {
	br := bufio.NewReader(src)
	for { // want `error from Writer\.Write discarded in a copy loop`
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		dst.Write([]byte(line))
	}
}

func feedRelay(cmd *exec.Cmd, path string, dst io.Writer) error {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	relayLines(out, dst)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	relayLines(f, dst)
	return nil
}

// An exported relay: callers outside the package are unknown.
func RelayChild(src io.Reader, dst io.Writer) {
	sc := bufio.NewScanner(src)
	for sc.Scan() { // want `error from io\.WriteString discarded in a copy loop`
		io.WriteString(dst, strings.ToUpper(sc.Text()))
	}
}

// A relay passed as a func value: its callers are unknown.
func relayValue(src io.Reader, dst io.Writer) {
	sc := bufio.NewScanner(src)
	for sc.Scan() { // want `error from io\.WriteString discarded in a copy loop`
		io.WriteString(dst, sc.Text())
	}
}

func useRelayValue(cmd *exec.Cmd, dst io.Writer) error {
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	apply(relayValue, out, dst)
	return nil
}

func apply(f func(io.Reader, io.Writer), r io.Reader, w io.Writer) { f(r, w) }

// A sampler writes what it measures on every tick (syncthing
// cmd/syncthing/perfstats_unix.go savePerfStats): the tick is pacing, not
// a source being copied.
func sampleStats(fd *os.File) {
	var ms runtime.MemStats
	t0 := time.Now()
	for t := range time.NewTicker(250 * time.Millisecond).C {
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(fd, "%d\t%d\n", t.Sub(t0).Milliseconds(), ms.Alloc)
	}
}

// The same with a select on a ticker and ctx.
func sampleSelect(ctx context.Context, fd *os.File, tk *time.Ticker) {
	for {
		select {
		case <-ctx.Done():
			return
		case t := <-tk.C:
			fmt.Fprintln(fd, t.Unix())
		}
	}
}

// A ticker paces a loop that copies what it receives from a channel: the
// channel is still a source.
func drainTicks(fd *os.File, lines <-chan string) {
	tk := time.NewTicker(time.Second)
	for { // want `error from fmt\.Fprintln discarded in a copy loop`
		select {
		case l := <-lines:
			fmt.Fprintln(fd, l)
		case t := <-tk.C:
			fmt.Fprintln(fd, t.Unix())
		}
	}
}
