// Package retryablehttp is a stand-in for hashicorp/go-retryablehttp,
// written for these tests, with the shape the pool rule follows: NewClient
// builds a Client over cleanhttp's pooled client, and StandardClient wraps
// the Client in an *http.Client whose Transport keeps it.
package retryablehttp

import (
	"net/http"
	"sync"
	"time"

	"github.com/hashicorp/go-cleanhttp"
)

type CheckRetry func(resp *http.Response, err error) (bool, error)

type Client struct {
	HTTPClient   *http.Client
	Logger       interface{}
	RetryWaitMin time.Duration
	RetryMax     int
	CheckRetry   CheckRetry
}

// NewClient returns a client over a new pool.
func NewClient() *Client {
	return &Client{
		HTTPClient:   cleanhttp.DefaultPooledClient(),
		RetryWaitMin: time.Second,
		RetryMax:     4,
	}
}

// Do sends req, retrying.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	return c.HTTPClient.Do(req)
}

// StandardClient returns an *http.Client that sends through c.
func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &RoundTripper{Client: c}}
}

// RoundTripper sends through a retrying Client.
type RoundTripper struct {
	Client *Client
	once   sync.Once
}

func (rt *RoundTripper) init() {
	if rt.Client == nil {
		rt.Client = NewClient()
	}
}

func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.once.Do(rt.init)
	return rt.Client.Do(req)
}

// Registry keeps every client it is given.
var registry []*Client

// Register keeps c for later: it does not only wrap it.
func Register(c *Client) *http.Client {
	registry = append(registry, c)
	return &http.Client{Transport: &RoundTripper{Client: c}}
}
