// Package main pins the nocancel default: off in package main.
package main

import (
	"context"
	"log"
	"net/http"
	"time"
)

func endlessPublish(ctx context.Context, c *http.Client, url string) {
	for {
		resp, err := c.Get(url)
		if err != nil {
			log.Print(err)
			time.Sleep(5 * time.Second)
			continue
		}
		resp.Body.Close()
		time.Sleep(5 * time.Second)
	}
}

func hotMain(ctx context.Context, c *http.Client, url string) {
	for { // want `retries Client.Get at once`
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

func main() {
	endlessPublish(context.Background(), http.DefaultClient, "http://x")
	hotMain(context.Background(), http.DefaultClient, "http://x")
}
