// Package fetch has two client literals that -fix can bound, and does not
// import "time": both fixes add the same import edit, which must be applied
// once.
package fetch

import (
	"net/http"
)

func One(u string) {
	c := &http.Client{}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

func Two(u string) {
	c := &http.Client{Jar: nil}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}
