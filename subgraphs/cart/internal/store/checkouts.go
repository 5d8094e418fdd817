package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// ErrNoCheckout: the cart has no record of the order's checkout (its
// order.placed came before carts kept them).
var ErrNoCheckout = errors.New("no checkout")

type checkoutItem struct {
	VariantID string `json:"variantId"`
	Quantity  int    `json:"quantity"`
}

// RecordCheckout keeps co, inside the caller's transaction (order.placed's
// handler). A checkout already recorded for the order is left as it is.
func (s *Store) RecordCheckout(ctx context.Context, tx pgx.Tx, co cart.Checkout, now time.Time) error {
	items := make([]checkoutItem, len(co.Items))
	for i, it := range co.Items {
		items[i] = checkoutItem{VariantID: it.VariantID, Quantity: it.Quantity}
	}
	raw, err := json.Marshal(items)
	if err != nil {
		return fmt.Errorf("record checkout %s: %w", co.OrderID, err)
	}
	var version *int
	if co.CartVersion != cart.SawEveryLine {
		version = &co.CartVersion
	}
	if _, err := tx.Exec(ctx, `INSERT INTO checkouts (order_id, user_id, cart_version, coupon_code, items, state, placed_at)
		VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, $7) ON CONFLICT (order_id) DO NOTHING`,
		co.OrderID, co.UserID, version, co.CouponCode, raw, string(co.State), now); err != nil {
		return fmt.Errorf("record checkout %s: %w", co.OrderID, err)
	}
	return nil
}

// UpdateCheckout locks the checkout of orderID, lets fn change it and saves
// its state, inside the caller's transaction. ErrNoCheckout when there is
// none (fn is not called).
func (s *Store) UpdateCheckout(ctx context.Context, tx pgx.Tx, orderID string, now time.Time, fn func(co *cart.Checkout) error) error {
	var (
		co      = cart.Checkout{OrderID: orderID, CartVersion: cart.SawEveryLine}
		version *int
		raw     []byte
		state   string
	)
	err := tx.QueryRow(ctx, `SELECT user_id, cart_version, coalesce(coupon_code, ''), items, state
		FROM checkouts WHERE order_id = $1 FOR UPDATE`, orderID).Scan(&co.UserID, &version, &co.CouponCode, &raw, &state)
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNoCheckout
	}
	if err != nil {
		return fmt.Errorf("lock checkout %s: %w", orderID, err)
	}
	if version != nil {
		co.CartVersion = *version
	}
	co.State = cart.CheckoutState(state)
	var items []checkoutItem
	if err := json.Unmarshal(raw, &items); err != nil {
		return fmt.Errorf("load checkout %s: %w", orderID, err)
	}
	for _, it := range items {
		co.Items = append(co.Items, cart.Ordered{VariantID: it.VariantID, Quantity: it.Quantity})
	}
	if err := fn(&co); err != nil {
		return err
	}
	if co.State == cart.CheckoutState(state) {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE checkouts SET state = $2, settled_at = $3 WHERE order_id = $1`,
		orderID, string(co.State), now); err != nil {
		return fmt.Errorf("save checkout %s: %w", orderID, err)
	}
	return nil
}
