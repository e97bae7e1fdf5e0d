// Package genaiold uses github.com/google/generative-ai-go (deprecated).
package genaiold

// The table gives the clients' hosts; egress.strict also follows the
// calls into the REST clients of cloud.google.com/go/ai, whose URLs it
// cannot resolve, and says so beyond the first frame (the want patterns
// require that "→": an override the table lost would end there).

import (
	"context"

	"github.com/google/generative-ai-go/genai"
	"google.golang.org/api/option"
)

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches generativelanguage.googleapis.com`
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemini-1.5-flash").GenerateContent(ctx, genai.Text("hi")) // want `call reaches generativelanguage.googleapis.com, which is not in egress.allow` `call's destination cannot be resolved statically .*; path: \(\*genai.GenerativeModel\).GenerateContent \(genaiold.go:\d+:\d+\) → `
	return err
}

func chatLocally(ctx context.Context) error {
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"), option.WithEndpoint("http://localhost:8080"))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemma").StartChat().SendMessage(ctx, genai.Text("hi")) // want `call's destination cannot be resolved statically .*; path: \(\*genai.ChatSession\).SendMessage \(genaiold.go:\d+:\d+\) → `
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches gateway.example.com`
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"), option.WithEndpoint("https://gateway.example.com"))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemini-1.5-flash").GenerateContent(ctx, genai.Text("hi")) // want `call reaches gateway.example.com, which is not in egress.allow` `call's destination cannot be resolved statically .*; path: \(\*genai.GenerativeModel\).GenerateContent \(genaiold.go:\d+:\d+\) → `
	return err
}
