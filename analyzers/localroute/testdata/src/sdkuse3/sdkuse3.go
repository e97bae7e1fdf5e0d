// Package sdkuse3 calls further LLM SDKs (stubs with the real import
// paths) from functions that promise a local model: cohere-go,
// generative-ai-go and the Bedrock runtime.
package sdkuse3

import (
	"context"
	"os"

	cohere "github.com/cohere-ai/cohere-go/v2"
	cohereclient "github.com/cohere-ai/cohere-go/v2/client"
	cohereoption "github.com/cohere-ai/cohere-go/v2/option"
)

// ---- cohere-go: option values of an interface type ----

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches api.cohere.com: askLocalLLM → \(\*client.Client\).Chat`
	co := cohereclient.NewClient(cohereoption.WithToken("k"))
	_, err := co.Chat(ctx, &cohere.ChatRequest{Message: "hi"})
	return err
}

func chatLocally(ctx context.Context) error {
	co := cohereclient.NewClient(cohereoption.WithToken("k"), cohereoption.WithBaseURL("http://localhost:8080"))
	_, err := co.Chat(ctx, &cohere.ChatRequest{Message: "hi"})
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches cohere.example.net`
	co := cohereclient.NewClient(cohereoption.WithBaseURL("https://cohere.example.net"))
	_, err := co.V2.Chat(ctx, &cohere.V2ChatRequest{Model: "command-r"})
	return err
}

func summarizeLocally(ctx context.Context) error {
	co := cohereclient.NewClient(cohereoption.WithBaseURL(os.Getenv("COHERE_BASE_URL")))
	_, err := co.V2.Chat(ctx, &cohere.V2ChatRequest{Model: "command-r"})
	return err
}
