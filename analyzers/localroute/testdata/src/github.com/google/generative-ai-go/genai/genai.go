// Package genai is a minimal stub of github.com/google/generative-ai-go/genai:
// a client built from google.golang.org/api options, models and chat
// sessions derived from it by methods.
package genai

import (
	"context"

	"google.golang.org/api/option"
)

type Client struct{ opts []option.ClientOption }

func NewClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) {
	return &Client{opts: opts}, nil
}

type Part interface{ toPart() }

type Text string

func (Text) toPart() {}

type GenerateContentResponse struct{ Text string }

type GenerativeModel struct {
	c        *Client
	fullName string
}

func (c *Client) GenerativeModel(name string) *GenerativeModel {
	return &GenerativeModel{c: c, fullName: "models/" + name}
}

func (m *GenerativeModel) GenerateContent(ctx context.Context, parts ...Part) (*GenerateContentResponse, error) {
	return &GenerateContentResponse{}, nil
}

type ChatSession struct{ m *GenerativeModel }

func (m *GenerativeModel) StartChat() *ChatSession { return &ChatSession{m: m} }

func (cs *ChatSession) SendMessage(ctx context.Context, parts ...Part) (*GenerateContentResponse, error) {
	return &GenerateContentResponse{}, nil
}
