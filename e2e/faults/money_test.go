package faults

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/e2e/invariants"
	"github.com/purra/supergraph/e2e/storefront"
)

// The money path under long faults (docs/commerce.md: "Paid in time",
// "Money nobody may keep", "Holds end with their checkout").

// withEnv restarts process name with env set, and restores the old values
// (restarting it again) when the test ends.
func withEnv(t *testing.T, name string, env, restore map[string]string) {
	t.Helper()
	restart := func(vars map[string]string) {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		for k, v := range vars {
			sys.SetEnv(name, k, v)
		}
		require.NoError(t, sys.Terminate(name))
		require.NoError(t, sys.Start(ctx, name))
		require.NoError(t, sys.WaitReady(ctx, name))
	}
	restart(env)
	t.Cleanup(func() { restart(restore) })
}

// openDBs connects to the fault stack's databases.
func openDBs(t *testing.T) *invariants.DBs {
	t.Helper()
	db, err := invariants.Open(context.Background(), dbPrefix)
	require.NoError(t, err)
	t.Cleanup(db.Close)
	return db
}

// Orders is frozen (SIGSTOP) for longer than the reservation TTL just after
// shoppers paid through the slow path: the payments complete while orders
// cannot hear of them, the reservations run out meanwhile, and other
// shoppers buy the same variants once orders is back. No variant is
// oversold; every order paid before its deadline ends CONFIRMED with its
// stock committed (never cancelled as late, whatever order the capture and
// the expiry are read in); the order that never paid is cancelled by orders'
// own clock; the ledger and money invariants hold.
func TestOrdersPausedLongerThanTheReservation(t *testing.T) {
	withEnv(t, "orders", map[string]string{"RESERVATION_TTL": "12s"}, map[string]string{"RESERVATION_TTL": "15m"})
	variants, stocked := newVariants(t, 2, 3)
	ctx := context.Background()

	type paid struct {
		shopper storefront.Client
		order   storefront.Order
		want    string
	}
	var (
		mu     sync.Mutex
		orders []paid
		wg     sync.WaitGroup
	)
	buy := func(variant, vpa, want string) {
		shopper, _ := router.NewShopper(t)
		address := shopper.DefaultAddress(t)
		if r, err := shopper.AddToCart(ctx, variant, 1); err != nil || len(r.Errors) > 0 {
			t.Errorf("add to cart: %v %+v", err, r.Errors)
			return
		}
		res, r, err := shopper.Checkout(ctx, storefront.CheckoutInput{AddressID: address, Method: "UPI", UPIVPA: vpa})
		if err != nil || len(r.Errors) > 0 {
			if r.Code() != "CONFLICT" { // sold out is a fine answer
				t.Errorf("checkout: %v %+v", err, r.Errors)
			}
			return
		}
		mu.Lock()
		orders = append(orders, paid{shopper, res.Order, want})
		mu.Unlock()
	}
	// Two slow payers per variant and one who never pays.
	for _, v := range variants {
		for range 2 {
			wg.Go(func() { buy(v, "slow@sandbox", "CONFIRMED") })
		}
	}
	wg.Go(func() { buy(variants[0], "never@sandbox", "CANCELLED") })
	wg.Wait()
	require.Len(t, orders, 5)
	// Freeze orders once payments has every order's provider order: the slow
	// buyers then pay (2 s later) well before their deadline, while orders
	// can hear of neither their captures nor the expiries.
	db := openDBs(t)
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.order.ID
	}
	require.Eventually(t, func() bool {
		var n int
		_ = db.Conn("payments").QueryRow(ctx, `SELECT count(*) FROM payments WHERE order_id = ANY($1::uuid[])
			AND provider_order_id IS NOT NULL`, ids).Scan(&n)
		return n == len(ids)
	}, 20*time.Second, 20*time.Millisecond)
	require.NoError(t, sys.Pause("orders"))
	time.Sleep(20 * time.Second) // slow payments complete (2 s), reservations expire (12 s)
	require.NoError(t, sys.Resume("orders"))

	// Others buy what is left (and try to buy what was paid for).
	for _, v := range variants {
		for range 2 {
			wg.Go(func() { buy(v, "success@sandbox", "CONFIRMED") })
		}
	}
	wg.Wait()

	ids = make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.order.ID
		got := o.shopper.AwaitStatus(t, o.order.ID, 60*time.Second, "CONFIRMED", "CANCELLED")
		require.Equal(t, o.want, got, "order %s", o.order.OrderNumber)
	}
	var late int
	require.NoError(t, db.Conn("orders").QueryRow(ctx, `SELECT count(*) FROM orders
		WHERE id = ANY($1::uuid[]) AND cancellation_reason = 'payment not received in time'`, ids).Scan(&late))
	require.Equal(t, 1, late, "only the order that never paid is cancelled as late")
	invariants.Eventually(t, dbPrefix, 60*time.Second, invariants.Expect{Stocked: stocked, Acknowledged: ids})
}

// Payments is SIGKILLed between creating the provider order and recording
// it (a test-only pause holds it exactly there), and the shopper cancels
// the order meanwhile; the buyer's money is captured at the provider anyway.
// After the supervisor restarts payments, the provider order is found and
// recorded, and the capture is refunded in full automatically: the money
// kept equals the live orders' totals.
func TestPaymentsKilledBeforeRecordingTheProviderOrder(t *testing.T) {
	withEnv(t, "payments",
		map[string]string{"PAYMENTS_FAULT_PAUSE_AFTER_PROVIDER_ORDER": "30s", "RECONCILE_AFTER": "5s", "RECONCILE_INTERVAL": "1s"},
		map[string]string{"PAYMENTS_FAULT_PAUSE_AFTER_PROVIDER_ORDER": "0s", "RECONCILE_AFTER": "1m", "RECONCILE_INTERVAL": "30s"})
	variants, stocked := newVariants(t, 1, 5)
	ctx := context.Background()
	shopper, _ := router.NewShopper(t)
	_, err := shopper.AddToCart(ctx, variants[0], 1)
	require.NoError(t, err)
	res, r, err := shopper.Checkout(ctx, storefront.CheckoutInput{AddressID: shopper.DefaultAddress(t), Method: "UPI", UPIVPA: "success@sandbox"})
	require.NoError(t, err)
	require.Empty(t, r.Errors)
	id := res.Order.ID

	db := openDBs(t)
	require.Eventually(t, func() bool {
		var n int
		_ = db.Conn("payments").QueryRow(ctx, `SELECT count(*) FROM sandbox_orders s JOIN payments p ON p.id = s.payment_id
			WHERE p.order_id = $1 AND p.provider_order_id IS NULL`, id).Scan(&n)
		return n == 1
	}, 30*time.Second, 50*time.Millisecond, "the provider order exists, not yet recorded")
	shopper.Must(t, `mutation($id: ID!) { cancelOrder(id: $id, reason: "changed my mind") { status } }`, map[string]any{"id": id}, nil)
	require.NoError(t, sys.Kill("payments"))
	require.NoError(t, sys.WaitReady(ctx, "payments"))

	require.Eventually(t, func() bool {
		var captured, refunded int64
		_ = db.Conn("payments").QueryRow(ctx, `SELECT captured_paise, refunded_paise FROM payments WHERE order_id = $1`, id).
			Scan(&captured, &refunded)
		return captured > 0 && refunded == captured
	}, 90*time.Second, 200*time.Millisecond, "the capture for the cancelled order is refunded in full")
	require.Equal(t, "CANCELLED", shopper.AwaitStatus(t, id, 10*time.Second, "CANCELLED"))
	invariants.Eventually(t, dbPrefix, 60*time.Second, invariants.Expect{Stocked: stocked, Acknowledged: []string{id}})
}

// Orders is SIGKILLed in the middle of a checkout that holds stock and a
// once-per-shopper coupon (a test-only pause keeps it between the hold and
// writing the order). The shopper's retry with the same key is answered
// within the router's timeout (CHECKOUT_IN_PROGRESS or the order), and the
// dead checkout's coupon hold and stock are released within a minute, not
// after the hold's hour.
func TestOrdersKilledMidCheckoutWithACoupon(t *testing.T) {
	withEnv(t, "orders", map[string]string{"ORDERS_FAULT_PAUSE_BEFORE_PLACE": "60s"}, map[string]string{"ORDERS_FAULT_PAUSE_BEFORE_PLACE": "0s"})
	owner, _ := router.Login(t, storefront.VikramEmail, storefront.SeedPassword)
	variant := owner.NewListing(t, 5, 200_000) // ₹2,000: WELCOME10's minimum is ₹1,000
	ctx := context.Background()
	shopper, _ := router.NewShopper(t)
	_, err := shopper.AddToCart(ctx, variant, 1)
	require.NoError(t, err)
	in := storefront.CheckoutInput{AddressID: shopper.DefaultAddress(t), Method: "UPI", UPIVPA: "success@sandbox",
		CouponCode: "WELCOME10", IdempotencyKey: "faults-coupon-kill-" + variant[:8]}
	go func() {
		cctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		_, _, _ = shopper.Checkout(cctx, in) // the router gives up; orders goes on until killed
	}()

	db := openDBs(t)
	pendingHold := func() (orderID string) {
		_ = db.Conn("promotions").QueryRow(ctx, `SELECT h.order_id::text FROM coupon_holds h JOIN coupons c ON c.id = h.coupon_id
			WHERE c.code = 'WELCOME10' AND h.status = 'PENDING' AND h.created_at > now() - interval '1 minute'
			ORDER BY h.created_at DESC LIMIT 1`).Scan(&orderID)
		return orderID
	}
	var dead string
	require.Eventually(t, func() bool { dead = pendingHold(); return dead != "" }, 30*time.Second, 50*time.Millisecond)
	killed := time.Now()
	require.NoError(t, sys.Kill("orders"))
	require.NoError(t, sys.WaitReady(ctx, "orders"))

	start := time.Now()
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	res, r, err := shopper.Checkout(rctx, in)
	require.NoError(t, err, "the retry got an answer")
	require.Less(t, time.Since(start), 5*time.Second, "within the router's per-subgraph timeout")
	if len(r.Errors) > 0 {
		require.Equal(t, "CONFLICT", r.Code())
		require.Equal(t, "CHECKOUT_IN_PROGRESS", r.Errors[0].Extensions["reason"])
	} else {
		require.NotEmpty(t, res.Order.ID)
	}

	require.Eventually(t, func() bool {
		var status string
		_ = db.Conn("promotions").QueryRow(ctx, `SELECT status FROM coupon_holds WHERE order_id = $1`, dead).Scan(&status)
		return status == "RELEASED"
	}, time.Minute-time.Since(killed), 200*time.Millisecond, "the dead checkout's coupon hold is released within a minute")
	require.Eventually(t, func() bool {
		var status string
		_ = db.Conn("inventory").QueryRow(ctx, `SELECT status FROM stock_reservations WHERE order_id = $1`, dead).Scan(&status)
		return status == "RELEASED"
	}, 10*time.Second, 200*time.Millisecond, "and its stock")
	invariants.Eventually(t, dbPrefix, 60*time.Second, invariants.Expect{})
}
