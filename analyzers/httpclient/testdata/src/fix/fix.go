package fix

import (
	"net/http"
)

func emptyLiteral(u string) {
	c := &http.Client{} // want `http.Client created here has no Timeout`
	c.Get(u)
}

func multiLine(u string, jar http.CookieJar) {
	c := &http.Client{ // want `http.Client created here has no Timeout`
		Jar: jar,
	}
	c.Get(u)
}

func unkeyed(u string) {
	c := &http.Client{nil, nil, nil, 0} // want `http.Client created here has no Timeout`
	c.Get(u)
}
