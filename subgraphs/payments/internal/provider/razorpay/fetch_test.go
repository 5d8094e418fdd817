package razorpay_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
)

// The reconciliation's reads: FindOrder lists the orders of our receipt and
// picks the one whose notes name our payment; OrderPayments lists an
// order's payments. Both are authenticated GETs.
func TestFetches_exactRequests(t *testing.T) {
	t.Parallel()
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _, _ := r.BasicAuth()
		require.Equal(t, http.MethodGet, r.Method)
		require.Equal(t, "rzp_test_key", user)
		paths = append(paths, r.URL.RequestURI())
		switch r.URL.Path {
		case "/v1/orders":
			_, _ = io.WriteString(w, `{"entity":"collection","count":2,"items":[
				{"id":"order_other","receipt":"PUR-2026-000042","notes":{"payment_id":"another-attempt"}},
				{"id":"order_ours","receipt":"PUR-2026-000042","notes":{"payment_id":"pay-uuid","order_id":"order-uuid"}}]}`)
		case "/v1/orders/order_ours/payments":
			_, _ = io.WriteString(w, `{"entity":"collection","count":2,"items":[
				{"id":"pay_failed","status":"failed","amount":129900},{"id":"pay_ok","status":"captured","amount":129900}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := razorpay.New(razorpay.Config{BaseURL: srv.URL, KeyID: "rzp_test_key", KeySecret: "s3cret", WebhookSecret: "whsec"})
	require.NoError(t, err)
	ctx := context.Background()

	o, found, err := c.FindOrder(ctx, provider.OrderRequest{PaymentID: "pay-uuid", OrderNumber: "PUR-2026-000042"})
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, "order_ours", o.ID)
	_, found, err = c.FindOrder(ctx, provider.OrderRequest{PaymentID: "never-created", OrderNumber: "PUR-2026-000042"})
	require.NoError(t, err)
	require.False(t, found)

	ps, err := c.OrderPayments(ctx, "order_ours")
	require.NoError(t, err)
	require.Equal(t, []provider.PaymentState{{ID: "pay_failed", Status: "failed", AmountPaise: 129900},
		{ID: "pay_ok", Status: "captured", AmountPaise: 129900}}, ps)
	require.True(t, ps[1].Captured())
	require.Equal(t, "/v1/orders?count=100&receipt=PUR-2026-000042", paths[0])
	require.Equal(t, "/v1/orders/order_ours/payments", paths[2])

	_, err = c.OrderPayments(ctx, "order_missing")
	var pe *provider.Error
	require.ErrorAs(t, err, &pe)
	require.True(t, pe.Permanent)
}
