package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type orderPayments struct {
	Order struct {
		Status   string
		Payments []struct {
			ID, Status, Provider string
			Amount               money
		}
	}
}

const orderWithPayments = `query($id: ID!) { order(id: $id) { status payments { id status provider amount { paise } } } }`

// TestCashOnDelivery: COD skips the gateway — the order is CONFIRMED at
// checkout with stock committed, and the payment is collected on delivery.
func TestCashOnDelivery(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 3)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variant, "q": 1}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "COD", "")
	require.Empty(t, r.Errors)
	require.Equal(t, "CONFIRMED", order.Status, "COD is confirmed at checkout")
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 2 }, 10*time.Second, 50*time.Millisecond, "stock committed")

	for _, step := range []string{
		`mutation($id: ID!) { markOrderPacked(id: $id) { status } }`,
		`mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "DTDC-1", carrier: "DTDC") { status } }`,
		`mutation($id: ID!) { markOrderDelivered(id: $id) { status } }`,
	} {
		vikram.must(t, step, map[string]any{"id": order.ID}, nil)
	}
	var out orderPayments
	require.Eventually(t, func() bool {
		c.must(t, orderWithPayments, map[string]any{"id": order.ID}, &out)
		return len(out.Order.Payments) == 1 && out.Order.Payments[0].Status == "CAPTURED"
	}, 10*time.Second, 50*time.Millisecond, "cash collected on delivery: %+v", out)
	require.Equal(t, "COD", out.Order.Payments[0].Provider)
	require.Equal(t, order.Total.Paise, out.Order.Payments[0].Amount.Paise)
}

// TestOwnerRefund: the store owner refunds a paid order in full; the order
// becomes REFUNDED. Another shopper may not refund.
func TestOwnerRefund(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "CARD", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CONFIRMED")
	var out orderPayments
	c.must(t, orderWithPayments, map[string]any{"id": order.ID}, &out)
	require.Len(t, out.Order.Payments, 1)
	payment := out.Order.Payments[0]
	require.Equal(t, "CAPTURED", payment.Status)

	const refund = `mutation($in: RefundPaymentInput!) { refundPayment(input: $in) { id amount { paise } status } }`
	in := map[string]any{"paymentId": payment.ID, "amountPaise": payment.Amount.Paise, "reason": "Customer returned the item"}
	r = c.do(t, refund, map[string]any{"in": in}, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "a shopper cannot refund")
	r = vikram.do(t, refund, map[string]any{"in": map[string]any{"paymentId": payment.ID, "amountPaise": payment.Amount.Paise + 1, "reason": "too much"}}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.code(), "more than was captured")
	vikram.must(t, refund, map[string]any{"in": in}, nil)
	awaitStatus(t, c, order.ID, "REFUNDED")
	c.must(t, orderWithPayments, map[string]any{"id": order.ID}, &out)
	require.Equal(t, "REFUNDED", out.Order.Payments[0].Status)
}
