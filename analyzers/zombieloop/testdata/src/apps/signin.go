package apps

import (
	"context"
	"fmt"
	"os"
	"time"

	"wire"
)

// A sign-in poll driven by a 200ms spinner that asks the server only on
// every tenth frame, returns on success and on ctx.Done(): its retry pace
// is the poll pace and it stops when the user cancels. Silent.
func awaitSignIn(ctx context.Context, c wire.API) (string, error) {
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	frame := 0
	for {
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-t.C:
			frame++
			fmt.Fprint(os.Stderr, ".")
			if frame%10 == 0 {
				if u, err := c.Me(ctx); err == nil && u != nil {
					return u.Name, nil
				}
			}
		}
	}
}
