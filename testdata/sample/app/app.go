// Package app uses the clients package: the finding on New's result is
// known here only through a fact exported by package clients.
package app

import (
	"net/http"
	"time"

	"example.com/sample/clients"
)

func Fetch(u string) error {
	c := clients.New()
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func FetchBounded(u string) error {
	resp, err := clients.NewBounded().Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Ping(u string) {
	resp, err := http.Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

func PollAll(urls []string) {
	for _, u := range urls {
		c := &http.Client{Timeout: time.Second, Transport: &http.Transport{}}
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// Stream is on the policy's streaming list.
func Stream(u string) {
	c := &http.Client{}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

func Fixable(u string) {
	c := &http.Client{}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}
