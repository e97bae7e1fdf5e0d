// Package indirect reaches the network only through netpkg: relevant by
// the package fact, not by its own imports.
package indirect

import "netpkg"

var C = netpkg.New()
