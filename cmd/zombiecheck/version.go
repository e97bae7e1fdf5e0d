package main

import "runtime/debug"

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = ""

// toolVersion returns the release version, else the module version the
// binary was built from (set by go install pkg@version), else "devel".
func toolVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
