// Package deadlinebuild builds requests for package deadlineparam in
// another package: an interface method (livekit's
// signalling.Signalling.HTTPRequestForValidate) and a plain function.
package deadlinebuild

import (
	"context"
	"net/http"
)

// Signalling builds the validate request on the context it is given.
type Signalling interface {
	HTTPRequestForValidate(ctx context.Context, urlPrefix, token string, protocol int) (*http.Request, error)
}

type signalling struct{}

// New returns the package's Signalling.
func New() Signalling { return signalling{} }

func (signalling) HTTPRequestForValidate(ctx context.Context, urlPrefix, token string, protocol int) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, urlPrefix+"/rtc/validate", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return req, nil
}

// NewGet builds a GET request on ctx.
func NewGet(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// NewGetAny builds a GET request on ctx; extra is anything at all.
func NewGetAny(ctx context.Context, url string, extra any) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// NewGetBoth builds a GET request on one of two contexts.
func NewGetBoth(ctx, other context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(other, http.MethodGet, url, nil)
}

// Options configures NewGetOpts.
type Options struct {
	URL     string
	Headers map[string]string
	Retries int
	// OnDone is called with the context of the request: it takes a
	// context, it does not hand one over.
	OnDone func(context.Context, error)
}

// NewGetOpts builds a GET request on ctx from opts.
func NewGetOpts(ctx context.Context, opts *Options) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, opts.URL, nil)
}

// CtxOptions carries a context of its own.
type CtxOptions struct {
	URL string
	Ctx context.Context
}

// NewGetCtxOpts builds a GET request on ctx, or on opts.Ctx.
func NewGetCtxOpts(ctx context.Context, opts CtxOptions) (*http.Request, error) {
	if opts.Ctx != nil {
		ctx = opts.Ctx
	}
	return http.NewRequestWithContext(ctx, http.MethodGet, opts.URL, nil)
}

// Getter hands a context over through a function result.
type Getter struct {
	URL string
	Ctx func() context.Context
}

// NewGetGetter builds a GET request on ctx, or on g.Ctx().
func NewGetGetter(ctx context.Context, g Getter) (*http.Request, error) {
	if g.Ctx != nil {
		ctx = g.Ctx()
	}
	return http.NewRequestWithContext(ctx, http.MethodGet, g.URL, nil)
}

// Config nests plain data eight levels deep (livekit's ConnectParams
// reaches webrtc's codec tables five levels down).
type Config struct{ L *level1 }

type level1 struct{ L []level2 }
type level2 struct{ L map[string]*level3 }
type level3 struct{ L [2]level4 }
type level4 struct{ L *level5 }
type level5 struct{ L []*level6 }
type level6 struct{ L level7 }
type level7 struct {
	Name string
	Next *level1 // a cycle
}

// NewGetConfig builds a GET request on ctx.
func NewGetConfig(ctx context.Context, url string, cfg *Config) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// Deep nests a context seven levels down.
type Deep struct{ L *deep1 }

type deep1 struct{ L []deep2 }
type deep2 struct{ L map[string]*deep3 }
type deep3 struct{ L [2]deep4 }
type deep4 struct{ L *deep5 }
type deep5 struct{ L []*deep6 }
type deep6 struct{ L deep7 }
type deep7 struct{ Ctx context.Context }

// NewGetDeep builds a GET request on ctx (or on the one deep inside d).
func NewGetDeep(ctx context.Context, url string, d Deep) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}
