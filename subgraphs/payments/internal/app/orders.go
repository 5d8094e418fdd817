package app

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// OrderPlaced creates the order's payment in tx (the consumer's transaction):
// CREATED, with a provider order requested after the commit, or a COD payment
// waiting for delivery. A replayed order.placed creates nothing.
func (a *App) OrderPlaced(ctx context.Context, tx pgx.Tx, in payment.Placed) error {
	if err := in.Validate(); err != nil {
		return fmt.Errorf("order.placed for order %s: %w", in.OrderID, err)
	}
	p, eff := payment.New(in, a.online, a.now())
	_, err := a.store.CreatePayment(ctx, tx, p, eff)
	return err
}

// Order statuses payments reacts to.
const (
	OrderCancelled = "CANCELLED"
	OrderDelivered = "DELIVERED"
)

// OrderStatusChanged applies an order's new status to its payments in tx:
// CANCELLED fails waiting payments and refunds captured ones in full;
// DELIVERED collects cash on delivery. Other statuses concern others.
func (a *App) OrderStatusChanged(ctx context.Context, tx pgx.Tx, orderID, to string) error {
	if to != OrderCancelled && to != OrderDelivered {
		return nil
	}
	ps, err := a.store.LockOrderPayments(ctx, tx, orderID)
	if err != nil {
		return err
	}
	now := a.now()
	for _, p := range ps {
		var eff payment.Effects
		if to == OrderCancelled {
			eff = p.CancelOrder(now)
		} else {
			eff = p.Collect(now)
		}
		if _, err := a.store.Save(ctx, tx, p, eff, store.SaveOptions{}); err != nil {
			return err
		}
	}
	return nil
}

// FulfilmentCancelled applies one store's cancelled fulfilment to the
// order's payments in tx: a captured payment refunds that store's part (with
// the store recorded), cash on delivery collects that much less. The
// shipping fee is refunded by the order's own cancellation, which follows
// when the last active store cancels (docs/marketplace.md).
func (a *App) FulfilmentCancelled(ctx context.Context, tx pgx.Tx, orderID, storeID, reason string) error {
	ps, err := a.store.LockOrderPayments(ctx, tx, orderID)
	if err != nil {
		return err
	}
	now := a.now()
	for _, p := range ps {
		eff := p.FulfilmentCancelled(storeID, reason, now)
		if _, err := a.store.Save(ctx, tx, p, eff, store.SaveOptions{}); err != nil {
			return err
		}
	}
	return nil
}
