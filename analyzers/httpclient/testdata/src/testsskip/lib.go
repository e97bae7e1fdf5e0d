package testsskip

import (
	"net/http"
	"time"
)

// Get uses http.DefaultClient in production code: reported under both settings.
func Get(u string) error {
	resp, err := http.Get(u) // want `http.Get sends through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// NewClient bounds its requests: silent.
func NewClient() *http.Client { return &http.Client{Timeout: 10 * time.Second} }
