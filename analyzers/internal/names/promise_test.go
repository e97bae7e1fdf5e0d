package names

import (
	"strings"
	"testing"
)

// Package paths used by the cases.
const (
	appPkg   = "example.com/app"
	llmPkg   = "example.com/app/internal/llm"
	dbPkg    = "example.com/app/internal/db"
	ggufPkg  = "github.com/gpustack/gguf-parser-go"
	yzmaPkg  = "github.com/hybridgroup/yzma/pkg/download"
	ollamaCm = "github.com/ollama/ollama/cmd"
)

// promiseCase is one PromisesLocal case: the verdict and a substring of the
// reason, which pins why the verdict was reached.
type promiseCase struct {
	s      Subject
	cfg    Config
	local  bool
	honest bool
	reason string
}

// fn and method build subjects tersely.
func fn(name string) Subject { return Subject{Name: name, PkgPath: appPkg} }

func method(recv, name string) Subject { return Subject{Name: name, Recv: recv, PkgPath: appPkg} }

func (s Subject) in(pkg string) Subject { s.PkgPath = pkg; return s }

func (s Subject) doc(text string) Subject { s.Doc = text; return s }

// positives promise a local model.
var positives = []promiseCase{
	// The incident and its spellings: a runtime word with an inference verb.
	{s: fn("callOllama"), reason: `name "callOllama" promises a local model (word "ollama" with inference verb "call")`},
	{s: fn("call_ollama"), reason: `word "ollama" with inference verb "call"`},
	{s: fn("CALL_OLLAMA"), reason: `word "ollama" with inference verb "call"`},
	{s: fn("ollamaChat"), reason: `word "ollama" with inference verb "chat"`},
	{s: fn("OLLAMA_CHAT"), reason: `word "ollama" with inference verb "chat"`},
	{s: fn("streamOllama"), reason: `word "ollama" with inference verb "stream"`},
	{s: fn("summarize_with_ollama"), reason: `word "ollama" with inference verb "summarize"`},
	{s: fn("ollamaChatHandler"), reason: `inference verb "chat"`},
	{s: fn("callOllamaWithConfig"), reason: `word "ollama" with inference verb "call"`},
	{s: fn("callOllamaAPI"), reason: `word "ollama" with inference verb "call"`},
	{s: fn("ollamaOpenAIChat"), reason: `word "ollama" with inference verb "chat"`},
	{s: fn("generateWithLlamaCpp"), reason: `word "llamacpp" with inference verb "generate"`},
	{s: fn("generate_with_llama_cpp"), reason: `word "llamacpp" with inference verb "generate"`},
	{s: fn("generateLLaMACpp"), reason: `word "llamacpp" with inference verb "generate"`},
	{s: fn("queryLMStudio"), reason: `word "lmstudio" with inference verb "query"`},
	{s: fn("ask_llamafile"), reason: `word "llamafile" with inference verb "ask"`},
	{s: fn("LocalAIComplete"), reason: `word "localai" with inference verb "complete"`},
	{s: fn("gpt4allChat"), reason: `word "gpt4all" with inference verb "chat"`},
	{s: fn("koboldCppGenerate"), reason: `word "koboldcpp"`},
	{s: fn("mlxGenerate"), reason: `word "mlx" with inference verb "generate"`},

	// A locality word that qualifies a model or an inference call.
	{s: fn("askLocalLLM"), reason: `name "askLocalLLM" promises a local model ("local" qualifies "llm")`},
	{s: fn("query_local_llm"), reason: `"local" qualifies "llm"`},
	{s: fn("callLocalModel"), reason: `"local" qualifies "model"`},
	{s: fn("runLocalInference"), reason: `"local" qualifies "inference"`},
	{s: fn("LocalChat"), reason: `"local" qualifies "chat"`},
	{s: fn("localChat"), reason: `"local" qualifies "chat"`},
	{s: fn("getLocalCompletion"), reason: `"local" qualifies "completion"`},
	{s: fn("offlineInfer"), reason: `"offline" qualifies "infer"`},
	{s: fn("selfHostedChat"), reason: `"selfhosted" qualifies "chat"`},
	{s: fn("OnPremEmbedding"), reason: `"onprem" qualifies "embedding"`},
	{s: fn("airGappedLlamaChat"), reason: `"airgapped" qualifies "llama"`},
	{s: fn("askLocalLLMForTime"), reason: `"local" qualifies "llm"`}, // "for" ends the phrase
	{s: fn("getLocalLLMResponse"), reason: `"local" qualifies "llm"`},
	{s: fn("localLLMClient").in(llmPkg), reason: `"local" qualifies "llm"`},
	{s: fn("callLocalOllama"), reason: `"local" qualifies "ollama"`},

	// A locality adverb with an inference verb.
	{s: fn("translateLocally"), reason: `name "translateLocally" promises a local model ("locally" with inference verb "translate")`},
	{s: fn("translateLocally").doc("translateLocally translates text with a model that runs on this machine."),
		reason: `name "translateLocally" promises`},
	{s: fn("embedLocally"), reason: `"locally" with inference verb "embed"`},
	{s: fn("chatLocalOnly"), reason: `"local" with inference verb "chat"`},
	{s: fn("chatOnDevice"), reason: `"ondevice" with inference verb "chat"`},
	{s: fn("transcribeAirGapped"), reason: `"airgapped" with inference verb "transcribe"`},
	{s: fn("chatLocalOpenAI"), reason: `"local" with inference verb "chat"`},
	{s: fn("localComplete").in(llmPkg), reason: `"local" with verb "complete" and model context "llm" from package "example.com/app/internal/llm"`},
	{s: fn("draftOffline").in(llmPkg), reason: `"offline" with verb "draft" and model context "llm" from package`},
	{s: fn("modelRunLocal"), reason: `"local" with verb "run" and model context "model"`},

	// Receivers.
	{s: method("*OnPremModel", "Chat"), reason: `receiver "OnPremModel" promises a local model ("onprem" qualifies "model"; method "Chat" is an inference call)`},
	{s: method("LocalModel", "Complete"), reason: `receiver "LocalModel" promises a local model ("local" qualifies "model"`},
	{s: method("*LocalLLM", "Call"), reason: `"local" qualifies "llm"`},
	{s: method("*LocalClient", "Chat"), reason: `receiver "LocalClient" promises a local model ("local"; method "Chat"`},
	{s: method("*OfflineTranslator", "Translate"), reason: `receiver "OfflineTranslator" promises`},
	{s: method("*OllamaClient", "Chat"), reason: `receiver "OllamaClient" promises a local model (word "ollama"; method "Chat" is an inference call)`},
	{s: method("*OllamaClient", "Complete"), reason: `receiver "OllamaClient" promises`},
	{s: method("*llm.OllamaClient[T]", "Embed"), reason: `receiver "OllamaClient" promises`},
	{s: method("*LlamaCppClient", "Complete"), reason: `receiver "LlamaCppClient" promises a local model (word "llamacpp"`},
	{s: method("LMStudio", "Generate"), reason: `receiver "LMStudio" promises a local model (word "lmstudio"`},
	{s: method("*Ollama", "Call"), reason: `receiver "Ollama" promises`},
	{s: method("*OllamaModel", "Generate"), reason: `receiver "OllamaModel" promises`}, // unambiguous verb, ordinary package
	{s: method("*OllamaClient", "Chat").in(ggufPkg), reason: `receiver "OllamaClient" promises`},
	{s: method("*Client", "ChatLocally"), reason: `"locally" with inference verb "chat"`},
	{s: method("*LLM", "CallLocal"), reason: `"local" with verb "call" and model context "llm" from receiver "LLM"`},

	// Doc comments.
	{s: fn("draftOffline").doc("draftOffline drafts a reply. No text leaves this computer."),
		reason: `doc says "No text leaves this computer"`},
	{s: fn("Run").doc("Run answers the question on a local model via Ollama."),
		reason: `doc says "Run answers the question on a local model via Ollama"`},
	{s: fn("Run").doc("Run answers the question.\nNo data leaves the machine."),
		reason: `doc says "No data leaves the machine"`},
	{s: fn("Chat").doc("Chat answers in German. Prompts never leave your device."),
		reason: `doc says "Prompts never leave your device"`},
	{s: fn("Chat").doc("Chat talks to the assistant; nothing is sent to the cloud."),
		reason: `doc says "nothing is sent to the cloud"`},
	{s: fn("Chat").doc("Chat never falls back to a cloud provider."),
		reason: `doc says "Chat never falls back to a cloud provider"`},
	{s: fn("Chat").doc("Chat runs the local model. Search falls back to ILIKE when FTS fails."),
		reason: `doc says "Chat runs the local model"`}, // a fallback with no remote word admits nothing
	{s: fn("Embed").doc("Embed uses hybrid search over embeddings computed locally."),
		reason: `doc says "Embed uses hybrid search over embeddings computed locally"`},
	{s: fn("Reply").doc("Reply doesn't send anything to third-party services."),
		reason: `doc says "Reply doesn't send anything to third-party services"`},
	{s: fn("Answer").doc("Answer uses the model on this host."), reason: `doc says "Answer uses the model on this host"`},
	{s: fn("Embed").doc("Embed computes embeddings on this machine."), reason: `doc says "Embed computes embeddings on this machine"`},
	{s: fn("Summarize").doc("Summarize asks Ollama for a three-line summary."),
		reason: `doc says "Summarize asks Ollama for a three-line summary"`},
	{s: fn("Chat").doc("Chat uses Ollama's OpenAI-compatible endpoint."), reason: `doc says`},
	{s: fn("Translate").doc("Translate works offline."), reason: `doc says "Translate works offline"`},
	{s: fn("Classify").doc("Classify runs the model locally."), reason: `doc says "Classify runs the model locally"`},
	{s: fn("Process").doc("Process keeps everything on-device: your data stays on this device."),
		reason: `doc says "your data stays on this device"`},

	// Policy words.
	{s: fn("callHomelab"), cfg: Config{ExtraLocalWords: []string{"homelab"}},
		reason: `name "callHomelab" promises a local model (policy word "homelab" with inference verb "call")`},
	{s: fn("HomeLabChat"), cfg: Config{ExtraLocalWords: []string{"homelab"}}, reason: `policy word "homelab" with inference verb "chat"`},
	{s: fn("vllmGenerate"), cfg: Config{ExtraLocalWords: []string{"vllm"}}, reason: `policy word "vllm" with inference verb "generate"`},
	{s: fn("callVLLM"), cfg: Config{ExtraLocalWords: []string{"VLLM"}}, reason: `policy word "vllm" with inference verb "call"`},
	{s: method("*HomelabClient", "Complete"), cfg: Config{ExtraLocalWords: []string{"homelab"}}, reason: `receiver "HomelabClient" promises a local model (policy word "homelab"`},
	{s: fn("Chat").doc("Chat sends the prompt to the homelab box."), cfg: Config{ExtraLocalWords: []string{"homelab"}}, reason: `doc says`},
}

// negatives promise nothing.
var negatives = []promiseCase{
	// "local" meaning something other than where a model runs.
	{s: fn("localTime"), reason: `"local" in "localTime" qualifies "time", not a model`},
	{s: fn("toLocalTime"), reason: `name "toLocalTime" is not an inference call (word "to")`},
	{s: fn("locale"), reason: noClaim},
	{s: fn("localStorage").in(llmPkg), reason: `"local" in "localStorage" qualifies "storage"`},
	{s: fn("loadLocalConfig"), reason: `name "loadLocalConfig" is not an inference call (word "load")`},
	{s: fn("localpart"), reason: noClaim},
	{s: fn("LocalPart"), reason: `qualifies "part"`},
	{s: fn("Localized"), reason: noClaim},
	{s: fn("localizeMessage"), reason: noClaim},
	{s: fn("localization"), reason: noClaim},
	{s: fn("locality"), reason: noClaim},
	{s: fn("newLocalCache"), reason: `name "newLocalCache" is not an inference call (word "new")`},
	{s: fn("newLocalClient").in(dbPkg), reason: `(word "new")`},
	{s: fn("NewOllamaClient"), reason: `(word "new")`},
	{s: fn("WithLocalModel"), reason: `(word "with")`},
	{s: fn("localAddr"), reason: `qualifies "addr"`},
	{s: fn("LocalIP"), reason: `qualifies "ip"`},
	{s: fn("isLocalhost"), reason: noClaim},
	{s: fn("dialLocalHost"), reason: noClaim},
	{s: fn("localCache"), reason: `qualifies "cache"`},
	{s: fn("localFile"), reason: `qualifies "file"`},
	{s: fn("localPath"), reason: `qualifies "path"`},
	{s: fn("localDir"), reason: `qualifies "dir"`},
	{s: fn("localVar"), reason: `qualifies "var"`},
	{s: fn("localCopy"), reason: `qualifies "copy"`},
	{s: fn("localState"), reason: `qualifies "state"`},
	{s: fn("getLocalModelPath"), reason: `(word "path")`},
	{s: fn("localChatHistory"), reason: `"local" in "localChatHistory" qualifies "history"`},
	{s: fn("generateLocalReport"), reason: `"local" in "generateLocalReport" qualifies "report", not a model`},
	{s: fn("summarizeLocalText"), reason: `qualifies "text"`},
	{s: fn("sendLocalChatMessage"), reason: `"local" in "sendLocalChatMessage" qualifies "message", not a model`},
	{s: fn("localModelReport"), reason: `qualifies "report"`},
	{s: method("*LocalChatRoom", "Send"), reason: `"local" in receiver "LocalChatRoom" qualifies "room"`},
	{s: fn("offlineQueue"), reason: `qualifies "queue"`},
	{s: fn("MarkOffline"), reason: `"offline" in "MarkOffline" has no inference verb`},
	{s: fn("callLocal"), reason: `"local" in "callLocal" has the verb "call" but no model context`},
	{s: fn("runLocally"), reason: `has the verb "run" but no model context`},
	{s: fn("queryLocal").in(dbPkg), reason: `has the verb "query" but no model context`},
	{s: fn("localComplete"), reason: `has the verb "complete" but no model context`},
	{s: fn("draftOffline"), reason: `"offline" in "draftOffline" has the verb "draft" but no model context`},
	{s: method("Time", "Local"), reason: `"local" in "Local" has no inference verb`},

	// Names that admit a remote route.
	{s: fn("callOllamaOrCloud"), honest: true, reason: `name "callOllamaOrCloud" admits a remote route (word "cloud")`},
	{s: fn("chatLocalOrCloud"), honest: true, reason: `(word "cloud")`},
	{s: fn("chatWithFallback"), honest: true, reason: `(word "fallback")`},
	{s: fn("completeWithFallback"), honest: true, reason: `(word "fallback")`},
	{s: fn("askViaRouter"), honest: true, reason: `(word "router")`},
	{s: fn("callRemoteOllama"), honest: true, reason: `(word "remote")`},
	{s: fn("hybridChat"), honest: true, reason: `(word "hybrid")`},
	{s: fn("chatLocalFirst"), honest: true, reason: `(word "first")`},
	{s: fn("preferLocalModel"), honest: true, reason: `(word "prefer")`},
	{s: fn("callOpenAI"), honest: true, reason: `(word "openai")`},
	{s: fn("askGroq"), honest: true, reason: `(word "groq")`},
	{s: fn("callLocalMistral"), honest: true, reason: `(word "mistral")`},
	{s: fn("callAPI"), honest: true, reason: `(word "api")`},
	{s: fn("ollamaWebSearch"), honest: true, reason: `(word "web")`},
	{s: fn("searchWebWithOllama"), honest: true, reason: `(word "web")`},
	{s: fn("ollamaProxyChat"), honest: true, reason: `(word "proxy")`},
	{s: method("*OllamaCloud", "Chat"), honest: true, reason: `receiver "OllamaCloud" admits a remote route (word "cloud")`},
	{s: method("*Router", "CallOllama"), honest: true, reason: `receiver "Router" admits`},
	{s: method("*Chain", "Call").in(llmPkg), honest: true, reason: `(word "chain")`},

	// A runtime word in a name that manages or locates the runtime.
	{s: fn("pullOllamaModel"), reason: `name "pullOllamaModel" is not an inference call (word "pull")`},
	{s: fn("downloadLlamaCpp"), reason: `(word "download")`},
	{s: fn("installOllama"), reason: `(word "install")`},
	{s: fn("ollamaSearch"), reason: `(word "search")`},
	{s: fn("ollamaVersion"), reason: `(word "version")`},
	{s: fn("isOllamaRunning"), reason: `(word "is")`},
	{s: fn("startOllama"), reason: `(word "start")`},
	{s: fn("listLocalModels"), reason: `(word "list")`},
	{s: fn("ollamaWebSearchKey"), honest: true, reason: `(word "web")`},
	{s: fn("parseOllamaChatResponse"), reason: `(word "parse")`},
	{s: fn("ParseGGUFFileFromOllama").in(ggufPkg), reason: `name "ParseGGUFFileFromOllama" is not an inference call (word "parse")`},
	{s: fn("LlamaLatestVersion").in(yzmaPkg).doc("LlamaLatestVersion fetches the latest release tag of llama.cpp from the GitHub API."),
		reason: `name "LlamaLatestVersion" is not an inference call (word "latest")`},
	{s: fn("LlamaLatestVersion").in(yzmaPkg).doc("LlamaLatestVersion fetches the latest release tag of llama.cpp from the GitHub API.\nFalls back to a hardcoded version if GitHub API is unavailable."),
		honest: true, reason: `doc admits a remote route: "Falls back to a hardcoded version`},
	{s: fn("pullModel").doc("pullModel downloads the model so that it runs locally."), reason: `(word "pull")`},
	{s: fn("ollamaHost"), reason: `word "ollama" in "ollamaHost" qualifies "host"`},
	{s: fn("OllamaTags"), reason: `word "ollama" in "OllamaTags" qualifies "tags"`},
	{s: fn("ollamaRequestTimeout"), reason: `(word "timeout")`},
	{s: fn("ollamaTimeout"), reason: `word "ollama" in "ollamaTimeout" qualifies "timeout"`},
	{s: fn("ollamaChatURL"), reason: `(word "url")`},
	{s: fn("summarizeOllamaLogs"), reason: `word "ollama" in "summarizeOllamaLogs" qualifies "logs"`},
	{s: fn("completeOllama").in(ggufPkg), reason: `package "github.com/gpustack/gguf-parser-go" handles models as data ("gguf") and "complete" may not be an inference call`},
	{s: fn("callLlama"), reason: noClaim}, // Llama models are hosted everywhere
	{s: fn("vllmGenerate"), reason: noClaim},
	{s: fn("webSearch").in(ollamaCm), honest: true, reason: `(word "web")`}, // the package path never supplies a runtime word

	// Receivers that are not inference clients.
	{s: method("*OllamaModel", "Complete").in(ggufPkg).doc("Complete completes the OllamaModel with the given context and http client."),
		reason: `receiver "OllamaModel" names a model artifact ("model"), so method "Complete" may not be an inference call`},
	{s: method("*OllamaModel", "Complete"), reason: `receiver "OllamaModel" names a model artifact ("model")`},
	{s: method("*OllamaModel", "Generate").in(ggufPkg), reason: `receiver "OllamaModel" names a model artifact`},
	{s: method("*OllamaClient", "Complete").in(ggufPkg), reason: `receiver "OllamaClient": package "github.com/gpustack/gguf-parser-go" handles models as data ("gguf") and "complete" may not be an inference call`},
	{s: method("*OllamaClient", "Pull"), reason: `(word "pull")`},
	{s: method("*OllamaClient", "Heartbeat"), reason: `(word "heartbeat")`},
	{s: method("*OllamaClient", "Tokenize"), reason: `receiver "OllamaClient": method "Tokenize" is not an inference call`},
	{s: method("*OllamaDownloader", "Run"), reason: `receiver "OllamaDownloader" is not an inference client (word "downloader")`},
	{s: method("*LocalModel", "Close"), reason: `(word "close")`},
	{s: method("*LocalModel", "Tokens"), reason: `receiver "LocalModel" is a local model, but method "Tokens" is not an inference call`},
	{s: method("*LocalCache", "Get"), reason: `"local" in receiver "LocalCache" qualifies "cache"`},
	{s: method("*LocalRunner", "Run"), reason: `receiver "LocalRunner": method "Run" has the verb "run" but no model context`},
	{s: method("*LocalServer", "Serve"), reason: `(word "serve")`},

	// Doc comments that do not promise locality.
	{s: fn("Summarize").doc("Summarize uses the local cache."), reason: `doc: "local" qualifies "cache", not a model`},
	{s: fn("Run").doc("Run marks the node offline."), reason: `doc: "offline" has no model context`},
	{s: fn("Handle").doc("Handle marks the node offline."), reason: `doc mentions locality, but name "Handle" has no inference verb`},
	{s: fn("Run").doc("Run binds a port on this host."), reason: `doc: "on this host" has no model context`},
	{s: fn("Listen").doc("Listen binds a port on this host."), reason: noClaim},
	{s: fn("Run").doc("Run runs the build locally."), reason: `doc: "locally" has no model context`},
	{s: fn("Summarize").doc("Summarize reads the transcript, which is stored locally."), reason: `doc: "locally" describes where something is stored`},
	{s: fn("Chat").doc("Chat does not run the model locally."), reason: `doc denies "locally"`},
	{s: fn("Chat").doc("Chat speaks an Ollama-compatible protocol to the configured server."), reason: `doc mentions "ollama" as a format`},
	{s: fn("Chat").doc("Chat works like Ollama."), reason: `doc mentions "ollama" as a format`},
	{s: fn("Chat").doc("Chat is compatible with Ollama."), reason: `doc mentions "ollama" as a format`},
	{s: fn("Query").doc("Query re-reads the model list from the Ollama registry."), reason: `doc mentions "ollama" about "registry"`},
	{s: fn("Refresh").doc("Refresh re-reads the model list from the Ollama registry."), reason: `doc mentions locality, but name "Refresh" has no inference verb`},
	{s: fn("callOllama").doc("callOllama tries Groq, OpenRouter and Gemini, then falls back to Ollama."),
		honest: true, reason: `doc admits a remote route: "callOllama tries Groq, OpenRouter and Gemini, then falls back to Ollama"`},
	{s: fn("Chat").doc("Chat uses the local model or a cloud provider."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Chat").doc("Chat asks Ollama, then OpenAI."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Chat").doc("Chat sends prompts through the LiteLLM gateway."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Chat").doc("Chat asks Ollama and falls back to a hosted provider."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Chat").doc("Chat is a hybrid: the local model or a cloud model."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Chat").doc("Chat prefers the local model."), honest: true, reason: `doc admits a remote route`},
	{s: fn("Close").doc("Close releases the client."), reason: noClaim},
	{s: fn("Do").doc("Do sends the request."), reason: noClaim},
}

// realWorld are function names found in public Go code, reduced to the
// identifiers (and doc sentences) the rules read.
var realWorld = []promiseCase{
	{s: fn("callOllamaWithIntent"), local: true, reason: `word "ollama" with inference verb "call"`},
	{s: fn("callOllamaJSON"), local: true, reason: `word "ollama" with inference verb "call"`},
	{s: fn("callOllamaWithOptions"), local: true, reason: `word "ollama" with inference verb "call"`},
	{s: fn("callOllamaVisionRaw"), local: true, reason: `word "ollama" with inference verb "call"`},
	{s: fn("callOllamaVisionForTags"), local: true, reason: `word "ollama" with inference verb "call"`},
	{s: method("*OllamaClient", "GenerateChineseNames"), local: true, reason: `receiver "OllamaClient" promises`},
	{s: method("*OllamaClient", "Process"), local: true, reason: `receiver "OllamaClient" promises`},
	{s: method("*LocalLLM", "AnalyzeTask"), local: true, reason: `receiver "LocalLLM" promises a local model ("local" qualifies "llm"`},
	{s: method("*LocalLLM", "GenerateCommand"), local: true, reason: `receiver "LocalLLM" promises`},
	{s: method("*LocalLLM", "Request"), local: true, reason: `receiver "LocalLLM" promises`},
	{s: method("*LocalModel", "Predict"), local: true, reason: `receiver "LocalModel" promises`},
	{s: method("*LocalModel", "Query").doc("Query sends a prompt to the local model and returns the response."),
		local: true, reason: `receiver "LocalModel" promises`},
	{s: fn("generateLocal"), local: true, reason: `"local" with inference verb "generate"`},
	{s: fn("askLocalLLM").doc("askLocalLLM sends the question to an OpenAI-compatible server (Ollama, LM Studio, llama.cpp server, vLLM)."),
		local: true, reason: `"local" qualifies "llm"`},
	{s: method("*LLM", "Call").in("github.com/tmc/langchaingo/llms/local").doc("Call calls the local LLM binary with the given prompt."),
		local: true, reason: `doc says "Call calls the local LLM binary with the given prompt"`},

	{s: method("*OllamaClient", "SetupOllama"), reason: `(word "setup")`},
	{s: method("*OllamaClient", "Name"), reason: `method "Name" is not an inference call`},
	{s: method("*LocalLLM", "Start"), reason: `(word "start")`},
	{s: fn("askLocal").doc("askLocal: a query asked of the cache"), reason: `"local" in "askLocal" has the verb "ask" but no model context`},
	{s: fn("askLocalPort"), reason: `qualifies "port"`},
	{s: fn("askLocalization"), reason: noClaim},
	{s: fn("askLocalNotificationsPermissions"), reason: `qualifies "notifications"`},
	{s: fn("askLocalOrRemoteAdventure"), honest: true, reason: `(word "remote")`},
	{s: fn("askLocalFallback"), honest: true, reason: `(word "fallback")`},
	{s: fn("RunLocalServer"), reason: `"local" in "RunLocalServer" has the verb "run" but no model context`},
	{s: fn("runLocalInit"), reason: `qualifies "init"`},
	{s: fn("runLocalCode"), reason: `qualifies "code"`},
	{s: fn("runLocalAgent"), reason: `qualifies "agent"`},
	{s: fn("runLocalDump"), reason: `qualifies "dump"`},
	{s: fn("generateLocalFeedback"), reason: `qualifies "feedback"`},
	{s: fn("GenerateLocalMSP"), reason: `qualifies "msp"`},
	{s: fn("generateLocalGatewayKey"), honest: true, reason: `(word "gateway")`},
	{s: fn("generateLocalImageTag"), reason: `(word "tag")`},
	{s: fn("generateLocale"), reason: noClaim},
	{s: fn("generateLocalToken"), reason: `qualifies "token"`},
	{s: fn("generateLocalCommandResponse"), reason: `qualifies "command"`},
	{s: fn("filterOfflineCPUs"), reason: `qualifies "cpus"`},
	{s: fn("QueryLocalStorage"), reason: `qualifies "storage"`},
	{s: fn("queryLocalCluster"), reason: `qualifies "cluster"`},
	{s: fn("queryLocalDictionary"), reason: `qualifies "dictionary"`},
	{s: fn("queryLocal").doc("queryLocal performs the local DB search."), reason: `has the verb "query" but no model context`},
	{s: method("*localModel", "Focus"), reason: `receiver "localModel" is a local model, but method "Focus" is not an inference call`},
	{s: fn("GetLocalIdentity"), reason: `qualifies "identity"`},
	{s: method("LocalDate", "AddDays"), reason: `"local" in receiver "LocalDate" qualifies "date"`},
	{s: method("*Conn", "LocalAddr"), reason: `qualifies "addr"`},
	{s: method("*Command", "LocalFlags"), reason: `qualifies "flags"`},
	{s: method("BetaResponseItemLocalShellCall", "RawJSON"), reason: `qualifies "shell"`},

	// Doc sentences from SDKs that an earlier, looser doc rule misread.
	{s: method("*Client", "Signout").doc("Signout will signout a client for a local ollama server."),
		reason: `doc mentions locality, but name "Signout" has no inference verb`},
	{s: method("*Client", "Disconnect").doc("Disconnect will disconnect an ollama instance from ollama.com."),
		reason: `doc mentions locality, but name "Disconnect" has no inference verb`},
	{s: fn("TraceChatRequest").doc("TraceChatRequest returns a compact trace representation of an Ollama ChatRequest."),
		reason: `doc mentions "ollama", but not as where the call goes`},
	{s: fn("FromImageGenerationRequest").doc("FromImageGenerationRequest converts an OpenAI image generation request to an Ollama GenerateRequest."),
		reason: `(word "from")`},
	{s: method("*TranslationConnection", "Send").doc("Send sends an event. Success means a local write, not acknowledgment."),
		reason: `doc: "local" qualifies "write", not a model`},
	{s: method("ReportsGenerateCall", "Locale").doc("Locale sets the optional locale to use for translating report output to a local language."),
		reason: `doc mentions locality, but name "Locale" has no inference verb`},
	{s: fn("Translate").doc("Translate translates report output to a local language."),
		reason: `doc: "local" qualifies "language", not a model`},
	{s: fn("Complete").doc("Complete offers all locally available models plus recommended models that aren't installed."),
		reason: `doc: "locally" qualifies "available"`},
	{s: method("*Client", "AssumeRole").doc("You cannot call the Amazon Web Services STS GetFederationToken or GetSessionToken API operations."),
		reason: noClaim},
	{s: method("*AccountsChannelPartnerLinksService", "Patch").doc("Cannot send reseller_cloud_identity_id, invite_url, or name in update mask."),
		reason: noClaim},
	{s: fn("Chat").doc("Chat sends the prompt to ollama.com."), reason: `doc mentions "ollama" as a web address (ollama.com)`},
}

func TestPromisesLocal(t *testing.T) {
	run := func(t *testing.T, cases []promiseCase, wantLocal bool) {
		for _, tt := range cases {
			tt.local = wantLocal
			got := PromisesLocal(tt.s, tt.cfg)
			if got.Local != tt.local || got.Honest != tt.honest || !strings.Contains(got.Reason, tt.reason) {
				t.Errorf("PromisesLocal(%+v, %+v)\n got Local=%v Honest=%v Reason=%s\nwant Local=%v Honest=%v Reason containing %s",
					tt.s, tt.cfg, got.Local, got.Honest, got.Reason, tt.local, tt.honest, tt.reason)
			}
			if got.Reason == "" {
				t.Errorf("PromisesLocal(%+v): empty reason", tt.s)
			}
		}
	}
	t.Run("positives", func(t *testing.T) { run(t, positives, true) })
	t.Run("negatives", func(t *testing.T) { run(t, negatives, false) })
	t.Run("realWorld", func(t *testing.T) {
		for _, tt := range realWorld {
			run(t, []promiseCase{tt}, tt.local)
		}
	})
}

// TestConfigWords checks that the policy's extra words change verdicts, by
// running each subject with and without them.
func TestConfigWords(t *testing.T) {
	tests := []struct {
		s          Subject
		cfg        Config
		without    Promise // verdict with the zero Config
		with       Promise // verdict with cfg
		withoutWhy string
		withWhy    string
	}{
		{
			s:       fn("callHomelab"),
			cfg:     Config{ExtraLocalWords: []string{"homelab"}},
			without: Promise{}, withoutWhy: noClaim,
			with: Promise{Local: true}, withWhy: `policy word "homelab" with inference verb "call"`,
		},
		{
			s:       fn("callHomeLabAPI"),
			cfg:     Config{ExtraLocalWords: []string{"HomeLab"}}, // compared in lower case; "api" qualifies it
			without: Promise{Honest: true}, withoutWhy: `(word "api")`,
			with: Promise{Local: true}, withWhy: `policy word "homelab"`,
		},
		{
			s:       method("*HomeLabBox", "Chat"),
			cfg:     Config{ExtraLocalWords: []string{"homelab"}},
			without: Promise{}, withoutWhy: noClaim,
			with: Promise{Local: true}, withWhy: `receiver "HomeLabBox" promises a local model (policy word "homelab"`,
		},
		{
			s:       fn("callOllamaViaTailnet"),
			cfg:     Config{ExtraHonestWords: []string{"tailnet"}},
			without: Promise{Local: true}, withoutWhy: `word "ollama" with inference verb "call"`,
			with: Promise{Honest: true}, withWhy: `name "callOllamaViaTailnet" admits a remote route (word "tailnet")`,
		},
		{
			s:       fn("mlxGenerate"),
			cfg:     Config{ExtraHonestWords: []string{"mlx"}}, // switches a built-in runtime word off
			without: Promise{Local: true}, withoutWhy: `word "mlx" with inference verb "generate"`,
			with: Promise{Honest: true}, withWhy: `(word "mlx")`,
		},
		{
			s:       fn("Chat").doc("Chat asks Ollama through the tailnet relay."),
			cfg:     Config{ExtraHonestWords: []string{"tailnet"}},
			without: Promise{Local: true}, withoutWhy: `doc says "Chat asks Ollama through the tailnet relay"`,
			with: Promise{Honest: true}, withWhy: `doc admits a remote route: "Chat asks Ollama through the tailnet relay"`,
		},
		{
			s:       fn("Chat").doc("Chat sends the prompt to the home lab."),
			cfg:     Config{ExtraLocalWords: []string{"homelab"}}, // spans prose words as well
			without: Promise{}, withoutWhy: noClaim,
			with: Promise{Local: true}, withWhy: `doc says "Chat sends the prompt to the home lab"`,
		},
		{
			s:       fn("vllmGenerate"),
			cfg:     Config{ExtraLocalWords: []string{"vllm"}},
			without: Promise{}, withoutWhy: noClaim,
			with: Promise{Local: true}, withWhy: `policy word "vllm" with inference verb "generate"`,
		},
	}
	check := func(s Subject, cfg Config, want Promise, why string) {
		t.Helper()
		got := PromisesLocal(s, cfg)
		if got.Local != want.Local || got.Honest != want.Honest || !strings.Contains(got.Reason, why) {
			t.Errorf("PromisesLocal(%+v, %+v) = %+v, want Local=%v Honest=%v and a reason containing %s",
				s, cfg, got, want.Local, want.Honest, why)
		}
	}
	for _, tt := range tests {
		check(tt.s, Config{}, tt.without, tt.withoutWhy)
		check(tt.s, tt.cfg, tt.with, tt.withWhy)
	}
}

// TestCounts keeps the tables as large as the issue asks.
func TestCounts(t *testing.T) {
	pos, neg := len(positives), len(negatives)
	for _, tt := range realWorld {
		if tt.local {
			pos++
		} else {
			neg++
		}
	}
	if pos < 30 || neg < 40 {
		t.Errorf("%d positive and %d negative cases, want at least 30 and 40", pos, neg)
	}
	t.Logf("%d positive and %d negative cases", pos, neg)
}
