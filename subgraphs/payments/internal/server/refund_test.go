package server_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// Who may refund: the owner of a store in the order, or an admin with
// payments:refund. Everybody else is refused, and nothing is written.
func TestRefund_authorization(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	_, p := e.captured(129900)
	before := e.rows()

	_, resp := e.refund("", p.ID, 100, "damaged item")
	wantErr(t, resp, "UNAUTHENTICATED", "", "")
	_, resp = e.refund(e.token(rahul, "CUSTOMER"), p.ID, 100, "damaged item")
	wantErr(t, resp, "FORBIDDEN", "", "")
	_, resp = e.refund(e.token(meera, "OWNER"), p.ID, 100, "damaged item")
	wantErr(t, resp, "NOT_FOUND", "", "") // another store's payment is not even visible
	_, resp = e.refund(e.token(rahul, "OWNER"), p.ID, 100, "damaged item")
	wantErr(t, resp, "FORBIDDEN", "", "") // the buyer sees it, but is not its store's owner
	_, resp = e.refund(e.token(admin, "ADMIN", "payments:read"), p.ID, 100, "damaged item")
	wantErr(t, resp, "FORBIDDEN", "", "") // reading is not refunding
	_, resp = e.refund(e.token(vikram, "OWNER"), uuid.NewString(), 100, "damaged item")
	wantErr(t, resp, "NOT_FOUND", "", "")
	require.Equal(t, before, e.rows())

	owner := e.token(vikram, "OWNER")
	r, resp := e.refund(owner, p.ID, 100, "damaged item")
	ok(t, resp)
	require.Equal(t, "PROCESSED", r.Status)
	r, resp = e.refund(e.token(admin, "ADMIN", "payments:refund"), p.ID, 200, "goodwill")
	ok(t, resp)
	require.Equal(t, int64(300), r.Payment.RefundedAmount.Paise)
	e.catalog.mu.Lock()
	require.Contains(t, e.catalog.auths, owner, "catalog is asked with the caller's own credentials")
	e.catalog.mu.Unlock()
}

// Every refusal a client can cause is coded, and writes nothing.
func TestRefund_badInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	_, p := e.captured(10000)
	waiting := newOrder("UPI", "never@sandbox")
	e.place(waiting)
	w := e.waitProviderOrder(waiting.id)
	owner := e.token(vikram, "OWNER")
	before := e.rows()

	for name, tc := range map[string]struct {
		id         string
		amount     int64
		reason     string
		code       string
		field      string
		wantReason string
	}{
		"zero":             {p.ID, 0, "damaged", "BAD_USER_INPUT", "amountPaise", ""},
		"negative":         {p.ID, -100, "damaged", "BAD_USER_INPUT", "amountPaise", ""},
		"more than taken":  {p.ID, 10001, "damaged", "BAD_USER_INPUT", "amountPaise", ""},
		"short reason":     {p.ID, 100, "no", "BAD_USER_INPUT", "reason", ""},
		"blank reason":     {p.ID, 100, "      ", "BAD_USER_INPUT", "reason", ""},
		"501 chars":        {p.ID, 100, strings.Repeat("a", 501), "BAD_USER_INPUT", "reason", ""},
		"10 KB reason":     {p.ID, 100, strings.Repeat("x", 10<<10), "BAD_USER_INPUT", "reason", ""},
		"control chars":    {p.ID, 100, "bad\u0007reason", "BAD_USER_INPUT", "reason", ""},
		"malformed id":     {"42", 100, "damaged", "BAD_USER_INPUT", "paymentId", ""},
		"not captured yet": {w.ID, 100, "damaged", "CONFLICT", "", "PAYMENT_NOT_CAPTURED"},
	} {
		_, resp := e.refund(owner, tc.id, tc.amount, tc.reason)
		require.NotEmpty(t, resp.Errors, name)
		wantErr(t, resp, tc.code, tc.field, tc.wantReason)
	}
	// 2^53+1 paise does not fit in a float: it must still be refused, not rounded.
	resp := e.do(owner, `mutation { refundPayment(input: {paymentId: "`+p.ID+`", amountPaise: "9007199254740993", reason: "damaged"}) { id } }`, nil, nil)
	require.NotEmpty(t, resp.Errors)
	require.Equal(t, before, e.rows())
}

// Partial refunds keep the payment CAPTURED; the one that refunds the rest
// makes it REFUNDED with full: true; after that, CONFLICT.
func TestRefund_partialThenFull(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(10000)
	owner := e.token(vikram, "OWNER")

	r1, resp := e.refund(owner, p.ID, 2500, "  one item damaged  ")
	ok(t, resp)
	require.Equal(t, "PROCESSED", r1.Status)
	require.Equal(t, "one item damaged", r1.Reason)
	require.Regexp(t, `^rfnd_sbx_`, *r1.ProviderRefundID)
	require.Equal(t, "CAPTURED", r1.Payment.Status)
	require.Equal(t, int64(7500), r1.Payment.RefundableAmount.Paise)

	r2, resp := e.refund(owner, p.ID, 7500, "rest returned")
	ok(t, resp)
	require.Equal(t, "REFUNDED", r2.Payment.Status)
	require.Equal(t, int64(0), r2.Payment.RefundableAmount.Paise)

	refunded := e.events("payment.refunded", o.id)
	require.Len(t, refunded, 2)
	require.Equal(t, map[string]any{"paymentId": p.ID, "orderId": o.id, "refundId": r1.ID, "amountPaise": 2500.0,
		"refundedTotalPaise": 2500.0, "full": false, "reason": "one item damaged", "storeId": techHub}, refunded[0])
	require.Equal(t, true, refunded[1]["full"])
	require.Equal(t, 10000.0, refunded[1]["refundedTotalPaise"])
	require.Equal(t, 2, e.count(`SELECT count(*) FROM outbox WHERE type = 'payment.refunded' AND envelope->>'actor' = $1`, vikram))

	_, resp = e.refund(owner, p.ID, 1, "again")
	wantErr(t, resp, "CONFLICT", "", "PAYMENT_NOT_CAPTURED")

	view, resp := e.paymentAs(owner, p.ID)
	ok(t, resp)
	require.Len(t, view.Refunds, 2)
	require.Equal(t, r1.ID, view.Refunds[0].ID, "oldest first")
	require.Equal(t, int64(10000), view.RefundedAmount.Paise)
}

// Twenty concurrent refunds of 10 % each: exactly ten succeed, the rest are
// refused, and the sum never exceeds the capture (the payment row is locked).
func TestRefund_concurrentNeverExceedsCapture(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(10000)
	owner := e.token(vikram, "OWNER")

	var wg sync.WaitGroup
	start := make(chan struct{})
	codes := make([]string, 20)
	for i := range codes {
		wg.Go(func() {
			<-start
			_, resp := e.refund(owner, p.ID, 1000, "bulk return")
			codes[i] = resp.Code()
		})
	}
	close(start)
	wg.Wait()
	succeeded, refused := 0, 0
	for _, c := range codes {
		switch c {
		case "":
			succeeded++
		case "BAD_USER_INPUT", "CONFLICT": // CONFLICT once the payment is fully REFUNDED
			refused++
		default:
			t.Fatalf("unexpected code %q", c)
		}
	}
	require.Equal(t, 10, succeeded, "codes: %v", codes)
	require.Equal(t, 10, refused)
	got := e.payment(o.id)
	require.Equal(t, int64(10000), got.Refunded)
	require.Equal(t, int64(0), got.Refunding)
	require.Equal(t, "REFUNDED", got.Status)
	require.Equal(t, 10, e.count(`SELECT count(*) FROM refunds WHERE status = 'PROCESSED'`))
	fulls := 0
	for _, ev := range e.events("payment.refunded", o.id) {
		if ev["full"] == true {
			fulls++
		}
	}
	require.Equal(t, 1, fulls)
}

// refundPayment is rate limited per caller.
func TestRefund_rateLimited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	owner := e.token(vikram, "OWNER")
	var last string
	for range 31 {
		_, resp := e.refund(owner, uuid.NewString(), 1, "damaged")
		last = resp.Code()
	}
	require.Equal(t, "RATE_LIMITED", last)
}
