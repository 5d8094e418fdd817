// Package events holds the catalogue's inbound consumers: projections of
// other subgraphs' events, applied idempotently by platform/kafka.
package events

import (
	"context"
	"log/slog"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/catalog/internal/app"
	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// StockChanged is inventory's event behind the inStock search filter.
const StockChanged = "stock.changed"

// Register subscribes the catalogue's handlers on c.
func Register(c *kafka.Consumer, a *app.App, log *slog.Logger) {
	kafka.Handle(c, kafka.Topic("inventory"), StockChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e catalog.StockChanged) error {
			ok, err := a.ApplyStockChanged(ctx, tx, e, env.OccurredAt)
			if err == nil && !ok {
				// Retrying cannot fix it: record and move on.
				log.ErrorContext(ctx, "stock.changed without a valid variant id skipped",
					"event_id", env.ID, "variant_id", e.VariantID)
			}
			return err
		})
}
