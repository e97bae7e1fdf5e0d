// Package testboundanalyse: under "tests: analyse", a test file's use of
// http.DefaultClient is excused by the test binary's own assignment, while
// the production use is still reported.
package testboundanalyse

import "net/http"

func fetch(req *http.Request) (*http.Response, error) {
	return http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
}
