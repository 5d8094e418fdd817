package server_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
)

// A webhook whose signature does not verify is refused with 401 and changes
// nothing: no event recorded, no transition, no outbox row.
func TestWebhook_badSignatureChangesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "never@sandbox")
	e.place(o)
	p := e.waitProviderOrder(o.id)
	body := webhookBody("payment.captured", p.ProviderOrderID, "pay_forged", 129900)
	good := provider.Sign([]byte(sandboxSecret), body)
	before := e.rows()

	for name, headers := range map[string]map[string]string{
		"no signature":        {sandbox.EventIDHeader: "evt_1"},
		"empty signature":     {sandbox.SignatureHeader: "", sandbox.EventIDHeader: "evt_1"},
		"garbage":             {sandbox.SignatureHeader: "not-hex", sandbox.EventIDHeader: "evt_1"},
		"another secret":      {sandbox.SignatureHeader: provider.Sign([]byte("guess"), body), sandbox.EventIDHeader: "evt_1"},
		"razorpay header":     {"X-Razorpay-Signature": good, sandbox.EventIDHeader: "evt_1"},
		"signature truncated": {sandbox.SignatureHeader: good[:32], sandbox.EventIDHeader: "evt_1"},
	} {
		status, _ := e.postWebhook("/webhooks/sandbox", headers, body)
		require.Equal(t, 401, status, name)
	}
	// A correct signature over another body does not carry over.
	tampered := []byte(strings.Replace(string(body), "129900", "100", 1))
	status, _ := e.postWebhook("/webhooks/sandbox", map[string]string{sandbox.SignatureHeader: good, sandbox.EventIDHeader: "evt_1"}, tampered)
	require.Equal(t, 401, status)

	require.Equal(t, before, e.rows())
	require.Equal(t, "CREATED", e.payment(o.id).Status)

	// GET and unknown providers are not webhook routes.
	status, _ = e.postWebhook("/webhooks/razorpay", map[string]string{"X-Razorpay-Signature": good}, body)
	require.Equal(t, 404, status, "Razorpay is not configured here")
}

// The same callback delivered many times (concurrently, then again) captures
// once and publishes one payment.succeeded.
func TestWebhook_duplicateCapturesOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o := newOrder("UPI", "never@sandbox")
	e.place(o)
	p := e.waitProviderOrder(o.id)
	body := webhookBody("payment.captured", p.ProviderOrderID, "pay_dup", 129900)

	results := make([]string, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			status, out := e.sandboxWebhook("evt_dup", body)
			require.Equal(t, 200, status)
			results[i] = out
		})
	}
	wg.Wait()
	status, out := e.sandboxWebhook("evt_dup", body)
	require.Equal(t, 200, status)
	require.Contains(t, out, "duplicate")
	applied := 0
	for _, r := range results {
		if strings.Contains(r, `"applied"`) {
			applied++
		}
	}
	require.Equal(t, 1, applied, "exactly one delivery applied: %v", results)

	// Another event (its own id) reporting the same capture changes nothing either.
	status, _ = e.sandboxWebhook("evt_dup_2", body)
	require.Equal(t, 200, status)

	p = e.payment(o.id)
	require.Equal(t, "CAPTURED", p.Status)
	require.Equal(t, "pay_dup", p.ProviderPaymentID)
	require.Len(t, e.events("payment.succeeded", o.id), 1)
	require.Equal(t, 2, e.count(`SELECT count(*) FROM webhook_events`))
}

// A failure reported after the capture does not undo it.
func TestWebhook_failureAfterCaptureIgnored(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.runWorkers()
	o, p := e.captured(129900)
	status, _ := e.sandboxWebhook("evt_fail_late", webhookBody("payment.failed", p.ProviderOrderID, "pay_other", 129900))
	require.Equal(t, 200, status)
	require.Equal(t, "CAPTURED", e.payment(o.id).Status)
	require.Empty(t, e.events("payment.failed", o.id))
}

// A signed sandbox callback about no payment of ours (yet) is answered 409,
// so that the sandbox delivers it again (it calls back milliseconds after
// CreateOrder, possibly before the provider order id is committed); an event
// type payments does not handle is acknowledged. Neither records anything.
func TestWebhook_unknownNotRecorded(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	before := e.rows()
	status, out := e.sandboxWebhook("evt_x", webhookBody("payment.captured", "order_unknown", "pay_unknown", 100))
	require.Equal(t, 409, status)
	require.Contains(t, out, "unknown")
	status, out = e.sandboxWebhook("evt_y", []byte(`{"event":"order.paid","payload":{}}`))
	require.Equal(t, 200, status)
	require.Contains(t, out, "ignored")
	require.Equal(t, before, e.rows())

	status, _ = e.sandboxWebhook("evt_z", []byte(`{not json`))
	require.Equal(t, 400, status, "signed but undecodable")
	status, _ = e.sandboxWebhook("evt_big", []byte(`{"event":"payment.captured","pad":"`+strings.Repeat("x", 300<<10)+`"}`))
	require.Equal(t, 413, status)
	require.Equal(t, before, e.rows())
}
