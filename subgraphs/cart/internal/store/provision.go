package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Provision creates userID's empty cart and wishlist in tx (a
// user.registered handler's) unless they exist: redelivery or an earlier
// lazy creation leaves the existing ones alone.
func (s *Store) Provision(ctx context.Context, tx pgx.Tx, userID, cartID, wishlistID string) error {
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO carts (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, cartID, userID)
	b.Queue(`INSERT INTO wishlists (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, wishlistID, userID)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("provision cart and wishlist: %w", err)
	}
	return nil
}
