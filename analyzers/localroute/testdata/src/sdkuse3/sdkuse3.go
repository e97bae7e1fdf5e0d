// Package sdkuse3 calls further LLM SDKs (stubs with the real import
// paths) from functions that promise a local model: cohere-go,
// generative-ai-go and the Bedrock runtime.
package sdkuse3

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	cohere "github.com/cohere-ai/cohere-go/v2"
	cohereclient "github.com/cohere-ai/cohere-go/v2/client"
	cohereoption "github.com/cohere-ai/cohere-go/v2/option"
	"github.com/google/generative-ai-go/genai"
	"google.golang.org/api/option"
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

// ---- generative-ai-go: google.golang.org/api options; models and chat
// sessions derived from the client by methods ----

func localSummary(ctx context.Context) error { // want `localSummary promises a local model but reaches generativelanguage.googleapis.com: localSummary → \(\*genai.GenerativeModel\).GenerateContent`
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemma-3").GenerateContent(ctx, genai.Text("hi"))
	return err
}

func localSummaryOnGemma(ctx context.Context) error {
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"), option.WithEndpoint("http://localhost:8081"))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemma-3").GenerateContent(ctx, genai.Text("hi"))
	return err
}

func chatWithLocalModel(ctx context.Context) error { // want `chatWithLocalModel promises a local model but reaches gemini-proxy.example.com`
	c, err := genai.NewClient(ctx, option.WithEndpoint("https://gemini-proxy.example.com"), option.WithAPIKey("k"))
	if err != nil {
		return err
	}
	cs := c.GenerativeModel("gemma-3").StartChat()
	_, err = cs.SendMessage(ctx, genai.Text("hi"))
	return err
}

func localChat(ctx context.Context) error {
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"), option.WithEndpoint(os.Getenv("GEMINI_ENDPOINT")))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemma-3").StartChat().SendMessage(ctx, genai.Text("hi"))
	return err
}

// A universe domain replaces the host in a way the table does not read.
func localInference(ctx context.Context, ud string) error {
	c, err := genai.NewClient(ctx, option.WithAPIKey("k"), option.WithUniverseDomain(ud))
	if err != nil {
		return err
	}
	_, err = c.GenerativeModel("gemma-3").GenerateContent(ctx, genai.Text("hi"))
	return err
}

// ---- Bedrock runtime: option closures over Options ----

func askLocalModel(ctx context.Context, cfg aws.Config) error { // want `askLocalModel promises a local model but reaches bedrock-runtime.region.amazonaws.com: askLocalModel → \(\*bedrockruntime.Client\).Converse`
	c := bedrockruntime.NewFromConfig(cfg)
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

func converseWithLocalModel(ctx context.Context, cfg aws.Config) error {
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String("http://localhost:8080")
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

func invokeLocalModel(ctx context.Context, cfg aws.Config, region string) error { // want `invokeLocalModel promises a local model but reaches bedrock.example.com`
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.Region = region
		o.BaseEndpoint = aws.String("https://bedrock.example.com")
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

func completeLocally(ctx context.Context, cfg aws.Config) error {
	endpoint := os.Getenv("BEDROCK_ENDPOINT")
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = &endpoint
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

func inferLocally(ctx context.Context, cfg aws.Config) error {
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String(os.Getenv("BEDROCK_ENDPOINT"))
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

// The override only on some paths: the default is still reached.
func predictLocally(ctx context.Context, cfg aws.Config, dev bool) error { // want `predictLocally promises a local model but reaches bedrock-runtime.region.amazonaws.com`
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		if dev {
			o.BaseEndpoint = aws.String("http://localhost:8080")
		}
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

// The config the client starts from carries the endpoint.
func completeWithLocalModelFromConfig(ctx context.Context, cfg aws.Config) error {
	cfg.BaseEndpoint = aws.String("http://localhost:8080")
	c := bedrockruntime.NewFromConfig(cfg)
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

func completeWithLocalModel(ctx context.Context, cfg aws.Config) error { // want `completeWithLocalModel promises a local model but reaches bedrock.example.com`
	cfg.BaseEndpoint = aws.String("https://bedrock.example.com")
	c := bedrockruntime.NewFromConfig(cfg)
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}

// An option closure applies after the config: the closure's endpoint wins.
func translateLocally(ctx context.Context, cfg aws.Config) error {
	cfg.BaseEndpoint = aws.String("https://bedrock.example.com")
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String("http://127.0.0.1:8080")
	})
	_, err := c.Converse(ctx, &bedrockruntime.ConverseInput{ModelId: aws.String("llama3")})
	return err
}
