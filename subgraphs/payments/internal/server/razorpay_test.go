package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
)

// fakeRazorpayAPI answers the three endpoints payments calls, as Razorpay does.
type fakeRazorpayAPI struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []string // "METHOD path body"
	// refundStatus is what POST /refund answers ("pending" or "processed").
	refundStatus string
	// failWith, when set, is the status every request gets (with Razorpay's error body).
	failWith atomic.Int32
}

func newFakeRazorpayAPI(t *testing.T) *fakeRazorpayAPI {
	f := &fakeRazorpayAPI{refundStatus: "pending"}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, _ := r.BasicAuth(); u != "rzp_test_key" || p != "rzp_test_secret" {
			w.WriteHeader(401)
			_, _ = io.WriteString(w, `{"error":{"code":"BAD_REQUEST_ERROR","description":"Authentication failed"}}`)
			return
		}
		if status := int(f.failWith.Load()); status != 0 {
			w.WriteHeader(status)
			_, _ = io.WriteString(w, `{"error":{"code":"BAD_REQUEST_ERROR","description":"The refund amount provided is greater than amount captured"}}`)
			return
		}
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, r.Method+" "+r.URL.Path+" "+string(body))
		n := len(f.reqs)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/v1/orders":
			fmt.Fprintf(w, `{"id":"order_rzp%04d","entity":"order","status":"created"}`, n)
		case strings.HasSuffix(r.URL.Path, "/capture"):
			_, _ = io.WriteString(w, `{"id":"pay_rzp_1","entity":"payment","status":"captured"}`)
		case strings.HasSuffix(r.URL.Path, "/refund"):
			fmt.Fprintf(w, `{"id":"rfnd_rzp_1","entity":"refund","status":%q}`, f.refundStatus)
		default:
			w.WriteHeader(404)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeRazorpayAPI) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.reqs...)
}

const razorpayWebhookSecret = "rzp_webhook_secret"

func (e *env) razorpayWebhook(eventID string, body []byte) (int, string) {
	return e.postWebhook("/webhooks/razorpay", map[string]string{
		razorpay.SignatureHeader: provider.Sign([]byte(razorpayWebhookSecret), body), razorpay.EventIDHeader: eventID,
	}, body)
}

// With PAYMENT_PROVIDER=RAZORPAY: the provider order is created through the
// Orders API; payment.authorized leads to a capture call and the capture;
// a refund Razorpay answers "pending" completes on refund.processed.
func TestRazorpay_endToEnd(t *testing.T) {
	t.Parallel()
	api := newFakeRazorpayAPI(t)
	e := newEnv(t, map[string]string{
		"PAYMENT_PROVIDER": "RAZORPAY", "RAZORPAY_BASE_URL": api.srv.URL,
		"RAZORPAY_KEY_ID": "rzp_test_key", "RAZORPAY_KEY_SECRET": "rzp_test_secret", "RAZORPAY_WEBHOOK_SECRET": razorpayWebhookSecret,
	})
	e.runWorkers()
	o := newOrder("CARD", "")
	o.total = 250000
	e.place(o)
	p := e.waitProviderOrder(o.id)
	require.Equal(t, "order_rzp0001", p.ProviderOrderID)
	reqs := api.requests()
	require.Len(t, reqs, 1)
	require.True(t, strings.HasPrefix(reqs[0], "POST /v1/orders "), reqs[0])
	var sent map[string]any
	require.NoError(t, json.Unmarshal([]byte(strings.TrimPrefix(reqs[0], "POST /v1/orders ")), &sent))
	require.Equal(t, 250000.0, sent["amount"])
	require.Equal(t, "INR", sent["currency"])
	require.Equal(t, "PUR-2026-"+o.id[len(o.id)-6:], sent["receipt"])

	status, _ := e.razorpayWebhook("evt_auth", webhookBody("payment.authorized", p.ProviderOrderID, "pay_rzp_1", 250000))
	require.Equal(t, 200, status)
	p = e.waitStatus(o.id, "CAPTURED")
	require.Equal(t, "pay_rzp_1", p.ProviderPaymentID)
	require.Contains(t, api.requests()[1], `POST /v1/payments/pay_rzp_1/capture {"amount":250000,"currency":"INR"}`)
	status, _ = e.razorpayWebhook("evt_cap", webhookBody("payment.captured", p.ProviderOrderID, "pay_rzp_1", 250000))
	require.Equal(t, 200, status)
	require.Len(t, e.events("payment.succeeded", o.id), 1, "the capture webhook after our capture call changes nothing")
	require.Equal(t, "RAZORPAY", e.events("payment.succeeded", o.id)[0]["provider"])

	// A payment made outside Purra (no order of ours) is acknowledged, not retried for a day.
	status, out := e.razorpayWebhook("evt_foreign", webhookBody("payment.captured", "order_foreign", "pay_foreign", 100))
	require.Equal(t, 200, status)
	require.Contains(t, out, "unknown")

	// The sandbox is not served when Razorpay is the provider.
	status, _ = e.sandboxWebhook("evt_sbx", webhookBody("payment.captured", p.ProviderOrderID, "pay_x", 1))
	require.Equal(t, 404, status)

	r, resp := e.refund(e.token(vikram, "OWNER"), p.ID, 50000, "customer returned one item")
	ok(t, resp)
	require.Equal(t, "PENDING", r.Status)
	require.Equal(t, "rfnd_rzp_1", *r.ProviderRefundID)
	require.Equal(t, int64(200000), r.Payment.RefundableAmount.Paise, "a pending refund is reserved")
	require.Equal(t, int64(0), r.Payment.RefundedAmount.Paise)
	require.Empty(t, e.events("payment.refunded", o.id))
	require.Contains(t, api.requests()[2], `POST /v1/payments/pay_rzp_1/refund {"amount":50000,`)

	processed, _ := json.Marshal(map[string]any{"entity": "event", "event": "refund.processed", "payload": map[string]any{
		"refund": map[string]any{"entity": map[string]any{"id": "rfnd_rzp_1", "payment_id": "pay_rzp_1", "amount": 50000,
			"notes": map[string]any{"reason": "customer returned one item", "refund_id": r.ID}, "status": "processed"}}}})
	status, _ = e.razorpayWebhook("evt_rfnd", processed)
	require.Equal(t, 200, status)
	status, _ = e.razorpayWebhook("evt_rfnd", processed)
	require.Equal(t, 200, status)
	refunded := e.events("payment.refunded", o.id)
	require.Len(t, refunded, 1)
	require.Equal(t, map[string]any{"paymentId": p.ID, "orderId": o.id, "refundId": r.ID, "amountPaise": 50000.0,
		"refundedTotalPaise": 50000.0, "full": false, "reason": "customer returned one item", "storeId": techHub}, refunded[0])
	got := e.payment(o.id)
	require.Equal(t, int64(50000), got.Refunded)
	require.Equal(t, int64(0), got.Refunding)
}

// Razorpay refusing a refund (4xx) fails it at once: CONFLICT to the caller,
// the amount is refundable again, no payment.refunded.
func TestRazorpay_refundRefused(t *testing.T) {
	t.Parallel()
	api := newFakeRazorpayAPI(t)
	e := newEnv(t, map[string]string{
		"PAYMENT_PROVIDER": "RAZORPAY", "RAZORPAY_BASE_URL": api.srv.URL,
		"RAZORPAY_KEY_ID": "rzp_test_key", "RAZORPAY_KEY_SECRET": "rzp_test_secret", "RAZORPAY_WEBHOOK_SECRET": razorpayWebhookSecret,
	})
	e.runWorkers()
	o := newOrder("NETBANKING", "")
	e.place(o)
	p := e.waitProviderOrder(o.id)
	status, _ := e.razorpayWebhook("evt_cap", webhookBody("payment.captured", p.ProviderOrderID, "pay_rzp_9", o.total))
	require.Equal(t, 200, status)
	p = e.waitStatus(o.id, "CAPTURED")

	api.failWith.Store(400)
	_, resp := e.refund(e.token(vikram, "OWNER"), p.ID, 1000, "damaged item")
	wantErr(t, resp, "CONFLICT", "", "REFUND_FAILED")
	require.Contains(t, resp.Errors[0].Message, "greater than amount captured")
	got := e.payment(o.id)
	require.Equal(t, int64(0), got.Refunding)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM refunds WHERE status = 'FAILED'`), "kept for the record")
	require.Empty(t, e.events("payment.refunded", o.id))

	// Razorpay unreachable: the refund stays PENDING and the worker retries it.
	api.failWith.Store(503)
	r, resp := e.refund(e.token(vikram, "OWNER"), p.ID, 1000, "damaged item")
	ok(t, resp)
	require.Equal(t, "PENDING", r.Status)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM provider_calls WHERE refund_id = $1 AND done_at IS NULL AND attempts = 1 AND run_after > now()`, r.ID))
}

// Razorpay refusing to create the order fails the payment (payment.failed:
// orders cancels the order); Razorpay unavailable is retried with backoff.
func TestRazorpay_createOrderRefusedOrRetried(t *testing.T) {
	t.Parallel()
	api := newFakeRazorpayAPI(t)
	e := newEnv(t, map[string]string{
		"PAYMENT_PROVIDER": "RAZORPAY", "RAZORPAY_BASE_URL": api.srv.URL,
		"RAZORPAY_KEY_ID": "rzp_test_key", "RAZORPAY_KEY_SECRET": "rzp_test_secret", "RAZORPAY_WEBHOOK_SECRET": razorpayWebhookSecret,
	})
	e.runWorkers()

	api.failWith.Store(400)
	refused := newOrder("UPI", "")
	e.place(refused)
	p := e.waitStatus(refused.id, "FAILED")
	require.Contains(t, p.FailureReason, "the payment provider refused the request")
	require.Len(t, e.events("payment.failed", refused.id), 1)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM provider_calls WHERE done_at IS NOT NULL AND last_error LIKE '%400%'`))

	api.failWith.Store(503)
	retried := newOrder("UPI", "")
	e.place(retried)
	require.Eventually(t, func() bool {
		return e.count(`SELECT count(*) FROM provider_calls c JOIN payments p ON p.id = c.payment_id
			WHERE p.order_id = $1 AND c.attempts = 1 AND c.done_at IS NULL AND c.run_after > now()`, retried.id) == 1
	}, 10*time.Second, 10*time.Millisecond, "rescheduled after the first failure")
	api.failWith.Store(0)
	p = e.waitProviderOrder(retried.id)
	require.Equal(t, "CREATED", p.Status)
	require.Empty(t, e.events("payment.failed", retried.id))
}
