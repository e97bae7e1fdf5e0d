// Package app uses package fetch: whether its responses are open, and
// whether fetch.Close closes them, is known here only through facts.
package app

import (
	"errors"
	"io"

	"example.com/respsample/fetch"
)

// Status leaks: fetch.Get's response is never closed.
func Status(u string) int {
	resp, err := fetch.Get(u)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Read closes through the helper in the other package.
func Read(u string) ([]byte, error) {
	resp, err := fetch.Get(u)
	if err != nil {
		return nil, err
	}
	defer fetch.Close(resp.Body)
	return io.ReadAll(resp.Body)
}

// Check returns early on a bad status before its Close.
func Check(u string) error {
	resp, err := fetch.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New("bad status")
	}
	return resp.Body.Close()
}
