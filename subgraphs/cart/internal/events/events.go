// Package events holds the cart subgraph's inbound consumers: user.registered
// (an empty cart and wishlist for every new user) and order.status_changed
// (a confirmed order's lines leave the cart). Each handler runs in the
// transaction that marks the event processed, so a redelivery is a no-op.
package events

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
	"github.com/purra/supergraph/subgraphs/cart/internal/store"
)

// Event types consumed, with their topics.
const (
	UserRegistered     = "user.registered"
	OrderStatusChanged = "order.status_changed"
)

// UserRegisteredPayload is the part of user.registered the cart reads.
type UserRegisteredPayload struct {
	UserID string `json:"userId"`
}

// OrderStatusChangedPayload is the part of order.status_changed the cart reads.
type OrderStatusChangedPayload struct {
	OrderID string `json:"orderId"`
	UserID  string `json:"userId"`
	To      string `json:"to"`
	Items   []struct {
		VariantID string `json:"variantId"`
		Quantity  int    `json:"quantity"`
	} `json:"items"`
}

// Register adds the cart's handlers to c.
func Register(c *kafka.Consumer, st *store.Store) {
	h := handlers{store: st, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	kafka.Handle(c, kafka.Topic("users"), UserRegistered, h.userRegistered)
	kafka.Handle(c, kafka.Topic("orders"), OrderStatusChanged, h.orderStatusChanged)
}

type handlers struct {
	store *store.Store
	now   func() time.Time
}

// userRegistered gives the new user an empty cart and wishlist, unless they
// have them already (a redelivery, or a lazy creation on first use).
func (h handlers) userRegistered(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p UserRegisteredPayload) error {
	if err := uuid.Validate(p.UserID); err != nil {
		return fmt.Errorf("user.registered: bad userId %q", p.UserID)
	}
	return h.store.Provision(ctx, tx, p.UserID, newID(), newID())
}

// orderStatusChanged removes a CONFIRMED order's quantities from the
// buyer's cart and drops the (now used) coupon. Other statuses, and a buyer
// without a cart, are no-ops.
func (h handlers) orderStatusChanged(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p OrderStatusChangedPayload) error {
	if p.To != "CONFIRMED" {
		return nil
	}
	if err := uuid.Validate(p.UserID); err != nil {
		return fmt.Errorf("order.status_changed %s: bad userId %q", p.OrderID, p.UserID)
	}
	items := make([]cart.Ordered, 0, len(p.Items))
	for _, it := range p.Items {
		items = append(items, cart.Ordered{VariantID: it.VariantID, Quantity: it.Quantity})
	}
	now := h.now()
	err := h.store.UpdateCartTx(ctx, tx, p.UserID, now, func(c *cart.Cart) error {
		c.RemoveOrdered(items, now)
		return nil
	})
	if errors.Is(err, store.ErrNoCart) {
		return nil
	}
	return err
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }
