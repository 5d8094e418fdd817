package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestPaymentFailureCompensates: a failed payment cancels the order, returns
// the stock and frees the coupon for another try.
func TestPaymentFailureCompensates(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 5)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variant, "q": 2}, nil)
	addr := defaultAddress(t, c)

	order, r := checkout(t, c, addr, "FLAT500", "UPI", "failure@sandbox")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CANCELLED")
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 5 }, 10*time.Second, 50*time.Millisecond, "stock released")
	require.Eventually(t, func() bool {
		return count(t, db(t, "promotions"), heldCount, order.ID) == 0
	}, 10*time.Second, 50*time.Millisecond, "coupon hold released")
	require.Equal(t, 2, cartItemCount(t, c), "a cancelled order leaves the cart as it was")

	// The coupon and the stock can be used again at once.
	again, r := checkout(t, c, addr, "FLAT500", "UPI", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, again.ID, "CONFIRMED")
}

// TestIdempotencyKey: the same key twice gives one order.
func TestIdempotencyKey(t *testing.T) {
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	in := map[string]any{"addressId": defaultAddress(t, c), "paymentMethod": map[string]any{"type": "UPI"},
		"idempotencyKey": "same-key-" + uuid.NewString()}
	type result struct {
		Checkout struct {
			Replayed bool
			Order    struct{ ID string }
		}
	}
	var first, second result
	c.must(t, checkoutMutation, map[string]any{"in": in}, &first)
	c.must(t, checkoutMutation, map[string]any{"in": in}, &second)
	require.Equal(t, first.Checkout.Order.ID, second.Checkout.Order.ID)
	require.True(t, second.Checkout.Replayed)
	var mine struct {
		MyOrders struct{ TotalCount int }
	}
	c.must(t, `{ myOrders { totalCount } }`, nil, &mine)
	require.Equal(t, 1, mine.MyOrders.TotalCount)
}

// TestPerUserCouponLimitUnderConcurrency: WELCOME10 allows one use per user;
// two checkouts racing with it give one order and one CONFLICT, and the
// loser's stock reservation is released.
func TestPerUserCouponLimitUnderConcurrency(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 10)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variant, "q": 1}, nil)
	addr := defaultAddress(t, c)
	var wg sync.WaitGroup
	results := make([]response, 2)
	for i := range results {
		wg.Go(func() { _, results[i] = checkout(t, c, addr, "WELCOME10", "UPI", "") })
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, r := range results {
		switch {
		case len(r.Errors) == 0:
			ok++
		case r.code() == "CONFLICT":
			conflicts++
		}
	}
	require.Equal(t, 1, ok, "%+v", results)
	require.Equal(t, 1, conflicts, "%+v", results)
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 9 }, 10*time.Second, 50*time.Millisecond,
		"only the winner holds stock")
}

// TestSagaSurvivesACrash: orders is killed (SIGKILL) while the payment is in
// flight and started again; the saga still completes.
func TestSagaSurvivesACrash(t *testing.T) {
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "UPI", "slow@sandbox")
	require.Empty(t, r.Errors)
	require.NoError(t, sys.KillAndHold("orders"))
	time.Sleep(3 * time.Second) // payment.succeeded is published while orders is down
	require.NoError(t, sys.Start(context.Background(), "orders"))
	require.NoError(t, sys.WaitReady(context.Background(), "orders"))
	// The restarted consumer rejoins its group (≥ 6 s session) before it resumes.
	awaitStatusWithin(t, c, order.ID, "CONFIRMED", 30*time.Second)
}

// TestCommerceBadInput: every mutation refuses bad input with a code and
// writes nothing.
func TestCommerceBadInput(t *testing.T) {
	c, _ := newShopper(t)
	amit, _ := login(t, amitEmail, seedPassword)
	phone := variantBySlug(t, "apple-iphone-15").ID
	orders := db(t, "orders")
	before := count(t, orders, `SELECT count(*) FROM orders`)
	cases := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"unknown variant", addToCart, map[string]any{"v": uuid.NewString(), "q": 1}, "BAD_USER_INPUT"},
		{"zero quantity", addToCart, map[string]any{"v": phone, "q": 0}, "BAD_USER_INPUT"},
		{"negative quantity", addToCart, map[string]any{"v": phone, "q": -3}, "BAD_USER_INPUT"},
		{"huge quantity", addToCart, map[string]any{"v": phone, "q": 2_000_000_000}, "BAD_USER_INPUT"},
		{"someone else's cart item", `mutation($id: ID!) { removeCartItem(itemId: $id) { id } }`, map[string]any{"id": uuid.NewString()}, "NOT_FOUND"},
		{"expired coupon", `mutation { applyCoupon(code: "EXPIRED50") { id } }`, nil, "BAD_USER_INPUT"},
		{"unknown coupon", `mutation { applyCoupon(code: "NOSUCHCODE") { id } }`, nil, "BAD_USER_INPUT"},
	}
	c.must(t, addToCart, map[string]any{"v": phone, "q": 1}, nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(t, tc.query, tc.vars, nil)
			require.Equal(t, tc.code, r.code(), "%+v", r.Errors)
		})
	}
	require.Equal(t, 1, cartItemCount(t, c), "the cart is as it was")

	// Checkout with someone else's address, an unknown order, a bad key.
	_, amitAuth := login(t, amitEmail, seedPassword)
	_ = amitAuth
	_, r := checkout(t, c, defaultAddress(t, amit), "", "UPI", "")
	require.Contains(t, []string{"NOT_FOUND", "BAD_USER_INPUT"}, r.code(), "someone else's address: %+v", r.Errors)
	r = c.do(t, checkoutMutation, map[string]any{"in": map[string]any{"addressId": defaultAddress(t, c),
		"paymentMethod": map[string]any{"type": "UPI"}, "idempotencyKey": "x"}}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.code(), "idempotency key too short")
	r = c.do(t, `mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "X1", carrier: "DTDC") { id } }`, map[string]any{"id": uuid.NewString()}, nil)
	require.Contains(t, []string{"NOT_FOUND", "FORBIDDEN"}, r.code())
	require.Equal(t, before, count(t, orders, `SELECT count(*) FROM orders`), "no order written")
}
