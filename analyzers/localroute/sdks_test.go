package localroute_test

import (
	"testing"

	"github.com/zombiecheck/zombiecheck/analyzers/localroute"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLocalRouteMoreSDKs: the remaining langchaingo providers (sdkuse4)
// and genkit's plugins (sdkuse5).
func TestLocalRouteMoreSDKs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), localroute.Analyzer, "sdkuse4", "sdkuse5")
}
