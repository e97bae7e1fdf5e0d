// Package mistral is a minimal stub of github.com/gage-technologies/mistral-go:
// the endpoint is a positional argument, "" meaning the default.
package mistral

import "time"

type MistralClient struct{ apiKey, endpoint string }

func NewMistralClient(apiKey, endpoint string, maxRetries int, timeout time.Duration) *MistralClient {
	return &MistralClient{apiKey: apiKey, endpoint: endpoint}
}

func NewMistralClientDefault(apiKey string) *MistralClient {
	return NewMistralClient(apiKey, "", 5, time.Minute)
}

type ChatMessage struct{ Role, Content string }

func (c *MistralClient) Chat(model string, messages []ChatMessage, params any) (string, error) {
	return "", nil
}
