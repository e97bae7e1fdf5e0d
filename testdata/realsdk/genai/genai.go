// Package genai uses google.golang.org/genai.
package genai

import (
	"context"

	"google.golang.org/genai"
)

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches aiplatform.googleapis.com, generativelanguage.googleapis.com`
	// The Gemini API by default (or GOOGLE_GEMINI_BASE_URL). The table
	// also counts the Vertex AI host, which GOOGLE_GENAI_USE_VERTEXAI
	// selects when the config names no backend; it does not read Backend.
	c, err := genai.NewClient(ctx, &genai.ClientConfig{APIKey: "k"})
	if err != nil {
		return err
	}
	_, err = c.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), nil) // want `call reaches generativelanguage.googleapis.com, which is not in egress.allow` `call reaches aiplatform.googleapis.com, which is not in egress.allow` `destination comes from the environment variable GOOGLE_GEMINI_BASE_URL`
	return err
}

func chatLocally(ctx context.Context) error {
	c, err := genai.NewClient(ctx, &genai.ClientConfig{
		APIKey:      "k",
		HTTPOptions: genai.HTTPOptions{BaseURL: "http://localhost:8080/"},
	})
	if err != nil {
		return err
	}
	_, err = c.Models.GenerateContent(ctx, "gemma", genai.Text("hi"), nil)
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches gateway.example.com`
	c, err := genai.NewClient(ctx, &genai.ClientConfig{
		APIKey:      "k",
		HTTPOptions: genai.HTTPOptions{BaseURL: "https://gateway.example.com/"},
	})
	if err != nil {
		return err
	}
	_, err = c.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), nil) // want `call reaches gateway.example.com, which is not in egress.allow`
	return err
}
