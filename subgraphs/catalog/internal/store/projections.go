package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// ApplyStoreChanged upserts the stores projection from a store event that
// occurred at `at`, in the consumer's transaction. An event older than the
// last one applied changes nothing. When the store's status changed it
// returns the page keys of the store's products (pages carry the status).
func (s *Store) ApplyStoreChanged(ctx context.Context, tx pgx.Tx, e catalog.StoreChanged, at time.Time) ([]ProductKey, error) {
	var previous *string
	err := tx.QueryRow(ctx, `SELECT status FROM stores WHERE id = $1 FOR UPDATE`, e.StoreID).Scan(&previous)
	if err != nil && !pg.IsNoRows(err) {
		return nil, fmt.Errorf("lock store: %w", err)
	}
	tag, err := tx.Exec(ctx, `INSERT INTO stores (id, owner_user_id, name, status, state, updated_at, event_at)
		VALUES ($1, $2, $3, $4, nullif($5, ''), now(), $6)
		ON CONFLICT (id) DO UPDATE SET owner_user_id = EXCLUDED.owner_user_id, name = EXCLUDED.name,
			status = EXCLUDED.status, state = coalesce(EXCLUDED.state, stores.state), updated_at = now(), event_at = EXCLUDED.event_at
		WHERE stores.event_at IS NULL OR stores.event_at <= EXCLUDED.event_at`,
		e.StoreID, e.OwnerID, e.Name, e.Status, e.State, at)
	if err != nil {
		return nil, fmt.Errorf("project store: %w", err)
	}
	if tag.RowsAffected() == 0 || previous == nil || *previous == e.Status {
		return nil, nil // stale, new (no products yet) or same status
	}
	return productKeysWhere(ctx, tx, `p.store_id = $1`, e.StoreID)
}

// ApplyRatingChanged upserts a product's rating (NULL average while unrated)
// unless a newer rating is already recorded.
func (s *Store) ApplyRatingChanged(ctx context.Context, tx pgx.Tx, e catalog.RatingChanged, at time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO product_ratings (product_id, average, count, updated_at)
		VALUES ($1, CASE WHEN $3::int > 0 THEN round($2::numeric, 2) END, $3, $4)
		ON CONFLICT (product_id) DO UPDATE SET average = EXCLUDED.average, count = EXCLUDED.count, updated_at = EXCLUDED.updated_at
		WHERE product_ratings.updated_at <= EXCLUDED.updated_at`, e.ProductID, e.Average, e.Count, at)
	if err != nil {
		return fmt.Errorf("project rating: %w", err)
	}
	return nil
}
