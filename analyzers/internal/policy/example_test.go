package policy

import (
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

// examplePath is the documented example policy at the module root.
const examplePath = "../../../policy.example.yaml"

// TestExampleFile keeps policy.example.yaml honest: it must be a valid
// policy, and it must set every key of the schema (uncommented), so a key
// added to the schema without documentation fails here.
func TestExampleFile(t *testing.T) {
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(examplePath, data)
	if err != nil {
		t.Fatalf("the example policy is invalid: %v", err)
	}

	// The example documents the defaults of the scalar keys.
	def := Default()
	if p.Version != def.Version || p.Egress.Default != def.Egress.Default ||
		p.Egress.Strict != def.Egress.Strict || p.ZombieLoop.Short != def.ZombieLoop.Short ||
		p.Tests != def.Tests {
		t.Errorf("the example's scalar values differ from the defaults: %+v", p)
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	present := make(map[string]bool)
	var walk func(prefix string, n *yaml.Node)
	walk = func(prefix string, n *yaml.Node) {
		if n.Kind == yaml.DocumentNode {
			for _, c := range n.Content {
				walk(prefix, c)
			}
			return
		}
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := joinPath(prefix, n.Content[i].Value)
			present[k] = true
			walk(k, n.Content[i+1])
		}
	}
	walk("", &doc)
	for _, key := range schemaKeys() {
		if !present[key] {
			t.Errorf("policy.example.yaml does not set %s", key)
		}
	}
}

// TestEmbeddedDefaults checks that the embedded defaults parse (Default
// panics otherwise) and carry no file identity.
func TestEmbeddedDefaults(t *testing.T) {
	p, err := parse("defaults.yaml", defaultsYAML)
	if err != nil {
		t.Fatal(err)
	}
	if p.File != "" || p.Hash != "" {
		t.Errorf("embedded defaults have File %q Hash %q", p.File, p.Hash)
	}
}
