// Package exposition reads the Prometheus text exposition format (version
// 0.0.4) strictly, for guard's own tests: every line must be a HELP or TYPE
// comment, another comment, or a sample of a valid metric name with valid,
// correctly escaped labels and a float value; a family's TYPE must come
// before its samples and appear once. guard/promcheck checks the same
// output with Prometheus's own parser, in a module of its own so that this
// module does not require Prometheus's.
package exposition

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Type is a metric family's declared type.
type Type int

// The types guard writes, and untyped for a family with no TYPE line.
const (
	Untyped Type = iota
	Counter
	Gauge
)

// Family is one metric family.
type Family struct {
	Name, Help string
	Type       Type
	Metric     []*Metric
}

// Metric is one sample.
type Metric struct {
	Label []*LabelPair
	Value float64
}

// LabelPair is one label of a sample.
type LabelPair struct{ Name, Value string }

// GetMetric returns f's samples.
func (f *Family) GetMetric() []*Metric {
	if f == nil {
		return nil
	}
	return f.Metric
}

// GetType returns f's type (Untyped for a nil family).
func (f *Family) GetType() Type {
	if f == nil {
		return Untyped
	}
	return f.Type
}

// GetHelp returns f's help text.
func (f *Family) GetHelp() string {
	if f == nil {
		return ""
	}
	return f.Help
}

// GetLabel returns m's labels.
func (m *Metric) GetLabel() []*LabelPair { return m.Label }

// GetName returns the label's name.
func (l *LabelPair) GetName() string { return l.Name }

// GetValue returns the label's value.
func (l *LabelPair) GetValue() string { return l.Value }

// Parse reads the exposition in r into families by name.
func Parse(r io.Reader) (map[string]*Family, error) {
	fams := map[string]*Family{}
	typed := map[string]bool{}
	seen := map[string]bool{} // name+labels, to refuse a repeated series
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			fields := strings.SplitN(strings.TrimPrefix(line, "#"), " ", 4)
			if len(fields) < 3 || fields[0] != "" || (fields[1] != "HELP" && fields[1] != "TYPE") {
				continue // another comment
			}
			name := fields[2]
			if !validName(name, true) {
				return nil, fmt.Errorf("line %d: invalid metric name %q", n, name)
			}
			f := family(fams, name)
			rest := ""
			if len(fields) == 4 {
				rest = fields[3]
			}
			switch fields[1] {
			case "HELP":
				f.Help = rest
			case "TYPE":
				if typed[name] {
					return nil, fmt.Errorf("line %d: second TYPE for %s", n, name)
				}
				if len(f.Metric) > 0 {
					return nil, fmt.Errorf("line %d: TYPE for %s after its samples", n, name)
				}
				typed[name] = true
				switch rest {
				case "counter":
					f.Type = Counter
				case "gauge":
					f.Type = Gauge
				case "untyped":
				default:
					return nil, fmt.Errorf("line %d: unknown type %q", n, rest)
				}
			}
			continue
		}
		name, labels, value, err := sample(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		key := name + "{" + fmt.Sprint(labels) + "}"
		if seen[key] {
			return nil, fmt.Errorf("line %d: series %s repeated", n, key)
		}
		seen[key] = true
		f := family(fams, name)
		f.Metric = append(f.Metric, &Metric{Label: labels, Value: value})
	}
	return fams, sc.Err()
}

func family(fams map[string]*Family, name string) *Family {
	f := fams[name]
	if f == nil {
		f = &Family{Name: name}
		fams[name] = f
	}
	return f
}

// sample parses `name{a="x",b="y"} value [timestamp]`.
func sample(line string) (string, []*LabelPair, float64, error) {
	i := strings.IndexAny(line, "{ ")
	if i <= 0 {
		return "", nil, 0, fmt.Errorf("no value in %q", line)
	}
	name := line[:i]
	if !validName(name, true) {
		return "", nil, 0, fmt.Errorf("invalid metric name %q", name)
	}
	rest := line[i:]
	var labels []*LabelPair
	if strings.HasPrefix(rest, "{") {
		rest = rest[1:]
		for {
			if strings.HasPrefix(rest, "}") {
				rest = rest[1:]
				break
			}
			eq := strings.IndexByte(rest, '=')
			if eq <= 0 || !validName(rest[:eq], false) {
				return "", nil, 0, fmt.Errorf("invalid label in %q", line)
			}
			lname := rest[:eq]
			rest = rest[eq+1:]
			if !strings.HasPrefix(rest, `"`) {
				return "", nil, 0, fmt.Errorf("unquoted label value in %q", line)
			}
			val, after, err := quoted(rest[1:])
			if err != nil {
				return "", nil, 0, fmt.Errorf("%v in %q", err, line)
			}
			labels = append(labels, &LabelPair{Name: lname, Value: val})
			rest = after
			if strings.HasPrefix(rest, ",") {
				rest = rest[1:]
			} else if !strings.HasPrefix(rest, "}") {
				return "", nil, 0, fmt.Errorf("expected , or } in %q", line)
			}
		}
	}
	fields := strings.Fields(rest)
	if len(fields) < 1 || len(fields) > 2 || !strings.HasPrefix(rest, " ") {
		return "", nil, 0, fmt.Errorf("want one value (and an optional timestamp) in %q", line)
	}
	v, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return "", nil, 0, fmt.Errorf("bad value in %q", line)
	}
	return name, labels, v, nil
}

// quoted reads a label value up to its closing quote, undoing the three
// escapes the format allows (\\, \" and \n).
func quoted(s string) (val, rest string, err error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			if i+1 == len(s) {
				return "", "", fmt.Errorf("dangling escape")
			}
			i++
			switch s[i] {
			case '\\':
				b.WriteByte('\\')
			case '"':
				b.WriteByte('"')
			case 'n':
				b.WriteByte('\n')
			default:
				return "", "", fmt.Errorf("invalid escape \\%c", s[i])
			}
		case '\n':
			return "", "", fmt.Errorf("newline in label value")
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("unterminated label value")
}

// validName reports whether s is a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
// or, with colons false, a label name.
func validName(s string, colons bool) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		ok := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (colons && c == ':') || (i > 0 && c >= '0' && c <= '9')
		if !ok {
			return false
		}
	}
	return true
}
