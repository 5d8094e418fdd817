package order_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// legal is the state machine of docs/commerce.md written out pair by pair:
// every pair not listed here must be refused.
var legal = map[[2]order.Status]bool{
	{order.PendingPayment, order.Paid}:      true,
	{order.PendingPayment, order.Confirmed}: true, // cash on delivery only
	{order.PendingPayment, order.Cancelled}: true,
	{order.Paid, order.Confirmed}:           true,
	{order.Paid, order.Cancelled}:           true,
	{order.Paid, order.Refunded}:            true,
	{order.Confirmed, order.Packed}:         true,
	{order.Confirmed, order.Cancelled}:      true,
	{order.Confirmed, order.Refunded}:       true,
	{order.Packed, order.Shipped}:           true,
	{order.Packed, order.Cancelled}:         true,
	{order.Packed, order.Refunded}:          true,
	{order.Shipped, order.Delivered}:        true,
	{order.Shipped, order.Refunded}:         true,
	{order.Delivered, order.Refunded}:       true,
	// Derived statuses (PARTIALLY_SHIPPED, RETURNED) are reached through
	// fulfilments only (fulfilment_test.go); a full refund still ends a
	// partially shipped order.
	{order.PartiallyShipped, order.Refunded}: true,
}

// Every one of the 100 (from, to) pairs, legal or not.
func TestCanTransitionEveryPair(t *testing.T) {
	t.Parallel()
	for _, from := range order.Statuses {
		for _, to := range order.Statuses {
			want := legal[[2]order.Status{from, to}]
			if got := order.CanTransition(from, to); got != want {
				t.Errorf("CanTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	for _, final := range []order.Status{order.Cancelled, order.Refunded, order.Returned} {
		if !final.Final() {
			t.Errorf("%s should be final", final)
		}
	}
}

// move applies the method that leads to `to` on an order in `from`.
func move(o *order.Order, to order.Status, at time.Time) error {
	switch to {
	case order.Paid:
		return o.PaymentSucceeded(o.Totals.Total, at) // and then CONFIRMED once the stock is committed: settle_test.go
	case order.Confirmed:
		return errors.New("no direct method")
	case order.Packed:
		return o.Pack(at)
	case order.Shipped:
		return o.Ship("AWB123", "Delhivery", at)
	case order.Delivered:
		return o.Deliver(at)
	case order.Cancelled:
		return o.Cancel("changed my mind", at)
	case order.Refunded:
		return o.Refund("refunded", at)
	}
	return fmt.Errorf("no method for %s", to)
}

// fulfilmentFor is the status of a single-store order's one fulfilment
// when the order is in s.
func fulfilmentFor(s order.Status) order.FulfilmentStatus {
	switch s {
	case order.PendingPayment, order.Paid:
		return order.FulfilmentPending
	case order.Confirmed, order.Refunded:
		return order.FulfilmentConfirmed
	case order.PartiallyShipped:
		return order.FulfilmentShipped
	}
	return order.FulfilmentStatus(s) // the same name
}

// The order methods follow the table: a legal move changes the status and
// records exactly one change; an illegal one is CONFLICT ILLEGAL_TRANSITION
// and changes nothing.
func TestOrderMethodsFollowTheTable(t *testing.T) {
	t.Parallel()
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, from := range order.Statuses {
		for _, to := range []order.Status{order.Packed, order.Shipped, order.Delivered, order.Cancelled, order.Refunded} {
			t.Run(fmt.Sprint(from, "→", to), func(t *testing.T) {
				o := &order.Order{ID: "o1", Status: from, Payment: order.PaymentMethod{Type: order.UPI}, StoreIDs: []string{"s1"},
					Fulfilments: []*order.Fulfilment{{ID: "f1", StoreID: "s1", Status: fulfilmentFor(from)}}}
				err := move(o, to, at)
				if legal[[2]order.Status{from, to}] {
					if err != nil || o.Status != to || len(o.Changes()) != 1 || o.Changes()[0].From != from {
						t.Fatalf("legal move: err=%v status=%s changes=%+v", err, o.Status, o.Changes())
					}
					return
				}
				if !errors.Is(err, order.ErrIllegalTransition) || errs.CodeOf(err) != errs.Conflict {
					t.Fatalf("illegal move: err = %v", err)
				}
				if o.Status != from || len(o.Changes()) != 0 {
					t.Fatalf("illegal move changed the order: %s %+v", o.Status, o.Changes())
				}
			})
		}
	}
}

// A capture makes the order PAID and due for the clock at once; the stock
// commit then confirms it: two status changes, two events.
func TestPaymentThenStockConfirmsThroughPaid(t *testing.T) {
	t.Parallel()
	at := time.Now().UTC()
	due := at.Add(time.Minute)
	o := &order.Order{ID: "o1", Status: order.PendingPayment, Payment: order.PaymentMethod{Type: order.Card}, PaymentDueBy: &due,
		Totals: order.Totals{Total: 500}}
	if err := o.PaymentSucceeded(500, at); err != nil {
		t.Fatal(err)
	}
	if o.Status != order.Paid || o.PaymentDueBy != nil || o.SettleAt == nil || !o.SettleAt.Equal(at) {
		t.Fatalf("after capture: %s due=%v settle=%v", o.Status, o.PaymentDueBy, o.SettleAt)
	}
	if err := o.StockCommitted(at); err != nil {
		t.Fatal(err)
	}
	ch := o.Changes()
	if o.Status != order.Confirmed || len(ch) != 2 || ch[0].To != order.Paid || ch[1].From != order.Paid || ch[1].To != order.Confirmed {
		t.Fatalf("status %s, changes %+v", o.Status, ch)
	}
	if o.SettleAt != nil {
		t.Fatal("a confirmed order has nothing left to settle")
	}
	evs := o.StatusChangedEvents()
	if len(evs) != 2 || evs[0].From != order.PendingPayment || evs[1].To != order.Confirmed {
		t.Fatalf("events %+v", evs)
	}
}

// Inbound events change only the orders they apply to; a late or repeated
// event changes nothing and is not an error.
func TestInboundEventsAreOrderTolerant(t *testing.T) {
	t.Parallel()
	at := time.Now().UTC()
	mk := func(s order.Status) *order.Order {
		return &order.Order{ID: "o1", Status: s, Payment: order.PaymentMethod{Type: order.UPI}, Totals: order.Totals{Total: 1000}}
	}
	cases := []struct {
		name  string
		from  order.Status
		apply func(*order.Order) error
		want  order.Status
	}{
		{"succeeded pending", order.PendingPayment, func(o *order.Order) error { return o.PaymentSucceeded(1000, at) }, order.Paid},
		{"succeeded cancelled", order.Cancelled, func(o *order.Order) error { return o.PaymentSucceeded(1000, at) }, order.Cancelled},
		{"succeeded twice", order.Confirmed, func(o *order.Order) error { return o.PaymentSucceeded(1000, at) }, order.Confirmed},
		{"failed pending", order.PendingPayment, func(o *order.Order) error { return o.PaymentFailed("declined", at) }, order.Cancelled},
		{"failed after success", order.Confirmed, func(o *order.Order) error { return o.PaymentFailed("declined", at) }, order.Confirmed},
		{"full refund shipped", order.Shipped, func(o *order.Order) error { return o.PaymentRefunded(true, "damaged", at) }, order.Refunded},
		{"partial refund", order.Delivered, func(o *order.Order) error { return o.PaymentRefunded(false, "one item", at) }, order.Delivered},
		{"refund of cancelled", order.Cancelled, func(o *order.Order) error { return o.PaymentRefunded(true, "late capture", at) }, order.Cancelled},
		{"refund twice", order.Refunded, func(o *order.Order) error { return o.PaymentRefunded(true, "again", at) }, order.Refunded},
		{"expired pending: settled by the clock, not cancelled", order.PendingPayment, func(o *order.Order) error { return o.ReservationExpired(at) }, order.PendingPayment},
		{"expired confirmed", order.Confirmed, func(o *order.Order) error { return o.ReservationExpired(at) }, order.Confirmed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := mk(c.from)
			if err := c.apply(o); err != nil || o.Status != c.want {
				t.Fatalf("err=%v status=%s, want %s", err, o.Status, c.want)
			}
			if c.from == c.want && len(o.Changes()) != 0 {
				t.Fatalf("no-op recorded changes %+v", o.Changes())
			}
		})
	}
	o := mk(order.PendingPayment)
	if err := o.PaymentSucceeded(999, at); !errors.Is(err, order.ErrAmountMismatch) || o.Status != order.PendingPayment {
		t.Fatalf("amount mismatch: %v %s", err, o.Status)
	}
	// However late it came, money for a pending order makes it PAID: the
	// stock commit decides whether it can still be delivered.
	due := at.Add(-time.Hour)
	o.PaymentDueBy = &due
	if err := o.PaymentSucceeded(1000, at); err != nil || o.Status != order.Paid {
		t.Fatalf("late capture: %v %s", err, o.Status)
	}
}
