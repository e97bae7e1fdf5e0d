// Package download installs llama.cpp releases: GitHub is the brand's
// release host, not a local runtime.
package download

import (
	"net/http"
	"time"
)

var client = &http.Client{Timeout: time.Minute}

func get(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// LlamaLatestVersion fetches the latest release tag of llama.cpp from the
// GitHub API.
func LlamaLatestVersion() error {
	return get("https://api.github.com/repos/ggml-org/llama.cpp/releases/latest")
}

// InstallLlamaCpp downloads the llama.cpp binaries to run models locally.
func InstallLlamaCpp(version string) error {
	return get("https://github.com/ggml-org/llama.cpp/releases/download/" + version + "/llama-bin.zip")
}

// chatWithLlamaCpp is the control: a chat call to the same host is
// reported.
func chatWithLlamaCpp() error { // want `chatWithLlamaCpp promises a local model but reaches api.github.com`
	return get("https://api.github.com/repos/ggml-org/llama.cpp/releases/latest")
}
