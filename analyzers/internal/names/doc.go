// Package names answers one question for the localroute analyzer: does a
// function promise that its model or provider calls stay local, and why?
// The product exists because a function's name lied:
// call_ollama() tried Groq, OpenRouter and Gemini before the local Ollama.
//
// The package is pure: it reads identifiers, doc text and a package path as
// plain data (Subject) and uses no SSA, types or analysis passes, so every
// rule is pinned by table tests. Tokens is the identifier tokenizer;
// PromisesLocal applies the rules and explains its verdict in
// Promise.Reason. The policy's local.words and local.honest lists reach
// PromisesLocal through Config; local.only is not a naming question and
// stays with the reporter.
//
// Precision comes first. A promise only matters when localroute also finds
// an external host, but a linter that cries wolf gets disabled, so wherever
// a word has an everyday meaning the rules lean towards "no promise":
//
//	signal                                     promises locality?
//	runtime word + inference verb              yes: callOllama, ollamaChat, generateWithLlamaCpp, queryLMStudio
//	runtime word, no inference verb            no:  ollamaHost, OllamaTags
//	any name with a management word            no:  pullOllamaModel, ParseGGUFFileFromOllama, LlamaLatestVersion, listLocalModels
//	locality word qualifying a model           yes: askLocalLLM, LocalChat, OnPremEmbedding, (*LocalModel).Complete
//	locality word qualifying something else    no:  localTime, localStorage, localAddr, summarizeLocalText
//	locality adverb + inference verb           yes: translateLocally, embedLocally, chatLocalOnly
//	locality adverb + call verb                only with model context: draftOffline in package llm, not runLocally
//	honest word in name or receiver            no:  callOllamaOrCloud, chatWithFallback, askViaRouter, ollamaWebSearch
//	receiver runtime word + Chat/Generate      yes: (*OllamaClient).Chat, (LMStudio).Generate
//	receiver runtime word + Complete/Call      for clients outside registry/parser packages:
//	                                                (*LlamaCppClient).Complete yes, (*OllamaModel).Complete no
//	doc denial                                 yes: "No text leaves this computer"
//	doc locality with model context            yes, on inference-named functions: "runs the model locally"
//	doc storage, format or address mention     no:  "uses the local cache", "Ollama-compatible", "ollama.com"
//
// Runtime words are ollama, llamacpp, lmstudio, llamafile, localai, gpt4all,
// koboldcpp and mlx. vLLM is not one: it usually serves a model from a
// remote GPU server, so "vllmGenerate" names an engine, not a place. A
// project whose vLLM runs locally adds "vllm" to local.words. Llama alone
// is a model family served by many clouds, so "callLlama" promises nothing.
package names
