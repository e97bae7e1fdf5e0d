package a

import "net/http"

// Test files are not reported: tests talk to httptest servers with plain
// http.Get all the time.
func helperInTest(u string) { http.Get(u) }
