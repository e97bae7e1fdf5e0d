// Package option is a minimal stub of google.golang.org/api/option: options
// are values of unexported types implementing ClientOption.
package option

type settings struct{ endpoint, key, universe string }

type ClientOption interface{ Apply(*settings) }

type withEndpoint string

func (w withEndpoint) Apply(s *settings) { s.endpoint = string(w) }

func WithEndpoint(url string) ClientOption { return withEndpoint(url) }

type withAPIKey string

func (w withAPIKey) Apply(s *settings) { s.key = string(w) }

func WithAPIKey(apiKey string) ClientOption { return withAPIKey(apiKey) }

type withUniverseDomain string

func (w withUniverseDomain) Apply(s *settings) { s.universe = string(w) }

func WithUniverseDomain(ud string) ClientOption { return withUniverseDomain(ud) }
