// Package seed loads the notifications part of the seed story: the
// templates of every event, channel and language (English and Hindi).
// Re-running it inserts nothing new and never overwrites an edited template.
package seed

import (
	"context"
	"log/slog"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
	"github.com/purra/supergraph/subgraphs/notifications/internal/store"
)

// Run stores the built-in templates that are not stored yet.
func Run(ctx context.Context, s *store.Store, log *slog.Logger) error {
	n, err := s.SeedTemplates(ctx, notify.Defaults())
	if err != nil {
		return err
	}
	log.InfoContext(ctx, "templates seeded", "inserted", n)
	return nil
}
