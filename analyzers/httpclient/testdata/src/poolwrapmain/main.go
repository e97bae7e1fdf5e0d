// Command poolwrapmain builds poolwrap's client once, in main: one pool
// per process. Inside a loop it is one per iteration.
package main

import (
	"os"
	"poolwrap"
)

func main() {
	c := poolwrap.Robust()
	resp, err := c.Get(os.Args[1])
	if err != nil {
		os.Exit(1)
	}
	resp.Body.Close()
	for _, u := range os.Args[2:] {
		if resp, err := poolwrap.Robust().Get(u); err == nil { // want `poolwrap.Robust returns a client holding a new http.Transport \(connection pool\) in every loop iteration`
			resp.Body.Close()
		}
	}
}
