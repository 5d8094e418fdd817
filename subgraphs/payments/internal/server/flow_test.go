package server_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// order.placed (delivered twice, and once more as a copy with its own event
// id) creates one payment; the sandbox calls the webhook back and the payment
// is captured once, with exactly one payment.succeeded.
func TestOrderPlaced_sandboxCapturesOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "rahul@okaxis")
	env := e.place(o)
	e.redeliver(env)
	e.place(o)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM payments WHERE order_id = $1`, o.id))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM provider_calls`), "one provider order requested")

	p := e.waitStatus(o.id, "CAPTURED")
	require.Regexp(t, `^order_sbx_`, p.ProviderOrderID)
	require.Regexp(t, `^pay_sbx_`, p.ProviderPaymentID)
	require.Equal(t, int64(129900), p.Captured)
	require.Equal(t, []map[string]any{{"paymentId": p.ID, "orderId": o.id, "amountPaise": 129900.0,
		"provider": "SANDBOX", "providerPaymentId": p.ProviderPaymentID}}, e.events("payment.succeeded", o.id))
	require.Empty(t, e.events("payment.failed", o.id))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM webhook_events WHERE provider = 'SANDBOX'`))
	require.Equal(t, 0, e.count(`SELECT count(*) FROM provider_calls WHERE done_at IS NULL`))

	view, resp := e.paymentAs(e.token(rahul, "CUSTOMER"), p.ID)
	ok(t, resp)
	require.Equal(t, "CAPTURED", view.Status)
	require.Equal(t, money{Paise: 129900, Formatted: "₹1,299.00", Currency: "INR"}, view.Amount)
	require.Equal(t, "UPI", view.Method)
	require.Equal(t, "SANDBOX", view.Provider)
	require.Equal(t, o.id, view.Order.ID)
	require.Equal(t, int64(129900), view.RefundableAmount.Paise)
	require.Empty(t, view.Refunds)
}

// failure@sandbox: the payment fails and payment.failed tells orders why.
func TestOrderPlaced_sandboxFailure(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "failure@sandbox")
	e.place(o)
	p := e.waitStatus(o.id, "FAILED")
	require.Contains(t, p.FailureReason, "declined")
	require.Eventually(t, func() bool { return len(e.events("payment.failed", o.id)) == 1 }, 5*time.Second, 10*time.Millisecond)
	require.Equal(t, map[string]any{"paymentId": p.ID, "orderId": o.id, "reason": p.FailureReason}, e.events("payment.failed", o.id)[0])
	require.Empty(t, e.events("payment.succeeded", o.id))
}

// slow@sandbox succeeds later (SANDBOX_SLOW_DELAY); never@sandbox never calls back.
func TestOrderPlaced_slowAndNever(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	slow, never := newOrder("UPI", "slow@sandbox"), newOrder("UPI", "never@sandbox")
	e.place(slow)
	e.place(never)
	e.waitProviderOrder(slow.id)
	require.Equal(t, "CREATED", e.payment(slow.id).Status, "not yet")
	e.waitStatus(slow.id, "CAPTURED")
	e.waitProviderOrder(never.id)
	time.Sleep(200 * time.Millisecond)
	require.Equal(t, "CREATED", e.payment(never.id).Status)
	require.Empty(t, e.events("payment.succeeded", never.id))
}

// Cash on delivery: CREATED without a provider order; DELIVERED (redelivered,
// and sent twice) collects it once; earlier statuses change nothing.
func TestCOD_collectedOnDelivery(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	o := newOrder("COD", "")
	e.place(o)
	p := e.payment(o.id)
	require.Equal(t, "CREATED", p.Status)
	require.Equal(t, 0, e.count(`SELECT count(*) FROM provider_calls`), "no provider for cash")
	require.Equal(t, "COD", func() string {
		var s string
		require.NoError(t, e.d.DB.QueryRow(t.Context(), `SELECT provider FROM payments WHERE id = $1`, p.ID).Scan(&s))
		return s
	}())

	for _, to := range []string{"CONFIRMED", "PACKED", "SHIPPED"} {
		e.statusChanged(o, "X", to)
	}
	require.Equal(t, "CREATED", e.payment(o.id).Status)

	env := e.statusChanged(o, "SHIPPED", "DELIVERED")
	e.redeliver(env)
	e.statusChanged(o, "SHIPPED", "DELIVERED")
	p = e.payment(o.id)
	require.Equal(t, "CAPTURED", p.Status)
	require.Equal(t, int64(129900), p.Captured)
	require.Equal(t, []map[string]any{{"paymentId": p.ID, "orderId": o.id, "amountPaise": 129900.0, "provider": "COD",
		"providerPaymentId": ""}}, e.events("payment.succeeded", o.id))
}

// A CANCELLED order fails a payment still waiting, without an event (orders
// knows), and a provider callback that arrives later is still recorded.
func TestCancelled_waitingPaymentFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "never@sandbox")
	e.place(o)
	e.waitProviderOrder(o.id)
	env := e.statusChanged(o, "PENDING_PAYMENT", "CANCELLED")
	e.redeliver(env)
	p := e.payment(o.id)
	require.Equal(t, "FAILED", p.Status)
	require.Equal(t, "order cancelled", p.FailureReason)
	require.Empty(t, e.events("payment.failed", o.id))

	cod := newOrder("COD", "")
	e.place(cod)
	e.statusChanged(cod, "CONFIRMED", "CANCELLED")
	require.Equal(t, "FAILED", e.payment(cod.id).Status)
	e.statusChanged(cod, "CANCELLED", "DELIVERED") // out of order: nothing to collect
	require.Equal(t, "FAILED", e.payment(cod.id).Status)
	require.Empty(t, e.events("payment.succeeded", cod.id))
}

// The timeout path: the order was cancelled (reservation expired), then the
// provider reports a late success. The money was taken, so the payment is
// CAPTURED (payment.succeeded) and refunded in full at once (payment.refunded, full).
func TestLateSuccessAfterCancel_refundedInFull(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "never@sandbox")
	e.place(o)
	p := e.waitProviderOrder(o.id)
	e.statusChanged(o, "PENDING_PAYMENT", "CANCELLED")

	status, _ := e.sandboxWebhook("evt_late_1", webhookBody("payment.captured", p.ProviderOrderID, "pay_late_1", 129900))
	require.Equal(t, 200, status)
	p = e.waitStatus(o.id, "REFUNDED")
	require.Equal(t, int64(129900), p.Refunded)
	require.Len(t, e.events("payment.succeeded", o.id), 1)
	refunded := e.events("payment.refunded", o.id)
	require.Len(t, refunded, 1)
	require.Equal(t, true, refunded[0]["full"])
	require.Equal(t, 129900.0, refunded[0]["amountPaise"])
	require.Equal(t, 129900.0, refunded[0]["refundedTotalPaise"])
	require.Equal(t, "order was cancelled before the payment completed", refunded[0]["reason"])
	require.Equal(t, 1, e.count(`SELECT count(*) FROM refunds WHERE status = 'PROCESSED' AND requested_by IS NULL AND provider_refund_id LIKE 'rfnd_sbx_%'`))
}

// Captured, then the order is cancelled (a cancellation after payment, or a
// late success seen first): CANCELLED refunds everything once.
func TestCancelAfterCapture_refundedOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(50000)
	env := e.statusChanged(o, "PAID", "CANCELLED")
	e.redeliver(env)
	e.statusChanged(o, "PAID", "CANCELLED")
	e.waitStatus(o.id, "REFUNDED")
	require.Equal(t, 1, e.count(`SELECT count(*) FROM refunds WHERE payment_id = $1`, p.ID))
	require.Eventually(t, func() bool { return len(e.events("payment.refunded", o.id)) == 1 }, 5*time.Second, 10*time.Millisecond)
	require.Equal(t, map[string]any{"paymentId": p.ID, "orderId": o.id, "refundId": e.events("payment.refunded", o.id)[0]["refundId"],
		"amountPaise": 50000.0, "refundedTotalPaise": 50000.0, "full": true,
		"reason": "order was cancelled before the payment completed", "storeId": nil}, e.events("payment.refunded", o.id)[0])
}

// An order.placed payments cannot honour is refused (the consumer parks it
// after its retries) and writes nothing.
func TestOrderPlaced_invalidWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	before := e.rows()
	for name, mutate := range map[string]func(map[string]any){
		"no total":       func(p map[string]any) { p["totalPaise"] = 0 },
		"unknown method": func(p map[string]any) { p["paymentMethod"] = map[string]any{"type": "BITCOIN"} },
		"bad order id":   func(p map[string]any) { p["orderId"] = "nope" },
		"bad store id":   func(p map[string]any) { p["items"] = []any{map[string]any{"storeId": "x"}} },
	} {
		p := newOrder("UPI", "").payload()
		mutate(p)
		raw := e.deliverRaw("order.placed", p)
		require.Error(t, raw, name)
	}
	require.Equal(t, before, e.rows())
	require.Zero(t, e.count(`SELECT count(*) FROM processed_events`), "not marked processed: parked for inspection by the consumer")

	// paymentMethod as a bare string is understood too.
	o := newOrder("CARD", "")
	p := o.payload()
	p["paymentMethod"] = "CARD"
	require.NoError(t, e.deliverRaw("order.placed", p))
	require.Equal(t, "CREATED", e.payment(o.id).Status)
}
