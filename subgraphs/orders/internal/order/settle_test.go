package order_test

import (
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

func pending(total int64, due time.Time) *order.Order {
	settle := due.Add(order.SettleMargin)
	return &order.Order{ID: "o1", Status: order.PendingPayment, Payment: order.PaymentMethod{Type: order.UPI},
		Totals: order.Totals{Total: total}, PaymentDueBy: &due, SettleAt: &settle}
}

// The expiry of the reservation never cancels by itself: it makes the order
// due for the clock now, which asks payments first. Whichever of
// payment.succeeded and stock.reservation_expired comes first, a paid order
// ends PAID (then CONFIRMED or refunded), never cancelled as late.
func TestReservationExpiredOnlyWakesTheClock(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	for _, capturedFirst := range []bool{true, false} {
		o := pending(1000, now.Add(-time.Second))
		steps := []func() error{
			func() error { return o.PaymentSucceeded(1000, now) },
			func() error { return o.ReservationExpired(now) },
		}
		if !capturedFirst {
			steps[0], steps[1] = steps[1], steps[0]
		}
		for _, s := range steps {
			if err := s(); err != nil {
				t.Fatal(err)
			}
		}
		if o.Status != order.Paid || o.SettleAt == nil || !o.SettleAt.Equal(now) {
			t.Fatalf("captured first=%v: %s settle=%v", capturedFirst, o.Status, o.SettleAt)
		}
	}
	o := pending(1000, now)
	if err := o.ReservationExpired(now); err != nil || !o.SettleAt.Equal(now) || len(o.Changes()) != 0 {
		t.Fatalf("expiry of a pending order: %v %v %+v", err, o.SettleAt, o.Changes())
	}
}

// Past its deadline, the clock settles a pending order with payments'
// answer: captured for the total → PAID; nothing, or another amount →
// CANCELLED as not paid in time.
func TestPaymentOverdue(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	cases := []struct {
		name   string
		state  order.PaymentState
		want   order.Status
		reason string
	}{
		{"captured", order.PaymentState{Captured: true, AmountPaise: 1000}, order.Paid, ""},
		{"not captured", order.PaymentState{}, order.Cancelled, order.ReasonPaymentTimeout},
		{"other amount", order.PaymentState{Captured: true, AmountPaise: 999}, order.Cancelled, order.ReasonPaymentTimeout},
	}
	for _, c := range cases {
		o := pending(1000, now.Add(-time.Minute))
		if err := o.PaymentOverdue(c.state, now); err != nil || o.Status != c.want || o.CancellationReason != c.reason {
			t.Fatalf("%s: err=%v status=%s reason=%q", c.name, err, o.Status, o.CancellationReason)
		}
	}
	for _, s := range []order.Status{order.Paid, order.Confirmed, order.Cancelled} {
		o := &order.Order{ID: "o1", Status: s, Totals: order.Totals{Total: 1000}}
		if err := o.PaymentOverdue(order.PaymentState{}, now); err != nil || o.Status != s || len(o.Changes()) != 0 {
			t.Fatalf("overdue on %s changed it: %v %s", s, err, o.Status)
		}
	}
}

// A paid order whose stock is gone is cancelled with the reason the shopper
// reads (payments refunds on the cancellation); a no-answer only reschedules.
func TestStockUnavailableAndSettleLater(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	o := pending(1000, now)
	if err := o.PaymentSucceeded(1000, now); err != nil {
		t.Fatal(err)
	}
	later := now.Add(3 * time.Second)
	o.SettleLater(later)
	if o.Status != order.Paid || !o.SettleAt.Equal(later) {
		t.Fatalf("settle later: %s %v", o.Status, o.SettleAt)
	}
	if err := o.StockUnavailable(now); err != nil || o.Status != order.Cancelled || o.CancellationReason != order.ReasonSoldOut {
		t.Fatalf("stock gone: %v %s %q", err, o.Status, o.CancellationReason)
	}
	if o.SettleAt != nil || o.Unsettled() {
		t.Fatal("a cancelled order has nothing left to settle")
	}
	if err := o.StockCommitted(now); err != nil || o.Status != order.Cancelled {
		t.Fatalf("commit after cancel: %v %s", err, o.Status)
	}
	o.SettleLater(later)
	if o.SettleAt != nil {
		t.Fatal("settle later on a settled order")
	}
}
