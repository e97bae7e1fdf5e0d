package badpolicy

import "net/http"

func Ping(u string) { http.Get(u) }
