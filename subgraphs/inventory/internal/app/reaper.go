package app

import (
	"context"
	"time"
)

// reapBatch bounds one reaper transaction.
const reapBatch = 100

// Reap releases every reservation past its expiry, in batches, and returns
// how many it released.
func (a *App) Reap(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := a.store.ReapExpired(ctx, reapBatch)
		total += n
		if err != nil || n < reapBatch {
			return total, err
		}
	}
}

// RunReaper reaps every ReaperInterval until ctx ends. A failed round is
// logged and retried on the next tick: the reaper must outlive a database blip.
func (a *App) RunReaper(ctx context.Context) error {
	t := time.NewTicker(a.cfg.ReaperInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		n, err := a.Reap(ctx)
		if err != nil && ctx.Err() == nil {
			a.log.ErrorContext(ctx, "reap expired reservations", "err", err)
		}
		if n > 0 {
			a.log.InfoContext(ctx, "expired reservations released", "count", n)
		}
	}
}
