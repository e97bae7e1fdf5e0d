package hosts

// Tests must see panics rather than the Unknown they are turned into.
func init() { debugPanics = true }
