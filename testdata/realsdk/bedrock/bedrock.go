// Package bedrock uses github.com/aws/aws-sdk-go-v2/service/bedrockruntime.
package bedrock

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
)

var in = &bedrockruntime.ConverseInput{ModelId: aws.String("anthropic.claude")}

func askLocalLLM(ctx context.Context) error { // want `askLocalLLM promises a local model but reaches bedrock-runtime.region.amazonaws.com`
	// The endpoint is bedrock-runtime.{region}.amazonaws.com.
	c := bedrockruntime.NewFromConfig(aws.Config{Region: "us-east-1"})
	_, err := c.Converse(ctx, in) // want `call reaches bedrock-runtime.region.amazonaws.com, which is not in egress.allow` `destination comes from the environment variable AWS_ENDPOINT_URL_BEDROCK_RUNTIME`
	return err
}

func chatLocally(ctx context.Context) error {
	c := bedrockruntime.NewFromConfig(aws.Config{Region: "us-east-1"}, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String("http://localhost:4566")
	})
	_, err := c.Converse(ctx, in)
	return err
}

func generateLocally(ctx context.Context) error { // want `generateLocally promises a local model but reaches gateway.example.com`
	c := bedrockruntime.NewFromConfig(aws.Config{Region: "us-east-1"}, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String("https://gateway.example.com")
	})
	_, err := c.Converse(ctx, in) // want `call reaches gateway.example.com, which is not in egress.allow`
	return err
}

func summarizeLocally(ctx context.Context) error {
	cfg := aws.Config{Region: "us-east-1"}
	cfg.BaseEndpoint = aws.String("http://127.0.0.1:4566")
	_, err := bedrockruntime.NewFromConfig(cfg).Converse(ctx, in)
	return err
}
