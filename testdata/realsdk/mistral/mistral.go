// Package mistral uses github.com/gage-technologies/mistral-go.
package mistral

import (
	"time"

	"github.com/gage-technologies/mistral-go"
)

var msgs = []mistral.ChatMessage{{Role: mistral.RoleUser, Content: "hi"}}

func askLocalLLM() error { // want `askLocalLLM promises a local model but reaches api.mistral.ai`
	_, err := mistral.NewMistralClientDefault("k").Chat("mistral-small", msgs, nil) // want `call reaches api.mistral.ai, which is not in egress.allow`
	return err
}

func generateCodeLocally() error { // want `generateCodeLocally promises a local model but reaches codestral.mistral.ai`
	_, err := mistral.NewCodestralClientDefault("k").FIM(&mistral.FIMRequestParams{Model: "codestral-latest", Prompt: "x"}) // want `call reaches codestral.mistral.ai, which is not in egress.allow`
	return err
}

func chatWithLocalModel(key string) error { // want `chatWithLocalModel promises a local model but reaches api.mistral.ai`
	// An empty endpoint means api.mistral.ai.
	_, err := mistral.NewMistralClient(key, "", 3, time.Minute).Chat("mistral-small", msgs, nil) // want `call reaches api.mistral.ai, which is not in egress.allow`
	return err
}

func chatLocally(key string) error {
	_, err := mistral.NewMistralClient(key, "http://localhost:8000", 3, time.Minute).Chat("mistral-small", msgs, nil)
	return err
}
