package app

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// ReturnReceived refunds a return orders reports RECEIVED, in the
// consumer's transaction: once per return (a redelivered or repeated event
// finds its refund and does nothing), within the store's ceiling and the
// capture. A prepaid refund is made by the call worker after the commit; a
// cash-on-delivery one is recorded PROCESSED at once (paid out by
// operations to the details given). payment.refunded carries the return's
// id, and orders marks the return REFUNDED. A return payments cannot refund
// (no captured payment, over the ceiling) fails the event, which the
// consumer retries and then parks in failed_events for inspection.
func (a *App) ReturnReceived(ctx context.Context, tx pgx.Tx, rr payment.ReturnRefund) error {
	if err := rr.Validate(); err != nil {
		return fmt.Errorf("order.return_changed for return %s: %w", rr.ReturnID, err)
	}
	ps, err := a.store.LockOrderPayments(ctx, tx, rr.OrderID)
	if err != nil {
		return err
	}
	// The payments are locked: a concurrent delivery of the same event
	// waits here and then finds the refund.
	done, err := a.store.RefundOfReturn(ctx, tx, rr.ReturnID)
	if err != nil || done {
		return err
	}
	var p *payment.Payment
	for _, c := range ps {
		if c.Status == payment.StatusCaptured {
			p = c
		}
	}
	if p == nil {
		return fmt.Errorf("return %s: order %s has no captured payment to refund", rr.ReturnID, rr.OrderID)
	}
	storeRefunded, err := a.store.StoreRefunded(ctx, tx, p.ID, rr.StoreID)
	if err != nil {
		return err
	}
	_, eff, err := p.RefundReturn(uuid.Must(uuid.NewV7()).String(), rr, storeRefunded, a.now())
	if err != nil {
		return err
	}
	_, err = a.store.Save(ctx, tx, p, eff, store.SaveOptions{})
	return err
}
