// Command mainonce builds Transports in functions that a command runs once
// (syncthing cmd/syncthing/main.go:498 upgradeViaRest, called on the
// --upgrade path of main) and in functions it runs many times.
package main

import (
	"crypto/tls"
	"flag"
	"net/http"
	"os"
	"time"
)

func main() {
	upgrade := flag.Bool("upgrade", false, "upgrade and exit")
	flag.Parse()
	if *upgrade {
		if err := upgradeViaRest("https://localhost:8384/rest/system/upgrade"); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	setup()
	for _, u := range flag.Args() {
		poll(u)
	}
	go watch("https://localhost:8384/rest/events")
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		proxyOnce(r.URL.String())
	})
	_ = recurse(3)
	http.ListenAndServe(":8080", nil)
}

// ---- negatives: each runs once per process ----

func upgradeViaRest(target string) error {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	resp, err := client.Post(target, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Called once from main, through a helper that also runs once.
func setup() { register("https://localhost:8384/rest/register") }

func register(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// A goroutine started once.
func watch(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

func init() {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	if resp, err := c.Get("https://localhost:8384/rest/ping"); err == nil {
		resp.Body.Close()
	}
}

// ---- positives: run many times ----

// Called in a loop of main.
func poll(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// Called from a handler closure: once per request.
func proxyOnce(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// Calls itself.
func recurse(n int) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	resp, err := c.Get("https://localhost:8384/")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if n > 0 {
		return recurse(n - 1)
	}
	return nil
}

// Exported, and used as a func value: callers unknown.
func Fetch(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

var fetchers = []func(string){fetchValue}

func fetchValue(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// A command's Run method, called by a CLI framework through an
// interface (syncthing's serveOptions.Run): its callers are unknown, but
// every path after the call exits the process.
type serveOptions struct{ Upgrade, Check bool }

func (o serveOptions) Run() error {
	if o.Upgrade {
		err := upgradeOnce("https://localhost:8384/rest/system/upgrade")
		if err != nil {
			os.Exit(1)
		}
		os.Exit(3)
	}
	if o.Check {
		if err := checkRepeat("https://localhost:8384/rest/system/version"); err != nil {
			return err
		}
	}
	return nil
}

func upgradeOnce(target string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Post(target, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A path after the call returns: Run may be called again.
func checkRepeat(u string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute} // want `new http.Transport per call`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type runner interface{ Run() error }

var _ runner = serveOptions{}
