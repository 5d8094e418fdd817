package app

import (
	"context"

	"github.com/purra/supergraph/platform/periodic"
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
	return periodic.Every(ctx, a.log, a.cfg.ReaperInterval, "expired reservations released", a.Reap)
}
