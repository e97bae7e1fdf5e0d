package main

// Module plugins: each registers its golangci-lint linters in init.
// Enable them in .golangci.yml under linters.settings.custom (type: module).
import _ "github.com/zombiecheck/zombiecheck/analyzers/plugin"
