package server_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// A two-store order: TechHub's iPhone (₹79,900) and the other store's
// earbuds (₹1,999), paid in one payment.
func twoStoreOrder(method, vpa string) (order, map[string]any) {
	o := newOrder(method, vpa)
	o.total, o.stores = 7_990_000+199_900, []string{techHub, gadgets}
	p := o.payload()
	p["items"] = []map[string]any{
		{"variantId": uuid.NewString(), "storeId": techHub, "sku": "IPHONE", "title": "iPhone", "quantity": 1,
			"unitPricePaise": 7_990_000, "lineTotalPaise": 7_990_000},
		{"variantId": uuid.NewString(), "storeId": gadgets, "sku": "EARBUDS", "title": "Earbuds", "quantity": 1,
			"unitPricePaise": 199_900, "lineTotalPaise": 199_900},
	}
	return o, p
}

func (e *env) fulfilmentCancelled(o order, storeID string) {
	e.t.Helper()
	e.deliver("order.fulfilment_changed", o.id, map[string]any{
		"fulfilmentId": uuid.NewString(), "orderId": o.id, "userId": o.buyer, "storeId": storeID, "from": "CONFIRMED",
		"to": "CANCELLED", "at": time.Now().UTC(), "paymentMethod": map[string]any{"type": o.method},
		"reason": "out of stock", "amountPaise": 199_900, "items": []any{},
	})
}

func (e *env) refundFor(authz, paymentID, storeID string, amount int64) (*refundView, []any) {
	e.t.Helper()
	var out struct{ RefundPayment *refundView }
	resp := e.do(authz, refundMutation, map[string]any{"in": map[string]any{
		"paymentId": paymentID, "amountPaise": amount, "reason": "damaged item", "storeId": storeID}}, &out)
	errs := make([]any, len(resp.Errors))
	for i, er := range resp.Errors {
		errs[i] = er.Extensions["code"]
	}
	return out.RefundPayment, errs
}

// An owner refunds at most their own store's lines, by payments' own figure:
// the ₹2,000-on-₹1,999 refund that used to pass is FORBIDDEN, as is any
// refund of another store's lines; an admin is not limited.
func TestRefund_ownerLimitedToTheirStore(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, payload := twoStoreOrder("UPI", "rahul@okaxis")
	e.deliver("order.placed", o.id, payload)
	p := e.waitStatus(o.id, "CAPTURED")
	owner := e.token(meera, "OWNER")
	before := e.rows()

	_, resp := e.refund(owner, p.ID, 200_000, "damaged item")
	wantErr(t, resp, "FORBIDDEN", "", "STORE_REFUND_LIMIT")
	_, codes := e.refundFor(owner, p.ID, techHub, 100)
	require.Equal(t, []any{"FORBIDDEN"}, codes, "another store's lines")
	_, codes = e.refundFor(owner, p.ID, uuid.NewString(), 100)
	require.Equal(t, []any{"FORBIDDEN"}, codes, "a store not in the order")
	_, codes = e.refundFor(owner, p.ID, "not-a-store", 100)
	require.Equal(t, []any{"BAD_USER_INPUT"}, codes)
	require.Equal(t, before, e.rows(), "refusals write nothing")

	r, resp := e.refund(owner, p.ID, 100, "damaged item")
	ok(t, resp)
	require.Equal(t, "PROCESSED", r.Status)
	_, resp = e.refund(owner, p.ID, 199_900, "damaged item")
	wantErr(t, resp, "FORBIDDEN", "", "STORE_REFUND_LIMIT") // 199,800 left
	r, resp = e.refund(owner, p.ID, 199_800, "damaged item")
	ok(t, resp)
	require.Equal(t, 2, e.count(`SELECT count(*) FROM refunds WHERE payment_id = $1 AND store_id = $2`, p.ID, gadgets))
	refunded := e.events("payment.refunded", o.id)
	require.Len(t, refunded, 2)
	require.Equal(t, gadgets, refunded[0]["storeId"])

	// An admin with payments:refund refunds the order as a whole (storeId null).
	_, resp = e.refund(e.token(admin, "ADMIN", "payments:refund"), p.ID, 500_000, "goodwill")
	ok(t, resp)
	require.Nil(t, e.events("payment.refunded", o.id)[2]["storeId"])
}

// A store's cancelled fulfilment refunds exactly what is left of its part,
// once, with the store recorded; the other store's part stays paid.
func TestFulfilmentCancelledRefundsThatStoresPart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, payload := twoStoreOrder("UPI", "rahul@okaxis")
	e.deliver("order.placed", o.id, payload)
	p := e.waitStatus(o.id, "CAPTURED")
	_, resp := e.refund(e.token(meera, "OWNER"), p.ID, 900, "scratched box")
	ok(t, resp)

	e.fulfilmentCancelled(o, gadgets)
	e.fulfilmentCancelled(o, gadgets) // a duplicate with its own event id
	require.Eventually(t, func() bool {
		return e.count(`SELECT count(*) FROM refunds WHERE payment_id = $1 AND store_id = $2 AND status = 'PROCESSED'`, p.ID, gadgets) == 2
	}, 10*time.Second, 20*time.Millisecond)
	require.Equal(t, 199_900, e.count(`SELECT sum(amount_paise)::int FROM refunds WHERE payment_id = $1 AND store_id = $2`, p.ID, gadgets))
	got := e.payment(o.id)
	require.Equal(t, int64(199_900), got.Refunded)
	require.Equal(t, "CAPTURED", got.Status, "TechHub's part stays paid")
}

// Cash on delivery: a cancelled store's part is no longer collected.
func TestFulfilmentCancelledCODCollectsLess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, payload := twoStoreOrder("COD", "")
	e.deliver("order.placed", o.id, payload)
	e.waitStatus(o.id, "CREATED")
	e.fulfilmentCancelled(o, gadgets)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM payments WHERE order_id = $1 AND amount_paise = 7990000`, o.id))
	e.statusChanged(o, "SHIPPED", "DELIVERED")
	got := e.waitStatus(o.id, "CAPTURED")
	require.Equal(t, int64(7_990_000), got.Captured)
}
