package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

const holdCols = `h.id, h.order_id, h.coupon_id, h.code, h.user_id, h.status, h.subtotal_paise, h.created_at, h.updated_at`

func scanHold(row pgx.Row) (promo.Hold, error) {
	var h promo.Hold
	err := row.Scan(&h.ID, &h.OrderID, &h.CouponID, &h.Code, &h.UserID, &h.Status, &h.SubtotalPaise, &h.CreatedAt, &h.UpdatedAt)
	return h, err
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Decide accepts or refuses a hold of coupon c (nil: no coupon has the
// code) given its usage as seen from the buyer.
type Decide func(c *promo.Coupon, u promo.Usage) error

// Hold reserves one use of the coupon r.Code for order r.OrderID. The
// coupon row is locked (SELECT … FOR UPDATE) while its uses are counted and
// the hold inserted, so concurrent holds of one coupon are serialised and
// its limits hold. A repeated request for the same order returns the same
// hold; the same order with another coupon (or user) is ErrHoldExists.
func (s *Store) Hold(ctx context.Context, r promo.HoldRequest, now time.Time, decide Decide) (promo.Hold, error) {
	var out promo.Hold
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var u promo.Usage
		c, err := scanCoupon(tx.QueryRow(ctx, `SELECT `+couponCols+`,
			EXISTS (SELECT 1 FROM coupon_users u WHERE u.coupon_id = c.id AND u.user_id = $2)
			FROM coupons c WHERE c.code = $1 FOR UPDATE`, r.Code, r.Buyer.UserID), &u.Assigned)
		if errors.Is(err, pgx.ErrNoRows) {
			return decide(nil, u)
		}
		if err != nil {
			return fmt.Errorf("lock coupon: %w", err)
		}
		// Under the coupon's lock: a concurrent repeat of this request has
		// committed its hold by now, and is returned rather than counted.
		existing, err := scanHold(tx.QueryRow(ctx, `SELECT `+holdCols+` FROM coupon_holds h WHERE h.order_id = $1`, r.OrderID))
		if err == nil {
			if !existing.Same(r) {
				return promo.ErrHoldExists
			}
			out = existing
			return nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("hold of order: %w", err)
		}
		if err := tx.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE h.user_id = $2)
			FROM coupon_holds h WHERE h.coupon_id = $1 AND `+counted, c.ID, r.Buyer.UserID).Scan(&u.Total, &u.ByBuyer); err != nil {
			return fmt.Errorf("count coupon uses: %w", err)
		}
		if err := decide(&c, u); err != nil {
			return err
		}
		out = promo.Hold{ID: newID(), OrderID: r.OrderID, CouponID: c.ID, Code: c.Code, UserID: r.Buyer.UserID,
			Status: promo.HoldPending, SubtotalPaise: r.SubtotalPaise, CreatedAt: now, UpdatedAt: now}
		return insertHold(ctx, tx, out)
	})
	return out, err
}

func insertHold(ctx context.Context, tx pgx.Tx, h promo.Hold) error {
	_, err := tx.Exec(ctx, `INSERT INTO coupon_holds (id, order_id, coupon_id, code, user_id, status, subtotal_paise, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		h.ID, h.OrderID, h.CouponID, h.Code, h.UserID, h.Status, h.SubtotalPaise, h.CreatedAt, h.UpdatedAt)
	if pg.IsUniqueViolation(err, "coupon_holds_order") {
		return promo.ErrHoldExists // the same order, concurrently, with another coupon
	}
	if err != nil {
		return fmt.Errorf("insert hold: %w", err)
	}
	return nil
}

// ReleaseHold releases order orderID's pending hold if may allows it, and
// publishes coupon.released. released is false when the order has no
// pending hold.
func (s *Store) ReleaseHold(ctx context.Context, orderID, actor string, now time.Time, may func(promo.Hold) error) (released bool, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		h, err := lockHold(ctx, tx, orderID)
		if err != nil || h == nil {
			return err
		}
		if err := may(*h); err != nil {
			return err
		}
		if h.Status != promo.HoldPending {
			return nil
		}
		released = true
		return s.release(ctx, tx, h, actor, now)
	})
	return released, err
}

// AbandonHold releases in tx the PENDING hold of a checkout that died before
// placing its order (order.checkout_abandoned); a redeemed one is never
// touched. It reports whether it released.
func (s *Store) AbandonHold(ctx context.Context, tx pgx.Tx, orderID string, now time.Time) (bool, error) {
	h, err := lockHold(ctx, tx, orderID)
	if err != nil || h == nil || h.Status != promo.HoldPending {
		return false, err
	}
	return true, s.release(ctx, tx, h, "", now)
}

func lockHold(ctx context.Context, tx pgx.Tx, orderID string) (*promo.Hold, error) {
	h, err := scanHold(tx.QueryRow(ctx, `SELECT `+holdCols+` FROM coupon_holds h WHERE h.order_id = $1 FOR UPDATE`, orderID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock hold: %w", err)
	}
	return &h, nil
}

// release releases h (locked in tx), its redemption too when it had one.
func (s *Store) release(ctx context.Context, tx pgx.Tx, h *promo.Hold, actor string, now time.Time) error {
	ok, wasRedeemed := h.Release(now)
	if !ok {
		return nil
	}
	if err := saveStatus(ctx, tx, *h); err != nil {
		return err
	}
	if wasRedeemed {
		if _, err := tx.Exec(ctx, `UPDATE coupon_redemptions SET released_at = $2 WHERE order_id = $1 AND released_at IS NULL`,
			h.OrderID, now); err != nil {
			return fmt.Errorf("release redemption: %w", err)
		}
	}
	return s.appendEvents(ctx, tx, actor, event{h.CouponID, promo.CouponReleased{
		CouponID: h.CouponID, Code: h.Code, OrderID: h.OrderID, UserID: h.UserID, WasRedeemed: wasRedeemed}})
}

func saveStatus(ctx context.Context, tx pgx.Tx, h promo.Hold) error {
	if _, err := tx.Exec(ctx, `UPDATE coupon_holds SET status = $2, updated_at = $3 WHERE id = $1`, h.ID, h.Status, h.UpdatedAt); err != nil {
		return fmt.Errorf("save hold: %w", err)
	}
	return nil
}

// ApplyOrderStatus reacts to an order's status change inside tx (the
// consumer's transaction, which also marks the event processed):
// CONFIRMED redeems the order's hold (once: one redemption row per order)
// and publishes coupon.redeemed; CANCELLED and REFUNDED release it (and its
// redemption) and publish coupon.released. Anything else, a repeat, or an
// order without a coupon changes nothing.
func (s *Store) ApplyOrderStatus(ctx context.Context, tx pgx.Tx, ch promo.OrderStatusChange, now time.Time) error {
	h, err := lockHold(ctx, tx, ch.OrderID)
	if err != nil {
		return err
	}
	switch ch.To {
	case promo.OrderConfirmed:
		if h == nil {
			if h, err = s.holdFromOrder(ctx, tx, ch, now); err != nil || h == nil {
				return err
			}
		}
		return s.redeem(ctx, tx, h, ch, now)
	case promo.OrderCancelled, promo.OrderRefunded:
		if h == nil {
			return nil
		}
		return s.release(ctx, tx, h, "", now)
	}
	return nil
}

// holdFromOrder records the hold of a confirmed order that used a coupon
// but holds none (holdCoupon was skipped): the use happened, so it counts.
// It returns nil when the order used no coupon or an unknown one.
func (s *Store) holdFromOrder(ctx context.Context, tx pgx.Tx, ch promo.OrderStatusChange, now time.Time) (*promo.Hold, error) {
	if ch.CouponCode == "" || !promo.IsUUID(ch.UserID) {
		return nil, nil
	}
	var couponID, code string
	err := tx.QueryRow(ctx, `SELECT id, code FROM coupons WHERE code = upper($1)`, ch.CouponCode).Scan(&couponID, &code)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("coupon of order: %w", err)
	}
	h := promo.Hold{ID: newID(), OrderID: ch.OrderID, CouponID: couponID, Code: code, UserID: ch.UserID,
		Status: promo.HoldPending, CreatedAt: now, UpdatedAt: now}
	return &h, insertHold(ctx, tx, h)
}

func (s *Store) redeem(ctx context.Context, tx pgx.Tx, h *promo.Hold, ch promo.OrderStatusChange, now time.Time) error {
	if !h.Redeem(now) {
		return nil
	}
	if err := saveStatus(ctx, tx, *h); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO coupon_redemptions (id, order_id, coupon_id, hold_id, user_id, order_number, redeemed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING`,
		newID(), h.OrderID, h.CouponID, h.ID, h.UserID, ch.OrderNumber, now); err != nil {
		return fmt.Errorf("insert redemption: %w", err)
	}
	return s.appendEvents(ctx, tx, "", event{h.CouponID, promo.CouponRedeemed{
		CouponID: h.CouponID, Code: h.Code, OrderID: h.OrderID, UserID: h.UserID}})
}

// ExpireHolds releases up to limit holds still PENDING that were taken
// before cutoff: their checkout never produced an order (an order is
// confirmed or cancelled well within the hold TTL), so they must stop
// counting against the limits. Concurrent workers skip each other's rows.
func (s *Store) ExpireHolds(ctx context.Context, cutoff time.Time, limit int, now time.Time) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		holds, err := collect(ctx, tx, `SELECT `+holdCols+` FROM coupon_holds h
			WHERE h.status = 'PENDING' AND h.created_at < $1 ORDER BY h.created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
			scanHold, cutoff, limit)
		if err != nil {
			return fmt.Errorf("expired holds: %w", err)
		}
		for i := range holds {
			if err := s.release(ctx, tx, &holds[i], "", now); err != nil {
				return err
			}
		}
		n = len(holds)
		return nil
	})
	return n, err
}

// HoldByOrder returns the order's hold, or nil (for tests and support).
func (s *Store) HoldByOrder(ctx context.Context, orderID string) (*promo.Hold, error) {
	h, err := scanHold(s.db.QueryRow(ctx, `SELECT `+holdCols+` FROM coupon_holds h WHERE h.order_id = $1`, orderID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hold by order: %w", err)
	}
	return &h, nil
}
