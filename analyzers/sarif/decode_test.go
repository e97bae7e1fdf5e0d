package sarif

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/internal/report"
)

// The test-side view of a SARIF log. It spells the SARIF property names
// independently of model.go, so a wrong JSON tag there fails the tests
// instead of round-tripping silently.

type tLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []tRun `json:"runs"`
}

type tRun struct {
	Tool struct {
		Driver tDriver `json:"driver"`
	} `json:"tool"`
	AutomationDetails struct {
		ID string `json:"id"`
	} `json:"automationDetails"`
	OriginalURIBaseIDs map[string]struct {
		URI string `json:"uri"`
	} `json:"originalUriBaseIds"`
	ColumnKind string    `json:"columnKind"`
	Results    []tResult `json:"results"`
}

type tDriver struct {
	Name            string  `json:"name"`
	Version         string  `json:"version"`
	SemanticVersion string  `json:"semanticVersion"`
	InformationURI  string  `json:"informationUri"`
	Rules           []tRule `json:"rules"`
}

type tText struct {
	Text string `json:"text"`
}

type tRule struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	ShortDescription tText  `json:"shortDescription"`
	FullDescription  tText  `json:"fullDescription"`
	Help             struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	} `json:"help"`
	HelpURI              string `json:"helpUri"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
	Properties struct {
		Tags            []string `json:"tags"`
		Precision       string   `json:"precision"`
		ProblemSeverity string   `json:"problem.severity"`
	} `json:"properties"`
}

type tResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             tText             `json:"message"`
	Locations           []tLocation       `json:"locations"`
	RelatedLocations    []tLocation       `json:"relatedLocations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type tLocation struct {
	ID               int `json:"id"`
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region *tRegion `json:"region"`
	} `json:"physicalLocation"`
	Message *tText `json:"message"`
}

type tRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

var testTool = Tool{Name: "zombiecheck", Version: "v1.2.3", InformationURI: "https://github.com/zombiecheck/zombiecheck"}

// writeLog runs Write and returns the raw document and its decoded form. It
// also checks every document against the SARIF structure (validate_test.go),
// so each test doubles as a validity test.
func writeLog(t *testing.T, root string, rules []report.Rule, findings []Finding) ([]byte, tLog) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, root, testTool, rules, findings); err != nil {
		t.Fatalf("Write: %v", err)
	}
	var generic any
	if err := json.Unmarshal(buf.Bytes(), &generic); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, buf.Bytes())
	}
	for _, problem := range validateSARIF(generic) {
		t.Errorf("invalid SARIF: %s", problem)
	}
	var log tLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatalf("decoding output: %v", err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return buf.Bytes(), log
}

// resultFor returns the only result whose message is msg.
func resultFor(t *testing.T, run tRun, msg string) tResult {
	t.Helper()
	var found []tResult
	for _, r := range run.Results {
		if r.Message.Text == msg {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("got %d results with message %q, want 1", len(found), msg)
	}
	return found[0]
}

func regionOf(t *testing.T, loc tLocation) tRegion {
	t.Helper()
	if loc.PhysicalLocation.Region == nil {
		t.Fatalf("location %+v has no region", loc)
	}
	return *loc.PhysicalLocation.Region
}

func jsonUnmarshalString(s string, v any) error { return json.Unmarshal([]byte(s), v) }
