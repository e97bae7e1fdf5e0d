package names

import "testing"

func TestPromisesLocalRoute(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"transferOverLocalRelay", true},
		{"connectLocalPeer", true},
		{"dialLocalServer", true},
		{"syncLocally", true},
		{"sendOverLocal", true},
		{"connectToLocalhost", true},
		{"openLocalTunnel", true},
		// negatives
		{"transferOverRelay", false},
		{"connectLocalOrRelay", false},
		{"dialLocalFirst", false},
		{"syncLocalThenPublic", false},
		{"sendLocalAddr", false},
		{"localRelayStatus", false},
		{"setupLocalRelay", false},
		{"broadcastOnLocalNetwork", false},
		{"isLocalPeer", false},
		{"newLocalServer", false},
		{"sendLocalTime", false},
		{"transferLocalFile", false},
		{"connectRemoteLocalServer", false},
		{"local", false},
	} {
		if got := PromisesLocalRoute(tc.name, Config{}); got.Local != tc.want {
			t.Errorf("PromisesLocalRoute(%q) = %v (%s), want %v", tc.name, got.Local, got.Reason, tc.want)
		}
	}
	if got := PromisesLocalRoute("transferOverLocalLan", Config{ExtraHonestWords: []string{"lan"}}); got.Local || !got.Honest {
		t.Errorf("extra honest word: got %+v", got)
	}
}
