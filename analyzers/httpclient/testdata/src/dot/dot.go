package dot

import (
	. "net/http"
	web "net/http"
)

func dotImport(u string) {
	Get(u)               // want `http.Get sends through http.DefaultClient`
	DefaultClient.Get(u) // want `http.DefaultClient has no timeout`
	c := &Client{}       // want `http.Client created here has no Timeout`
	c.Get(u)
}

func renamedImport(u string) {
	web.Head(u)     // want `http.Head sends through`
	c := web.Client{} // want `http.Client created here has no Timeout`
	c.Head(u)
}
