// Package providers is a minimal stub of
// github.com/mozilla-ai/any-llm-go/providers: the request parameters.
package providers

type CompletionParams struct {
	Model    string
	Messages []string
}
