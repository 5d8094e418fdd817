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

// Inbound event types.
const (
	StockChanged       = "stock.changed"
	StoreCreated       = "store.created"
	StoreUpdated       = "store.updated"
	StoreStatusChanged = "store.status_changed"
	RatingChanged      = "product.rating_changed"
)

// Register subscribes the catalogue's handlers on c.
func Register(c *kafka.Consumer, a *app.App, log *slog.Logger) {
	// skipped logs an event that can never apply: retrying cannot fix it.
	skipped := func(ctx context.Context, env kafka.Envelope, ok bool, err error) error {
		if err == nil && !ok {
			log.ErrorContext(ctx, "unusable event skipped", "event_type", env.Type, "event_id", env.ID, "payload", string(env.Payload))
		}
		return err
	}
	kafka.Handle(c, kafka.Topic("inventory"), StockChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e catalog.StockChanged) error {
			ok, err := a.ApplyStockChanged(ctx, tx, e, env.OccurredAt)
			return skipped(ctx, env, ok, err)
		})
	// The stores projection: owner (who may edit), state (GST origin), status (what is on sale).
	for _, typ := range []string{StoreCreated, StoreUpdated, StoreStatusChanged} {
		kafka.Handle(c, kafka.Topic("stores"), typ,
			func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e catalog.StoreChanged) error {
				ok, err := a.ApplyStoreChanged(ctx, tx, e, env.OccurredAt)
				return skipped(ctx, env, ok, err)
			})
	}
	kafka.Handle(c, kafka.Topic("reviews"), RatingChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e catalog.RatingChanged) error {
			ok, err := a.ApplyRatingChanged(ctx, tx, e, env.OccurredAt)
			return skipped(ctx, env, ok, err)
		})
}
