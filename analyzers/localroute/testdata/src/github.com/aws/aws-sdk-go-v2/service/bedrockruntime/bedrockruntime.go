// Package bedrockruntime is a minimal stub of
// github.com/aws/aws-sdk-go-v2/service/bedrockruntime: a client built from
// an aws.Config and option closures over Options.
package bedrockruntime

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct {
	Region       string
	BaseEndpoint *string
}

type Client struct{ options Options }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	o := Options{Region: cfg.Region, BaseEndpoint: cfg.BaseEndpoint}
	for _, fn := range optFns {
		fn(&o)
	}
	return &Client{options: o}
}

type ConverseInput struct{ ModelId *string }

type ConverseOutput struct{ StopReason string }

func (c *Client) Converse(ctx context.Context, params *ConverseInput, optFns ...func(*Options)) (*ConverseOutput, error) {
	return &ConverseOutput{}, nil
}
