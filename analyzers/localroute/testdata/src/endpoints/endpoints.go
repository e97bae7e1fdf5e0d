// Package endpoints holds provider base URLs.
package endpoints

const (
	Groq       = "https://api.groq.com/openai/v1"
	OpenRouter = "https://openrouter.ai/api/v1"
	Ollama     = "http://localhost:11434"
)
