// Package cli is a stub shaped like urfave/cli v2 (and its forks, such as
// github.com/schollz/cli/v2, which croc uses): flags declared by name with
// a default Value, read back by name from the Context.
package cli

type Flag interface{}

type StringFlag struct {
	Name  string
	Value string
	Usage string
}

type Command struct {
	Name   string
	Action func(*Context) error
	Flags  []Flag
}

type App struct {
	Flags    []Flag
	Commands []*Command
}

type Context struct{ values map[string]string }

func (c *Context) String(name string) string { return c.values[name] }
