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
)

// Statuses lists every status, in lifecycle order.
var Statuses = []Status{PendingPayment, Paid, Confirmed, Packed, Shipped, Delivered, Cancelled, Refunded}

// transitions is the whole state machine (docs/commerce.md): the happy path
// PENDING_PAYMENT → PAID → CONFIRMED → PACKED → SHIPPED → DELIVERED;
// CANCELLED before shipping; REFUNDED from PAID on. PENDING_PAYMENT →
// CONFIRMED exists for cash on delivery only (checked by Order.advance).
// CANCELLED and REFUNDED are final: a refund of a cancelled order (payments
// refunds a late capture) does not move it again.
var transitions = map[Status][]Status{
	PendingPayment: {Paid, Confirmed, Cancelled},
	Paid:           {Confirmed, Cancelled, Refunded},
	Confirmed:      {Packed, Cancelled, Refunded},
	Packed:         {Shipped, Cancelled, Refunded},
	Shipped:        {Delivered, Refunded},
	Delivered:      {Refunded},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// CanTransition reports whether the state machine allows from → to.
func CanTransition(from, to Status) bool { return slices.Contains(transitions[from], to) }

// Final reports whether nothing can follow s.
func (s Status) Final() bool { return len(transitions[s]) == 0 }

// ErrIllegalTransition is the CONFLICT every refused move matches with errors.Is.
var ErrIllegalTransition = errs.Conflicting("illegal order status transition").WithReason("ILLEGAL_TRANSITION")

func illegal(from, to Status) error {
	e := *ErrIllegalTransition
	e.Message = fmt.Sprintf("an order in %s cannot become %s", from, to)
	return &e
}
