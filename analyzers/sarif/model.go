package sarif

// The subset of the SARIF 2.1.0 object model that we write. Field order is
// the order in which encoding/json writes them, and the maps (properties,
// fingerprints, base IDs) are written with sorted keys, so the same input
// always gives byte-identical output.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	AutomationDetails  *automationDetails          `json:"automationDetails,omitempty"`
	OriginalURIBaseIDs map[string]artifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []result                    `json:"results"` // never omitted: an empty list means "ran, found nothing"
}

type automationDetails struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver driver `json:"driver"`
}

type driver struct {
	Name            string                `json:"name"`
	Version         string                `json:"version,omitempty"`
	SemanticVersion string                `json:"semanticVersion,omitempty"`
	InformationURI  string                `json:"informationUri,omitempty"`
	Rules           []reportingDescriptor `json:"rules"`
}

type reportingDescriptor struct {
	ID                   string                 `json:"id"`
	Name                 string                 `json:"name,omitempty"`
	ShortDescription     message                `json:"shortDescription"`
	FullDescription      message                `json:"fullDescription"`
	Help                 *multiformatMessage    `json:"help,omitempty"`
	HelpURI              string                 `json:"helpUri,omitempty"`
	DefaultConfiguration reportingConfiguration `json:"defaultConfiguration"`
	Properties           ruleProperties         `json:"properties"`
}

type message struct {
	Text string `json:"text"`
}

type multiformatMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type reportingConfiguration struct {
	Level string `json:"level"`
}

// ruleProperties are the property-bag entries GitHub reads from a rule.
type ruleProperties struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
	// ProblemSeverity is GitHub's severity for non-security alerts
	// (error, warning, recommendation).
	ProblemSeverity string `json:"problem.severity,omitempty"`
}

type result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"` // no omitempty: 0 is a valid index
	Level               string            `json:"level"`
	Message             message           `json:"message"`
	Locations           []location        `json:"locations,omitempty"`
	RelatedLocations    []location        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type location struct {
	ID               int               `json:"id,omitempty"` // related locations are numbered from 1; the primary has none
	PhysicalLocation *physicalLocation `json:"physicalLocation,omitempty"`
	Message          *message          `json:"message,omitempty"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           *region          `json:"region,omitempty"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// region holds 1-based lines and UTF-16 columns; zero fields are unknown and
// omitted (SARIF then defaults the end to the end of the start line).
type region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}
