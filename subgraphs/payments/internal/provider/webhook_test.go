package provider

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Known HMAC-SHA256 vectors: RFC 4231 test case 2 and the classic "quick
// brown fox" example.
func TestSignatureVectors(t *testing.T) {
	t.Parallel()
	for _, v := range []struct{ key, body, hex string }{
		{"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
		{"key", "The quick brown fox jumps over the lazy dog", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"},
	} {
		require.Equal(t, v.hex, Sign([]byte(v.key), []byte(v.body)))
		require.True(t, ValidSignature([]byte(v.key), []byte(v.body), v.hex))
		require.True(t, ValidSignature([]byte(v.key), []byte(v.body), strings.ToUpper(v.hex)), "hex case does not matter")
		require.False(t, ValidSignature([]byte(v.key), []byte(v.body+" "), v.hex), "one byte more in the body")
		require.False(t, ValidSignature([]byte(v.key+"x"), []byte(v.body), v.hex), "another secret")
		require.False(t, ValidSignature([]byte(v.key), []byte(v.body), v.hex[:62]), "truncated")
		require.False(t, ValidSignature([]byte(v.key), []byte(v.body), "zz"+v.hex[2:]), "not hex")
	}
	require.False(t, ValidSignature(nil, []byte("x"), Sign(nil, []byte("x"))), "an empty secret verifies nothing")
	require.False(t, ValidSignature([]byte("k"), []byte("x"), ""))
}

func TestParseEvent(t *testing.T) {
	t.Parallel()
	captured := `{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],
		"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR",
		"status":"captured","order_id":"order_DESlLckIVRkHWj","method":"upi","notes":[],"error_code":null,
		"error_description":null}}},"created_at":1567674606}`
	ev, err := ParseEvent("evt_1", []byte(captured))
	require.NoError(t, err)
	require.Equal(t, WebhookEvent{ID: "evt_1", Type: EventPaymentCaptured, ProviderOrderID: "order_DESlLckIVRkHWj",
		ProviderPaymentID: "pay_DESlfW9H8K9uqM", AmountPaise: 100}, ev)

	failed := `{"event":"payment.failed","payload":{"payment":{"entity":{"id":"pay_2","order_id":"order_2","amount":500,
		"error_code":"BAD_REQUEST_ERROR","error_description":"Payment failed due to incorrect card details","error_reason":"incorrect_card_details"}}}}`
	ev, err = ParseEvent("", []byte(failed))
	require.NoError(t, err)
	require.Equal(t, "Payment failed due to incorrect card details", ev.FailureReason)
	require.True(t, strings.HasPrefix(ev.ID, "sha256:"), "no event id header: derived from the body")
	again, _ := ParseEvent("", []byte(failed))
	require.Equal(t, ev.ID, again.ID, "the same body has the same id")

	refund := `{"event":"refund.processed","payload":{"refund":{"entity":{"id":"rfnd_1","payment_id":"pay_3","amount":300,
		"notes":{"reason":"damaged","refund_id":"01937a00-0000-7000-8000-00000000f001"},"status":"processed"}},
		"payment":{"entity":{"id":"pay_3","order_id":"order_3","amount":1000}}}}`
	ev, err = ParseEvent("evt_3", []byte(refund))
	require.NoError(t, err)
	require.Equal(t, "rfnd_1", ev.ProviderRefundID)
	require.Equal(t, "pay_3", ev.ProviderPaymentID)
	require.Equal(t, int64(300), ev.AmountPaise, "the refund's amount, not the payment's")
	require.Equal(t, "01937a00-0000-7000-8000-00000000f001", ev.RefundID)

	for _, bad := range []string{``, `[]`, `{"payload":{}}`, `{"event":`} {
		_, err := ParseEvent("e", []byte(bad))
		require.Error(t, err, bad)
	}
}
