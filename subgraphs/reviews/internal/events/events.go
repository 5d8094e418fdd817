// Package events holds the reviews subgraph's inbound consumer: the
// verified-purchase projection fed by orders' order.status_changed. Each
// handler runs in the transaction that marks the event processed, so a
// redelivery is a no-op.
package events

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/reviews/internal/store"
)

// OrderStatusChanged is the event type consumed from orders.events.
const OrderStatusChanged = "order.status_changed"

// OrderStatusChangedPayload is the part of order.status_changed reviews reads.
type OrderStatusChangedPayload struct {
	OrderID string    `json:"orderId"`
	UserID  string    `json:"userId"`
	To      string    `json:"to"`
	At      time.Time `json:"at"`
	Items   []struct {
		VariantID string `json:"variantId"`
	} `json:"items"`
}

// FulfilmentChanged is orders' per-store event type (issue 9): a review is
// possible once that store's fulfilment is DELIVERED, before the whole order is.
const FulfilmentChanged = "order.fulfilment_changed"

// FulfilmentChangedPayload is the part of order.fulfilment_changed reviews reads.
type FulfilmentChangedPayload struct {
	OrderID string    `json:"orderId"`
	UserID  string    `json:"userId"`
	To      string    `json:"to"`
	At      time.Time `json:"at"`
	Items   []struct {
		VariantID string  `json:"variantId"`
		ProductID *string `json:"productId"`
	} `json:"items"`
}

// Products resolves variant ids to product ids (catalog, in one call).
type Products interface {
	ProductsOf(ctx context.Context, variantIDs []string) (map[string]string, error)
}

// Register adds the reviews consumer to c.
func Register(c *kafka.Consumer, products Products, log *slog.Logger) {
	h := handlers{products: products, log: log}
	kafka.Handle(c, kafka.Topic("orders"), OrderStatusChanged, h.orderStatusChanged)
	kafka.Handle(c, kafka.Topic("orders"), FulfilmentChanged, h.fulfilmentChanged)
}

// fulfilmentChanged records, for a DELIVERED fulfilment, that its buyer
// received each of its products: the event names them (productId), so
// catalog is asked only for lines stored before orders kept the product.
// The order's own DELIVERED later records the same purchases again: a no-op.
func (h handlers) fulfilmentChanged(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p FulfilmentChangedPayload) error {
	if p.To != "DELIVERED" {
		return nil
	}
	if uuid.Validate(p.UserID) != nil || uuid.Validate(p.OrderID) != nil {
		return fmt.Errorf("order.fulfilment_changed %s: bad userId %q or orderId %q", env.ID, p.UserID, p.OrderID)
	}
	var products, unknown []string
	for _, it := range p.Items {
		switch {
		case it.ProductID != nil && uuid.Validate(*it.ProductID) == nil:
			if !slices.Contains(products, *it.ProductID) {
				products = append(products, *it.ProductID)
			}
		case uuid.Validate(it.VariantID) == nil:
			unknown = append(unknown, it.VariantID)
		}
	}
	if len(unknown) > 0 {
		byVariant, err := h.products.ProductsOf(ctx, unknown)
		if err != nil {
			return fmt.Errorf("resolve products of order %s: %w", p.OrderID, err)
		}
		for _, v := range unknown {
			if pid, ok := byVariant[v]; ok && uuid.Validate(pid) == nil && !slices.Contains(products, pid) {
				products = append(products, pid)
			}
		}
	}
	if len(products) == 0 {
		return nil
	}
	at := p.At
	if at.IsZero() {
		at = env.OccurredAt
	}
	return store.RecordPurchases(ctx, tx, p.UserID, p.OrderID, products, at)
}

type handlers struct {
	products Products
	log      *slog.Logger
}

// orderStatusChanged records, for a DELIVERED order, that its buyer received
// each of its products. A variant catalog does not know (or no longer shows)
// gives no purchase; a catalog that cannot be reached fails the event, which
// the consumer retries.
func (h handlers) orderStatusChanged(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p OrderStatusChangedPayload) error {
	if p.To != "DELIVERED" {
		return nil
	}
	if uuid.Validate(p.UserID) != nil || uuid.Validate(p.OrderID) != nil {
		return fmt.Errorf("order.status_changed %s: bad userId %q or orderId %q", env.ID, p.UserID, p.OrderID)
	}
	variants := make([]string, 0, len(p.Items))
	for _, it := range p.Items {
		if uuid.Validate(it.VariantID) == nil && !slices.Contains(variants, it.VariantID) {
			variants = append(variants, it.VariantID)
		}
	}
	if len(variants) == 0 {
		return nil
	}
	byVariant, err := h.products.ProductsOf(ctx, variants)
	if err != nil {
		return fmt.Errorf("resolve products of order %s: %w", p.OrderID, err)
	}
	products := make([]string, 0, len(byVariant))
	for _, v := range variants {
		pid, ok := byVariant[v]
		if !ok || uuid.Validate(pid) != nil {
			h.log.WarnContext(ctx, "delivered variant unknown to catalog", "order_id", p.OrderID, "variant_id", v)
			continue
		}
		if !slices.Contains(products, pid) {
			products = append(products, pid)
		}
	}
	at := p.At
	if at.IsZero() {
		at = env.OccurredAt
	}
	return store.RecordPurchases(ctx, tx, p.UserID, p.OrderID, products, at)
}
