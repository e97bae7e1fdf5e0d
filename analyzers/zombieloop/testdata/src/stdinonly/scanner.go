package stdinonly

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

type prompter struct {
	scanner *bufio.Scanner
	out     io.Writer
}

// ask prints the scanner's error and asks again: a Scanner keeps its
// error, so every later Scan returns false at once (shoutrrr's generator).
func (p *prompter) ask(prompt string) string {
	for { // want `calls Scanner\.Scan again at once after it returned false: a Scanner that has stopped \(at the end of its input or on an error, which it keeps\) returns false at once on every later call, so the loop spins; fix: leave the loop once Scan returns false`
		fmt.Fprint(p.out, prompt)
		if !p.scanner.Scan() {
			if err := p.scanner.Err(); err != nil {
				fmt.Fprintln(p.out, err.Error())
				continue
			}
			return ""
		}
		if s := p.scanner.Text(); s != "" {
			return s
		}
	}
}

// required asks until a value is given; at the end of input Scan returns
// false with a nil Err() and the loop asks again for ever. (shoutrrr's
// basic generator has this flaw as `for !valueValid { if sc.Scan() {
// value = sc.Text() }; if value == "" { continue } }`, which is still
// missed: the failure view cannot tell that value stays empty.)
func required(name string) (string, error) {
	sc := bufio.NewScanner(os.Stdin)
	for { // want `calls Scanner\.Scan again at once after it returned false`
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return "", err
			}
			fmt.Printf("%s is required\n", name)
			continue
		}
		if value := sc.Text(); value != "" {
			return value, nil
		}
	}
}

// askOnce leaves on any false Scan: silent.
func (p *prompter) askOnce(prompt string) (string, error) {
	for {
		fmt.Fprint(p.out, prompt)
		if !p.scanner.Scan() {
			return "", p.scanner.Err()
		}
		if s := p.scanner.Text(); s != "" {
			return s, nil
		}
	}
}

// breakOnEnd breaks when Scan returns false: silent.
func breakOnEnd(sc *bufio.Scanner) []string {
	var lines []string
	for {
		if !sc.Scan() {
			break
		}
		lines = append(lines, sc.Text())
	}
	return lines
}

// errorOrEnd returns on both the error and the end of input: silent.
func errorOrEnd(sc *bufio.Scanner) (string, error) {
	for {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return "", err
			}
			return "", io.EOF
		}
		if t := sc.Text(); t != "" {
			return t, nil
		}
	}
}

// newScannerEachTime makes a new Scanner each time round, over a reader
// that may have more: each Scan is a first Scan, not a stopped one.
func newScannerEachTime(r io.Reader) string {
	for {
		sc := bufio.NewScanner(r)
		if !sc.Scan() {
			continue
		}
		return sc.Text()
	}
}
