// Package llamafileclient is a minimal stub of
// github.com/tmc/langchaingo/llms/llamafile/internal/llamafileclient: the
// server URL is a field callers outside langchaingo cannot set.
package llamafileclient

import (
	"net/http"
	"net/url"
)

type GenerationSettings struct {
	Model              string
	Temperature        float64
	LlamafileServerURL *url.URL
	HTTPClient         *http.Client
}
