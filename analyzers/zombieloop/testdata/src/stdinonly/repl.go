// Package stdinonly imports nothing of the network: it is judged because it
// imports bufio and calls one of bufio.Reader's reads (summary.NeedsAnalysis).
package stdinonly

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func eval(string) string { return "" }

func repl() {
	in := bufio.NewReader(os.Stdin)
	for { // want `reads Reader\.ReadString again at once when it fails.*, and its error is discarded`
		fmt.Print("> ")
		line, _ := in.ReadString('\n')
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fmt.Println(eval(line))
	}
}

// Silent: it stops at the end of the input.
func replStopsAtEOF() error {
	in := bufio.NewReader(os.Stdin)
	for {
		line, err := in.ReadString('\n')
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Println(eval(line))
	}
}

// Silent: a Scanner's loop ends when Scan returns false.
func scanLines() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		fmt.Println(eval(sc.Text()))
	}
}
