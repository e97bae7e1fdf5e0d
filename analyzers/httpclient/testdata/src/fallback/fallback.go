package fallback

import (
	"net/http"
	"time"
)

type Options struct {
	HTTPClient *http.Client
}

type Client struct {
	hc *http.Client
}

// Positives: a nil check handing http.DefaultClient to every caller.

func New(hc *http.Client) *Client {
	if hc == nil {
		hc = http.DefaultClient // want `this nil fallback hands it to every caller that leaves hc unset`
	}
	return &Client{hc: hc}
}

func NewWithOptions(opts Options) *Client {
	if opts.HTTPClient == nil {
		opts.HTTPClient = http.DefaultClient // want `nil fallback hands it to every caller that leaves opts.HTTPClient unset`
	}
	return &Client{hc: opts.HTTPClient}
}

func (c *Client) client() *http.Client {
	if nil == c.hc {
		c.hc = http.DefaultClient // want `nil fallback hands it to every caller that leaves c.hc unset`
	}
	return c.hc
}

func inClosure() func(*http.Client) *http.Client {
	return func(hc *http.Client) *http.Client {
		if hc == nil {
			hc = http.DefaultClient // want `nil fallback hands it to every caller that leaves hc unset`
		}
		return hc
	}
}

// Not a nil fallback: still a plain use of http.DefaultClient, reported with
// the ordinary message, never with the fallback one.

func otherVariable(hc *http.Client) *http.Client {
	var other *http.Client
	if hc == nil {
		other = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return other
}

func notNilCheck(hc *http.Client, ok bool) *http.Client {
	if !ok {
		hc = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return hc
}

func elseBranch(hc *http.Client) *http.Client {
	if hc != nil {
		return hc
	} else {
		hc = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return hc
}

// Negatives: a fallback to a client with a Timeout, and comparisons only.

var shared = &http.Client{Timeout: 30 * time.Second}

func NewBounded(hc *http.Client) *Client {
	if hc == nil {
		hc = shared
	}
	return &Client{hc: hc}
}

func NewBoundedLiteral(opts Options) *Client {
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	return &Client{hc: opts.HTTPClient}
}

func isDefault(hc *http.Client) bool {
	return hc == nil || hc == http.DefaultClient
}

// A variable named nil is not the nil check.
func shadowedNil(hc, other *http.Client) *http.Client {
	nil := other
	if hc == nil {
		hc = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return hc
}

// Option defaults that end in http.DefaultClient: every caller that takes
// the defaults sends without a timeout. Reported at the reference, once.
type ClientOptions struct {
	HTTPClient *http.Client
	Retries    int
}

var DefaultOptions = ClientOptions{HTTPClient: http.DefaultClient, Retries: 3} // want `http.DefaultClient has no timeout`

func newWithDefaults() ClientOptions {
	opts := ClientOptions{Retries: 1, HTTPClient: http.DefaultClient} // want `http.DefaultClient has no timeout`
	return opts
}

// A default with a bounded client is fine.
var BoundedOptions = ClientOptions{HTTPClient: &http.Client{Timeout: time.Minute}}

// Comparing against the default client sends nothing.
func usesDefault(o ClientOptions) bool { return o.HTTPClient == http.DefaultClient }

// indigo util/http.go: the alias is the shared client, so the Timeout is
// set on every package's http.DefaultClient.
func testingClient() *http.Client {
	client := http.DefaultClient // want `client.Timeout = ... sets the field on http.DefaultClient itself, not on a copy`
	client.Timeout = time.Second
	return client
}

func varAlias() *http.Client {
	var hc = http.DefaultClient // want `hc.Transport = ... sets the field on http.DefaultClient itself`
	hc.Transport = &http.Transport{ResponseHeaderTimeout: time.Second}
	return hc
}

// A copy is a new client: it has its own Timeout, nothing shared changes.
func copiedClient() *http.Client {
	c := *http.DefaultClient
	c.Timeout = time.Second
	return &c
}

// An alias that is not written through keeps the plain message.
func plainAlias() *http.Client {
	c := http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	return c
}
