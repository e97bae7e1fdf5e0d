// Package sdkuse4 calls the remaining langchaingo providers and genkit
// (stubs with the real import paths) from functions that promise a local
// model, and from honest ones.
package sdkuse4

import (
	"context"
	"net/url"
	"os"

	"github.com/IBM/watsonx-go/pkg/models"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/bedrock"
	"github.com/tmc/langchaingo/llms/cloudflare"
	"github.com/tmc/langchaingo/llms/cohere"
	"github.com/tmc/langchaingo/llms/ernie"
	"github.com/tmc/langchaingo/llms/googleai"
	"github.com/tmc/langchaingo/llms/googleai/palm"
	"github.com/tmc/langchaingo/llms/googleai/vertex"
	"github.com/tmc/langchaingo/llms/maritaca"
	"github.com/tmc/langchaingo/llms/openai"
	"github.com/tmc/langchaingo/llms/watsonx"
)

// ---- cohere: COHERE_BASE_URL, WithBaseURL, else api.cohere.ai ----

func askLocalLLM(ctx context.Context, q string) (string, error) { // want `askLocalLLM promises a local model but reaches api.cohere.ai: askLocalLLM → llms.GenerateFromSinglePrompt`
	llm, err := cohere.New(cohere.WithModel("command-r"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

func chatLocally(ctx context.Context, q string) (string, error) {
	llm, err := cohere.New(cohere.WithBaseURL("http://localhost:8080"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func generateLocally(ctx context.Context, q string) (string, error) { // want `generateLocally promises a local model but reaches cohere.example.net`
	llm, err := cohere.New(cohere.WithBaseURL("https://cohere.example.net"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// An honest name: the cloud is what it says.
func askCohere(ctx context.Context, q string) (string, error) {
	llm, err := cohere.New()
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- bedrock: bedrock-runtime.{region}.amazonaws.com, or WithClient ----

func localSummary(ctx context.Context, q string) (string, error) { // want `localSummary promises a local model but reaches bedrock-runtime.region.amazonaws.com: localSummary → \(\*bedrock.LLM\).Call`
	llm, err := bedrock.New(bedrock.WithModel("meta.llama3-8b-instruct-v1:0"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localSummaryWithContext(ctx context.Context, q string) (string, error) { // want `localSummaryWithContext promises a local model but reaches bedrock-runtime.region.amazonaws.com`
	llm, err := bedrock.NewWithContext(ctx)
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// A client of the caller's, with a local endpoint.
func summarizeLocally(ctx context.Context, cfg aws.Config, q string) (string, error) {
	c := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {
		o.BaseEndpoint = aws.String("http://localhost:4566")
	})
	llm, err := bedrock.New(bedrock.WithClient(c))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// A client of the caller's with the default endpoint.
func offlineSummary(ctx context.Context, cfg aws.Config, q string) (string, error) { // want `offlineSummary promises a local model but reaches bedrock-runtime.region.amazonaws.com`
	llm, err := bedrock.New(bedrock.WithClient(bedrockruntime.NewFromConfig(cfg)))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- googleai/vertex: {location}-aiplatform.googleapis.com ----

func localGemma(ctx context.Context, q string) (string, error) { // want `localGemma promises a local model but reaches us-central1-aiplatform.googleapis.com: localGemma → \(\*vertex.Vertex\).Call`
	llm, err := vertex.New(ctx, googleai.WithCloudProject("p"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func embedLocally(ctx context.Context, texts []string) error { // want `embedLocally promises a local model but reaches europe-west4-aiplatform.googleapis.com`
	llm, err := vertex.New(ctx, googleai.WithCloudProject("p"), googleai.WithCloudLocation("europe-west4"))
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, texts)
	return err
}

// A location the table cannot read: external whatever it is.
func localGemmaIn(ctx context.Context, q string) (string, error) { // want `localGemmaIn promises a local model but reaches region-aiplatform.googleapis.com`
	llm, err := vertex.New(ctx, googleai.WithCloudLocation(os.Getenv("REGION")))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

// The location does not move the Gemini API.
func localGemmaChat(ctx context.Context, q string) (string, error) { // want `localGemmaChat promises a local model but reaches generativelanguage.googleapis.com`
	llm, err := googleai.New(ctx, googleai.WithCloudLocation("europe-west4"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- googleai/palm: the project names the endpoint (v0.1.14 swaps
// project and location) ----

func localPaLMChat(ctx context.Context, q string) (string, error) { // want `localPaLMChat promises a local model but reaches my-project-aiplatform.googleapis.com`
	llm, err := palm.New(palm.WithProjectID("my-project"), palm.WithLocation("us-central1"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func offlinePaLMModel(ctx context.Context, q string) (string, error) { // want `offlinePaLMModel promises a local model but reaches region-aiplatform.googleapis.com`
	llm, err := palm.New()
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- cloudflare: no default; WithServerURL, WithCloudflareServerURL ----

func localWorkersAI(ctx context.Context, q string) (string, error) { // want `localWorkersAI promises a local model but reaches api.cloudflare.com`
	llm, err := cloudflare.New(cloudflare.WithAccountID("a"), cloudflare.WithServerURL("https://api.cloudflare.com/client/v4/accounts"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localWorkersAIEmbedding(ctx context.Context, texts []string) error { // want `localWorkersAIEmbedding promises a local model but reaches api.cloudflare.com`
	u, _ := url.Parse("https://api.cloudflare.com/client/v4/accounts")
	llm, err := cloudflare.New(cloudflare.WithCloudflareServerURL(u))
	if err != nil {
		return err
	}
	_, err = llm.CreateEmbedding(ctx, texts)
	return err
}

func localWorkerChat(ctx context.Context, q string) (string, error) {
	llm, err := cloudflare.New(cloudflare.WithServerURL("http://localhost:8787"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// No server URL: the requests have no host (they fail).
func localWorkerCompletion(ctx context.Context, q string) (string, error) {
	llm, err := cloudflare.New(cloudflare.WithAccountID("a"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- ernie, maritaca: fixed hosts; their URL options are never read ----

func localErnieChat(ctx context.Context, q string) (string, error) { // want `localErnieChat promises a local model but reaches aip.baidubce.com`
	llm, err := ernie.New(ernie.WithAKSK("k", "s"), ernie.WithBaseURL("http://localhost:8080"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localMaritacaChat(ctx context.Context, q string) (string, error) { // want `localMaritacaChat promises a local model but reaches chat.maritaca.ai`
	llm, err := maritaca.New(maritaca.WithToken("t"), maritaca.WithServerURL("http://localhost:8080"))
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, q)
}

// ---- watsonx: {region}.ml.cloud.ibm.com, or WithURL (a host) ----

func localGraniteModel(ctx context.Context, q string) (string, error) { // want `localGraniteModel promises a local model but reaches us-south.ml.cloud.ibm.com`
	llm, err := watsonx.New("ibm/granite-13b-chat-v2", models.WithWatsonxAPIKey("k"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

func localGraniteChat(ctx context.Context, q string) (string, error) { // want `localGraniteChat promises a local model but reaches eu-de.ml.cloud.ibm.com`
	llm, err := watsonx.New("ibm/granite-13b-chat-v2", models.WithRegion(models.EU_DE))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// The URL wins over the region, in any order.
func localGraniteModelServer(ctx context.Context, q string) (string, error) {
	llm, err := watsonx.New("ibm/granite-13b-chat-v2", models.WithURL("localhost:8080"), models.WithRegion("eu-de"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}

// ---- openai's Azure API type: the base URL still decides ----

func localGPTChat(ctx context.Context, q string) (string, error) { // want `localGPTChat promises a local model but reaches my-resource.openai.azure.com`
	llm, err := openai.New(openai.WithAPIType(openai.APITypeAzure), openai.WithModel("gpt-4o"),
		openai.WithBaseURL("https://my-resource.openai.azure.com"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, q)
}
