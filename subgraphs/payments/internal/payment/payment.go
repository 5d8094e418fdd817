// Package payment is the payments domain: a Payment per order attempt, its
// refunds, the transitions webhooks and order events drive, and the events
// those transitions publish. It knows nothing of SQL, HTTP or GraphQL: every
// transition mutates the Payment and returns Effects (events to publish,
// refunds to record, provider calls to make) for the store to persist in one
// transaction.
package payment

import (
	"time"
)

// Method is how the buyer chose to pay.
type Method string

const (
	MethodUPI        Method = "UPI"
	MethodCard       Method = "CARD"
	MethodNetbanking Method = "NETBANKING"
	MethodCOD        Method = "COD"
)

// Valid reports whether m is a known method.
func (m Method) Valid() bool {
	switch m {
	case MethodUPI, MethodCard, MethodNetbanking, MethodCOD:
		return true
	}
	return false
}

// Provider processes payments.
type Provider string

const (
	ProviderSandbox  Provider = "SANDBOX"
	ProviderRazorpay Provider = "RAZORPAY"
	ProviderCOD      Provider = "COD"
)

// Status is where a payment stands. A partial refund keeps a payment
// CAPTURED (Refunded > 0); it is REFUNDED once everything captured is refunded.
type Status string

const (
	StatusCreated    Status = "CREATED"
	StatusAuthorized Status = "AUTHORIZED"
	StatusCaptured   Status = "CAPTURED"
	StatusFailed     Status = "FAILED"
	StatusRefunded   Status = "REFUNDED"
)

// ReasonOrderCancelled is the failure reason of a payment whose order was
// cancelled before it was paid.
const ReasonOrderCancelled = "order cancelled"

// ReasonLateCapture is the reason of the automatic refund of money captured
// for an order that had already been cancelled.
const ReasonLateCapture = "order was cancelled before the payment completed"

// ReasonAmountMismatch is the reason of the automatic refund of a capture
// whose amount differs from the order's total.
const ReasonAmountMismatch = "captured amount did not match the order total"

// Payment is one attempt to pay for an order.
type Payment struct {
	ID          string
	OrderID     string
	Attempt     int
	OrderNumber string
	UserID      string
	StoreIDs    []string
	Amount      int64 // paise, the order's total
	Method      Method
	UpiVpa      string
	Provider    Provider

	ProviderOrderID   string
	ProviderPaymentID string
	Status            Status
	FailureReason     string

	Captured  int64 // paise actually collected
	Refunded  int64 // sum of PROCESSED refunds
	Refunding int64 // sum of PENDING refunds: reserved, not yet confirmed
	// OrderCancelled records that the order was cancelled, so that money
	// captured afterwards is refunded at once.
	OrderCancelled bool

	// StoreAmounts: what the buyer paid for each store's lines (the sum of
	// their lineTotal, from order.placed); StoreRefunded: refunds recorded
	// for each store, processed or in flight (read with the payment);
	// CancelledStores: stores whose fulfilment was cancelled (stores.go).
	StoreAmounts    map[string]int64
	StoreRefunded   map[string]int64
	CancelledStores []string

	CreatedAt  time.Time
	UpdatedAt  time.Time
	CapturedAt *time.Time
}

// Refundable is what can still be refunded: captured minus processed and
// pending refunds.
func (p *Payment) Refundable() int64 { return p.Captured - p.Refunded - p.Refunding }

// Effects are what a transition asks the store to persist with the payment,
// in the same transaction.
type Effects struct {
	// Changed is false when the transition was a no-op (a replay, an event
	// that arrived after a later state): nothing is written.
	Changed bool
	Events  []Event
	// NewRefunds are inserted, UpdatedRefunds saved.
	NewRefunds     []*Refund
	UpdatedRefunds []*Refund
	// Calls are provider calls to make after the commit (by the call worker).
	Calls []Call
}

func (e *Effects) merge(o Effects) {
	e.Changed = e.Changed || o.Changed
	e.Events = append(e.Events, o.Events...)
	e.NewRefunds = append(e.NewRefunds, o.NewRefunds...)
	e.UpdatedRefunds = append(e.UpdatedRefunds, o.UpdatedRefunds...)
	e.Calls = append(e.Calls, o.Calls...)
}

// CallKind is a request to the payment provider.
type CallKind string

const (
	CallCreateOrder CallKind = "CREATE_ORDER"
	CallCapture     CallKind = "CAPTURE"
	CallRefund      CallKind = "REFUND"
)

// Call is a provider request to make for a payment (RefundID for CallRefund).
type Call struct {
	Kind     CallKind
	RefundID string
}
