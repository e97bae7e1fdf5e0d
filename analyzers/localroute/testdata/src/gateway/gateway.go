// Package gateway: with local.gateways set (gateway.yaml), a function that
// promises a local model and sends to a listed gateway is reported, since
// the gateway may forward to the cloud. The same gateway on another port,
// a local model server, and honest names are silent.
package gateway

import (
	"net/http"
	"strings"
)

const liteLLM = "http://localhost:4000/v1/chat/completions"

func callOllama(c *http.Client, body string) error { // want `callOllama promises a local model but sends to localhost:4000, a routing gateway that may forward to the cloud \(local.gateways lists localhost:4000\): callOllama → \(\*http.Client\).Post \(gateway.go:\d+:\d+\) \[.*\]`
	resp, err := c.Post(liteLLM, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// send is a helper: the gateway reach crosses it.
func send(c *http.Client, url, body string) error {
	resp, err := c.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func askLocalLLM(c *http.Client, q string) error { // want `askLocalLLM promises a local model but sends to litellm:80, a routing gateway .*\(local.gateways lists litellm\): askLocalLLM → gateway.send \(gateway.go:\d+:\d+\) → \(\*http.Client\).Post`
	return send(c, "http://litellm/v1/chat/completions", q)
}

func localChat(c *http.Client, q string) error { // want `localChat promises a local model but sends to \[::1\]:8787, a routing gateway .*\(local.gateways lists \[::1\]:8787\)`
	return send(c, "http://[::1]:8787/chat", q)
}

// A local model server on a port that is not the gateway's.
func queryLocalModel(c *http.Client, q string) error {
	return send(c, "http://localhost:11434/api/generate", q)
}

// The URL's port is not known: no claim is made.
func localCompletion(c *http.Client, port, q string) error {
	return send(c, "http://localhost:"+port+"/v1/completions", q)
}

// Names that admit the gateway route.
func localChatViaGateway(c *http.Client, q string) error {
	return send(c, liteLLM, q)
}

func localCompletionViaLiteLLM(c *http.Client, q string) error {
	return send(c, liteLLM, q)
}

// No promise at all.
func summarize(c *http.Client, q string) error {
	return send(c, liteLLM, q)
}

// A gateway and a cloud host: the cloud finding wins, and the gateway is
// not reported a second time.

func offlineInfer(c *http.Client, q string) error { // want `offlineInfer promises a local model but reaches api.groq.com: .*`
	if err := send(c, liteLLM, q); err != nil {
		return send(c, "https://api.groq.com/openai/v1/chat/completions", q)
	}
	return nil
}
