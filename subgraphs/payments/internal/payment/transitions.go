package payment

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// Errors a client can cause on a payment.
var (
	ErrNotCaptured = errs.Conflicting("only a CAPTURED payment can be refunded").WithReason("PAYMENT_NOT_CAPTURED")
)

// New returns the order's first payment attempt, CREATED, processed by
// online (the configured online provider) unless it is cash on delivery.
// Non-COD payments ask the provider for an order.
func New(in Placed, online Provider, at time.Time) (*Payment, Effects) {
	p := &Payment{
		ID: newID(), OrderID: in.OrderID, Attempt: 1, OrderNumber: in.OrderNumber, UserID: in.UserID,
		StoreIDs: in.StoreIDs, StoreAmounts: in.StoreAmounts, Amount: in.Amount, Method: in.Method, UpiVpa: in.UpiVpa,
		Provider: online, Status: StatusCreated, CreatedAt: at, UpdatedAt: at,
	}
	eff := Effects{Changed: true}
	if in.Method == MethodCOD {
		p.Provider, p.UpiVpa = ProviderCOD, ""
		return p, eff
	}
	eff.Calls = []Call{{Kind: CallCreateOrder}}
	return p, eff
}

// ProviderOrderCreated records the provider's order id whatever the
// payment's state: an order cancelled (or a payment failed) while the
// provider order was being created may still be paid against it, and that
// capture must be recognised to be refunded. A retried call that finds one
// already recorded changes nothing.
func (p *Payment) ProviderOrderCreated(providerOrderID string, at time.Time) Effects {
	if p.ProviderOrderID != "" || providerOrderID == "" {
		return Effects{}
	}
	p.ProviderOrderID, p.UpdatedAt = providerOrderID, at
	return Effects{Changed: true}
}

// Authorize records that the buyer paid and the money is held; the capture
// is requested from the provider.
func (p *Payment) Authorize(providerPaymentID string, at time.Time) Effects {
	if p.Status != StatusCreated {
		return Effects{} // already further along (or failed): nothing to hold
	}
	p.Status, p.UpdatedAt = StatusAuthorized, at
	p.setProviderPayment(providerPaymentID)
	return Effects{Changed: true, Calls: []Call{{Kind: CallCapture}}}
}

// Capture records collected money and publishes payment.succeeded. A capture
// after the payment failed or its order was cancelled (a late success) is
// recorded too, because the money was taken; if the order is cancelled, it is
// refunded in full at once. A capture of another amount than the order's
// total never confirms the order: it publishes payment.failed and is refunded
// in full. A second capture is a no-op.
func (p *Payment) Capture(providerPaymentID string, amount int64, at time.Time) Effects {
	if p.Status == StatusCaptured || p.Status == StatusRefunded {
		return Effects{}
	}
	if amount <= 0 {
		amount = p.Amount
	}
	p.Status, p.FailureReason, p.Captured, p.CapturedAt, p.UpdatedAt = StatusCaptured, "", amount, &at, at
	p.setProviderPayment(providerPaymentID)
	eff := Effects{Changed: true}
	if amount != p.Amount {
		p.FailureReason = fmt.Sprintf("captured %d paise instead of the order total %d", amount, p.Amount)
		eff.Events = []Event{Failed{PaymentID: p.ID, OrderID: p.OrderID, Reason: p.FailureReason}}
		eff.merge(p.refundRest(ReasonAmountMismatch, "", at))
		return eff
	}
	eff.Events = []Event{Succeeded{
		PaymentID: p.ID, OrderID: p.OrderID, AmountPaise: amount, Provider: p.Provider, ProviderPaymentID: p.ProviderPaymentID,
	}}
	if p.OrderCancelled {
		eff.merge(p.refundRest(ReasonLateCapture, "", at))
	}
	return eff
}

// Fail records a failed payment and publishes payment.failed. Only a payment
// still waiting fails: a failed attempt reported after a capture changes nothing.
func (p *Payment) Fail(reason string, at time.Time) Effects {
	if p.Status != StatusCreated && p.Status != StatusAuthorized {
		return Effects{}
	}
	p.Status, p.FailureReason, p.UpdatedAt = StatusFailed, clip(reason, 500), at
	return Effects{Changed: true, Events: []Event{Failed{PaymentID: p.ID, OrderID: p.OrderID, Reason: p.FailureReason}}}
}

// CancelOrder applies order.status_changed → CANCELLED: a payment still
// waiting is marked FAILED (no event: orders already knows); captured money
// is refunded in full. Replays change nothing.
func (p *Payment) CancelOrder(at time.Time) Effects {
	if p.OrderCancelled {
		return Effects{}
	}
	p.OrderCancelled, p.UpdatedAt = true, at
	eff := Effects{Changed: true}
	switch p.Status {
	case StatusCreated, StatusAuthorized:
		p.Status, p.FailureReason = StatusFailed, ReasonOrderCancelled
	case StatusCaptured:
		eff.merge(p.refundRest(ReasonLateCapture, "", at))
	}
	return eff
}

// Collect applies order.status_changed → DELIVERED to a cash-on-delivery
// payment: the courier collected the cash.
func (p *Payment) Collect(at time.Time) Effects {
	if p.Method != MethodCOD || p.Status != StatusCreated {
		return Effects{}
	}
	return p.Capture("", p.Amount, at)
}

// refundRest starts a refund of everything still refundable.
func (p *Payment) refundRest(reason, by string, at time.Time) Effects {
	if p.Refundable() <= 0 {
		return Effects{}
	}
	_, eff, _ := p.RequestRefund(newID(), p.Refundable(), reason, by, at) // within limits by construction
	return eff
}

func (p *Payment) setProviderPayment(id string) {
	if id != "" {
		p.ProviderPaymentID = id
	}
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
