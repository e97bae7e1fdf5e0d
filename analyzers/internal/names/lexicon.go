package names

// The word tables. Every entry is a word as joinWords produces it: lower case,
// compounds joined ("llamacpp", "onprem", "selfhosted"). A word may sit in
// several tables; each table answers one question.

import "sync"

// set builds a lookup table.
func set(words ...string) *wordSet { return &wordSet{words: words} }

// A wordSet is a set of words whose map is built on first use: the
// package declares dozens of them, and building them all when the program
// starts cost every go vet unit run (most of which never look at a name)
// about 2% of its time.
type wordSet struct {
	words []string
	once  sync.Once
	m     map[string]bool
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	s.once.Do(func() {
		s.m = make(map[string]bool, len(s.words))
		for _, w := range s.words {
			s.m[w] = true
		}
	})
	return s.m[w]
}

// localityWords say where something runs, but are common outside AI code
// ("local time", "offline queue"), so they promise a local model only when
// they qualify a model or an inference call (see PromisesLocal). "private"
// is left out on purpose: it is a visibility word far more often than a
// locality word.
var localityWords = set("local", "locally", "offline", "onprem", "selfhosted", "airgapped", "ondevice")

// runtimeWords name local model runtimes: products that run a model on the
// caller's machine. Combined with an inference verb they promise a local
// model ("callOllama").
//
// vllm is deliberately absent. vLLM is a GPU serving engine that is usually
// deployed on a remote server, so "vllmGenerate" says which engine, not
// where it runs. A project whose vLLM is local adds "vllm" to local.words
// (the tokenizer joins "vLLM" and "v_llm" into "vllm").
var runtimeWords = set("ollama", "llamacpp", "lmstudio", "llamafile", "localai", "gpt4all", "koboldcpp", "mlx")

// honestWords admit that the call may leave the machine: a remote or
// routed design, a fallback, or a hosted provider's name. A name containing
// one never promises locality ("callOllamaOrCloud", "chatWithFallback",
// "askViaRouter", "ollamaWebSearch").
var honestWords = set(
	"cloud", "remote", "hosted", "fallback", "fallbacks", "router", "routing", "routed",
	"chain", "proxy", "gateway", "api", "hybrid", "external", "online", "internet", "web",
	"prefer", "prefers", "preferred", "preferring",
	"openai", "chatgpt", "azure", "groq", "anthropic", "claude", "gemini", "vertex", "bedrock",
	"openrouter", "together", "mistral", "cohere", "perplexity", "fireworks", "cerebras",
	"deepinfra", "replicate", "huggingface", "xai", "grok", "litellm", "dashscope",
)

// qualifierHonest are honest words that do not admit a remote route when
// they directly follow a runtime, locality or policy word: there they name
// the local product's interface ("callOllamaAPI", Ollama's
// "OpenAI-compatible" endpoint in "ollamaOpenAIChat").
var qualifierHonest = set("api", "openai")

// orderHonest admit a second route when they directly follow a locality or
// runtime word: "chatLocalFirst" implies something comes after local.
var orderHonest = set("first")

// modelWords make a locality word about a model: "local llm", "on-prem
// model", "(*LocalModel).Complete". Plurals ("models", "llms") are left out
// of identifiers on purpose: "localModels" lists an inventory, it does not
// run one.
var modelWords = set(
	"llm", "model", "ai", "gpt", "slm", "genai", "inference",
	"llama", "qwen", "gemma", "phi", "deepseek", "mixtral", "vicuna", "whisper",
	"summarizer", "embedder", "reranker", "transcriber", "translator", "predictor",
	"chatbot", "assistant",
)

// inferenceVerbs name an inference call unambiguously, so they need no
// other context: "translateLocally", "localChat", "(*OllamaModel).Generate".
// The nouns of the same calls are included ("localCompletion").
var inferenceVerbs = set(
	"chat", "chats", "generate", "generates", "generation",
	"completion", "completions", "embed", "embeds", "embedding", "embeddings",
	"infer", "infers", "inference", "predict", "predicts", "prediction", "predictions",
	"prompt", "prompts", "summarize", "summarise", "summarizes", "summary",
	"translate", "translates", "translation", "rerank", "transcribe", "transcription",
)

// callVerbs are inference verbs that are also everyday programming verbs
// ("callLocal", "runLocally", "completeLocalUpload"). With a runtime word
// they count ("callOllama"); with a locality word they need model context
// from the name, the receiver or the package.
var callVerbs = set(
	"complete", "completes", "call", "calls", "run", "runs", "query", "ask", "asks",
	"invoke", "answer", "send", "request", "do", "execute", "exec", "process",
	"draft", "reply", "respond", "rewrite", "explain", "describe", "classify",
	"extract", "analyze", "analyse", "review", "think", "reason", "converse",
	"stream", "talk",
)

// endpointNouns name the thing that serves a model, so a locality word may
// qualify them without leaving the model's context: "(*LocalClient).Chat",
// "chatLocalServer". They do not make a call verb enough on their own.
var endpointNouns = set(
	"client", "server", "service", "backend", "provider", "engine", "runner",
	"runtime", "instance", "connector", "conn", "driver", "worker", "executor",
	"api", "openai", // "localAPI", "localOpenAI": a local server's interface (see qualifierHonest)
)

// outputNouns may end a phrase that names a model without changing what is
// local: "getLocalLLMResponse" is about the local LLM's response.
var outputNouns = set("response", "responses", "reply", "answer", "result", "output", "stream")

// notModelNouns are what "local" usually qualifies when it is not a model:
// "localTime", "localStorage", "loadLocalConfig", "localAddr", "localPart",
// "localCache", "newLocalCopy". Any of them after a locality or runtime word
// (before a connective) means the claim is about that thing.
var notModelNouns = set(
	"time", "times", "timestamp", "timezone", "tz", "zone", "date", "datetime", "clock", "day",
	"storage", "store", "cache", "cached", "file", "files", "filename", "path", "paths",
	"dir", "dirs", "directory", "folder", "var", "vars", "variable", "variables",
	"addr", "address", "ip", "port", "host", "hostname", "network", "net", "iface", "interface",
	"socket", "url", "uri", "endpoint", "branch", "repo", "repository", "commit", "git",
	"config", "configuration", "settings", "setting", "env", "copy", "state", "part",
	"name", "user", "users", "account", "db", "database", "sql", "disk", "fs", "volume",
	"mount", "queue", "buffer", "index", "scope", "symbol", "package", "module",
	"key", "keys", "secret", "cert", "password", "credential", "credentials",
	"id", "ids", "ref", "refs", "tag", "tags", "image", "images", "build", "binary", "bin",
	"history", "log", "logs", "record", "records", "cluster", "node", "peer", "region",
	"datacenter", "dev", "debug", "mode", "flag", "flags", "option", "options",
	"test", "tests", "cursor", "offset", "stored", "saved", "persisted", "downloaded",
	"installed", "written", "copied", "changes", "diff", "timeout", "timeouts", "deadline",
	"limit", "limits",
)

// connectives end the phrase a locality word qualifies: in
// "askLocalLLMForTime" "local" qualifies "llm", not "time"; in
// "chatLocallyWithHistory" "locally" qualifies the verb.
var connectives = set(
	"with", "via", "for", "from", "to", "by", "using", "and", "or", "then", "on", "in",
	"at", "into", "over", "through", "only", "if", "when", "else", "but", "without", "instead",
)

// notInferenceWords make a whole name something other than an inference
// call: managing, locating or describing a model or runtime rather than
// asking it ("pullOllamaModel", "downloadLlamaCpp", "ParseGGUFFileFromOllama",
// "LlamaLatestVersion", "listLocalModels", "isOllamaRunning"). They veto the
// doc comment too: "pullModel" documented "downloads the model to run
// locally" reaches a registry, not a model.
var notInferenceWords = set(
	"pull", "pulls", "push", "download", "downloads", "downloader", "upload", "uploads",
	"install", "installs", "installer", "uninstall", "update", "upgrade",
	"version", "versions", "latest", "release", "releases", "registry", "manifest", "manifests",
	"blob", "blobs", "digest", "layer", "layers", "search", "parse", "parser", "list", "show",
	"copy", "delete", "remove", "health", "healthcheck", "heartbeat", "ping", "status",
	"ready", "alive", "running", "start", "stop", "restart", "serve", "launch", "spawn",
	"kill", "ensure", "check", "detect", "discover", "find", "lookup", "resolve",
	"available", "exists", "installed", "load", "unload", "save", "store", "cache", "sync",
	"configure", "setup", "init", "register", "tag", "build",
	"mock", "fake", "stub", "marshal", "unmarshal", "encode", "decode", "format",
	"print", "log", "validate", "close", "open", "metrics", "stats", "convert",
)

// paramNouns make a name about a setting of the runtime rather than a call
// to it ("ollamaChatURL", "getLocalModelPath") when they are part of the
// name's main phrase. After a connective they describe an argument
// ("callOllamaWithConfig", "askLocalLLMForTime") and are ignored.
var paramNouns = set(
	"config", "time", "host", "hostname", "port", "addr", "address", "url", "endpoint",
	"path", "dir", "file", "files", "key", "tags", "storage", "timeout", "timeouts", "deadline",
)

// predicatePrefixes make a name a predicate, constructor, option or setter
// when they are its first word ("isLocalhost", "newLocalCache",
// "WithLocalModel", "setLocalModel", "useOllama", "FromOllamaRequest");
// such functions configure or convert but do not send anything.
var predicatePrefixes = set("is", "has", "have", "can", "should", "new", "make", "with", "set", "use", "to", "as", "from")

// artifactNouns describe a model as data (a manifest, a file, a registry
// entry) rather than as something that answers prompts. A runtime word in a
// receiver type with one of them ("OllamaModel", "OllamaManifest") names an
// artifact, so a call verb on it ("Complete") is not trusted to be an
// inference call: gguf-parser-go's (*OllamaModel).Complete fetches a
// manifest from registry.ollama.ai.
var artifactNouns = set(
	"model", "models", "manifest", "layer", "layers", "blob", "file", "image", "config",
	"spec", "info", "metadata", "tag", "registry", "entry", "template", "modelfile",
	"ref", "reference", "option", "options", "version", "release", "digest", "weights",
	"gguf", "index", "card", "details", "descriptor", "list",
)

// registryPackageWords in any element of a package path (after the host)
// mark a package that parses, downloads or indexes models. There a runtime
// word promises a local model only with an unambiguous inference verb and a
// receiver that is not an artifact (see PromisesLocal).
var registryPackageWords = set("registry", "parser", "parse", "gguf", "manifest", "manifests", "download", "downloader", "installer", "install")

// packageModelWords in a package's own name (the last path element) give a
// call verb the model context it needs ("draftOffline" in package llm).
// "model" and "models" are left out: in MVC code they are data models.
var packageModelWords = set(
	"llm", "llms", "ai", "genai", "inference", "gpt", "chatbot", "rag", "embedding", "embeddings",
	"ollama", "llamacpp", "lmstudio", "llamafile", "localai", "gpt4all", "koboldcpp", "mlx",
	"assistant", "summarizer",
)

// Doc comments are prose and get tables of their own.

// docModelWords give a locality word in a doc sentence its model context:
// "runs the model locally", "local inference", "a local Ollama server".
// Runtime and inference words count as well.
var docModelWords = set(
	"model", "models", "llm", "llms", "inference", "ai", "gpt", "weights",
	"llama", "qwen", "gemma", "phi", "deepseek", "mistral", "whisper", "answer", "answers",
	"chat", "generated", "generating", "completed", "embedded", "prompted", "summarized", "translated",
)

// negations make a sentence deny something: "No text leaves this computer",
// "never falls back to the cloud", "doesn't run locally". "t" is the tail of
// "n't" contractions, which prose splitting cuts off ("doesn", "t").
var negations = set("no", "not", "never", "nothing", "none", "without", "nor", "neither", "cannot", "t")

// leaveVerbs and places form "nothing leaves this machine".
var leaveVerbs = set("leave", "leaves", "leaving")

var places = set("machine", "computer", "host", "device", "laptop", "box", "workstation", "premises", "network", "phone", "node")

// sendVerbs, "to" and remoteDestinations form "never sent to the cloud".
// Everyday verbs such as "call" are left out: "You cannot call the
// Amazon Web Services STS API" denies nothing about locality.
var sendVerbs = set(
	"send", "sends", "sent", "sending", "upload", "uploads", "uploaded",
	"transmit", "transmits", "transmitted", "fallback",
)

var remoteDestinations = set("cloud", "internet", "thirdparty", "external", "remote", "online")

// stayVerbs, "on" or "in", and places form "your data stays on this device".
var stayVerbs = set("stay", "stays", "remain", "remains")

// herePlaces form "on this host", "on the local machine", "on your device".
var herePlaces = set("host", "machine", "computer", "device", "laptop", "box", "workstation")

var hereDeterminers = set("this", "the", "your", "our", "same", "local")

// docLocalityFollowers may follow a locality word in a doc sentence without
// making it about something else: the word qualifies a model or a server
// ("local model", "a self-hosted Ollama"), a place ("the local machine"),
// or it is an adverb before a connective ("runs locally using llama.cpp",
// "works offline"). Any other next word is what is local ("a local write",
// "a local language", "locally available models") and the claim is not
// about where a model runs. Model, runtime and endpoint words count too.
var docLocalityFollowers = set(
	"machine", "host", "computer", "device", "laptop", "box", "workstation",
	"hosted", "running", "served", "deployed", "executed", "computed", "and", "only",
)

// determiners are skipped when looking for the word before a runtime name:
// "sends the prompt to the local Ollama server".
var determiners = set("a", "an", "the", "this", "that", "your", "our", "its", "their", "local", "configured")

// runtimeLinks before a runtime name make it the destination of the call:
// "asks Ollama", "via llama.cpp", "runs on LM Studio", "sends it to Ollama".
// Other positions are mentions ("an Ollama ChatRequest", "the ollama
// service is listening").
var runtimeLinks = set(
	"via", "through", "to", "with", "using", "uses", "use", "on", "in", "against", "by",
	"asks", "ask", "calls", "call", "queries", "query", "backed", "served",
)

// topLevelDomains after a runtime name make it a web address ("ollama.com",
// "lmstudio.ai"), which is the vendor's cloud or website, not the runtime.
var topLevelDomains = set("com", "ai", "io", "org", "net", "dev", "app", "co", "cloud")

// storageVerbs before a locality adverb make it about storage: "stored
// locally", "downloaded locally", "cached offline".
var storageVerbs = set(
	"stored", "store", "stores", "cached", "cache", "caches", "saved", "save", "saves",
	"persisted", "persist", "downloaded", "download", "installed", "install", "written",
	"write", "writes", "kept", "keep", "copied", "copy", "pulled", "pull",
)

// docNotClaimWords make a sentence that names a runtime something other
// than a claim that the call goes there: "the latest llama.cpp release",
// "pulls from the Ollama registry", "compatible with Ollama".
var docNotClaimWords = set(
	"registry", "manifest", "manifests", "download", "downloads", "downloaded", "pull", "pulls",
	"pulled", "install", "installs", "installed", "version", "versions", "release", "releases",
	"library", "hub", "search", "website", "tag", "tags", "blob", "blobs", "update", "updates",
)

// compatAfter, right after a runtime word, and compatBefore, right before
// it, make a doc sentence describe a format rather than a destination:
// "an Ollama-compatible server", "works like LM Studio". "compatible with
// Ollama" is caught as "with" preceded by "compatible".
var (
	compatAfter  = set("compatible", "compat", "style", "format", "formatted")
	compatBefore = set("like", "unlike", "mimic", "mimics", "emulate", "emulates")
)

// docHonestWords admit a remote route in a doc sentence that does not deny
// it: "falls back to Groq", "a hybrid local/cloud design", "sends it through
// the LiteLLM gateway". Provider names alone are not enough ("Ollama's
// OpenAI-compatible endpoint" is still local). The words that have everyday
// meanings ("falls back to ILIKE", "hybrid search", "the HTTP router") need
// a remote word in the same sentence (docRemoteWords); the others do not.
var docHonestWords = set(
	"fallback", "fallbacks", "hybrid", "router", "gateway", "openrouter", "litellm",
	"prefer", "prefers", "preferred", "preferring",
)

var docHonestNeedsRemote = set("fallback", "fallbacks", "hybrid", "router", "gateway")

// docRemoteWords are the remote words that docHonestNeedsRemote requires.
var docRemoteWords = set(
	"api", "apis", "provider", "providers", "service", "services", "server", "servers",
	"endpoint", "endpoints", "backend", "backends", "upstream", "vendor", "vendors", "litellm",
)

// alternatives and remoteAlternatives form "Ollama or a cloud provider",
// "local, then Groq", "otherwise OpenAI".
var alternatives = set("or", "then", "otherwise", "else")

var remoteAlternatives = set(
	"cloud", "remote", "hosted", "external", "online", "internet",
	"openai", "chatgpt", "azure", "groq", "anthropic", "claude", "gemini", "vertex", "bedrock",
	"openrouter", "together", "mistral", "cohere", "perplexity", "fireworks", "cerebras",
	"deepinfra", "replicate", "huggingface", "xai", "grok",
)
