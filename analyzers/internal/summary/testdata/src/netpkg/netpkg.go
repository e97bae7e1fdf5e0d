package netpkg // want package:"Relevant"

// Package netpkg imports net/http.

import "net/http"

func New() *http.Client { return &http.Client{} } // want New:`ClientSum\(unboundedClient=true, newTransport=false, clientWithNewTransport=false\)`
