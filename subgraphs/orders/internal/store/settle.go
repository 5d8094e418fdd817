package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// DueForSettlement lists up to limit orders whose settle_at has come
// (orders' clock), oldest first.
func (s *Store) DueForSettlement(ctx context.Context, now time.Time, limit int) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT id::text FROM orders WHERE settle_at <= $1
		AND status IN ('PENDING_PAYMENT', 'PAID') ORDER BY settle_at LIMIT $2`, now, limit)
	if err != nil {
		return nil, fmt.Errorf("orders due for settlement: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// HeartbeatClaim tells that orderID's checkout of (user, key) is alive;
// false when its claim was taken over (the checkout must stop).
func (s *Store) HeartbeatClaim(ctx context.Context, userID, key, orderID string) (bool, error) {
	tag, err := s.db.Exec(ctx, `UPDATE checkout_claims SET claimed_at = now()
		WHERE user_id = $1 AND idempotency_key = $2 AND order_id = $3`, userID, key, orderID)
	if err != nil {
		return false, fmt.Errorf("checkout claim heartbeat: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// AbandonStaleClaims drops up to limit claims whose heartbeat stopped more
// than staleAfter ago (by the database's clock) and publishes
// order.checkout_abandoned for each, in one transaction: inventory and
// promotions release what the dead checkout held. It returns how many.
func (s *Store) AbandonStaleClaims(ctx context.Context, staleAfter time.Duration, limit int, at time.Time) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `DELETE FROM checkout_claims c USING (
				SELECT user_id, idempotency_key FROM checkout_claims WHERE claimed_at < now() - $1::interval
				ORDER BY claimed_at LIMIT $2 FOR UPDATE SKIP LOCKED) dead
			WHERE c.user_id = dead.user_id AND c.idempotency_key = dead.idempotency_key
			RETURNING c.user_id::text, c.order_id::text`, staleAfter, limit)
		if err != nil {
			return fmt.Errorf("abandon stale checkout claims: %w", err)
		}
		dead, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (order.CheckoutAbandoned, error) {
			e := order.CheckoutAbandoned{At: at}
			return e, r.Scan(&e.UserID, &e.OrderID)
		})
		if err != nil {
			return err
		}
		n = len(dead)
		return s.abandoned(ctx, tx, dead...)
	})
	return n, err
}

func (s *Store) abandoned(ctx context.Context, tx pgx.Tx, evs ...order.CheckoutAbandoned) error {
	for _, e := range evs {
		if err := s.appendEvents(ctx, tx, e.OrderID, "", e); err != nil {
			return err
		}
	}
	return nil
}
