package e

import (
	"base"
	"context"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/ollama/ollama/api"
	openai "github.com/sashabaranov/go-openai"
)

var client = &http.Client{Timeout: time.Minute}

func literalDenied() error {
	resp, err := client.Get("https://api.groq.com/openai/v1/models") // want `call reaches api.groq.com, which egress.deny forbids \(pattern \*.groq.com\); path: \(\*http.Client\).Get \(e.go:\d+:\d+\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notAllowedByDefault(q string) error {
	return base.Post("https://openrouter.ai/api/v1", q) // want `call reaches openrouter.ai, which is not in egress.allow \[api.anthropic.com\] and egress.default is deny; path: base.Post \(e.go:\d+:\d+\) → \(\*http.Client\).Post \(base.go:\d+:\d+\)`
}

func allowed(q string) error {
	return base.Post("https://api.anthropic.com/v1", q)
}

func local(q string) error {
	return base.Post("http://localhost:11434", q)
}

func fromEnv(q string) error {
	return base.Post(os.Getenv("LLM_URL"), q) // unknown: silent without strict mode
}

// An SDK client's default host is a resolution site.
func sdkDefault(ctx context.Context) error {
	_, err := openai.NewClient("tok").CreateChatCompletion(ctx, openai.ChatCompletionRequest{}) // want `call reaches api.openai.com, which is not in egress.allow \[api.anthropic.com\] and egress.default is deny; path: \(\*go-openai.Client\).CreateChatCompletion \(e.go:\d+:\d+\)`
	return err
}

func sdkLocal(ctx context.Context) error {
	cfg := openai.DefaultConfig("tok")
	cfg.BaseURL = "http://localhost:11434/v1"
	_, err := openai.NewClientWithConfig(cfg).CreateChatCompletion(ctx, openai.ChatCompletionRequest{})
	return err
}

// outboundIP dials UDP only to learn which local address the kernel picks:
// a UDP dial sends nothing, so 8.8.8.8 is never contacted.
func outboundIP() string {
	conn, err := net.Dial("udp", "8.8.8.8:80")
	if err != nil {
		return ""
	}
	defer conn.Close()
	return conn.LocalAddr().(*net.UDPAddr).IP.String()
}

// A UDP connection that is written to does send.
func udpPing() error {
	conn, err := net.Dial("udp", "8.8.4.4:53") // want `call reaches 8.8.4.4, which is not in egress.allow`
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte{0})
	return err
}

// A local Ollama server forwards a cloud model to ollama.com.
func ollamaCloudModel(ctx context.Context) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	return c.Chat(ctx, &api.ChatRequest{Model: "gpt-oss:120b-cloud"}, func(api.ChatResponse) error { return nil }) // want `call reaches ollama.com, which is not in egress.allow \[api.anthropic.com\] and egress.default is deny; path: \(\*api.Client\).Chat \[cloud model gpt-oss:120b-cloud\] \(e.go:\d+:\d+\)`
}

// Through a helper, the model is resolved at this call.
func ollamaCloudModelViaHelper(ctx context.Context) error {
	return base.Chat(ctx, "qwen3-coder:480b-cloud", "hi") // want `call reaches ollama.com, which is not in egress.allow \[api.anthropic.com\] and egress.default is deny; path: base.Chat \(e.go:\d+:\d+\) → \(\*api.Client\).Chat \[cloud model qwen3-coder:480b-cloud\] \(ollama.go:\d+:\d+\)`
}

// A local model stays on the local server.
func ollamaLocalModel(ctx context.Context) error {
	c, err := api.ClientFromEnvironment()
	if err != nil {
		return err
	}
	if err := c.Chat(ctx, &api.ChatRequest{Model: "llama3.2"}, func(api.ChatResponse) error { return nil }); err != nil {
		return err
	}
	return base.Chat(ctx, "qwen3:8b", "hi")
}
