package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// misnamedFile is a name users plausibly give the policy file. Find does not
// read it, and ForDir refuses to fall back to the defaults when it sees one,
// because a policy that is silently not read is the failure this package
// exists to prevent.
const misnamedFile = ".zombiecheck.yml"

// once is a cache entry: the first caller computes, later callers wait for
// and share the result.
type once[T any] struct {
	once sync.Once
	val  T
	err  error
}

// cache is a concurrency-safe memo table. Errors are cached too: a broken
// policy stays broken for the life of the process.
type cache[T any] struct {
	mu      sync.Mutex
	entries map[string]*once[T]
}

func (c *cache[T]) get(key string, compute func() (T, error)) (T, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = make(map[string]*once[T])
	}
	e, ok := c.entries[key]
	if !ok {
		e = new(once[T])
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.val, e.err = compute() })
	return e.val, e.err
}

var (
	loaded  cache[*Policy] // by absolute file name
	forDirs cache[*Policy] // by directory and explicit file
	// sharedDefault is what ForDir returns when no file applies, the same
	// pointer every time.
	sharedDefault = sync.OnceValue(Default)
)

// Load reads and parses a policy file. Results, errors included, are cached
// per absolute path for the life of the process: go vet runs one process per
// package, and within a process every analyzer shares one parse. Error
// messages name the file by its absolute path.
func Load(filename string) (*Policy, error) {
	abs, err := filepath.Abs(filename)
	if err != nil {
		return nil, fmt.Errorf("policy file %s: %w", filename, err)
	}
	return loaded.get(abs, func() (*Policy, error) {
		data, err := os.ReadFile(abs)
		if err != nil {
			return nil, fmt.Errorf("reading policy file: %w", err)
		}
		return Parse(abs, data)
	})
}

// Find looks for FileName in dir and then in each parent directory. The
// nearest file wins. The search stops after the first directory that
// contains go.mod (the module root: a policy never crosses into an enclosing
// module or project) or at the filesystem root.
func Find(dir string) (file string, ok bool) {
	file, _ = find(dir)
	return file, file != ""
}

// find is Find that also reports the first misnamed policy file
// (misnamedFile) seen on the way up, up to and including the directory of
// the file found.
func find(dir string) (file, misnamed string) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	for {
		if misnamed == "" && isFile(filepath.Join(dir, misnamedFile)) {
			misnamed = filepath.Join(dir, misnamedFile)
		}
		if candidate := filepath.Join(dir, FileName); isFile(candidate) {
			return candidate, misnamed
		}
		parent := filepath.Dir(dir)
		if isFile(filepath.Join(dir, "go.mod")) || parent == dir {
			return "", misnamed
		}
		dir = parent
	}
}

func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.IsDir()
}

// ForDir returns the policy for a package in dir: the explicit file if
// explicit is non-empty, else the file Find(dir) finds, else the defaults.
// A relative explicit name is resolved against the working directory. An
// empty dir means there is nothing to search from: explicit or the
// defaults. Results are cached; the same inputs return the same pointer, and
// ForDir is safe for concurrent use.
func ForDir(dir, explicit string) (*Policy, error) {
	if dir != "" {
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
	}
	return forDirs.get(dir+"\x00"+explicit, func() (*Policy, error) {
		if explicit != "" {
			return Load(explicit)
		}
		if dir == "" {
			return sharedDefault(), nil
		}
		file, misnamed := find(dir)
		switch {
		case misnamed != "":
			return nil, fmt.Errorf("%s: the policy file must be named %s; rename or remove it", misnamed, FileName)
		case file != "":
			return Load(file)
		}
		return sharedDefault(), nil
	})
}

// ForFiles is ForDir for the directory of the first of filenames, as
// analyzers call it with the file names of pass.Files. With no file names
// there is no directory to search from: the explicit file or the defaults.
func ForFiles(filenames []string, explicit string) (*Policy, error) {
	dir := ""
	if len(filenames) > 0 {
		dir = filepath.Dir(filenames[0])
	}
	return ForDir(dir, explicit)
}
