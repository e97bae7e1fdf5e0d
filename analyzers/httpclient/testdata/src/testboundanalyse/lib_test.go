package testboundanalyse

import (
	"net/http"
	"testing"
	"time"
)

func init() {
	http.DefaultClient = &http.Client{Timeout: time.Second}
}

func TestFetch(t *testing.T) {
	req, _ := http.NewRequest("GET", "http://127.0.0.1:1/", nil)
	resp, err := http.DefaultClient.Do(req) // bounded by this test binary's init
	if err == nil {
		resp.Body.Close()
	}
}
