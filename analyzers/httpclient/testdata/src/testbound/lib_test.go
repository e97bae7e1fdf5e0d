package testbound

import (
	"net/http"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	old := http.DefaultClient
	http.DefaultClient = &http.Client{Timeout: time.Second}
	defer func() { http.DefaultClient = old }()
	m.Run()
}
