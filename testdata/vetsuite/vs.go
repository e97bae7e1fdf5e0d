package vs

import "fmt"

func F() { fmt.Printf("%d\n", "x") }
