package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// ReleaseReturnedOrder releases in tx the coupon of an order the shopper
// returned in full (orders' order.return_changed with orderFullyReturned):
// its hold, and its redemption when the use was final, so the use no longer
// counts against the coupon's limits; coupon.released says so. A repeat, or
// an order without a coupon, changes nothing (false).
func (s *Store) ReleaseReturnedOrder(ctx context.Context, tx pgx.Tx, orderID string, now time.Time) (bool, error) {
	h, err := lockHold(ctx, tx, orderID)
	if err != nil || h == nil || h.Status == promo.HoldReleased {
		return false, err
	}
	return true, s.release(ctx, tx, h, "", now)
}
