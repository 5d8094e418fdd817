// Package events subscribes the orders subgraph to what it reacts to:
// payments' outcomes and inventory's expired reservations (docs/commerce.md).
package events

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/returns"
)

// Event types consumed.
const (
	PaymentSucceeded   = "payment.succeeded"
	PaymentFailed      = "payment.failed"
	PaymentRefunded    = "payment.refunded"
	ReservationExpired = "stock.reservation_expired"
	FulfilmentChanged  = "order.fulfilment_changed"
)

// fulfilmentChanged is the part of orders' own order.fulfilment_changed the
// invoices read (docs/marketplace.md).
type fulfilmentChanged struct {
	OrderID string `json:"orderId"`
	StoreID string `json:"storeId"`
	To      string `json:"to"`
}

// paymentRefunded is payment.refunded with the return it paid, if any
// (returnId, docs/marketplace.md "Returns").
type paymentRefunded struct {
	order.PaymentRefunded
	ReturnID string `json:"returnId"`
}

// Register adds the handlers to c; each runs in the transaction that marks
// its event processed.
func Register(c *kafka.Consumer, a *app.App) {
	payments, inventory := kafka.Topic("payments"), kafka.Topic("inventory")
	kafka.Handle(c, payments, PaymentSucceeded, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p order.PaymentSucceeded) error {
		return a.PaymentSucceeded(ctx, tx, p)
	})
	kafka.Handle(c, payments, PaymentFailed, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p order.PaymentFailed) error {
		return a.PaymentFailed(ctx, tx, p)
	})
	kafka.Handle(c, payments, PaymentRefunded, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p paymentRefunded) error {
		// The return first: its fulfilment becomes RETURNED (and a wholly
		// returned order RETURNED) before a full refund could mark the
		// order REFUNDED, after which its fulfilments could not move.
		if err := a.ReturnRefunded(ctx, tx, returns.PaymentRefunded{OrderID: p.OrderID, RefundID: p.RefundID, ReturnID: p.ReturnID}); err != nil {
			return err
		}
		if err := a.PaymentRefunded(ctx, tx, p.PaymentRefunded); err != nil {
			return err
		}
		return a.CreditRefund(ctx, tx, p.PaymentRefunded)
	})
	// Orders reads its own topic for one thing: a shipped fulfilment gets
	// its tax invoice in a transaction of its own, after the shipment
	// committed, so a slow stores subgraph never holds up the shipment.
	kafka.Handle(c, kafka.Topic("orders"), FulfilmentChanged, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, f fulfilmentChanged) error {
		if f.To != "SHIPPED" {
			return nil
		}
		return a.FulfilmentShipped(ctx, tx, app.ShippedFulfilment{OrderID: f.OrderID, StoreID: f.StoreID})
	})
	kafka.Handle(c, inventory, ReservationExpired, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p order.ReservationExpired) error {
		return a.ReservationExpired(ctx, tx, p)
	})
}
