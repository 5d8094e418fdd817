package server_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

const holdMutation = `mutation($input: HoldCouponInput!) { holdCoupon(input: $input) { id orderId couponId code userId status createdAt } }`

type hold struct {
	ID, OrderID, CouponID, Code, UserID, Status string
}

func holdInput(orderID, code string, subtotal int64) map[string]any {
	return map[string]any{"input": map[string]any{"orderId": orderID, "code": code, "subtotalPaise": subtotal}}
}

func (e *env) hold(c caller, orderID, code string, subtotal int64) (hold, servicetest.Response) {
	e.t.Helper()
	var out struct{ HoldCoupon hold }
	resp := e.do(c, holdMutation, holdInput(orderID, code, subtotal), &out)
	return out.HoldCoupon, resp
}

func (e *env) mustHold(c caller, orderID, code string, subtotal int64) hold {
	e.t.Helper()
	h, resp := e.hold(c, orderID, code, subtotal)
	ok(e.t, resp)
	return h
}

func (e *env) release(c caller, orderID string) (bool, servicetest.Response) {
	e.t.Helper()
	var out struct{ ReleaseCouponHold bool }
	resp := e.do(c, `mutation($o: ID!) { releaseCouponHold(orderId: $o) }`, map[string]any{"o": orderID}, &out)
	return out.ReleaseCouponHold, resp
}

func (e *env) holdStatus(orderID string) string {
	e.t.Helper()
	h, err := e.st.HoldByOrder(context.Background(), orderID)
	if err != nil {
		e.t.Fatal(err)
	}
	if h == nil {
		return ""
	}
	return string(h.Status)
}

func TestHoldCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	order := newOrderID()
	h := e.mustHold(rahul, order, "welcome10", 200000)
	if h.OrderID != order || h.CouponID != seed.Welcome10ID || h.Code != "WELCOME10" || h.UserID != rahul.id || h.Status != "PENDING" {
		t.Fatalf("hold %+v", h)
	}
	// Repeating the call (orders retries) returns the same hold.
	if again := e.mustHold(rahul, order, "WELCOME10", 200000); again.ID != h.ID {
		t.Fatalf("repeat made another hold: %+v", again)
	}
	if n := e.count(`SELECT count(*) FROM coupon_holds`); n != 1 {
		t.Fatalf("%d holds", n)
	}
	// The same order with another coupon, or another user's order id.
	_, resp := e.hold(rahul, order, "FLAT500", 600000)
	wantErr(t, resp, "CONFLICT", "", "HOLD_EXISTS")
	_, resp = e.hold(e.customer(), order, "WELCOME10", 200000)
	wantErr(t, resp, "CONFLICT", "", "HOLD_EXISTS")
	// WELCOME10 is once per customer: a second order is refused …
	_, resp = e.hold(rahul, newOrderID(), "WELCOME10", 200000)
	wantErr(t, resp, "CONFLICT", "", "USER_LIMIT_REACHED")
	// … and the quote says so too.
	q := e.mustQuote(rahul, []map[string]any{line(phoneID, 1)}, map[string]any{"couponCode": "WELCOME10"})
	if q.CouponRejection == nil || q.CouponRejection.Reason != "USER_LIMIT_REACHED" {
		t.Fatalf("quote after the hold: %+v", q.CouponRejection)
	}
	// Releasing the hold (checkout compensation) gives the use back.
	if released, resp := e.release(rahul, order); !released || len(resp.Errors) > 0 {
		t.Fatalf("release: %v %+v", released, resp.Errors)
	}
	if released, _ := e.release(rahul, order); released {
		t.Fatal("released twice")
	}
	if released, resp := e.release(rahul, newOrderID()); released || len(resp.Errors) > 0 {
		t.Fatal("an order without a hold")
	}
	e.mustHold(rahul, newOrderID(), "WELCOME10", 200000)
	if n := e.events("coupon.released"); n != 1 {
		t.Fatalf("%d coupon.released events", n)
	}
}

// Refusals: the limit reasons are CONFLICT, the others BAD_USER_INPUT on
// couponCode with the rejection reason; nothing is written.
func TestHoldCouponRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	before := e.snapshot()
	for _, tc := range []struct {
		name, code    string
		subtotal      int64
		orderID       string
		caller        caller
		want          coded
		catalogCalled bool
	}{
		{"expired", "EXPIRED50", 900000, newOrderID(), rahul, coded{"BAD_USER_INPUT", "couponCode", "EXPIRED"}, false},
		{"below the minimum", "FLAT500", 499999, newOrderID(), rahul, coded{"BAD_USER_INPUT", "couponCode", "BELOW_MINIMUM"}, false},
		{"unknown", "NOPE", 900000, newOrderID(), rahul, coded{"BAD_USER_INPUT", "couponCode", "NOT_FOUND"}, false},
		{"not a code", "no pe", 900000, newOrderID(), rahul, coded{"BAD_USER_INPUT", "couponCode", "NOT_FOUND"}, false},
		{"order id not a UUID", "FLAT500", 900000, "order-1", rahul, coded{"BAD_USER_INPUT", "orderId", ""}, false},
		{"negative subtotal", "FLAT500", -1, newOrderID(), rahul, coded{"BAD_USER_INPUT", "subtotalPaise", ""}, false},
		{"anonymous", "FLAT500", 900000, newOrderID(), anonymous, coded{"UNAUTHENTICATED", "", ""}, false},
		{"admin token (no shopper)", "FLAT500", 900000, newOrderID(), caller{auth: e.iss.Token(t, "admin-1", "ADMIN", "promotions:write")},
			coded{"FORBIDDEN", "", ""}, false},
	} {
		_, resp := e.hold(tc.caller, tc.orderID, tc.code, tc.subtotal)
		if got := codedOf(t, resp); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	e.unchanged(before, "refused holds")
	// Another user's hold cannot be released by someone else.
	order := newOrderID()
	e.mustHold(rahul, order, "FLAT500", 600000)
	_, resp := e.release(e.customer(), order)
	wantErr(t, resp, "FORBIDDEN", "", "")
	_, resp = e.release(rahul, "nope")
	wantErr(t, resp, "BAD_USER_INPUT", "orderId", "")
	if e.holdStatus(order) != "PENDING" {
		t.Fatal("hold changed by refused releases")
	}
	// An admin may release it.
	if released, resp := e.release(e.admin(), order); !released || len(resp.Errors) > 0 {
		t.Fatalf("admin release: %v %+v", released, resp.Errors)
	}
}

// Two checkouts of one user at the same moment: a per-user limit of 1
// lets exactly one of them hold WELCOME10.
func TestPerUserLimitUnderConcurrentCheckouts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	const n = 8
	results := race(t, n, func(i int) servicetest.Response {
		_, resp := e.hold(rahul, newOrderID(), "WELCOME10", 200000)
		return resp
	})
	if won, lost := tally(t, results, "USER_LIMIT_REACHED"); won != 1 || lost != n-1 {
		t.Fatalf("%d holds succeeded, %d refused; want 1 and %d", won, lost, n-1)
	}
	if c := e.count(`SELECT count(*) FROM coupon_holds WHERE user_id = $1`, rahul.id); c != 1 {
		t.Fatalf("%d holds written", c)
	}
}

// Many users at once against a total limit: exactly the limit is held.
func TestTotalLimitUnderConcurrentCheckouts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	e.must(admin, createCoupon, map[string]any{"input": map[string]any{
		"code": "FIRST3", "description": "For the first three", "type": "FLAT", "amountOff": 10000, "usageLimit": 3,
	}}, nil)
	const n = 12
	results := race(t, n, func(int) servicetest.Response {
		_, resp := e.hold(e.customer(), newOrderID(), "FIRST3", 100000)
		return resp
	})
	if won, lost := tally(t, results, "COUPON_LIMIT_REACHED"); won != 3 || lost != n-3 {
		t.Fatalf("%d holds succeeded, %d refused; want 3 and %d", won, lost, n-3)
	}
}

// race runs fn n times at once (released together) and returns the responses.
func race(t *testing.T, n int, fn func(i int) servicetest.Response) []servicetest.Response {
	t.Helper()
	start := make(chan struct{})
	out := make([]servicetest.Response, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = fn(i)
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// tally counts successes and CONFLICT refusals with reason; anything else fails.
func tally(t *testing.T, results []servicetest.Response, reason string) (won, lost int) {
	t.Helper()
	for _, r := range results {
		switch {
		case len(r.Errors) == 0:
			won++
		case r.Code() == "CONFLICT" && r.Errors[0].Extensions["reason"] == reason:
			lost++
		default:
			t.Fatalf("unexpected outcome: %+v", r.Errors)
		}
	}
	return won, lost
}

// order.status_changed, each delivered twice: CONFIRMED redeems the hold
// once (one redemption, one coupon.redeemed), CANCELLED after it releases
// the redemption once (one coupon.released).
func TestOrderEventsRedeemAndRelease(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	order := newOrderID()
	e.mustHold(rahul, order, "FLAT500", 600000)

	confirmed := statusChanged(t, order, rahul.id, "PAID", "CONFIRMED", "FLAT500")
	e.deliver(confirmed)
	e.deliver(confirmed)
	if s := e.holdStatus(order); s != "REDEEMED" {
		t.Fatalf("after CONFIRMED: %s", s)
	}
	if n := e.count(`SELECT count(*) FROM coupon_redemptions WHERE order_id = $1 AND coupon_id = $2 AND user_id = $3
		AND order_number = 'PUR-2026-000042' AND released_at IS NULL`, order, seed.Flat500ID, rahul.id); n != 1 {
		t.Fatalf("%d redemptions", n)
	}
	if n := e.events("coupon.redeemed"); n != 1 {
		t.Fatalf("%d coupon.redeemed events", n)
	}
	// A second CONFIRMED event (another event id, same order) changes nothing.
	e.deliver(statusChanged(t, order, rahul.id, "PAID", "CONFIRMED", "FLAT500"))
	if e.events("coupon.redeemed") != 1 || e.count(`SELECT count(*) FROM coupon_redemptions`) != 1 {
		t.Fatal("redeemed twice")
	}
	// The redeemed use still counts: the admin sees it.
	var out struct {
		Coupon struct{ TimesUsed, TimesRedeemed int }
	}
	e.must(e.admin(), `query { coupon(code: "FLAT500") { timesUsed timesRedeemed } }`, nil, &out)
	if out.Coupon.TimesUsed != 1 || out.Coupon.TimesRedeemed != 1 {
		t.Fatalf("counts %+v", out.Coupon)
	}

	cancelled := statusChanged(t, order, rahul.id, "CONFIRMED", "CANCELLED", "FLAT500")
	e.deliver(cancelled)
	e.deliver(cancelled)
	if s := e.holdStatus(order); s != "RELEASED" {
		t.Fatalf("after CANCELLED: %s", s)
	}
	if n := e.count(`SELECT count(*) FROM coupon_redemptions WHERE order_id = $1 AND released_at IS NOT NULL`, order); n != 1 {
		t.Fatal("redemption not released")
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'coupon.released' AND (envelope->'payload'->>'wasRedeemed')::boolean
		AND envelope->'payload'->>'orderId' = $1 AND envelope->>'aggregateId' = $2`, order, seed.Flat500ID); n != 1 {
		t.Fatalf("%d coupon.released events", n)
	}
	e.must(e.admin(), `query { coupon(code: "FLAT500") { timesUsed timesRedeemed } }`, nil, &out)
	if out.Coupon.TimesUsed != 0 || out.Coupon.TimesRedeemed != 0 {
		t.Fatalf("counts after release %+v", out.Coupon)
	}
	// A refund after that is a no-op.
	e.deliver(statusChanged(t, order, rahul.id, "CANCELLED", "REFUNDED", "FLAT500"))
	if e.events("coupon.released") != 1 {
		t.Fatal("released twice")
	}
}

// A payment that never came: the order is cancelled while its hold is
// PENDING, which releases it (no redemption is ever written).
func TestOrderCancelledBeforeConfirmation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	order := newOrderID()
	e.mustHold(rahul, order, "WELCOME10", 200000)
	cancelled := statusChanged(t, order, rahul.id, "PENDING_PAYMENT", "CANCELLED", "WELCOME10")
	e.deliver(cancelled)
	e.deliver(cancelled)
	if s := e.holdStatus(order); s != "RELEASED" || e.count(`SELECT count(*) FROM coupon_redemptions`) != 0 {
		t.Fatalf("hold %s", s)
	}
	if e.events("coupon.released") != 1 {
		t.Fatal("one coupon.released")
	}
	// The use is back: Rahul can use WELCOME10 again.
	e.mustHold(rahul, newOrderID(), "WELCOME10", 200000)
	// Other statuses and orders without a coupon change nothing.
	before := e.snapshot()
	e.deliver(statusChanged(t, newOrderID(), rahul.id, "PACKED", "SHIPPED", ""))
	e.deliver(statusChanged(t, newOrderID(), rahul.id, "PAID", "CONFIRMED", ""))
	e.deliver(statusChanged(t, newOrderID(), rahul.id, "PAID", "CANCELLED", ""))
	e.deliver(statusChanged(t, "not-a-uuid", rahul.id, "PAID", "CONFIRMED", "WELCOME10"))
	e.unchanged(before, "events of orders without a coupon")
}

// A confirmed order that used a coupon without holding it (holdCoupon was
// skipped) still records its redemption: the discount was given.
func TestConfirmedOrderWithoutHold(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	order := newOrderID()
	ev := statusChanged(t, order, rahul.id, "PENDING_PAYMENT", "CONFIRMED", "audio15")
	e.deliver(ev)
	e.deliver(ev)
	if s := e.holdStatus(order); s != "REDEEMED" {
		t.Fatalf("hold %q", s)
	}
	if e.count(`SELECT count(*) FROM coupon_redemptions WHERE order_id = $1 AND coupon_id = $2`, order, seed.Audio15ID) != 1 ||
		e.events("coupon.redeemed") != 1 {
		t.Fatal("redemption not recorded once")
	}
}

// A PENDING hold whose checkout never produced an order is released after
// the hold TTL, so it stops counting against the limits.
func TestExpiredHoldsAreReleased(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "COUPON_HOLD_TTL", "30m")
	rahul := e.customer()
	stale, fresh := newOrderID(), newOrderID()
	e.mustHold(rahul, stale, "FLAT500", 600000)
	e.mustHold(rahul, fresh, "AUDIO15", 600000)
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE coupon_holds SET created_at = $2 WHERE order_id = $1`,
		stale, time.Now().Add(-31*time.Minute)); err != nil {
		t.Fatal(err)
	}
	n, err := e.app.ExpireHoldsOnce(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("expired %d: %v", n, err)
	}
	if e.holdStatus(stale) != "RELEASED" || e.holdStatus(fresh) != "PENDING" || e.events("coupon.released") != 1 {
		t.Fatalf("stale %s fresh %s", e.holdStatus(stale), e.holdStatus(fresh))
	}
	if n, _ := e.app.ExpireHoldsOnce(context.Background()); n != 0 {
		t.Fatal("expired twice")
	}
	// Its order is confirmed after all (it cannot be, within the TTL, but
	// if it were): the use happened, so it is redeemed.
	e.deliver(statusChanged(t, stale, rahul.id, "PAID", "CONFIRMED", "FLAT500"))
	if e.holdStatus(stale) != "REDEEMED" {
		t.Fatal("late confirmation not redeemed")
	}
}
