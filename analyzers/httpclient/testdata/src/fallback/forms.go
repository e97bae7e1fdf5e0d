package fallback

import "net/http"

type conf struct{ http *http.Client }

// The if/else form (eino-ext's acl/openai chat model): the caller's field
// is copied when set, DefaultClient taken when not.
func NewConf(opts Options) *conf {
	c := &conf{}
	if opts.HTTPClient == nil {
		c.http = http.DefaultClient // want `nil fallback hands it to every caller that leaves opts.HTTPClient unset`
	} else {
		c.http = opts.HTTPClient
	}
	return c
}

// The getter form (oras, kronk's hf client).
func (c *Client) httpClient() *http.Client {
	if c.hc == nil {
		return http.DefaultClient // want `nil fallback hands it to every caller that leaves c.hc unset`
	}
	return c.hc
}

// An else that copies something else: not the caller's value falling
// back, an ordinary use.
func NewConfOther(opts Options, other *http.Client) *conf {
	c := &conf{}
	if opts.HTTPClient == nil {
		c.http = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	} else {
		c.http = other
	}
	return c
}

// A return in a longer if body: an ordinary use.
func (c *Client) httpClientLogged(log func(string)) *http.Client {
	if c.hc == nil {
		log("no client")
		return http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return c.hc
}

// The != form (scs-library-client): the fallback sits in the else.
func NewConfNotNil(opts Options) *conf {
	c := &conf{}
	if opts.HTTPClient != nil {
		c.http = opts.HTTPClient
	} else {
		c.http = http.DefaultClient // want `nil fallback hands it to every caller that leaves opts.HTTPClient unset`
	}
	return c
}

// The != form whose body copies something else: ordinary.
func NewConfNotNilOther(opts Options, other *http.Client) *conf {
	c := &conf{}
	if opts.HTTPClient != nil {
		c.http = other
	} else {
		c.http = http.DefaultClient // want `http.DefaultClient has no timeout: a stalled server blocks this request forever`
	}
	return c
}
