package app

import (
	"context"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// RefundInput is a refund request from refundPayment.
type RefundInput struct {
	PaymentID string
	Amount    int64
	Reason    string
	// StoreID: the store whose lines are paid back ("" = the caller's one
	// store in the order for an owner, the whole order for an admin).
	StoreID string
}

var (
	errPaymentNotFound = errs.Missing("payment")
	errNotStoreOwner   = errs.Denied("only the owner of a store in this order may refund its payment")
)

// RefundPayment refunds part or all of a captured payment for the owner of a
// store in its order (or an admin with payments:refund). The amount is
// reserved under the payment's row lock, so racing refunds cannot exceed the
// capture; then the provider is asked (outside the transaction) and the
// outcome recorded with payment.refunded. A provider that does not answer
// leaves the refund PENDING and the call worker retries it.
func (a *App) RefundPayment(ctx context.Context, in RefundInput) (*payment.Refund, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := uuid.Parse(in.PaymentID); err != nil {
		return nil, errs.BadInput("paymentId", "not a valid payment id")
	}
	reason, err := payment.ValidateRefund(in.Amount, in.Reason)
	if err != nil {
		return nil, err
	}
	if a.limiter != nil {
		if err := a.limiter.Allow(ctx, "refund:"+id.Subject, a.RefundsPerMinute); err != nil {
			return nil, err
		}
	}
	if in.StoreID != "" {
		if _, err := uuid.Parse(in.StoreID); err != nil {
			return nil, errs.BadInput("storeId", "not a valid store id")
		}
	}
	storeID, err := a.authorizeRefund(ctx, id, in.PaymentID, in.StoreID)
	if err != nil {
		return nil, err
	}

	var refund *payment.Refund
	var calls []store.Call
	err = a.store.InTx(ctx, func(tx pgx.Tx) error {
		p, err := a.store.LockPayment(ctx, tx, in.PaymentID)
		if err != nil {
			return err
		}
		if p == nil {
			return errPaymentNotFound
		}
		before := summarize(p)
		rid := uuid.Must(uuid.NewV7()).String()
		var r *payment.Refund
		var eff payment.Effects
		if storeID != "" {
			// Limited to the store's part, by payments' own figure (order.placed).
			r, eff, err = p.RequestStoreRefund(rid, storeID, in.Amount, reason, id.Subject, a.now())
		} else {
			r, eff, err = p.RequestRefund(rid, in.Amount, reason, id.Subject, a.now())
		}
		if err != nil {
			return err
		}
		refund = r
		if calls, err = a.store.Save(ctx, tx, p, eff, store.SaveOptions{Actor: id.Subject, Claim: a.CallLease}); err != nil {
			return err
		}
		after := summarize(p)
		after.Refund = &refundSummary{ID: r.ID, AmountPaise: r.Amount, Status: r.Status, Reason: r.Reason}
		return a.store.Audit(ctx, tx, audit.Entry{Permission: ScopeRefund, Action: "payment.refund",
			TargetType: "Payment", TargetID: p.ID, Before: before, After: after})
	})
	if err != nil {
		return nil, err
	}
	// The refund is committed: finish it even if the client goes away.
	callCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.CallLease)
	defer cancel()
	for _, c := range calls {
		a.runCall(callCtx, c)
	}
	r, err := a.store.Refund(ctx, refund.ID)
	if err != nil {
		return nil, err
	}
	if r.Status == payment.RefundFailed {
		return nil, errs.Conflicting("refund not made: %s", r.FailureReason).WithReason("REFUND_FAILED")
	}
	return r, nil
}

// authorizeRefund: NOT_FOUND for a payment the caller cannot see (as for a
// missing one), FORBIDDEN for one they see but may not refund (its buyer).
// It returns the store the refund is limited to: an owner's (role OWNER,
// never unlimited: their one store of the order, or storeID, which must be
// theirs and in the order), or storeID for an admin ("" = the whole order).
func (a *App) authorizeRefund(ctx context.Context, id auth.Identity, paymentID, storeID string) (string, error) {
	ps, err := a.store.PaymentsByIDs(ctx, []string{paymentID})
	if err != nil {
		return "", err
	}
	p := ps[paymentID]
	visible, err := a.Visible(ctx, p)
	if err != nil {
		return "", err
	}
	if !visible {
		return "", errPaymentNotFound
	}
	if id.Has(ScopeRefund) {
		return storeID, nil
	}
	mine, err := a.ownStoresOf(ctx, id, p)
	if err != nil {
		return "", err
	}
	switch {
	case len(mine) == 0:
		return "", errNotStoreOwner
	case storeID != "":
		if !slices.Contains(mine, storeID) {
			return "", errs.Denied("you may refund only your own store's lines in this order").WithReason("STORE_NOT_IN_ORDER")
		}
		return storeID, nil
	case len(mine) > 1:
		return "", errs.BadInput("storeId", "you own several stores in this order: say which one's lines to refund")
	}
	return mine[0], nil
}

// paymentSummary is an audit entry's before/after of a refunded payment:
// amounts and status, nothing about the buyer.
type paymentSummary struct {
	OrderID        string         `json:"orderId"`
	Status         payment.Status `json:"status"`
	CapturedPaise  int64          `json:"capturedPaise"`
	RefundedPaise  int64          `json:"refundedPaise"`
	RefundingPaise int64          `json:"refundingPaise"`
	Refund         *refundSummary `json:"refund,omitempty"`
}

type refundSummary struct {
	ID          string               `json:"id"`
	AmountPaise int64                `json:"amountPaise"`
	Status      payment.RefundStatus `json:"status"`
	Reason      string               `json:"reason"`
}

func summarize(p *payment.Payment) paymentSummary {
	return paymentSummary{OrderID: p.OrderID, Status: p.Status, CapturedPaise: p.Captured,
		RefundedPaise: p.Refunded, RefundingPaise: p.Refunding}
}
