// Package quiet is excluded by the policy.
package quiet

import "net/http"

func Legacy(u string) { http.Get(u) }
