// Package option is a minimal stub of github.com/openai/openai-go/option.
package option

type config struct{ base, key string }

type RequestOption func(*config) error

func WithBaseURL(base string) RequestOption {
	return func(c *config) error { c.base = base; return nil }
}

func WithAPIKey(key string) RequestOption {
	return func(c *config) error { c.key = key; return nil }
}
