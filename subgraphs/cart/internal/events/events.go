// Package events holds the cart subgraph's inbound consumers: user.registered
// (an empty cart and wishlist for every new user), order.placed (what the
// checkout took: the cart's version and the quantities) and
// order.status_changed (a confirmed order's checked-out quantities leave the
// cart; a cancelled one leaves it alone). Each handler runs in the
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
	OrderPlaced        = "order.placed"
	OrderStatusChanged = "order.status_changed"
)

// UserRegisteredPayload is the part of user.registered the cart reads.
type UserRegisteredPayload struct {
	UserID string `json:"userId"`
}

// OrderPlacedPayload is the part of order.placed the cart reads. CartVersion
// is the version of the cart orders' checkout read (absent from orders that
// predate it).
type OrderPlacedPayload struct {
	OrderID     string  `json:"orderId"`
	UserID      string  `json:"userId"`
	CartVersion *int    `json:"cartVersion"`
	CouponCode  *string `json:"couponCode"`
	Items       []struct {
		VariantID string `json:"variantId"`
		Quantity  int    `json:"quantity"`
	} `json:"items"`
}

// OrderStatusChangedPayload is the part of order.status_changed the cart reads.
type OrderStatusChangedPayload struct {
	OrderID    string  `json:"orderId"`
	UserID     string  `json:"userId"`
	To         string  `json:"to"`
	CouponCode *string `json:"couponCode"`
	Items      []struct {
		VariantID string `json:"variantId"`
		Quantity  int    `json:"quantity"`
	} `json:"items"`
}

// Register adds the cart's handlers to c.
func Register(c *kafka.Consumer, st *store.Store) {
	h := handlers{store: st, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
	kafka.Handle(c, kafka.Topic("users"), UserRegistered, h.userRegistered)
	kafka.Handle(c, kafka.Topic("orders"), OrderPlaced, h.orderPlaced)
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

// orderPlaced records what the checkout took from the buyer's cart, to be
// taken out when the order is confirmed.
func (h handlers) orderPlaced(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p OrderPlacedPayload) error {
	if uuid.Validate(p.OrderID) != nil || uuid.Validate(p.UserID) != nil {
		return fmt.Errorf("order.placed: bad orderId %q or userId %q", p.OrderID, p.UserID)
	}
	items := make([]cart.Ordered, len(p.Items))
	for i, it := range p.Items {
		items[i] = cart.Ordered{VariantID: it.VariantID, Quantity: it.Quantity}
	}
	co, err := cart.NewCheckout(p.OrderID, p.UserID, p.CartVersion, deref(p.CouponCode), items)
	if err != nil {
		return fmt.Errorf("order.placed %s: %w", p.OrderID, err)
	}
	return h.store.RecordCheckout(ctx, tx, co, h.now())
}

// orderStatusChanged: on CONFIRMED the checked-out quantities leave the
// buyer's cart, once (the checkout record says whether they already did);
// on CANCELLED the record is closed and the cart left alone. Other
// statuses, and a buyer without a cart, are no-ops.
func (h handlers) orderStatusChanged(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p OrderStatusChangedPayload) error {
	if p.To != "CONFIRMED" && p.To != "CANCELLED" {
		return nil
	}
	if uuid.Validate(p.OrderID) != nil || uuid.Validate(p.UserID) != nil {
		return fmt.Errorf("order.status_changed: bad orderId %q or userId %q", p.OrderID, p.UserID)
	}
	now := h.now()
	var (
		apply bool
		co    cart.Checkout
	)
	err := h.store.UpdateCheckout(ctx, tx, p.OrderID, now, func(c *cart.Checkout) error {
		if p.To == "CANCELLED" {
			c.Cancel()
			return nil
		}
		apply, co = c.Confirm(), *c
		return nil
	})
	if errors.Is(err, store.ErrNoCheckout) {
		if p.To == "CANCELLED" {
			return nil
		}
		// Placed before the cart kept checkouts: the status change's own
		// lines, every line of the cart counting as checked out.
		items := make([]cart.Ordered, len(p.Items))
		for i, it := range p.Items {
			items[i] = cart.Ordered{VariantID: it.VariantID, Quantity: it.Quantity}
		}
		co, err = cart.NewCheckout(p.OrderID, p.UserID, nil, deref(p.CouponCode), items)
		apply = true
	}
	if err != nil || !apply {
		return err
	}
	err = h.store.UpdateCartTx(ctx, tx, p.UserID, now, func(c *cart.Cart) error {
		c.RemoveCheckedOut(co, now)
		return nil
	})
	if errors.Is(err, store.ErrNoCart) {
		return nil
	}
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }
