package razorpay_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
)

// recorded is one request the fake Razorpay received.
type recorded struct {
	Method, Path, User, Pass, ContentType, Idempotency string
	Body                                               map[string]any
}

// fakeRazorpay answers every request with status and body, recording it.
func fakeRazorpay(t *testing.T, status int, body string) (*razorpay.Client, func() []recorded) {
	t.Helper()
	var mu sync.Mutex
	var got []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, _ := r.BasicAuth()
		raw, _ := io.ReadAll(r.Body)
		rec := recorded{Method: r.Method, Path: r.URL.EscapedPath(), User: user, Pass: pass,
			ContentType: r.Header.Get("Content-Type"), Idempotency: r.Header.Get("X-Refund-Idempotency")}
		require.NoError(t, json.Unmarshal(raw, &rec.Body), "request body is JSON: %s", raw)
		mu.Lock()
		got = append(got, rec)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := razorpay.New(razorpay.Config{BaseURL: srv.URL + "/", KeyID: "rzp_test_key", KeySecret: "s3cret", WebhookSecret: "whsec"})
	require.NoError(t, err)
	return c, func() []recorded {
		mu.Lock()
		defer mu.Unlock()
		return append([]recorded(nil), got...)
	}
}

func TestCreateOrder_exactRequest(t *testing.T) {
	t.Parallel()
	c, got := fakeRazorpay(t, 200, `{"id":"order_IluGWxBm9U8zJ8","entity":"order","amount":129900,"currency":"INR","receipt":"PUR-2026-000042","status":"created"}`)
	o, err := c.CreateOrder(context.Background(), provider.OrderRequest{
		PaymentID: "pay-uuid", OrderID: "order-uuid", OrderNumber: "PUR-2026-000042", AmountPaise: 129900, Currency: "INR",
		Method: payment.MethodUPI, UpiVpa: "rahul@okaxis",
	})
	require.NoError(t, err)
	require.Equal(t, "order_IluGWxBm9U8zJ8", o.ID)
	require.Equal(t, []recorded{{
		Method: "POST", Path: "/v1/orders", User: "rzp_test_key", Pass: "s3cret", ContentType: "application/json",
		Body: map[string]any{"amount": 129900.0, "currency": "INR", "receipt": "PUR-2026-000042",
			"notes": map[string]any{"order_id": "order-uuid", "payment_id": "pay-uuid"}},
	}}, got())
}

func TestCapture_exactRequest(t *testing.T) {
	t.Parallel()
	c, got := fakeRazorpay(t, 200, `{"id":"pay_G8VQzjPLoAvm6D","entity":"payment","status":"captured"}`)
	require.NoError(t, c.Capture(context.Background(), provider.CaptureRequest{ProviderPaymentID: "pay_G8VQzjPLoAvm6D", AmountPaise: 5000, Currency: "INR"}))
	require.Equal(t, []recorded{{
		Method: "POST", Path: "/v1/payments/pay_G8VQzjPLoAvm6D/capture", User: "rzp_test_key", Pass: "s3cret",
		ContentType: "application/json", Body: map[string]any{"amount": 5000.0, "currency": "INR"},
	}}, got())
}

func TestRefund_exactRequest(t *testing.T) {
	t.Parallel()
	for status, want := range map[string]payment.RefundStatus{
		"processed": payment.RefundProcessed, "pending": payment.RefundPending, "failed": payment.RefundFailed,
	} {
		c, got := fakeRazorpay(t, 200, `{"id":"rfnd_FP8QHiV938haTz","entity":"refund","amount":2500,"payment_id":"pay_29QQoUBi66xm2f","status":"`+status+`"}`)
		res, err := c.Refund(context.Background(), provider.RefundRequest{
			RefundID: "01937a00-0000-7000-8000-00000000f001", PaymentID: "pay-uuid", ProviderPaymentID: "pay_29QQoUBi66xm2f",
			AmountPaise: 2500, Reason: "Damaged on arrival",
		})
		require.NoError(t, err)
		require.Equal(t, provider.RefundResult{ID: "rfnd_FP8QHiV938haTz", Status: want}, res)
		require.Equal(t, []recorded{{
			Method: "POST", Path: "/v1/payments/pay_29QQoUBi66xm2f/refund", User: "rzp_test_key", Pass: "s3cret",
			ContentType: "application/json", Idempotency: "01937a00-0000-7000-8000-00000000f001",
			Body: map[string]any{"amount": 2500.0, "speed": "normal", "notes": map[string]any{
				"reason": "Damaged on arrival", "refund_id": "01937a00-0000-7000-8000-00000000f001", "payment_id": "pay-uuid"}},
		}}, got())
	}
}

// The provider id goes into the path escaped, so it cannot address another endpoint.
func TestPathEscaping(t *testing.T) {
	t.Parallel()
	c, got := fakeRazorpay(t, 200, `{}`)
	require.NoError(t, c.Capture(context.Background(), provider.CaptureRequest{ProviderPaymentID: "../orders?x=1", AmountPaise: 1, Currency: "INR"}))
	require.Equal(t, "/v1/payments/..%2Forders%3Fx=1/capture", got()[0].Path)
}

func TestErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status    int
		body      string
		permanent bool
		desc      string
	}{
		{400, `{"error":{"code":"BAD_REQUEST_ERROR","description":"The amount must be atleast INR 1.00","source":"business","step":"payment_initiation","reason":"input_validation_failed","metadata":{}}}`, true, "The amount must be atleast INR 1.00"},
		{401, `{"error":{"code":"BAD_REQUEST_ERROR","description":"Authentication failed"}}`, true, "Authentication failed"},
		{409, `{"error":{"code":"BAD_REQUEST_ERROR","description":"request in progress"}}`, false, "request in progress"},
		{429, `{"error":{"code":"BAD_REQUEST_ERROR","description":"Too many requests"}}`, false, "Too many requests"},
		{502, `<html>bad gateway</html>`, false, "Bad Gateway"},
	} {
		c, _ := fakeRazorpay(t, tc.status, tc.body)
		_, err := c.CreateOrder(context.Background(), provider.OrderRequest{OrderNumber: "PUR-1", AmountPaise: 50, Currency: "INR"})
		var pe *provider.Error
		require.ErrorAs(t, err, &pe, "status %d", tc.status)
		require.Equal(t, tc.status, pe.Status)
		require.Equal(t, tc.permanent, provider.IsPermanent(err), "status %d", tc.status)
		require.Equal(t, tc.desc, pe.Description)
	}
	// Unreachable: a transport error, retried.
	c, err := razorpay.New(razorpay.Config{BaseURL: "http://127.0.0.1:1", KeyID: "k", KeySecret: "s", WebhookSecret: "w"})
	require.NoError(t, err)
	_, err = c.CreateOrder(context.Background(), provider.OrderRequest{OrderNumber: "PUR-1", AmountPaise: 50, Currency: "INR"})
	require.Error(t, err)
	require.False(t, provider.IsPermanent(err))
}

func TestNewRequiresCredentials(t *testing.T) {
	t.Parallel()
	_, err := razorpay.New(razorpay.Config{KeyID: "k", KeySecret: "s"})
	require.Error(t, err)
}

func TestVerifyWebhook(t *testing.T) {
	t.Parallel()
	c, _ := fakeRazorpay(t, 200, `{}`)
	body := []byte(`{"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{"id":"pay_1","order_id":"order_1","amount":129900}}}}`)
	h := http.Header{}
	h.Set(razorpay.SignatureHeader, provider.Sign([]byte("whsec"), body))
	h.Set(razorpay.EventIDHeader, "KbWmFh1cvJRnUB")
	ev, err := c.VerifyWebhook(h, body)
	require.NoError(t, err)
	require.Equal(t, provider.WebhookEvent{ID: "KbWmFh1cvJRnUB", Type: "payment.captured", ProviderOrderID: "order_1",
		ProviderPaymentID: "pay_1", AmountPaise: 129900}, ev)

	for name, mutate := range map[string]func(h http.Header, b []byte) (http.Header, []byte){
		"no signature": func(h http.Header, b []byte) (http.Header, []byte) { h.Del(razorpay.SignatureHeader); return h, b },
		"other secret": func(h http.Header, b []byte) (http.Header, []byte) {
			h.Set(razorpay.SignatureHeader, provider.Sign([]byte("x"), b))
			return h, b
		},
		"body re-encoded": func(h http.Header, b []byte) (http.Header, []byte) { return h, append([]byte(" "), b...) },
	} {
		hh, bb := mutate(h.Clone(), append([]byte(nil), body...))
		_, err := c.VerifyWebhook(hh, bb)
		require.ErrorIs(t, err, provider.ErrBadSignature, name)
	}
}
