// Package providers hands out provider base URLs as lists, maps and
// struct fields of lists: the incident's provider chain, kept in another
// package than the function that tries it.
package providers

// Chain is the order in which providers are tried.
func Chain() []string {
	return []string{"https://api.groq.com/openai/v1", "https://openrouter.ai/api/v1", "http://localhost:11434/v1"}
}

// Local lists only the local servers.
func Local() []string {
	return []string{"http://localhost:11434/v1", "http://127.0.0.1:8080/v1"}
}

// ByName maps a provider's name to its base URL.
func ByName() map[string]string {
	return map[string]string{"groq": "https://api.groq.com/openai/v1", "ollama": "http://localhost:11434/v1"}
}

// Config holds the primary server and the fallbacks.
type Config struct {
	Primary   string
	Fallbacks []string
}

// Default is the shipped configuration.
func Default() Config {
	return Config{Primary: "http://localhost:11434/v1", Fallbacks: []string{"https://api.together.xyz/v1"}}
}

// Fallbacks are tried after the primary.
var Fallbacks = []string{"https://api.mistral.ai/v1", "https://api.deepseek.com"}

// BaseURL is the default server.
var BaseURL = "https://api.cerebras.ai/v1"

// LocalURL is a local server.
var LocalURL = "http://localhost:11434/v1"

// Settings is a struct variable.
var Settings = Config{Primary: "http://localhost:11434/v1", Fallbacks: []string{"https://api.perplexity.ai"}}

// ServerURL is overridden by an importer.
var ServerURL = "https://api.fireworks.ai/inference/v1"

// Fixed returns an array.
func Fixed() [2]string {
	return [2]string{"http://localhost:11434/v1", "https://api.deepseek.com"}
}
