package payment

import (
	"fmt"
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Per-store parts of an order's payment (issue 9, docs/marketplace.md): one
// payment for the shopper, but each store is owed — and may refund — only
// its own lines.

// ErrStoreNotInOrder: a store-scoped refund for a store with no lines in the order.
var ErrStoreNotInOrder = errs.Denied("this store has no lines in the order").WithReason("STORE_NOT_IN_ORDER")

// ReasonFulfilmentCancelled prefixes the automatic refund of a cancelled store's part.
const ReasonFulfilmentCancelled = "the store cancelled its part of the order"

// StoreRefundable is what can still be refunded for storeID's lines: their
// amount minus refunds for that store processed or in flight, and never more
// than the payment as a whole still has.
func (p *Payment) StoreRefundable(storeID string) int64 {
	left := p.StoreAmounts[storeID] - p.StoreRefunded[storeID]
	return max(min(left, p.Refundable()), 0)
}

// RequestStoreRefund is RequestRefund limited to storeID's part: FORBIDDEN
// for a store not in the order, FORBIDDEN (STORE_REFUND_LIMIT) above what is
// left of its part; the refund records the store.
func (p *Payment) RequestStoreRefund(id, storeID string, amount int64, reason, by string, at time.Time) (*Refund, Effects, error) {
	if _, ok := p.StoreAmounts[storeID]; !ok {
		return nil, Effects{}, ErrStoreNotInOrder
	}
	// Beyond the payment's own refundable amount RequestRefund answers
	// (BAD_USER_INPUT, CONFLICT); within it, beyond the store's part is not
	// this caller's money: FORBIDDEN.
	if p.Status == StatusCaptured && amount <= p.Refundable() && amount > p.StoreAmounts[storeID]-p.StoreRefunded[storeID] {
		return nil, Effects{}, errs.Denied(fmt.Sprintf("a store may refund at most its own lines: %d paise left of %d",
			max(p.StoreAmounts[storeID]-p.StoreRefunded[storeID], 0), p.StoreAmounts[storeID])).WithReason("STORE_REFUND_LIMIT")
	}
	r, eff, err := p.RequestRefund(id, amount, reason, by, at)
	if err != nil {
		return nil, Effects{}, err
	}
	r.StoreID = storeID
	if p.StoreRefunded == nil {
		p.StoreRefunded = map[string]int64{}
	}
	p.StoreRefunded[storeID] += amount
	return r, eff, nil
}

// FulfilmentCancelled applies orders' order.fulfilment_changed → CANCELLED
// for storeID: a captured payment refunds what is left of that store's part
// (the shipping fee goes back with the order's own cancellation, when the
// last active store cancels); cash on delivery collects that much less. A
// repeat, or a store not in the order, changes nothing. Before the capture
// nothing moves here: the order's own cancellation fails the payment.
func (p *Payment) FulfilmentCancelled(storeID, reason string, at time.Time) Effects {
	amount, ok := p.StoreAmounts[storeID]
	if !ok || slices.Contains(p.CancelledStores, storeID) {
		return Effects{}
	}
	p.CancelledStores = append(p.CancelledStores, storeID)
	p.UpdatedAt = at
	eff := Effects{Changed: true}
	switch {
	case p.Method == MethodCOD && p.Status == StatusCreated:
		p.Amount = max(p.Amount-amount, 0)
	case p.Status == StatusCaptured:
		if left := p.StoreRefundable(storeID); left > 0 {
			why := ReasonFulfilmentCancelled
			if reason != "" {
				why = clip(why+": "+reason, MaxReason)
			}
			_, e, err := p.RequestStoreRefund(newID(), storeID, left, why, "", at)
			if err == nil {
				eff.merge(e)
			}
		}
	}
	return eff
}
