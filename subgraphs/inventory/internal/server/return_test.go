package server_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

func returnChanged(returnID, orderID, to string, items ...map[string]any) map[string]any {
	return map[string]any{"returnId": returnID, "orderId": orderID, "storeId": techHub, "fulfilmentId": uuid.NewString(),
		"userId": priya, "from": "APPROVED", "to": to, "refundPaise": 100, "items": items}
}

func returnedItem(variant string, q int, resaleable bool) map[string]any {
	return map[string]any{"orderItemId": uuid.NewString(), "variantId": variant, "quantity": q, "refundPaise": 50,
		"resaleable": resaleable}
}

// A received return puts its resaleable units back on hand, once per return
// (redelivered, or published again with another event id); damaged units
// and the return's other steps move nothing.
func TestReturnReceived_restocksResaleableOnce(t *testing.T) {
	e := newEnv(t)
	phone := e.variant(techHub, "RET-PHONE", 10)
	case_ := e.variant(techHub, "RET-CASE", 10)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{phone: 2, case_: 3}, nil)
	e.statusChanged(order, "PAID", "CONFIRMED")
	ret := uuid.NewString()

	e.deliver("order.return_changed", order, returnChanged(ret, order, "APPROVED", returnedItem(phone, 2, true), returnedItem(case_, 3, false)))
	onHand, _ := e.level(phone)
	require.Equal(t, 8, onHand, "nothing moves before receipt")

	env := e.deliver("order.return_changed", order, returnChanged(ret, order, "RECEIVED", returnedItem(phone, 2, true), returnedItem(case_, 3, false)))
	e.redeliver(env)
	e.deliver("order.return_changed", order, returnChanged(ret, order, "RECEIVED", returnedItem(phone, 2, true)))
	onHand, reserved := e.level(phone)
	require.Equal(t, []int{10, 0}, []int{onHand, reserved})
	onHand, _ = e.level(case_)
	require.Equal(t, 7, onHand, "damaged cases stay out of stock")
	require.Equal(t, 2, e.count(`SELECT coalesce(sum(quantity), 0)::int FROM return_restocks WHERE return_id = $1`, ret))

	// Invalid events are skipped (and marked processed); nothing moves.
	e.deliver("order.return_changed", order, returnChanged("nope", order, "RECEIVED", returnedItem(phone, 1, true)))
	e.deliver("order.return_changed", order, returnChanged(uuid.NewString(), order, "RECEIVED", returnedItem(phone, 0, true)))
	onHand, _ = e.level(phone)
	require.Equal(t, 10, onHand)
}
