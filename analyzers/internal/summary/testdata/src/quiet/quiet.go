// Package quiet cannot reach the network.
package quiet

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
