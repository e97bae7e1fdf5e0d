package hosts_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/hosts"
	"github.com/zombiecheck/zombiecheck/analyzers/internal/policy"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		host string
		want hosts.Locality
	}{
		// Local.
		{"localhost", hosts.Local},
		{"LOCALHOST.", hosts.Local},
		{"localhost:11434", hosts.Local},
		{"ollama.localhost", hosts.Local},
		{"127.0.0.1", hosts.Local},
		{"127.0.0.5", hosts.Local},
		{"127.0.0.1:8080", hosts.Local},
		{"::1", hosts.Local},
		{"[::1]:8080", hosts.Local},
		{"[::1]", hosts.Local},
		{"::ffff:127.0.0.1", hosts.Local},
		{"0.0.0.0", hosts.Local},
		{"0.0.0.0:8000", hosts.Local},
		{"::", hosts.Local},
		{"host.docker.internal", hosts.Local},
		{"host.docker.internal:11434", hosts.Local},
		{"host.containers.internal", hosts.Local},
		{"gateway.docker.internal", hosts.Local},
		{"unix:/var/run/ollama.sock", hosts.Local},
		// Private: a LAN or a name that resolves only inside one.
		{"10.0.0.5", hosts.Private},
		{"10.0.0.5:11434", hosts.Private},
		{"172.16.3.4", hosts.Private},
		{"192.168.1.20", hosts.Private},
		{"100.64.0.1", hosts.Private},
		{"169.254.169.254", hosts.Private},
		{"fd00::1", hosts.Private},
		{"[fe80::1%eth0]:80", hosts.Private},
		{"ollama", hosts.Private},
		{"ollama:11434", hosts.Private},
		{"gpu-box.local", hosts.Private},
		{"llm.corp.internal", hosts.Private},
		{"nas.lan", hosts.Private},
		{"server.home.arpa", hosts.Private},
		// External.
		{"api.openai.com", hosts.External},
		{"API.OpenAI.com:443", hosts.External},
		{"api.groq.com", hosts.External},
		{"openrouter.ai", hosts.External},
		{"generativelanguage.googleapis.com", hosts.External},
		{"8.8.8.8", hosts.External},
		{"[2001:4860:4860::8888]:443", hosts.External},
		{"172.32.0.1", hosts.External},
		{"notlocalhost.com", hosts.External},
		{"localhost.evil.com", hosts.External},
		// Unknown.
		{"", hosts.LocalityUnknown},
		{"  ", hosts.LocalityUnknown},
		{"$OLLAMA_HOST", hosts.LocalityUnknown},
		{"10.0.0", hosts.LocalityUnknown},
		{"%s", hosts.LocalityUnknown},
		{"exa mple.com", hosts.LocalityUnknown},
		{"host:port", hosts.LocalityUnknown},
	}
	for _, tt := range tests {
		if got := hosts.Classify(tt.host, nil); got != tt.want {
			t.Errorf("Classify(%q) = %s, want %s", tt.host, got, tt.want)
		}
	}
}

func TestClassifyExtraLocal(t *testing.T) {
	var extra []policy.HostPattern
	for _, s := range []string{"gpu-box.lan", "*.models.corp.example", "10.1.0.0/16"} {
		p, err := policy.ParseHostPattern(s)
		if err != nil {
			t.Fatal(err)
		}
		extra = append(extra, p)
	}
	tests := []struct {
		host string
		want hosts.Locality
	}{
		{"gpu-box.lan", hosts.Local},
		{"gpu-box.lan:8080", hosts.Local},
		{"llama.models.corp.example", hosts.Local},
		{"models.corp.example", hosts.External},
		{"10.1.2.3", hosts.Local},
		{"10.2.0.1", hosts.Private},
		{"api.openai.com", hosts.External},
		{"localhost", hosts.Local},
	}
	for _, tt := range tests {
		if got := hosts.Classify(tt.host, extra); got != tt.want {
			t.Errorf("Classify(%q, extra) = %s, want %s", tt.host, got, tt.want)
		}
	}
}

func TestLocalityString(t *testing.T) {
	for l, want := range map[hosts.Locality]string{
		hosts.LocalityUnknown: "unknown", hosts.Local: "local", hosts.Private: "private", hosts.External: "external",
	} {
		if got := l.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", l, got, want)
		}
	}
}
