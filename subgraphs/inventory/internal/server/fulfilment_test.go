package server_test

import (
	"testing"
	"time"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/stretchr/testify/require"
)

// fulfilmentChanged delivers orders' order.fulfilment_changed for one store's variants.
func (e *env) fulfilmentChanged(orderID, storeID, from, to string, variants map[string]int) kafka.Envelope {
	e.t.Helper()
	var items []any
	for v, q := range variants {
		items = append(items, map[string]any{"orderItemId": newOrderID(), "variantId": v, "quantity": q})
	}
	return e.deliver("order.fulfilment_changed", orderID, map[string]any{
		"fulfilmentId": newOrderID(), "orderId": orderID, "userId": priya, "storeId": storeID, "from": from, "to": to,
		"at": time.Now().UTC(), "paymentMethod": map[string]any{"type": "UPI"}, "amountPaise": 100, "items": items,
	})
}

// One store cancels its fulfilment of a confirmed two-store order: exactly
// its units return to the stock on hand, once; the other store's stay sold,
// and the order's later cancellation does not count the first store's again.
func TestFulfilmentCancelledGivesBackThatStoresStock(t *testing.T) {
	e := newEnv(t)
	mine := e.variant(techHub, "FUL-1", 10)
	theirs := e.variant(otherStore, "FUL-2", 10)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{mine: 2, theirs: 3}, nil)
	e.statusChanged(order, "PAID", "CONFIRMED")

	e.fulfilmentChanged(order, otherStore, "CONFIRMED", "PACKED", map[string]int{theirs: 3}) // not a cancellation
	env := e.fulfilmentChanged(order, otherStore, "PACKED", "CANCELLED", map[string]int{theirs: 3})
	e.redeliver(env)
	e.fulfilmentChanged(order, otherStore, "PACKED", "CANCELLED", map[string]int{theirs: 3}) // a duplicate
	onHand, reserved := e.level(theirs)
	require.Equal(t, []int{10, 0}, []int{onHand, reserved}, "the cancelled store's units are back, once")
	onHand, _ = e.level(mine)
	require.Equal(t, 8, onHand, "the other store's units stay sold")
	require.Equal(t, "COMMITTED", e.status(order))

	// The rest of the order is cancelled later: only TechHub's units come back now.
	e.statusChanged(order, "CONFIRMED", "CANCELLED")
	onHand, _ = e.level(mine)
	require.Equal(t, 10, onHand)
	onHand, _ = e.level(theirs)
	require.Equal(t, 10, onHand, "not returned twice")
}

// Before confirmation (the whole order cancelled: every fulfilment first),
// the hold is released store by store, and the order's CANCELLED moves nothing twice.
func TestFulfilmentCancelledBeforeConfirmation(t *testing.T) {
	e := newEnv(t)
	mine := e.variant(techHub, "FUL-3", 5)
	theirs := e.variant(otherStore, "FUL-4", 5)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{mine: 1, theirs: 2}, nil)
	e.fulfilmentChanged(order, techHub, "PENDING", "CANCELLED", map[string]int{mine: 1})
	_, reserved := e.level(mine)
	require.Equal(t, 0, reserved)
	_, reserved = e.level(theirs)
	require.Equal(t, 2, reserved, "the other store's hold stays until its own cancellation")
	e.fulfilmentChanged(order, otherStore, "PENDING", "CANCELLED", map[string]int{theirs: 2})
	e.statusChanged(order, "PENDING_PAYMENT", "CANCELLED")
	for _, v := range []string{mine, theirs} {
		onHand, reserved := e.level(v)
		require.Equal(t, []int{5, 0}, []int{onHand, reserved})
	}
	require.Equal(t, "RELEASED", e.status(order))
	// Invalid payloads are skipped, not retried.
	e.fulfilmentChanged("nope", techHub, "CONFIRMED", "CANCELLED", map[string]int{mine: 1})
	e.fulfilmentChanged(order, techHub, "CONFIRMED", "CANCELLED", map[string]int{"bad": 1})
}
