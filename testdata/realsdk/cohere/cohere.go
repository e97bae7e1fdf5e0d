// Package cohere uses github.com/cohere-ai/cohere-go/v2.
package cohere

import (
	"context"

	cohere "github.com/cohere-ai/cohere-go/v2"
	"github.com/cohere-ai/cohere-go/v2/client"
	"github.com/cohere-ai/cohere-go/v2/option"
)

var req = &cohere.V2ChatRequest{Model: "command-r"}

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches api.cohere.com`
	co := client.NewClient(option.WithToken("k"))
	_, err := co.V2.Chat(ctx, req) // want `call reaches api.cohere.com, which is not in egress.allow`
	return err
}

func chatLocally(ctx context.Context) error {
	co := client.NewClient(option.WithToken("k"), option.WithBaseURL("http://localhost:8080"))
	_, err := co.V2.Chat(ctx, req)
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches gateway.example.com`
	co := client.NewClient(client.WithBaseURL("https://gateway.example.com"))
	_, err := co.V2.Chat(ctx, req) // want `call reaches gateway.example.com, which is not in egress.allow`
	return err
}
