package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// PaymentsByIDs reads payments for the loaders; callers check Visible.
func (a *App) PaymentsByIDs(ctx context.Context, ids []string) (map[string]*payment.Payment, error) {
	return a.store.PaymentsByIDs(ctx, ids)
}

// PaymentsByOrderIDs reads orders' payments for the loaders; callers check Visible.
func (a *App) PaymentsByOrderIDs(ctx context.Context, orderIDs []string) (map[string][]*payment.Payment, error) {
	return a.store.PaymentsByOrderIDs(ctx, orderIDs)
}

// RefundsByPaymentIDs reads refunds of payments the caller was shown.
func (a *App) RefundsByPaymentIDs(ctx context.Context, paymentIDs []string) (map[string][]*payment.Refund, error) {
	return a.store.RefundsByPaymentIDs(ctx, paymentIDs)
}

// VisibleOnly keeps the payments the caller may see.
func (a *App) VisibleOnly(ctx context.Context, ps []*payment.Payment) ([]*payment.Payment, error) {
	out := make([]*payment.Payment, 0, len(ps))
	for _, p := range ps {
		ok, err := a.Visible(ctx, p)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// OrderPaymentState tells orders' clock whether money was captured for
// orderID (an attempt CAPTURED for the order's total; a capture of another
// amount is refunded and does not count). Internal: asked without a shopper.
func (a *App) OrderPaymentState(ctx context.Context, orderID string) (captured bool, paise int64, err error) {
	ps, err := a.store.PaymentsByOrderIDs(ctx, []string{orderID})
	if err != nil {
		return false, 0, err
	}
	for _, p := range ps[orderID] {
		if p.Status == payment.StatusCaptured && p.Captured == p.Amount {
			return true, p.Captured, nil
		}
	}
	return false, 0, nil
}
