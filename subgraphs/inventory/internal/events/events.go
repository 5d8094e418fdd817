// Package events holds inventory's inbound consumers: catalog's new variants
// become stock levels, orders' status changes commit or release reservations,
// a payment's capture pins its order's stock, an abandoned checkout's is released.
// platform/kafka applies each event once, in the transaction given here.
package events

import (
	"context"
	"errors"
	"log/slog"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/inventory/internal/app"
)

// OrderCancelled is the fulfilment status inventory reacts to.
const OrderCancelled = app.OrderCancelled

// Event types consumed.
const (
	VariantCreated     = "variant.created"
	OrderStatusChanged = "order.status_changed"
	CheckoutAbandoned  = "order.checkout_abandoned"
	PaymentSucceeded   = "payment.succeeded"
	FulfilmentChanged  = "order.fulfilment_changed"
	ReturnChanged      = "order.return_changed"
)

// fulfilmentChanged is the part of orders' order.fulfilment_changed
// inventory reads: a cancelled store's lines.
type fulfilmentChanged struct {
	OrderID string `json:"orderId"`
	To      string `json:"to"`
	Items   []struct {
		VariantID string `json:"variantId"`
	} `json:"items"`
}

// returnChanged is the part of orders' order.return_changed inventory
// reads: a received return's resaleable items go back on hand.
type returnChanged struct {
	ReturnID string `json:"returnId"`
	OrderID  string `json:"orderId"`
	To       string `json:"to"`
	Items    []struct {
		VariantID  string `json:"variantId"`
		Quantity   int    `json:"quantity"`
		Resaleable bool   `json:"resaleable"`
	} `json:"items"`
}

// orderRef is the part of order.checkout_abandoned and payment.succeeded
// inventory reads.
type orderRef struct {
	OrderID string `json:"orderId"`
}

// variantCreated is the part of catalog's variant.created inventory reads.
type variantCreated struct {
	VariantID    string `json:"variantId"`
	StoreID      string `json:"storeId"`
	SKU          string `json:"sku"`
	InitialStock int    `json:"initialStock"`
}

// orderStatusChanged is the part of orders' order.status_changed inventory
// reads: the reservation, not the event's items, says what to commit.
type orderStatusChanged struct {
	OrderID string `json:"orderId"`
	To      string `json:"to"`
}

// Register subscribes inventory's handlers on c.
func Register(c *kafka.Consumer, a *app.App, log *slog.Logger) {
	kafka.Handle(c, kafka.Topic("catalog"), VariantCreated,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e variantCreated) error {
			_, err := a.CreateLevel(ctx, tx, e.VariantID, e.StoreID, e.SKU, e.InitialStock)
			return skipInvalid(ctx, log, env, err)
		})
	kafka.Handle(c, kafka.Topic("orders"), OrderStatusChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e orderStatusChanged) error {
			_, err := a.OrderStatusChanged(ctx, tx, e.OrderID, e.To)
			return skipInvalid(ctx, log, env, err)
		})
	kafka.Handle(c, kafka.Topic("orders"), FulfilmentChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e fulfilmentChanged) error {
			if e.To != OrderCancelled {
				return nil
			}
			ids := make([]string, len(e.Items))
			for i, it := range e.Items {
				ids[i] = it.VariantID
			}
			_, err := a.FulfilmentCancelled(ctx, tx, e.OrderID, ids)
			return skipInvalid(ctx, log, env, err)
		})
	kafka.Handle(c, kafka.Topic("orders"), ReturnChanged,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e returnChanged) error {
			if e.To != "RECEIVED" {
				return nil
			}
			items := make([]app.ReturnedItem, len(e.Items))
			for i, it := range e.Items {
				items[i] = app.ReturnedItem{VariantID: it.VariantID, Quantity: it.Quantity, Resaleable: it.Resaleable}
			}
			_, err := a.ReturnReceived(ctx, tx, e.ReturnID, e.OrderID, items)
			return skipInvalid(ctx, log, env, err)
		})
	kafka.Handle(c, kafka.Topic("orders"), CheckoutAbandoned,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e orderRef) error {
			_, err := a.CheckoutAbandoned(ctx, tx, e.OrderID)
			return skipInvalid(ctx, log, env, err)
		})
	kafka.Handle(c, kafka.Topic("payments"), PaymentSucceeded,
		func(ctx context.Context, tx pgx.Tx, env kafka.Envelope, e orderRef) error {
			_, err := a.PaymentSucceeded(ctx, tx, e.OrderID)
			return skipInvalid(ctx, log, env, err)
		})
}

// skipInvalid turns an event no retry can fix into a logged no-op (it is
// still marked processed); other errors are retried by the consumer.
func skipInvalid(ctx context.Context, log *slog.Logger, env kafka.Envelope, err error) error {
	if errors.Is(err, app.ErrInvalidEvent) {
		log.ErrorContext(ctx, "invalid event skipped", "event_type", env.Type, "event_id", env.ID, "err", err)
		return nil
	}
	return err
}
