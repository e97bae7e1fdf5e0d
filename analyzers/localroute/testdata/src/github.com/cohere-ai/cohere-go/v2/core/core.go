// Package core is a minimal stub of github.com/cohere-ai/cohere-go/v2/core:
// options are values of types implementing an interface.
package core

type RequestOptions struct{ BaseURL, Token string }

type RequestOption interface{ applyRequestOptions(*RequestOptions) }

type BaseURLOption struct{ BaseURL string }

func (b *BaseURLOption) applyRequestOptions(o *RequestOptions) { o.BaseURL = b.BaseURL }

type TokenOption struct{ Token string }

func (t *TokenOption) applyRequestOptions(o *RequestOptions) { o.Token = t.Token }

func NewRequestOptions(opts ...RequestOption) *RequestOptions {
	o := &RequestOptions{}
	for _, opt := range opts {
		opt.applyRequestOptions(o)
	}
	return o
}
