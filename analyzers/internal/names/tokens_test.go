package names

import (
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		ident string
		want  string // words joined by spaces
	}{
		{"askLocalLLM", "ask local llm"},
		{"callOllama", "call ollama"},
		{"call_ollama", "call ollama"},
		{"CallOllama", "call ollama"},
		{"CALL_OLLAMA", "call ollama"},
		{"call-ollama", "call ollama"},
		{"llama.cpp", "llama cpp"},
		{"HTTPServer", "http server"},
		{"OnPremModel", "on prem model"},
		{"queryLMStudio", "query lm studio"},
		{"LMStudioClient", "lm studio client"},
		{"callLlamaCPP", "call llama cpp"},
		{"LlamaCppClient", "llama cpp client"},
		{"LLaMACpp", "llama cpp"},
		{"askLLaMA", "ask llama"},
		{"LLaMaModel", "llama model"},
		{"LLamaServer", "llama server"},
		{"OLLAMA_HOST", "ollama host"},
		{"Ollama", "ollama"},
		{"llamacpp", "llamacpp"},
		{"callollama", "callollama"},
		{"GPT4All", "gpt 4 all"},
		{"gpt4allChat", "gpt 4 all chat"},
		{"Llama3Chat", "llama 3 chat"},
		{"HTTP2Server", "http 2 server"},
		{"base64Encode", "base 64 encode"},
		{"vLLMGenerate", "v llm generate"},
		{"LocalAIComplete", "local ai complete"},
		{"OpenAIClient", "open ai client"},
		{"translateLocally", "translate locally"},
		{"selfHostedChat", "self hosted chat"},
		{"ParseGGUFFileFromOllama", "parse gguf file from ollama"},
		{"localpart", "localpart"},
		{"Localized", "localized"},
		{"isLocalhost", "is localhost"},
		{"ID", "id"},
		{"IDs", "ids"},
		{"LocalLLMs", "local llms"},
		{"filterOfflineCPUs", "filter offline cpus"},
		{"URLsFor", "urls for"},
		{"HTTPSServer", "https server"},
		{"HTTPSource", "http source"},
		{"x", "x"},
		{"_", ""},
		{"", ""},
		{"__init__", "init"},
		{"straße_Größe", "straße größe"},
	}
	for _, tt := range tests {
		got := strings.Join(Tokens(tt.ident), " ")
		if got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.ident, got, tt.want)
		}
	}
}

// TestJoinWords checks that every spelling of a compound name becomes the
// same word, which is what the rule tables match.
func TestJoinWords(t *testing.T) {
	tests := []struct {
		ident string
		extra []string
		want  string
	}{
		{"LlamaCppClient", nil, "llamacpp client"},
		{"llama_cpp_client", nil, "llamacpp client"},
		{"llamacppClient", nil, "llamacpp client"},
		{"LLaMACpp", nil, "llamacpp"},
		{"queryLMStudio", nil, "query lmstudio"},
		{"gpt4allChat", nil, "gpt4all chat"},
		{"GPT4AllChat", nil, "gpt4all chat"},
		{"LocalAIComplete", nil, "localai complete"},
		{"OnPremModel", nil, "onprem model"},
		{"OnPremisesModel", nil, "onprem model"},
		{"onpremiseChat", nil, "onprem chat"},
		{"selfHostedChat", nil, "selfhosted chat"},
		{"self_host_chat", nil, "selfhosted chat"},
		{"AirGappedInfer", nil, "airgapped infer"},
		{"chatOnDevice", nil, "chat ondevice"},
		{"isLocalHost", nil, "is localhost"},
		{"callOpenAI", nil, "call openai"},
		{"callOpenRouter", nil, "call openrouter"},
		{"vLLMGenerate", nil, "vllm generate"},
		{"chatFallBack", nil, "chat fallback"},
		{"callHomeLab", []string{"homelab"}, "call homelab"},
		{"call_home_lab_box", []string{"homelabbox"}, "call homelabbox"},
		{"callHomeLab", nil, "call home lab"},
	}
	for _, tt := range tests {
		got := strings.Join(joinWords(Tokens(tt.ident), tt.extra), " ")
		if got != tt.want {
			t.Errorf("joinWords(Tokens(%q), %q) = %q, want %q", tt.ident, tt.extra, got, tt.want)
		}
	}
}

func TestProseWords(t *testing.T) {
	got := proseWords("Uses llama.cpp on-device; OllamaModel isn't self-hosted. Doesn't fall back.", nil)
	want := []string{"uses", "llamacpp", "ondevice", "ollamamodel", "isn", "t", "selfhosted", "doesn", "t", "fallback"}
	if !slices.Equal(got, want) {
		t.Errorf("proseWords = %q, want %q", got, want)
	}
}

func TestSplitClauses(t *testing.T) {
	doc := "draftOffline drafts a reply with llama.cpp. No text leaves this computer;\nsee api.groq.com: never.\n\nSecond paragraph"
	got := splitClauses(doc)
	want := []string{
		"draftOffline drafts a reply with llama.cpp",
		"No text leaves this computer",
		"see api.groq.com",
		"never",
		"Second paragraph",
	}
	if !slices.Equal(got, want) {
		t.Errorf("splitClauses = %q, want %q", got, want)
	}
}
