package order

import (
	"time"
)

// Settlement: orders' own clock decides, once, whether a prepaid order was
// paid in time and whether its stock is still its own (docs/commerce.md,
// "Paid in time"). Events only wake it up; the answers come from payments
// and inventory, asked synchronously, so the order in which
// payment.succeeded and stock.reservation_expired arrive decides nothing.

// Reasons the shopper reads in Order.cancellationReason.
const (
	ReasonPaymentTimeout = "payment not received in time"
	ReasonSoldOut        = "the items sold out before the payment completed; the payment is refunded in full"
)

// SettleMargin is how long after its payment deadline a pending order waits
// for a payment.succeeded or stock.reservation_expired before the clock
// settles it anyway (an event may be lost or late).
const SettleMargin = 30 * time.Second

// PaymentState is payments' answer about an order's money.
type PaymentState struct {
	// Captured: money was captured for the order (and not failed for a
	// wrong amount); AmountPaise is how much.
	Captured    bool
	AmountPaise int64
}

// ReservationExpired: inventory released the stock of an order still
// waiting for its payment. It does not cancel (the money may be on its way,
// or captured already with payment.succeeded still in flight): it asks the
// clock to settle the order now.
func (o *Order) ReservationExpired(at time.Time) error {
	if o.Status == PendingPayment {
		o.SettleAt = &at
	}
	return nil
}

// PaymentOverdue settles a pending order past its deadline with payments'
// answer: money captured for the total makes it PAID (its stock is then
// committed or the order cancelled and refunded); anything else cancels it
// as not paid in time, and payments refunds whatever is captured later.
func (o *Order) PaymentOverdue(p PaymentState, at time.Time) error {
	if o.Status != PendingPayment {
		return nil
	}
	if p.Captured && p.AmountPaise == o.Totals.Total {
		return o.advance(Paid, at, "payment found by orders' clock")
	}
	return o.Cancel(ReasonPaymentTimeout, at)
}

// StockCommitted: inventory committed a paid order's stock; CONFIRMED.
func (o *Order) StockCommitted(at time.Time) error {
	if o.Status != Paid {
		return nil
	}
	return o.advance(Confirmed, at, "")
}

// StockUnavailable: a paid order's reservation expired and its units were
// sold to someone else. The order is cancelled; payments sees the
// cancellation of a captured payment and refunds it in full.
func (o *Order) StockUnavailable(at time.Time) error {
	if o.Status != Paid {
		return nil
	}
	return o.Cancel(ReasonSoldOut, at)
}

// SettleLater puts the next settlement attempt at `at` (the other subgraph
// did not answer): nothing is decided without an answer.
func (o *Order) SettleLater(at time.Time) {
	if o.Status == PendingPayment || o.Status == Paid {
		o.SettleAt = &at
	}
}

// Unsettled reports whether the clock still has to settle o.
func (o *Order) Unsettled() bool { return o.Status == PendingPayment || o.Status == Paid }
