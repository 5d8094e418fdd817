package order

import (
	"fmt"
	"slices"

	"github.com/purra/supergraph/platform/errs"
)

// Status is where an order stands.
type Status string

const (
	PendingPayment Status = "PENDING_PAYMENT"
	Paid           Status = "PAID"
	Confirmed      Status = "CONFIRMED"
	Packed         Status = "PACKED"
	Shipped        Status = "SHIPPED"
	Delivered      Status = "DELIVERED"
	Cancelled      Status = "CANCELLED"
	Refunded       Status = "REFUNDED"
	// Derived from the fulfilments only (fulfilment.go, DerivedStatus): some
	// stores shipped, others not yet; every active fulfilment returned.
	PartiallyShipped Status = "PARTIALLY_SHIPPED"
	Returned         Status = "RETURNED"
)

// Statuses lists every status, in lifecycle order.
var Statuses = []Status{PendingPayment, Paid, Confirmed, Packed, PartiallyShipped, Shipped, Delivered, Cancelled, Refunded, Returned}

// transitions is the whole state machine (docs/commerce.md): the happy path
// PENDING_PAYMENT → PAID → CONFIRMED → PACKED → SHIPPED → DELIVERED;
// CANCELLED before shipping; REFUNDED from PAID on. PENDING_PAYMENT →
// CONFIRMED exists for cash on delivery only (checked by Order.advance).
// Once confirmed, PACKED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, RETURNED
// (and CANCELLED when every fulfilment is) are derived from the fulfilments
// (DerivedStatus), not moved through this table: the table lists the
// order-level moves (a whole-order cancellation, a full refund).
// CANCELLED and REFUNDED are final: a refund of a cancelled order (payments
// refunds a late capture) does not move it again.
var transitions = map[Status][]Status{
	PendingPayment:   {Paid, Confirmed, Cancelled},
	Paid:             {Confirmed, Cancelled, Refunded},
	Confirmed:        {Packed, Cancelled, Refunded},
	Packed:           {Shipped, Cancelled, Refunded},
	PartiallyShipped: {Refunded},
	Shipped:          {Delivered, Refunded},
	Delivered:        {Refunded},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// CanTransition reports whether the state machine allows from → to.
func CanTransition(from, to Status) bool { return slices.Contains(transitions[from], to) }

// Fulfilling reports whether the order is confirmed and still being
// fulfilled: its status is then derived from its fulfilments.
func (s Status) Fulfilling() bool {
	switch s {
	case Confirmed, Packed, PartiallyShipped, Shipped, Delivered, Returned:
		return true
	}
	return false
}

// Final reports whether nothing can follow s.
func (s Status) Final() bool { return len(transitions[s]) == 0 }

// ErrIllegalTransition is the CONFLICT every refused move matches with errors.Is.
var ErrIllegalTransition = errs.Conflicting("illegal order status transition").WithReason("ILLEGAL_TRANSITION")

func illegal(from, to Status) error {
	e := *ErrIllegalTransition
	e.Message = fmt.Sprintf("an order in %s cannot become %s", from, to)
	return &e
}
