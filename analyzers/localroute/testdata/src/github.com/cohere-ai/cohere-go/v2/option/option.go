// Package option is a minimal stub of github.com/cohere-ai/cohere-go/v2/option.
package option

import "github.com/cohere-ai/cohere-go/v2/core"

type RequestOption = core.RequestOption

func WithBaseURL(baseURL string) *core.BaseURLOption { return &core.BaseURLOption{BaseURL: baseURL} }

func WithToken(token string) *core.TokenOption { return &core.TokenOption{Token: token} }
