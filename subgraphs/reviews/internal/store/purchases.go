package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// HasPurchased reports whether the user received the product in some order.
func (s *Store) HasPurchased(ctx context.Context, userID, productID string) (bool, error) {
	var ok bool
	err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM purchases WHERE user_id = $1 AND product_id = $2)`,
		userID, productID).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("check purchase: %w", err)
	}
	return ok, nil
}

// RecordPurchases notes, in the consumer's transaction, that the user
// received productIDs in the order (a repeat is a no-op).
func RecordPurchases(ctx context.Context, tx pgx.Tx, userID, orderID string, productIDs []string, at time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO purchases (user_id, product_id, order_id, delivered_at)
		SELECT $1, p, $2, $3 FROM unnest($4::uuid[]) AS p
		ON CONFLICT DO NOTHING`, userID, orderID, at, productIDs)
	if err != nil {
		return fmt.Errorf("record purchases: %w", err)
	}
	return nil
}
