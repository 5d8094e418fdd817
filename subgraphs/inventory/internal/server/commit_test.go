package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const commitMutation = `mutation($id: ID!) { commitStock(orderId: $id) { orderId status } }`

func (e *env) commit(orderID string) (string, map[string]any) {
	e.t.Helper()
	var out struct {
		CommitStock *struct{ Status string } `json:"commitStock"`
	}
	r := e.asOrders("", commitMutation, map[string]any{"id": orderID}, &out)
	if len(r.Errors) > 0 {
		return "", r.Errors[0].Extensions
	}
	return out.CommitStock.Status, nil
}

func (e *env) expireAll() {
	e.t.Helper()
	_, err := e.d.DB.Exec(context.Background(), `UPDATE stock_reservations SET expires_at = now() - interval '1 second'
		WHERE status = 'RESERVED'`)
	require.NoError(e.t, err)
	e.runReaper()
	require.Eventually(e.t, func() bool {
		return e.count(`SELECT count(*) FROM stock_reservations WHERE status = 'RESERVED' AND expires_at < now()`) == 0
	}, 5*time.Second, 20*time.Millisecond)
}

// commitStock (orders' clock, no shopper token) commits a live reservation
// once; a repeat answers COMMITTED again without moving stock twice.
func TestCommitStock_reservedThenRepeat(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "COMMIT-1", 5)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{v: 2}, nil)

	for range 2 {
		status, errExt := e.commit(order)
		require.Nil(t, errExt)
		require.Equal(t, "COMMITTED", status)
		onHand, reserved := e.level(v)
		require.Equal(t, []int{3, 0}, []int{onHand, reserved})
	}
	e.statusChanged(order, "PAID", "CONFIRMED") // the event after the call: no-op
	onHand, _ := e.level(v)
	require.Equal(t, 3, onHand)
}

// An expired reservation is taken again while its units are there; once
// they were sold to someone else, commitStock refuses with
// STOCK_UNAVAILABLE and nothing is oversold. A released one is closed, an
// unknown order not found.
func TestCommitStock_refusals(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "COMMIT-2", 4)
	retaken, sold, released := newOrderID(), newOrderID(), newOrderID()
	e.reserve(e.customer(), retaken, map[string]int{v: 1}, nil)
	e.reserve(e.customer(), sold, map[string]int{v: 2}, nil)
	e.reserve(e.customer(), released, map[string]int{v: 1}, nil)
	e.statusChanged(released, "PENDING_PAYMENT", "CANCELLED")
	e.expireAll()

	status, errExt := e.commit(retaken)
	require.Nil(t, errExt)
	require.Equal(t, "COMMITTED", status)

	e.reserve(e.customer(), newOrderID(), map[string]int{v: 2}, nil) // the rest, to someone else
	_, errExt = e.commit(sold)
	require.Equal(t, "CONFLICT", errExt["code"])
	require.Equal(t, "STOCK_UNAVAILABLE", errExt["reason"])
	require.Equal(t, "EXPIRED", e.status(sold))
	onHand, reserved := e.level(v)
	require.Equal(t, []int{3, 2}, []int{onHand, reserved}, "never below zero available")

	_, errExt = e.commit(released)
	require.Equal(t, "RESERVATION_CLOSED", errExt["reason"])
	_, errExt = e.commit(newOrderID())
	require.Equal(t, "NOT_FOUND", errExt["code"])
	_, errExt = e.commit("nope")
	require.Equal(t, "BAD_USER_INPUT", errExt["code"])
}

// payment.succeeded pins the order's stock at once (orders may be down): the
// reaper then has nothing to expire; a redelivery changes nothing. A capture
// for an expired reservation whose units are gone moves nothing.
func TestPaymentSucceeded_pinsStock(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "PIN-1", 3)
	paid, late := newOrderID(), newOrderID()
	e.reserve(e.customer(), paid, map[string]int{v: 1}, nil)
	e.reserve(e.customer(), late, map[string]int{v: 2}, nil)

	env := e.deliver("payment.succeeded", paid, map[string]any{"paymentId": newOrderID(), "orderId": paid, "amountPaise": 100})
	e.redeliver(env)
	require.Equal(t, "COMMITTED", e.status(paid))
	e.expireAll()
	require.Equal(t, "COMMITTED", e.status(paid), "the reaper leaves a paid order's stock alone")
	require.Equal(t, "EXPIRED", e.status(late))

	e.reserve(e.customer(), newOrderID(), map[string]int{v: 2}, nil)
	e.deliver("payment.succeeded", late, map[string]any{"paymentId": newOrderID(), "orderId": late, "amountPaise": 100})
	require.Equal(t, "EXPIRED", e.status(late))
	onHand, reserved := e.level(v)
	require.Equal(t, []int{2, 2}, []int{onHand, reserved})
	e.deliver("payment.succeeded", newOrderID(), map[string]any{"orderId": newOrderID()}) // COD or unknown: no-op
}

// order.checkout_abandoned (orders' clock found a dead checkout) releases
// its reservation once; it never touches a committed one.
func TestCheckoutAbandoned_releases(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "ABANDON-1", 3)
	dead, placed := newOrderID(), newOrderID()
	e.reserve(e.customer(), dead, map[string]int{v: 2}, nil)
	e.reserve(e.customer(), placed, map[string]int{v: 1}, nil)
	e.statusChanged(placed, "PAID", "CONFIRMED")

	env := e.deliver("order.checkout_abandoned", dead, map[string]any{"orderId": dead, "userId": priya})
	e.redeliver(env)
	e.deliver("order.checkout_abandoned", placed, map[string]any{"orderId": placed, "userId": priya})
	require.Equal(t, "RELEASED", e.status(dead))
	require.Equal(t, "COMMITTED", e.status(placed))
	onHand, reserved := e.level(v)
	require.Equal(t, []int{2, 0}, []int{onHand, reserved})
}
