//go:build tools

// Package modules pins the real-world modules whose packages bench/vet-ratio
// vets as its "modules" package set. Each blank import below is one vetted
// package (vet-ratio reads this import list with `go list -tags tools`), and
// keeps `go mod tidy` recording the go.sum entries that `go vet` needs.
// Nothing here is compiled into a binary.
package modules

import (
	_ "github.com/ollama/ollama/api"
	_ "github.com/prometheus/client_golang/prometheus/push"
	_ "github.com/sashabaranov/go-openai"
	_ "k8s.io/client-go/rest"
)
