// Package b bounds the default client at start-up, so its uses are fine.
package b

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 30 * time.Second
}

func fetch(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req)
}
