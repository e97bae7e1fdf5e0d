// Package config is a minimal stub of github.com/mozilla-ai/any-llm-go/config.
package config

type Config struct{ BaseURL, APIKey string }

type Option func(*Config) error

func WithBaseURL(u string) Option { return func(c *Config) error { c.BaseURL = u; return nil } }

func WithAPIKey(k string) Option { return func(c *Config) error { c.APIKey = k; return nil } }
