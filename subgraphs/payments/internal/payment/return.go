package payment

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Returns (orders' RMA, docs/marketplace.md "Returns"): when orders reports
// a return RECEIVED, payments refunds its amount, once per return, within
// what the return's store was paid in the order.

// RefundTo is where a cash-on-delivery return is paid out (there is no
// payment to refund to): a bank account or a UPI VPA, validated by orders.
type RefundTo struct {
	Kind          string `json:"kind"` // BANK_ACCOUNT or UPI
	AccountName   string `json:"accountName,omitempty"`
	AccountNumber string `json:"accountNumber,omitempty"`
	IFSC          string `json:"ifsc,omitempty"`
	UPIVPA        string `json:"upiVpa,omitempty"`
}

// ReturnRefund is a received return to refund.
type ReturnRefund struct {
	ReturnID string
	OrderID  string
	StoreID  string
	Amount   int64 // the return's refundPaise
	// StoreAmount is what the buyer paid for the store's lines in the order
	// (orders' figure from the order's lines, never a client's): the store's
	// refunds together may not exceed it.
	StoreAmount int64
	RefundTo    *RefundTo // COD only
}

// ErrStoreCeiling: the refund would pay back more than the store's lines
// brought in (minus what was refunded or is being refunded for them).
var ErrStoreCeiling = errors.New("refund exceeds what the store's lines were paid")

// Validate checks the event's figures: payments refunds nothing it cannot
// account for, and such an event is parked for inspection.
func (rr ReturnRefund) Validate() error {
	for name, id := range map[string]string{"returnId": rr.ReturnID, "orderId": rr.OrderID, "storeId": rr.StoreID} {
		if _, err := uuid.Parse(id); err != nil {
			return fmt.Errorf("%s %q: not a UUID", name, id)
		}
	}
	if rr.Amount < 1 || rr.StoreAmount < rr.Amount {
		return fmt.Errorf("refundPaise %d, storeAmountPaise %d: want 1 ≤ refund ≤ store amount", rr.Amount, rr.StoreAmount)
	}
	return nil
}

// RefundReturn refunds a received return from captured payment p: within
// the store's ceiling (storeRefunded: its refunds processed or pending) and
// what is left of the capture. A prepaid payment's refund goes to the
// provider like any other (a PENDING refund and a call); a cash-on-delivery
// return is paid out by operations to rr.RefundTo, recorded PROCESSED at
// once without a provider call, with payment.refunded.
func (p *Payment) RefundReturn(id string, rr ReturnRefund, storeRefunded int64, at time.Time) (*Refund, Effects, error) {
	if rr.Amount > rr.StoreAmount-storeRefunded {
		return nil, Effects{}, fmt.Errorf("return %s: %w (refund %d, store paid %d, refunded %d)",
			rr.ReturnID, ErrStoreCeiling, rr.Amount, rr.StoreAmount, storeRefunded)
	}
	if p.Method == MethodCOD && rr.RefundTo == nil {
		return nil, Effects{}, fmt.Errorf("return %s of a cash-on-delivery order has no refund details", rr.ReturnID)
	}
	r, eff, err := p.RequestRefund(id, rr.Amount, "return "+rr.ReturnID, "", at)
	if err != nil {
		return nil, Effects{}, err
	}
	r.StoreID, r.ReturnID = rr.StoreID, rr.ReturnID
	if p.Method != MethodCOD {
		return r, eff, nil
	}
	r.RefundTo = rr.RefundTo
	done := p.CompleteRefund(r, "cod_manual_"+id, at)
	return r, Effects{Changed: true, NewRefunds: []*Refund{r}, Events: done.Events}, nil
}
