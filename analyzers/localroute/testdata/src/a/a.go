package a

import (
	"net/http"
	"os"
	"strings"
	"time"
)

var client = &http.Client{Timeout: time.Minute}

func askLocalLLM(q string) error { // want `askLocalLLM promises a local model but reaches api.openai.com`
	resp, err := client.Post("https://api.openai.com/v1/chat/completions", "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// OnPremModel is a model served on our own hardware.
type OnPremModel struct{ base string }

// NewOnPremModel points the model at a hosted endpoint: the lie.
func NewOnPremModel() *OnPremModel { return &OnPremModel{base: "https://api.together.xyz/v1"} }

func (m *OnPremModel) Chat(q string) error { // want `\(\*OnPremModel\).Chat promises a local model but reaches api.together.xyz`
	return post(NewOnPremModel().base+"/chat", q)
}

func post(u, q string) error {
	resp, err := client.Post(u, "application/json", strings.NewReader(q))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// draftOffline writes a draft. No text leaves this computer.
func draftOffline(q string) error { // want `draftOffline promises a local model but reaches api.anthropic.com`
	return post("https://api.anthropic.com/v1/messages", q)
}

// ---- negatives ----

func localTime() (string, error) {
	resp, err := client.Get("https://worldtimeapi.org/api/ip")
	if err != nil {
		return "", err
	}
	return "", resp.Body.Close()
}

func pullOllamaModel(name string) error {
	return post("https://registry.ollama.ai/v2/library/"+name+"/manifests/latest", "")
}

func callOllama(q string) error {
	return post("http://127.0.0.1:11434/api/chat", q)
}

func askLocalLLMFromEnv(q string) error {
	base := os.Getenv("LLM_BASE_URL")
	return post(base+"/chat", q)
}

func chatWithFallback(q string) error {
	if err := post("http://localhost:11434/api/chat", q); err != nil {
		return post("https://api.openai.com/v1/chat/completions", q)
	}
	return nil
}

//zombiecheck:ignore localroute this demo deliberately calls the cloud, see ADR-7
func askLocalModelDemo(q string) error {
	return post("https://api.openai.com/v1/chat/completions", q)
}
