package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// ApplyStockChanged records a variant's stock in the variant_stock
// projection, in the consumer's transaction. at is when inventory made the
// change: an event older than the row (redelivered late) changes nothing.
func (s *Store) ApplyStockChanged(ctx context.Context, tx pgx.Tx, e catalog.StockChanged, at time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO variant_stock (variant_id, in_stock, available, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (variant_id) DO UPDATE SET in_stock = EXCLUDED.in_stock, available = EXCLUDED.available,
			updated_at = EXCLUDED.updated_at
		WHERE variant_stock.updated_at <= EXCLUDED.updated_at`, e.VariantID, e.InStock, e.Available, at)
	if err != nil {
		return fmt.Errorf("variant stock %s: %w", e.VariantID, err)
	}
	return nil
}
