// Package events holds the promotions subgraph's inbound event consumers.
package events

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/promotions/internal/app"
	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// Event types promotions consumes from orders.
const (
	OrderStatusChanged = "order.status_changed"
	CheckoutAbandoned  = "order.checkout_abandoned"
	ReturnChanged      = "order.return_changed"
)

// returnChanged is the part of order.return_changed promotions reads.
type returnChanged struct {
	OrderID            string `json:"orderId"`
	OrderFullyReturned bool   `json:"orderFullyReturned"`
}

// checkoutAbandoned is the part of order.checkout_abandoned promotions reads.
type checkoutAbandoned struct {
	OrderID string `json:"orderId"`
}

// statusChanged is the part of order.status_changed promotions reads.
type statusChanged struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	UserID      string `json:"userId"`
	From        string `json:"from"`
	To          string `json:"to"`
	CouponCode  string `json:"couponCode"`
}

// Register adds the consumers to c: an order CONFIRMED redeems its coupon
// hold, CANCELLED or REFUNDED releases it, and so does a checkout that died
// before placing its order (order.checkout_abandoned), and so does an order
// returned in full (order.return_changed with orderFullyReturned). kafka.Handle records each event
// as processed in the same transaction, so a redelivery changes nothing.
func Register(c *kafka.Consumer, a *app.App) {
	kafka.Handle(c, kafka.Topic("orders"), OrderStatusChanged,
		func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p statusChanged) error {
			return a.OrderStatusChanged(ctx, tx, promo.OrderStatusChange{
				OrderID: p.OrderID, OrderNumber: p.OrderNumber, UserID: p.UserID, To: p.To, CouponCode: p.CouponCode,
			})
		})
	kafka.Handle(c, kafka.Topic("orders"), ReturnChanged,
		func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p returnChanged) error {
			if !p.OrderFullyReturned {
				return nil // part of the order is kept: the coupon was used
			}
			return a.OrderReturned(ctx, tx, p.OrderID)
		})
	kafka.Handle(c, kafka.Topic("orders"), CheckoutAbandoned,
		func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p checkoutAbandoned) error {
			return a.CheckoutAbandoned(ctx, tx, p.OrderID)
		})
}
