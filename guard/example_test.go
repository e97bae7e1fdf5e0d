package guard_test

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/zombiecheck/zombiecheck/analyzers/policyfile"
	"github.com/zombiecheck/zombiecheck/guard"
)

func Example() {
	// Usually guard.Load(".zombiecheck.yaml"); parsed inline here.
	pol, err := policyfile.Parse(".zombiecheck.yaml", []byte(`version: 1
egress:
  allow: [api.anthropic.com]
  deny:
    - openrouter.ai
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := guard.New(guard.Options{Policy: pol})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The wrap does not replace a timeout: the client keeps its own.
	client := &http.Client{Timeout: 30 * time.Second, Transport: g.RoundTripper(http.DefaultTransport)}

	// Refused before any DNS lookup or connection.
	resp, err := client.Get("https://openrouter.ai/api/v1/chat/completions")
	if err == nil {
		resp.Body.Close()
	}
	var fe *guard.ForbiddenError
	if errors.As(err, &fe) {
		fmt.Println(fe.Host, fe.Rule, fe.Line)
		fmt.Println(fe)
	}
	// Output:
	// openrouter.ai egress.deny 5
	// guard: openrouter.ai is forbidden by .zombiecheck.yaml:5 (egress.deny openrouter.ai); route the call to an allowed host, or change the policy in review
}
