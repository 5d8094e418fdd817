package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// returnReceived is orders' order.return_changed for a return received.
func returnReceived(orderID, returnID, store string, refund, storeAmount int64) map[string]any {
	return map[string]any{"returnId": returnID, "orderId": orderID, "storeId": store, "fulfilmentId": uuid.NewString(),
		"userId": rahul, "from": "APPROVED", "to": "RECEIVED", "at": time.Now().UTC(), "refundPaise": refund,
		"storeAmountPaise": storeAmount, "items": []any{}, "orderFullyReturned": false}
}

type returnRefund struct {
	Status, StoreID, Reason string
	Amount                  int64
	RefundTo                map[string]any
}

func (e *env) refundOfReturn(returnID string) []returnRefund {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT status, coalesce(store_id::text, ''), reason, amount_paise, refund_to
		FROM refunds WHERE return_id = $1`, returnID)
	require.NoError(e.t, err)
	defer rows.Close()
	var out []returnRefund
	for rows.Next() {
		var r returnRefund
		require.NoError(e.t, rows.Scan(&r.Status, &r.StoreID, &r.Reason, &r.Amount, &r.RefundTo))
		out = append(out, r)
	}
	return out
}

// A received return of a prepaid order is refunded through the provider,
// once however often its event comes, and payment.refunded names it; other
// steps of a return refund nothing.
func TestReturnReceived_refundsOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(200000)
	ret := uuid.NewString()

	requested := returnReceived(o.id, ret, techHub, 79900, 150000)
	requested["from"], requested["to"] = nil, "REQUESTED"
	e.deliver("order.return_changed", o.id, requested)
	require.Empty(t, e.refundOfReturn(ret))

	env := e.deliver("order.return_changed", o.id, returnReceived(o.id, ret, techHub, 79900, 150000))
	e.redeliver(env)
	e.deliver("order.return_changed", o.id, returnReceived(o.id, ret, techHub, 79900, 150000)) // a repeat with another event id
	require.Eventually(t, func() bool {
		rs := e.refundOfReturn(ret)
		return len(rs) == 1 && rs[0].Status == "PROCESSED"
	}, 10*time.Second, 10*time.Millisecond)
	r := e.refundOfReturn(ret)[0]
	require.Equal(t, techHub, r.StoreID)
	require.Equal(t, int64(79900), r.Amount)
	require.Nil(t, r.RefundTo)
	got := e.payment(o.id)
	require.Equal(t, int64(79900), got.Refunded)
	require.Equal(t, "CAPTURED", got.Status)
	evs := e.events("payment.refunded", o.id)
	require.Len(t, evs, 1)
	require.Equal(t, ret, evs[0]["returnId"])
	require.Equal(t, p.ID, evs[0]["paymentId"])
	require.Equal(t, false, evs[0]["full"])
}

// The store's refunds never exceed what its lines brought in: a return
// beyond that ceiling is refused (the consumer retries, then parks it) and
// writes nothing.
func TestReturnReceived_withinTheStoreCeiling(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, _ := e.captured(200000)
	first := uuid.NewString()
	e.deliver("order.return_changed", o.id, returnReceived(o.id, first, techHub, 100000, 150000))
	require.Eventually(t, func() bool { return e.payment(o.id).Refunded == 100000 }, 10*time.Second, 10*time.Millisecond)
	before := e.rows()
	err := e.deliverRaw("order.return_changed", returnReceived(o.id, uuid.NewString(), techHub, 50001, 150000))
	require.ErrorContains(t, err, "exceeds")
	// Nor malformed figures: a refund above the store's amount, or none.
	require.Error(t, e.deliverRaw("order.return_changed", returnReceived(o.id, uuid.NewString(), techHub, 150001, 150000)))
	require.Error(t, e.deliverRaw("order.return_changed", returnReceived(o.id, uuid.NewString(), techHub, 0, 150000)))
	require.Error(t, e.deliverRaw("order.return_changed", returnReceived(o.id, "not-a-return", techHub, 100, 150000)))
	require.Equal(t, before, e.rows())
	// Another store's lines have their own ceiling.
	e.deliver("order.return_changed", o.id, returnReceived(o.id, uuid.NewString(), gadgets, 50000, 50000))
	require.Eventually(t, func() bool { return e.payment(o.id).Refunded == 150000 }, 10*time.Second, 10*time.Millisecond)
	// What is left of techHub's part still goes back.
	e.deliver("order.return_changed", o.id, returnReceived(o.id, uuid.NewString(), techHub, 50000, 150000))
	require.Eventually(t, func() bool { return e.payment(o.id).Status == "REFUNDED" }, 10*time.Second, 10*time.Millisecond)
}

// A cash-on-delivery return is paid out by operations to the shopper's
// bank account: recorded PROCESSED at once, with the details, and no call
// to any provider.
func TestReturnReceived_cashOnDelivery(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	o := newOrder("COD", "")
	e.place(o)
	e.statusChanged(o, "SHIPPED", "DELIVERED") // collected
	ret := uuid.NewString()
	calls := e.count(`SELECT count(*) FROM provider_calls`)

	missing := returnReceived(o.id, ret, techHub, 129900, 129900)
	require.Error(t, e.deliverRaw("order.return_changed", missing), "a COD return without refund details")
	in := returnReceived(o.id, ret, techHub, 129900, 129900)
	in["codRefundTo"] = map[string]any{"kind": "BANK_ACCOUNT", "accountName": "Rahul Sharma",
		"accountNumber": "50100012345678", "ifsc": "HDFC0001234"}
	e.deliver("order.return_changed", o.id, in)
	rs := e.refundOfReturn(ret)
	require.Len(t, rs, 1)
	require.Equal(t, "PROCESSED", rs[0].Status)
	require.Equal(t, "50100012345678", rs[0].RefundTo["accountNumber"])
	require.Equal(t, calls, e.count(`SELECT count(*) FROM provider_calls`))
	require.Equal(t, "REFUNDED", e.payment(o.id).Status)
	evs := e.events("payment.refunded", o.id)
	require.Len(t, evs, 1)
	require.Equal(t, ret, evs[0]["returnId"])
	require.Equal(t, true, evs[0]["full"])
}
