package app

import (
	"context"
	"time"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// Orders' own clock (docs/commerce.md, "Paid in time"). Every
// SettleInterval, or sooner when an event nudges it, it settles the orders
// whose settle_at has come and abandons checkouts that died:
//
//   - PAID: inventory is asked to commit the stock (commitStock). Committed →
//     CONFIRMED; refused (expired and sold, or released) → CANCELLED, and
//     payments refunds the captured money when it sees the cancellation.
//   - PENDING_PAYMENT past its deadline (+ SettleMargin), or whose reservation
//     inventory reported expired: payments is asked whether money was
//     captured. Captured → PAID (then as above); not → CANCELLED as not paid
//     in time, and a capture that still comes is refunded by payments.
//
// Nothing is decided without an answer: when the other subgraph does not
// answer, the order is looked at again settleRetry later.

// settleBatch bounds one round of the clock.
const settleBatch = 50

// settleRetry is how soon an order whose settlement got no answer is retried.
const settleRetry = 3 * time.Second

// wakeClock nudges the clock (an event made an order due now).
func (a *App) wakeClock() {
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// RunClock settles due orders and abandons dead checkouts until ctx ends. A
// failed round is logged and retried on the next tick.
func (a *App) RunClock(ctx context.Context) error {
	t := time.NewTicker(a.cfg.SettleInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-a.wake:
			// The nudge comes from inside the event's transaction: give it
			// a moment to commit.
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(20 * time.Millisecond):
			}
		}
		if _, err := a.SettleDue(ctx); err != nil && ctx.Err() == nil {
			a.log.ErrorContext(ctx, "settle due orders", "err", err)
		}
		if n, err := a.AbandonDeadCheckouts(ctx); err != nil && ctx.Err() == nil {
			a.log.ErrorContext(ctx, "abandon dead checkouts", "err", err)
		} else if n > 0 {
			a.log.InfoContext(ctx, "dead checkouts abandoned: their stock and coupon holds are released", "count", n)
		}
	}
}

// SettleDue settles every order whose settle_at has come and returns how
// many it looked at.
func (a *App) SettleDue(ctx context.Context) (int, error) {
	ids, err := a.store.DueForSettlement(ctx, a.now(), settleBatch)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := a.Settle(ctx, id); err != nil {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			a.log.ErrorContext(ctx, "settle order", "order_id", id, "err", err)
		}
	}
	return len(ids), nil
}

// Settle settles order id if it is due: see the top of this file.
func (a *App) Settle(ctx context.Context, id string) error {
	for range 2 { // PENDING_PAYMENT → PAID → CONFIRMED in one go
		o, err := a.store.OrderByID(ctx, id)
		if err != nil || o == nil || !o.Unsettled() || o.SettleAt == nil || o.SettleAt.After(a.now()) {
			return err
		}
		step := a.settleStep(ctx, o)
		before := o.Status
		o, err = a.store.Update(ctx, id, "", store.AdminAction{}, step)
		if err == nil {
			countSettled(before, o.Status)
		}
		if err != nil || o.Status != order.Paid {
			return err
		}
	}
	return nil
}

// settleStep asks the subgraph that knows and returns the move to apply to
// the locked order (which may have moved on meanwhile: each move is a no-op
// then).
func (a *App) settleStep(ctx context.Context, o *order.Order) func(*order.Order) error {
	later := func(cause error) func(*order.Order) error {
		a.log.WarnContext(ctx, "order not settled yet: no answer", "order_id", o.ID, "status", o.Status, "err", cause)
		return func(o *order.Order) error { o.SettleLater(a.now().Add(settleRetry)); return nil }
	}
	switch o.Status {
	case order.Paid:
		err := a.remote.CommitStock(ctx, o.ID)
		switch {
		case err == nil:
			return func(o *order.Order) error { return o.StockCommitted(a.now()) }
		case stockGone(err):
			a.log.WarnContext(ctx, "paid order's stock is gone: cancelled and refunded", "order_id", o.ID, "err", err)
			return func(o *order.Order) error { return o.StockUnavailable(a.now()) }
		}
		return later(err)
	default:
		st, err := a.remote.PaymentState(ctx, o.ID)
		if err != nil {
			return later(err)
		}
		return func(o *order.Order) error { return o.PaymentOverdue(st, a.now()) }
	}
}

// stockGone reports whether inventory refused to commit for good: the
// reservation expired and its units were sold, was released, or never was.
func stockGone(err error) bool {
	c := errs.CodeOf(err)
	return c == errs.Conflict || c == errs.NotFound
}

// AbandonDeadCheckouts drops the claims of checkouts whose heartbeat stopped
// (twice the staleness, so that a retry with the same key gets the first
// chance to take over synchronously) and publishes order.checkout_abandoned
// for each: inventory releases the stock and promotions the coupon hold.
func (a *App) AbandonDeadCheckouts(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := a.store.AbandonStaleClaims(ctx, 2*a.cfg.ClaimStaleAfter, settleBatch, a.now())
		total += n
		if err != nil || n < settleBatch {
			return total, err
		}
	}
}
