// Package usehelpers relies on package helpers' summaries (facts).
package usehelpers

import (
	"helpers"
	"net/http"
)

func closedByHelper(u string) {
	resp, err := http.DefaultClient.Get(u)
	if err != nil {
		return
	}
	defer helpers.CloseBody(resp.Body)
}

func closedByResponseHelper(u string) {
	resp, err := http.DefaultClient.Get(u)
	if err != nil {
		return
	}
	helpers.CloseResponse(resp)
}

func drainedButNotClosed(u string) {
	resp, err := http.DefaultClient.Get(u) // want `response body from \(\*http.Client\).Get is not closed`
	if err != nil {
		return
	}
	helpers.Drain(resp.Body)
}

func fetchedAndLeaked(u string) int {
	resp, err := helpers.Fetch(u) // want `response body from helpers.Fetch is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func fetchedAndClosed(u string) {
	resp, err := helpers.Fetch(u)
	if err != nil {
		return
	}
	defer helpers.CloseBody(resp.Body)
}

func keptByMethod(k *helpers.Keeper, u string) {
	resp, err := helpers.Fetch(u)
	if err != nil {
		return
	}
	k.Keep(resp)
}

func closedVariadic(u string) {
	resp, err := helpers.Fetch(u)
	if err != nil {
		return
	}
	helpers.CloseAll(resp.Body)
}

func releasedToHandledHelper(u string) {
	resp, err := helpers.Fetch(u)
	if err != nil {
		return
	}
	helpers.Release(resp)
}

func inspectedOnly(u string) {
	resp, err := helpers.Fetch(u) // want `response body from helpers.Fetch is not closed`
	if err != nil {
		return
	}
	helpers.Inspect(resp)
}

func parkedAsAny(u string) {
	resp, err := helpers.Fetch(u)
	if err != nil {
		return
	}
	helpers.Park(resp)
}
