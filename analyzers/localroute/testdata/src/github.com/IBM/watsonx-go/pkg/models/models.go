// Package models is a minimal stub of github.com/IBM/watsonx-go/pkg/models:
// https://{URL}, or https://{region}.ml.cloud.ibm.com.
package models

type (
	WatsonxAPIKey    = string
	WatsonxProjectID = string
	IBMCloudRegion   = string
)

const (
	US_South IBMCloudRegion = "us-south"
	EU_DE    IBMCloudRegion = "eu-de"
)

type ClientOptions struct {
	URL       string
	Region    IBMCloudRegion
	apiKey    WatsonxAPIKey
	projectID WatsonxProjectID
}

type ClientOption func(*ClientOptions)

func WithURL(url string) ClientOption { return func(o *ClientOptions) { o.URL = url } }

func WithRegion(region IBMCloudRegion) ClientOption {
	return func(o *ClientOptions) { o.Region = region }
}

func WithWatsonxAPIKey(k WatsonxAPIKey) ClientOption { return func(o *ClientOptions) { o.apiKey = k } }

func WithWatsonxProjectID(p WatsonxProjectID) ClientOption {
	return func(o *ClientOptions) { o.projectID = p }
}
