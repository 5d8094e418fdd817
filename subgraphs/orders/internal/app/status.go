package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// MarkPacked moves order id from CONFIRMED to PACKED.
func (a *App) MarkPacked(ctx context.Context, id string) (*order.Order, error) {
	return a.change(ctx, id, "order.pack", false, func(o *order.Order) error { return o.Pack(a.now()) })
}

// MarkShipped moves order id from PACKED to SHIPPED with its tracking number.
func (a *App) MarkShipped(ctx context.Context, id, trackingNumber, carrier string) (*order.Order, error) {
	tn, c, err := order.ParseShipment(trackingNumber, carrier)
	if err != nil {
		return nil, err
	}
	return a.change(ctx, id, "order.ship", false, func(o *order.Order) error { return o.Ship(tn, c, a.now()) })
}

// MarkDelivered moves order id from SHIPPED to DELIVERED.
func (a *App) MarkDelivered(ctx context.Context, id string) (*order.Order, error) {
	return a.change(ctx, id, "order.deliver", false, func(o *order.Order) error { return o.Deliver(a.now()) })
}

// Cancel cancels order id; its buyer may too.
func (a *App) Cancel(ctx context.Context, id, reason string) (*order.Order, error) {
	r, err := order.ParseReason(reason)
	if err != nil {
		return nil, err
	}
	return a.change(ctx, id, "order.cancel", true, func(o *order.Order) error { return o.Cancel(r, a.now()) })
}

// A store's owner cancels a whole order only when it is theirs alone: in a
// multi-store order they cancel their own fulfilment (cancelFulfilment).
func (a *App) ownerOfMultiStore(ctx context.Context, who auth.Identity, o *order.Order) bool {
	return len(o.StoreIDs) > 1 && o.UserID != who.Subject && !who.Has(ScopeUpdate)
}

// change applies a status change to order id for a caller who may manage
// it (or, with buyerToo, its buyer), and publishes it with the change; an
// admin's change is audited as action.
func (a *App) change(ctx context.Context, id, action string, buyerToo bool, fn func(*order.Order) error) (*order.Order, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	o, err := a.store.OrderByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, store.ErrNotFound
	}
	ok := buyerToo && o.UserID == who.Subject
	if !ok {
		if ok, err = a.mayManage(ctx, who, o); err != nil {
			return nil, err
		}
	}
	if !ok {
		if o.UserID == who.Subject {
			return nil, errs.Denied("only the store or Purra can change this order's status")
		}
		return nil, errNotYours
	}
	if action == "order.cancel" && a.ownerOfMultiStore(ctx, who, o) {
		return nil, order.ErrMultiStore
	}
	return a.store.Update(ctx, id, who.Subject, store.AdminAction{Permission: ScopeUpdate, Action: action}, fn)
}

// Inbound events. Each runs in the consumer's transaction (with its dedupe
// mark) and is order-tolerant: see the order methods.

// PaymentSucceeded makes the pending order PAID; orders' clock then
// commits its stock (settle.go) and confirms or cancels it.
func (a *App) PaymentSucceeded(ctx context.Context, tx pgx.Tx, p order.PaymentSucceeded) error {
	return a.onEvent(ctx, tx, p.OrderID, func(o *order.Order) error {
		err := o.PaymentSucceeded(p.AmountPaise, a.now())
		if errors.Is(err, order.ErrAmountMismatch) {
			// Never confirm an order paid for a different amount: it stays
			// pending, the clock cancels it past its deadline, and payments
			// refunds the capture then.
			a.log.ErrorContext(ctx, "payment amount mismatch: order left pending", "order_id", p.OrderID,
				"payment_id", p.PaymentID, "err", err)
			return nil
		}
		if err == nil && o.Status == order.Paid {
			a.wakeClock()
		}
		return err
	})
}

// PaymentFailed cancels the pending order.
func (a *App) PaymentFailed(ctx context.Context, tx pgx.Tx, p order.PaymentFailed) error {
	return a.onSagaEvent(ctx, tx, p.OrderID, order.Cancelled, "compensated", func(o *order.Order) error { return o.PaymentFailed(p.Reason, a.now()) })
}

// PaymentRefunded marks a fully refunded order REFUNDED.
func (a *App) PaymentRefunded(ctx context.Context, tx pgx.Tx, p order.PaymentRefunded) error {
	return a.onEvent(ctx, tx, p.OrderID, func(o *order.Order) error { return o.PaymentRefunded(p.Full, p.Reason, a.now()) })
}

// ReservationExpired asks the clock to settle an order still unpaid when
// its stock was released (it asks payments before deciding anything).
func (a *App) ReservationExpired(ctx context.Context, tx pgx.Tx, p order.ReservationExpired) error {
	return a.onEvent(ctx, tx, p.OrderID, func(o *order.Order) error {
		defer a.wakeClock()
		return o.ReservationExpired(a.now())
	})
}

func (a *App) onEvent(ctx context.Context, tx pgx.Tx, orderID string, fn func(*order.Order) error) error {
	_, err := a.store.UpdateTx(ctx, tx, orderID, "", fn)
	if errors.Is(err, store.ErrNotFound) {
		// Not an order of ours (e.g. a reservation of a checkout that failed): nothing to do.
		a.log.WarnContext(ctx, "event for an unknown order ignored", "order_id", orderID)
		return nil
	}
	return err
}
