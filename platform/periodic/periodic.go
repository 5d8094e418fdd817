// Package periodic runs a subgraph's background rounds (reapers,
// reconcilers, expiries) on a ticker until the context ends.
package periodic

import (
	"context"
	"log/slog"
	"time"
)

// Every runs round each interval until ctx ends, then returns nil. A failed
// round is logged under what and retried on the next tick, so a background
// job outlives a database blip instead of stopping the subgraph. A round that
// did something (n > 0) is logged at info with its count.
func Every(ctx context.Context, log *slog.Logger, interval time.Duration, what string, round func(context.Context) (int, error)) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		n, err := round(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.ErrorContext(ctx, what+" failed", "err", err)
		case n > 0:
			log.InfoContext(ctx, what, "count", n)
		}
	}
}
