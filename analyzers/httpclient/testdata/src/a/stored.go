package a

import (
	"net/http"
	"time"
)

// Clients built and stored in a struct field, not used where built.

type storedHolder struct {
	http *http.Client
	name string
}

func newStoredHolderUnbounded() *storedHolder {
	return &storedHolder{http: &http.Client{}} // want `http.Client created here has no Timeout: .*stored or passed on still unbounded`
}

func newStoredHolderBoundedLater() *storedHolder {
	h := &storedHolder{http: &http.Client{}}
	h.http.Timeout = 30 * time.Second
	return h
}

func newStoredHolderZeroLater() *storedHolder {
	h := &storedHolder{http: &http.Client{}} // want `http.Client created here has no Timeout`
	h.http.Timeout = 0
	return h
}

func newStoredHolderOtherField() *storedHolder {
	h := &storedHolder{http: &http.Client{}} // want `http.Client created here has no Timeout`
	h.name = "x"
	return h
}

func newStoredHolderBoundedFromConfig(d time.Duration) *storedHolder {
	h := &storedHolder{name: "x", http: &http.Client{}}
	h.http.Timeout = d
	return h
}
