package usector

import (
	"ctor"
	"net/http"
	"time"
)

func poolViaClientConstructor(u string) {
	c := ctor.NewPooledClient(time.Second) // want `ctor.NewPooledClient returns a client holding a new http.Transport \(connection pool\) on every call`
	c.Get(u)
}

func poolViaTransportConstructor(u string) {
	c := &http.Client{Timeout: time.Second, Transport: ctor.NewTransport()} // want `ctor.NewTransport returns a new http.Transport \(connection pool\) on every call`
	c.Get(u)
}

func poolPerIteration(urls []string) {
	for _, u := range urls {
		ctor.NewPooledClient(time.Second).Get(u) // want `ctor.NewPooledClient returns a client holding a new http.Transport \(connection pool\) in every loop iteration`
	}
}

func closedAfterUse(u string) {
	c := ctor.NewPooledClient(time.Second)
	defer c.CloseIdleConnections()
	c.Get(u)
}

func sharedClient(u string) {
	ctor.Shared.Get(u)
}

var kept *http.Client

func keptForLater() {
	kept = ctor.NewPooledClient(time.Second)
}
