package fix

import "net/http"

func status(u string) (int, error) {
	resp, err := http.DefaultClient.Get(u) // want `is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
