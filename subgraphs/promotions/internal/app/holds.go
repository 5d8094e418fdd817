package app

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/periodic"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// HoldCoupon reserves one use of a coupon for the caller's order being
// placed, atomically against the coupon's limits; repeating it returns the
// same hold.
func (a *App) HoldCoupon(ctx context.Context, r promo.HoldRequest) (promo.Hold, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Hold{}, err
	}
	if r.Buyer.UserID = userID(ctx); r.Buyer.UserID == "" {
		return promo.Hold{}, errs.Denied("only shoppers hold coupons")
	}
	r.Buyer.Role = id.Role
	if r, err = promo.ValidateHold(r); err != nil {
		return promo.Hold{}, err
	}
	if !promo.Plausible(r.Code) {
		return promo.Hold{}, promo.Rejected(r.Code, promo.NotFound).Err()
	}
	now := a.now()
	return a.store.Hold(ctx, r, now, func(c *promo.Coupon, u promo.Usage) error {
		if c == nil {
			return promo.Rejected(r.Code, promo.NotFound).Err()
		}
		if rej := c.Check(r.Buyer, u, r.SubtotalPaise, now); rej != nil {
			return rej.Err()
		}
		return nil
	})
}

// ReleaseHold gives back the pending hold of the caller's order (checkout
// compensation); admins may release anyone's.
func (a *App) ReleaseHold(ctx context.Context, orderID string) (bool, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return false, err
	}
	if !promo.IsUUID(orderID) {
		return false, errs.BadInput("orderId", "must be an order id (UUID)")
	}
	return a.store.ReleaseHold(ctx, strings.ToLower(orderID), id.Subject, a.now(), func(h promo.Hold) error {
		if h.UserID != id.Subject && !isAdmin(id) {
			return errs.Denied("the order's coupon hold belongs to another user")
		}
		return nil
	})
}

// OrderStatusChanged redeems or releases an order's hold inside tx, the
// consumer's transaction (see store.ApplyOrderStatus).
func (a *App) OrderStatusChanged(ctx context.Context, tx pgx.Tx, ch promo.OrderStatusChange) error {
	if !promo.IsUUID(ch.OrderID) {
		a.log.WarnContext(ctx, "order.status_changed without a valid order id ignored", "order_id", ch.OrderID)
		return nil
	}
	ch.OrderID = strings.ToLower(ch.OrderID)
	return a.store.ApplyOrderStatus(ctx, tx, ch, a.now())
}

// CheckoutAbandoned releases inside tx the pending hold of a checkout that
// died (orders' clock or a retry found its claim dead): within seconds,
// not after the hold TTL.
func (a *App) CheckoutAbandoned(ctx context.Context, tx pgx.Tx, orderID string) error {
	if !promo.IsUUID(orderID) {
		a.log.WarnContext(ctx, "order.checkout_abandoned without a valid order id ignored", "order_id", orderID)
		return nil
	}
	released, err := a.store.AbandonHold(ctx, tx, strings.ToLower(orderID), a.now())
	if released {
		a.log.InfoContext(ctx, "coupon hold of an abandoned checkout released", "order_id", orderID)
	}
	return err
}

// ExpireHolds releases, every interval until ctx ends, the pending holds
// older than the hold TTL (checkouts that never produced an order).
func (a *App) ExpireHolds(ctx context.Context, interval time.Duration) error {
	return periodic.Every(ctx, a.log, interval, "expired coupon holds released", a.ExpireHoldsOnce)
}

// ExpireHoldsOnce releases every pending hold older than the TTL, in batches.
func (a *App) ExpireHoldsOnce(ctx context.Context) (int, error) {
	const batch = 100
	total := 0
	for {
		now := a.now()
		n, err := a.store.ExpireHolds(ctx, now.Add(-a.cfg.HoldTTL), batch, now)
		total += n
		if err != nil || n < batch {
			return total, err
		}
	}
}

// OrderReturned releases inside tx the coupon of an order whose every line
// was returned (order.return_changed with orderFullyReturned): the shopper
// kept nothing, so the use is given back.
func (a *App) OrderReturned(ctx context.Context, tx pgx.Tx, orderID string) error {
	if !promo.IsUUID(orderID) {
		a.log.WarnContext(ctx, "order.return_changed without a valid order id ignored", "order_id", orderID)
		return nil
	}
	released, err := a.store.ReleaseReturnedOrder(ctx, tx, strings.ToLower(orderID), a.now())
	if released {
		a.log.InfoContext(ctx, "coupon of a fully returned order released", "order_id", orderID)
	}
	return err
}
