package e2e

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const orderStatusSubscription = `subscription($id: ID!) {
  orderStatusChanged(orderId: $id) { orderId status previousStatus fulfilment { id status } }
}`

type statusUpdate struct {
	OrderStatusChanged struct {
		OrderID, Status, PreviousStatus string
		// Fulfilment is set for a store's change (its fulfilment moved); nil for the order's own.
		Fulfilment *struct{ ID, Status string }
	}
}

// TestRahulBuysAnIPhone is the commerce story end to end through the router:
// cart, coupon, checkout with the sandbox provider, the saga to CONFIRMED,
// stock, cart and coupon effects, the order-status subscription, and shipping.
func TestRahulBuysAnIPhone(t *testing.T) {
	rahul, _ := login(t, rahulEmail, seedPassword)
	vikram, _ := login(t, vikramEmail, seedPassword)
	phone := variantBySlug(t, "apple-iphone-15").ID
	caseID := variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID
	phoneStock, caseStock := stockOf(t, vikram, phone), stockOf(t, vikram, caseID)

	rahul.must(t, `mutation { clearCart { id } }`, nil, nil)
	rahul.must(t, addToCart, map[string]any{"v": phone, "q": 1}, nil)
	rahul.must(t, addToCart, map[string]any{"v": caseID, "q": 1}, nil)
	var applied struct {
		ApplyCoupon struct {
			CouponCode string
			Pricing    struct {
				CouponDiscount money
				Total          money
				Gst            struct{ Cgst, Sgst, Igst money }
			}
		}
	}
	rahul.must(t, `mutation { applyCoupon(code: "WELCOME10") { couponCode pricing { couponDiscount { paise } total { paise } gst { cgst { paise } sgst { paise } igst { paise } } } } }`, nil, &applied)
	require.Equal(t, "WELCOME10", applied.ApplyCoupon.CouponCode)
	assert.Equal(t, int64(100000), applied.ApplyCoupon.Pricing.CouponDiscount.Paise, "10% capped at ₹1,000")
	assert.Positive(t, applied.ApplyCoupon.Pricing.Gst.Igst.Paise, "shipped from Karnataka to Mumbai: inter-state, so IGST")
	assert.Zero(t, applied.ApplyCoupon.Pricing.Gst.Cgst.Paise)

	// The payment succeeds after ~2 s (slow@sandbox), time to subscribe first.
	order, r := checkout(t, rahul, defaultAddress(t, rahul), "WELCOME10", "UPI", "slow@sandbox")
	require.Empty(t, r.Errors)
	require.Equal(t, "PENDING_PAYMENT", order.Status)
	sub := rahul.subscribe(t, orderStatusSubscription, map[string]any{"id": order.ID})
	var seen []string
	for len(seen) < 2 {
		ev, ok := sub.next(t, 20*time.Second)
		require.True(t, ok, "subscription events so far: %v", seen)
		require.Empty(t, ev.Errors)
		var u statusUpdate
		decode(t, ev, &u)
		if u.OrderStatusChanged.Fulfilment != nil {
			continue // TechHub's fulfilment confirmed with the order: the order's own change follows
		}
		seen = append(seen, u.OrderStatusChanged.PreviousStatus+"→"+u.OrderStatusChanged.Status)
	}
	require.Equal(t, []string{"PENDING_PAYMENT→PAID", "PAID→CONFIRMED"}, seen)

	awaitStatus(t, rahul, order.ID, "CONFIRMED")
	require.Eventually(t, func() bool { return stockOf(t, vikram, phone) == phoneStock-1 }, 10*time.Second, 50*time.Millisecond, "stock went down")
	require.Equal(t, caseStock-1, stockOf(t, vikram, caseID))
	require.Eventually(t, func() bool { return cartItemCount(t, rahul) == 0 }, 10*time.Second, 50*time.Millisecond, "cart emptied")
	require.Eventually(t, func() bool {
		return count(t, db(t, "promotions"), redeemedCount, "WELCOME10") == 1
	}, 10*time.Second, 50*time.Millisecond, "one redemption of WELCOME10")

	// Vikram ships it; Rahul's subscription sees it.
	vikram.must(t, `mutation($id: ID!) { markOrderPacked(id: $id) { status } }`, map[string]any{"id": order.ID}, nil)
	vikram.must(t, `mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "BLUEDART-7781", carrier: "Blue Dart") { status } }`,
		map[string]any{"id": order.ID}, nil)
	// Each move comes twice: TechHub's fulfilment (with the order's new
	// status), then the order's own change.
	for _, want := range []string{"PACKED:PACKED", "CONFIRMED→PACKED", "SHIPPED:SHIPPED", "PACKED→SHIPPED"} {
		ev, ok := sub.next(t, 10*time.Second)
		require.True(t, ok, "waiting for %s", want)
		var u statusUpdate
		decode(t, ev, &u)
		got := u.OrderStatusChanged.PreviousStatus + "→" + u.OrderStatusChanged.Status
		if f := u.OrderStatusChanged.Fulfilment; f != nil {
			got = f.Status + ":" + u.OrderStatusChanged.Status
		}
		require.Equal(t, want, got)
	}

	// Someone else may not watch or read Rahul's order.
	other, _ := newShopper(t)
	r = other.do(t, `query($id: ID!) { order(id: $id) { id } }`, map[string]any{"id": order.ID}, nil)
	require.Equal(t, "FORBIDDEN", r.code())
	foreign := other.subscribe(t, orderStatusSubscription, map[string]any{"id": order.ID})
	ev, ok := foreign.next(t, 10*time.Second)
	require.True(t, ok)
	require.Equal(t, "FORBIDDEN", ev.code())
}

// TestRetailerBulkOrder: Amit below the MOQ is refused; 100 units get the 10 %
// automatic bulk discount and the order is confirmed.
func TestRetailerBulkOrder(t *testing.T) {
	amit, _ := login(t, amitEmail, seedPassword)
	bulk := variantBySKU(t, "boAt Airdopes 141", bulkSKU)
	amit.must(t, `mutation { clearCart { id } }`, nil, nil)
	r := amit.do(t, addToCart, map[string]any{"v": bulk, "q": 20}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.code())
	require.Equal(t, "BELOW_MOQ", r.Errors[0].Extensions["reason"])
	require.Equal(t, 0, cartItemCount(t, amit), "nothing added")

	var cart struct {
		AddToCart struct {
			Pricing struct {
				Subtotal, AutomaticDiscount money
			}
		}
	}
	amit.must(t, `mutation($v: ID!) { addToCart(variantId: $v, quantity: 100) { pricing { subtotal { paise } automaticDiscount { paise } } } }`,
		map[string]any{"v": bulk}, &cart)
	p := cart.AddToCart.Pricing
	require.Equal(t, int64(100*97800), p.Subtotal.Paise, "retailer price ₹978 × 100")
	require.Equal(t, p.Subtotal.Paise/10, p.AutomaticDiscount.Paise, "10% bulk discount")

	order, r := checkout(t, amit, defaultAddress(t, amit), "", "NETBANKING", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, amit, order.ID, "CONFIRMED")
}

// TestConcurrentCheckoutsNeverOversell: 50 shoppers race for 10 units.
func TestConcurrentCheckoutsNeverOversell(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 10)
	type shopper struct {
		c    client
		addr string
	}
	shoppers := make([]shopper, 50)
	for i := range shoppers {
		c, _ := newShopper(t)
		c.must(t, addToCart, map[string]any{"v": variant, "q": 1}, nil)
		shoppers[i] = shopper{c, defaultAddress(t, c)}
	}
	type sale struct {
		buyer client
		order placedOrder
	}
	var mu sync.Mutex
	var sold []sale
	codes := map[string]int{}
	var wg sync.WaitGroup
	for _, s := range shoppers {
		wg.Go(func() {
			o, r := checkout(t, s.c, s.addr, "", "UPI", "")
			mu.Lock()
			defer mu.Unlock()
			if len(r.Errors) == 0 {
				sold = append(sold, sale{s.c, o})
			} else {
				codes[r.code()]++
			}
		})
	}
	wg.Wait()
	require.Len(t, sold, 10, "exactly the stock on hand is sold; refusals: %v", codes)
	require.Equal(t, map[string]int{"CONFLICT": 40}, codes, "every other shopper gets a clear CONFLICT")
	for _, s := range sold {
		awaitStatus(t, s.buyer, s.order.ID, "CONFIRMED")
	}
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == 0 }, 10*time.Second, 50*time.Millisecond)
	inventory := db(t, "inventory")
	require.Equal(t, 0, count(t, inventory, `SELECT count(*) FROM stock_levels WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand`))
	require.Equal(t, 0, count(t, inventory, stuckReservations, variant), "no reservation left hanging")
}
