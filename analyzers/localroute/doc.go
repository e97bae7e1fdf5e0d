// Package localroute reports functions whose name, receiver, doc comment or
// the policy promise a local model or provider, but whose calls reach an
// external host.
//
// # Analyzer localroute
//
// localroute: functions that promise a local model but reach the cloud
//
// The incident this suite exists for: a function named call_ollama tried a
// chain of cloud providers first, and 99% of its calls went to the cloud
// for eleven days. localroute follows every network call a function makes,
// through helpers, methods, closures and other packages (per-function
// summaries exported as facts), to the hosts it may reach, and reports a
// function that promises locality but reaches an external host (rule
// "external"), with the hosts and one call path as evidence. When a local
// host is also reached but only after an external call, the message says
// "external-first fallback".
//
// Calls on clients of the LLM SDKs in the built-in table (go-openai,
// openai-go, anthropic-sdk-go, ollama/api, mistral-go, any-llm-go,
// google.golang.org/genai, generative-ai-go, langchaingo's providers
// (openai, including its Azure API type, ollama, anthropic, mistral,
// huggingface, googleai, googleai/vertex, googleai/palm, llamafile, cohere,
// bedrock, cloudflare, ernie, maritaca, watsonx; llms/local runs a binary
// and is no client), cohere-go, the Bedrock runtime) reach the host the
// client was built for: the SDK's default (api.openai.com for
// openai.NewClient), or the base URL the caller gives (a config's BaseURL,
// option.WithBaseURL, option.WithEndpoint, a positional endpoint, an option
// closure setting Options.BaseEndpoint, or the aws.Config's BaseEndpoint set
// before bedrockruntime.NewFromConfig). Where the SDK builds the host from
// a region (langchaingo's vertex with WithCloudLocation, watsonx with
// WithRegion), the region selects it; a region that cannot be read, and
// Bedrock's, stand as "region" (bedrock-runtime.region.amazonaws.com):
// external whatever it is. Options that v0.1.14 stores but never reads
// (ernie.WithBaseURL, maritaca.WithServerURL) change nothing. Models and
// sessions a client's methods derive
// (client.GenerativeModel(name).StartChat()) reach its host. A base URL
// from the environment, or options built elsewhere, leave the host unknown.
//
// genkit is a framework: a *genkit.Genkit from genkit.Init(ctx,
// genkit.WithPlugins(...)) reaches the hosts of all the plugins it was
// given (ollama's ServerAddress, googlegenai's Gemini API or Vertex AI
// location, anthropic's and compat_oai's BaseURL, or a WithBaseURL among
// compat_oai's Opts) when genkit.Generate, GenerateText, GenerateData or
// Embed use it. The model name that picks one plugin per call is not read,
// so a cloud plugin registered beside a local one is reported.
//
// A local Ollama server forwards chat and generate requests for cloud
// models to ollama.com; Ollama knows them by a ":cloud" or "-cloud" suffix
// ("gpt-oss:120b-cloud"). So a request that names one, through ollama/api,
// any-llm-go's ollama provider, langchaingo's ollama.WithModel or
// llms.WithModel, or go-openai and openai-go on Ollama's port 11434,
// reaches ollama.com too, and the message says "local Ollama endpoint, but
// cloud model gpt-oss:120b-cloud, which Ollama forwards to ollama.com". The
// model is resolved like a host, through constants, request fields and
// helper parameters across packages; an unknown model is silent, and
// embeddings are never forwarded.
//
// A function promises locality when its name or receiver pairs a local
// runtime (ollama, llama.cpp, LM Studio, the policy's local.words) with an
// inference verb (callOllama, (*OllamaClient).Chat), or says local, offline
// or on-prem of a model (askLocalLLM, translateLocally), or its doc comment
// claims it ("no text leaves this computer"), or the policy's local.only
// patterns name it. Not promises: other meanings of "local" (localTime,
// locale, loadLocalConfig), names that admit the remote route (...OrCloud,
// ...WithFallback, ...ViaRouter, the policy's local.honest words), and a
// brand name used for the brand's own services (pullOllamaModel,
// ParseGGUFFileFromOllama). Local hosts are localhost, loopback, unix
// sockets, host.docker.internal and the policy's local.hosts; private
// addresses are not reported; hosts from environment variables are unknown
// and silent.
//
// A promising function that sends wherever its parameter says
// (QueryLocalModel(c, base, prompt)) keeps or breaks its promise at each
// call site: a call passing an external destination into it is reported
// at the call, in whichever package the call is, unless the caller
// promises locality itself and is reported at its name.
//
// A routing gateway (a LiteLLM proxy on localhost:4000) is local on the
// wire but may forward to the cloud. With the gateway listed in the
// policy's local.gateways, a promising function whose only non-local
// destination is that gateway is reported as rule "gateway" (a warning).
// An entry with a port matches that port only; a URL without a port has
// its scheme's (80, 443), and a port the code leaves unknown matches only
// entries without one.
//
// Calls through interfaces are resolved where the implementations are
// known. A package that calls a provider interface whose implementations
// live in the packages importing it (a provider chain in package llm, the
// providers in package app) records the dynamic call in its summary; each
// importer resolves it by the concrete providers a call site passes (a
// chain given only the local provider does not reach the cloud provider
// declared beside it), or, when the value cannot be seen (a package
// variable, a struct field), against every implementation it declares.
// Destinations cross packages in lists and variables too: a config
// package returning the provider chain ([]string, a map, a struct with a
// list field) or declaring it in an exported package variable is read at
// its importers. A variable the importer itself writes (or hands out by
// address, as to flag.StringVar) is unknown there.
//
// Limit: a package that imports no network package, no package that can
// reach the network, and has no string literal starting with a URL is not
// summarised at all, so a chain in such a package (URLs built from parts,
// an interface call) is invisible to its importers, and providers declared
// in such a package are not resolved.
//
// Code: both rules are decided in analyzers/localroute, on the reach
// summaries of analyzers/internal/netsum; the promises of names, receivers
// and doc comments come from analyzers/internal/names, and host
// locality from analyzers/internal/hosts.
package localroute
