package sarif

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// validateSARIF checks a decoded JSON document against the parts of the
// SARIF 2.1.0 schema that matter for what we write: required properties,
// enumerations, minimum values, cross-references (ruleIndex), and — since the
// schema sets additionalProperties to false on these objects — that no
// property name is misspelt. It needs no network and no schema file; the
// property lists are transcribed from the SARIF 2.1.0 specification.
func validateSARIF(doc any) []string {
	v := &validator{}
	v.log(doc)
	return v.problems
}

var allowedProps = map[string][]string{
	"sarifLog": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
	"run": {"tool", "invocations", "conversion", "language", "versionControlProvenance",
		"originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails",
		"runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
		"newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations",
		"taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
		"specialLocations", "properties"},
	"tool": {"driver", "extensions", "properties"},
	"toolComponent": {"guid", "name", "organization", "product", "productSuite", "shortDescription",
		"fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
		"releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications",
		"rules", "taxa", "locations", "language", "contents", "isComprehensive",
		"localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
		"associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"},
	"reportingDescriptor": {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
		"shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help",
		"relationships", "properties"},
	"multiformatMessageString": {"text", "markdown", "properties"},
	"message":                  {"text", "markdown", "id", "arguments", "properties"},
	"reportingConfiguration":   {"enabled", "level", "rank", "parameters", "properties"},
	"runAutomationDetails":     {"description", "id", "guid", "correlationGuid", "properties"},
	"result": {"ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations",
		"guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
		"codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState",
		"rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
		"webRequest", "webResponse", "properties"},
	"location":         {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"},
	"physicalLocation": {"address", "artifactLocation", "region", "contextRegion", "properties"},
	"artifactLocation": {"uri", "uriBaseId", "index", "description", "properties"},
	"region": {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
		"byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
}

type validator struct {
	problems []string
}

func (v *validator) errorf(path, format string, args ...any) {
	v.problems = append(v.problems, path+": "+fmt.Sprintf(format, args...))
}

// object checks that x is an object of the given SARIF type with only the
// schema's properties and the required ones present.
func (v *validator) object(path string, x any, kind string, required ...string) map[string]any {
	m, ok := x.(map[string]any)
	if !ok {
		v.errorf(path, "want %s object, got %T", kind, x)
		return nil
	}
	for k := range m {
		if !slices.Contains(allowedProps[kind], k) {
			v.errorf(path, "property %q is not allowed in %s", k, kind)
		}
	}
	for _, k := range required {
		if _, ok := m[k]; !ok {
			v.errorf(path, "%s lacks required property %q", kind, k)
		}
	}
	return m
}

func (v *validator) array(path string, x any) []any {
	a, ok := x.([]any)
	if !ok {
		v.errorf(path, "want array, got %T", x)
	}
	return a
}

func (v *validator) nonEmptyString(path string, x any) string {
	s, ok := x.(string)
	if !ok || s == "" {
		v.errorf(path, "want non-empty string, got %#v", x)
	}
	return s
}

// integer checks that x, if present, is an integer ≥ min.
func (v *validator) integer(path string, x any, min int) (int, bool) {
	if x == nil {
		return 0, false
	}
	f, ok := x.(float64)
	if !ok || f != float64(int(f)) || int(f) < min {
		v.errorf(path, "want integer ≥ %d, got %#v", min, x)
		return 0, false
	}
	return int(f), true
}

func (v *validator) enum(path string, x any, values ...string) {
	if x == nil {
		return
	}
	if s, ok := x.(string); !ok || !slices.Contains(values, s) {
		v.errorf(path, "want one of %v, got %#v", values, x)
	}
}

func (v *validator) log(doc any) {
	m := v.object("$", doc, "sarifLog", "version", "runs")
	if m == nil {
		return
	}
	v.enum("$.version", m["version"], "2.1.0")
	if m["version"] == nil {
		return
	}
	runs := v.array("$.runs", m["runs"])
	for i, r := range runs {
		v.run(fmt.Sprintf("$.runs[%d]", i), r)
	}
}

func (v *validator) run(path string, x any) {
	m := v.object(path, x, "run", "tool")
	if m == nil {
		return
	}
	v.enum(path+".columnKind", m["columnKind"], "utf16CodeUnits", "unicodeCodePoints")
	if ad, ok := m["automationDetails"]; ok {
		v.object(path+".automationDetails", ad, "runAutomationDetails")
	}
	if bases, ok := m["originalUriBaseIds"].(map[string]any); ok {
		for k, b := range bases {
			p := path + ".originalUriBaseIds." + k
			al := v.object(p, b, "artifactLocation")
			if uri, _ := al["uri"].(string); !strings.HasSuffix(uri, "/") {
				v.errorf(p, "base URI %q must end with a slash", uri)
			}
		}
	}
	var ruleIDs []string
	if tool := v.object(path+".tool", m["tool"], "tool", "driver"); tool != nil {
		driver := v.object(path+".tool.driver", tool["driver"], "toolComponent", "name")
		if driver != nil {
			v.nonEmptyString(path+".tool.driver.name", driver["name"])
			if rules, ok := driver["rules"]; ok {
				for i, r := range v.array(path+".tool.driver.rules", rules) {
					ruleIDs = append(ruleIDs, v.rule(fmt.Sprintf("%s.tool.driver.rules[%d]", path, i), r))
				}
			}
		}
	}
	if results, ok := m["results"]; ok {
		for i, r := range v.array(path+".results", results) {
			v.result(fmt.Sprintf("%s.results[%d]", path, i), r, ruleIDs)
		}
	}
}

func (v *validator) rule(path string, x any) string {
	m := v.object(path, x, "reportingDescriptor", "id")
	if m == nil {
		return ""
	}
	for _, k := range []string{"shortDescription", "fullDescription", "help"} {
		if d, ok := m[k]; ok {
			dm := v.object(path+"."+k, d, "multiformatMessageString", "text")
			if text, _ := dm["text"].(string); k != "help" && len(text) > maxDescription {
				v.errorf(path+"."+k, "text longer than %d bytes", maxDescription)
			}
		}
	}
	if c, ok := m["defaultConfiguration"]; ok {
		cm := v.object(path+".defaultConfiguration", c, "reportingConfiguration")
		v.enum(path+".defaultConfiguration.level", cm["level"], "none", "note", "warning", "error")
	}
	id, _ := m["id"].(string)
	return id
}

func (v *validator) result(path string, x any, ruleIDs []string) {
	m := v.object(path, x, "result", "message")
	if m == nil {
		return
	}
	v.enum(path+".level", m["level"], "none", "note", "warning", "error")
	msg := v.object(path+".message", m["message"], "message")
	if msg != nil {
		if _, hasID := msg["id"]; !hasID {
			v.nonEmptyString(path+".message.text", msg["text"])
		}
	}
	if idx, ok := v.integer(path+".ruleIndex", m["ruleIndex"], -1); ok && idx >= 0 {
		if idx >= len(ruleIDs) {
			v.errorf(path, "ruleIndex %d out of range (%d rules)", idx, len(ruleIDs))
		} else if id, _ := m["ruleId"].(string); id != "" && ruleIDs[idx] != id {
			v.errorf(path, "ruleIndex %d is rule %q, ruleId says %q", idx, ruleIDs[idx], id)
		}
	}
	// Not required by the schema, but GitHub rejects the whole log
	// ("locationFromSarifResult: expected at least one location").
	if locs, ok := m["locations"].([]any); !ok || len(locs) == 0 {
		v.errorf(path, "result has no locations (GitHub rejects it)")
	}
	if locs, ok := m["locations"]; ok {
		a := v.array(path+".locations", locs)
		if len(a) > 10 {
			v.errorf(path, "%d locations, GitHub allows 10", len(a))
		}
		for i, l := range a {
			v.location(fmt.Sprintf("%s.locations[%d]", path, i), l)
		}
	}
	if rel, ok := m["relatedLocations"]; ok {
		seen := map[int]bool{}
		for i, l := range v.array(path+".relatedLocations", rel) {
			p := fmt.Sprintf("%s.relatedLocations[%d]", path, i)
			if lm := v.location(p, l); lm != nil {
				if id, ok := v.integer(p+".id", lm["id"], -1); ok {
					if seen[id] {
						v.errorf(p, "duplicate id %d", id)
					}
					seen[id] = true
				}
			}
		}
	}
	if fps, ok := m["partialFingerprints"]; ok {
		fm, ok := fps.(map[string]any)
		if !ok {
			v.errorf(path+".partialFingerprints", "want object")
		}
		for k, val := range fm {
			v.nonEmptyString(path+".partialFingerprints."+k, val)
		}
	}
}

func (v *validator) location(path string, x any) map[string]any {
	m := v.object(path, x, "location")
	if m == nil {
		return nil
	}
	if msg, ok := m["message"]; ok {
		v.object(path+".message", msg, "message")
	}
	pl, ok := m["physicalLocation"]
	if !ok {
		return m
	}
	p := path + ".physicalLocation"
	plm := v.object(p, pl, "physicalLocation")
	if plm == nil {
		return m
	}
	if _, ok := plm["artifactLocation"]; !ok {
		if _, ok := plm["address"]; !ok {
			v.errorf(p, "needs artifactLocation or address")
		}
		return m
	}
	al := v.object(p+".artifactLocation", plm["artifactLocation"], "artifactLocation")
	if al != nil {
		v.nonEmptyString(p+".artifactLocation.uri", al["uri"])
	}
	if r, ok := plm["region"]; ok {
		rm := v.object(p+".region", r, "region")
		start, _ := v.integer(p+".region.startLine", rm["startLine"], 1)
		startCol, hasStartCol := v.integer(p+".region.startColumn", rm["startColumn"], 1)
		end, hasEnd := v.integer(p+".region.endLine", rm["endLine"], 1)
		endCol, hasEndCol := v.integer(p+".region.endColumn", rm["endColumn"], 1)
		if hasEnd && end < start {
			v.errorf(p+".region", "endLine %d before startLine %d", end, start)
		}
		if hasStartCol && hasEndCol && (!hasEnd || end == start) && endCol < startCol {
			v.errorf(p+".region", "endColumn %d before startColumn %d", endCol, startCol)
		}
	}
	return m
}

// TestValidatorRejectsBrokenDocuments makes sure the validator used by every
// other test can fail, each case for the reason it is named after (the
// cases differ from a valid document in that one respect).
func TestValidatorRejectsBrokenDocuments(t *testing.T) {
	const loc = `"locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}}}]`
	doc := func(result string) string {
		return `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}}, "results": [` + result + `]}]}`
	}
	cases := []struct{ name, doc, want string }{
		{"no version", `{"runs": []}`, "required property \"version\""},
		{"wrong version", `{"version": "2.0.0", "runs": []}`, "want one of [2.1.0]"},
		{"no driver name", `{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`, "required property \"name\""},
		{"no message", doc(`{"ruleId": "a", ` + loc + `}`), "required property \"message\""},
		{"empty message text", doc(`{"message": {"text": ""}, ` + loc + `}`), "message.text: want non-empty string"},
		{"misspelt property", doc(`{"ruleID": "a", "message": {"text": "m"}, ` + loc + `}`), "\"ruleID\" is not allowed"},
		{"bad ruleIndex", doc(`{"ruleId": "b", "ruleIndex": 0, "message": {"text": "m"}, ` + loc + `}`), "ruleIndex 0 is rule \"a\""},
		{"bad level", doc(`{"level": "fatal", "message": {"text": "m"}, ` + loc + `}`), "want one of [none note warning error]"},
		{"no locations", doc(`{"message": {"text": "m"}}`), "no locations"},
		{"location without uri", doc(`{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {}}}]}`), "uri: want non-empty string"},
		{"zero startLine", doc(`{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 0}}}]}`), "startLine: want integer ≥ 1"},
		{"end before start", doc(`{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 2, "endLine": 1}}}]}`), "endLine 1 before startLine 2"},
	}
	for _, tt := range cases {
		var x any
		if err := jsonUnmarshalString(tt.doc, &x); err != nil {
			t.Fatalf("%s: bad test JSON: %v", tt.name, err)
		}
		problems := validateSARIF(x)
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, tt.want) }) {
			t.Errorf("%s: got problems %q, want one containing %q", tt.name, problems, tt.want)
		}
	}

	var ok any
	if err := jsonUnmarshalString(doc(`{"ruleId": "a", "ruleIndex": 0, "message": {"text": "m"}, `+loc+`}`), &ok); err != nil {
		t.Fatal(err)
	}
	if problems := validateSARIF(ok); len(problems) != 0 {
		t.Errorf("validator rejected a minimal valid document: %v", problems)
	}
}
