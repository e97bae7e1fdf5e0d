// Package api is a minimal stub of github.com/cohere-ai/cohere-go/v2: the
// request and response types.
package api

type ChatRequest struct{ Message string }

type NonStreamedChatResponse struct{ Text string }

type V2ChatRequest struct{ Model string }

type V2ChatResponse struct{ ID string }
