package app

import (
	"context"
	"log/slog"
	"time"
)

// PurgeExpiredTokens deletes refresh tokens a day after they expired, every
// interval until ctx ends, so the table does not grow for ever. Failures are
// logged and retried at the next tick.
func (a *App) PurgeExpiredTokens(ctx context.Context, interval time.Duration, log *slog.Logger) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := a.store.DeleteExpiredRefreshTokens(ctx, a.now().Add(-24*time.Hour))
		switch {
		case err != nil && ctx.Err() == nil:
			log.WarnContext(ctx, "purge expired refresh tokens", "err", err)
		case n > 0:
			log.InfoContext(ctx, "purged expired refresh tokens", "count", n)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
