package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func (e *env) status(orderID string) string {
	e.t.Helper()
	var s string
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(),
		`SELECT status FROM stock_reservations WHERE order_id = $1`, orderID).Scan(&s))
	return s
}

// variant.created makes the stock level once: the same event delivered
// again, or catalog sending it again later, never resets the stock.
func TestVariantCreated_idempotent(t *testing.T) {
	e := newEnv(t)
	id := newOrderID()
	payload := map[string]any{"variantId": id, "productId": newOrderID(), "storeId": techHub, "sku": "NEW-1",
		"title": "Blue", "mrpPaise": 1000, "pricePaise": 900, "retailerPricePaise": 800, "minOrderQuantity": 1, "initialStock": 40}
	env := e.deliver("variant.created", id, payload)
	e.redeliver(env)
	e.reserve(e.customer(), newOrderID(), map[string]int{id: 15}, nil)
	e.deliver("variant.created", id, payload) // a re-sent copy with a new event id

	onHand, reserved := e.level(id)
	require.Equal(t, []int{40, 15}, []int{onHand, reserved})
	require.Equal(t, []map[string]any{{"variantId": id, "available": 40.0, "inStock": true}}, e.events("stock.changed", id))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM stock_levels WHERE variant_id = $1 AND sku = 'NEW-1'`, id))
}

// An event no retry can fix is skipped (and marked processed), not retried forever.
func TestVariantCreated_invalidSkipped(t *testing.T) {
	e := newEnv(t)
	for _, p := range []map[string]any{
		{"variantId": "nope", "storeId": techHub, "initialStock": 1},
		{"variantId": newOrderID(), "storeId": "", "initialStock": 1},
		{"variantId": newOrderID(), "storeId": techHub, "initialStock": -1},
	} {
		e.deliver("variant.created", "x", p)
	}
	require.Zero(t, e.count(`SELECT count(*) FROM stock_levels`))
	require.Equal(t, 3, e.count(`SELECT count(*) FROM processed_events`))
}

// CONFIRMED commits once (redelivered or duplicated); CANCELLED afterwards
// returns the units to the stock on hand, once.
func TestOrderStatus_confirmThenCancel(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "ORD-1", 10)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{v: 3}, nil)

	env := e.statusChanged(order, "PAID", "CONFIRMED")
	e.redeliver(env)
	e.statusChanged(order, "PAID", "CONFIRMED") // a duplicate with its own event id
	onHand, reserved := e.level(v)
	require.Equal(t, []int{7, 0}, []int{onHand, reserved})
	require.Equal(t, "COMMITTED", e.status(order))

	e.statusChanged(order, "CONFIRMED", "PACKED") // not inventory's business
	onHand, _ = e.level(v)
	require.Equal(t, 7, onHand)

	env = e.statusChanged(order, "PACKED", "CANCELLED")
	e.redeliver(env)
	e.statusChanged(order, "PACKED", "CANCELLED")
	onHand, reserved = e.level(v)
	require.Equal(t, []int{10, 0}, []int{onHand, reserved}, "restocked once")
	require.Equal(t, "RELEASED", e.status(order))

	e.statusChanged(order, "CANCELLED", "CONFIRMED") // out of order: no-op
	onHand, _ = e.level(v)
	require.Equal(t, 10, onHand)
}

// CANCELLED before confirmation releases the hold; a later CONFIRMED is a no-op.
func TestOrderStatus_cancelReserved(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "ORD-2", 4)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{v: 4}, nil)
	env := e.statusChanged(order, "PENDING_PAYMENT", "CANCELLED")
	e.redeliver(env)
	onHand, reserved := e.level(v)
	require.Equal(t, []int{4, 0}, []int{onHand, reserved})
	require.Equal(t, "RELEASED", e.status(order))
	require.Len(t, e.events("stock.changed", v), 3, "created, sold out, back in stock")

	e.statusChanged(order, "PAID", "CONFIRMED")
	onHand, reserved = e.level(v)
	require.Equal(t, []int{4, 0}, []int{onHand, reserved}, "commit after release: no-op")
	require.Equal(t, "RELEASED", e.status(order))

	e.statusChanged(newOrderID(), "PAID", "CONFIRMED") // unknown order: no-op
	e.statusChanged(newOrderID(), "PENDING_PAYMENT", "CANCELLED")
}

// After expiry a cancellation is a no-op; a confirmation that raced the
// reaper takes the units again when they are still there, and otherwise
// commits nothing (logged) instead of overselling.
func TestOrderStatus_afterExpiry(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "ORD-3", 5)
	cancelled, confirmed, late := newOrderID(), newOrderID(), newOrderID()
	e.reserve(e.customer(), cancelled, map[string]int{v: 1}, ttl(1))
	e.reserve(e.customer(), confirmed, map[string]int{v: 2}, ttl(1))
	e.reserve(e.customer(), late, map[string]int{v: 2}, ttl(1))
	_, _ = e.d.DB.Exec(context.Background(), `UPDATE stock_reservations SET expires_at = now() - interval '1 second'`)
	e.runReaper()
	require.Eventually(t, func() bool { _, r := e.level(v); return r == 0 }, 5*time.Second, 50*time.Millisecond)
	require.Equal(t, []map[string]any{{"orderId": cancelled}}, e.events("stock.reservation_expired", cancelled))

	e.statusChanged(cancelled, "PENDING_PAYMENT", "CANCELLED")
	require.Equal(t, "EXPIRED", e.status(cancelled), "release after expiry: no-op")
	onHand, reserved := e.level(v)
	require.Equal(t, []int{5, 0}, []int{onHand, reserved})

	e.statusChanged(confirmed, "PAID", "CONFIRMED")
	require.Equal(t, "COMMITTED", e.status(confirmed), "units still there: taken again")
	onHand, _ = e.level(v)
	require.Equal(t, 3, onHand)

	e.reserve(e.customer(), newOrderID(), map[string]int{v: 2}, nil) // someone else holds the rest
	e.statusChanged(late, "PAID", "CONFIRMED")
	require.Equal(t, "EXPIRED", e.status(late), "cannot take units that are gone")
	onHand, reserved = e.level(v)
	require.Equal(t, []int{3, 2}, []int{onHand, reserved})
}
