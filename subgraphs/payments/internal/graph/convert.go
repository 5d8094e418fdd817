package graph

import (
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

func toPayment(p *payment.Payment) *model.Payment {
	return &model.Payment{
		ID: p.ID, Order: &model.Order{ID: p.OrderID}, OrderNumber: p.OrderNumber, Amount: money.Of(p.Amount),
		Method: model.PaymentMethodType(p.Method), Provider: model.PaymentProvider(p.Provider),
		ProviderOrderID: optional(p.ProviderOrderID), ProviderPaymentID: optional(p.ProviderPaymentID),
		Status: model.PaymentStatus(p.Status), FailureReason: optional(p.FailureReason),
		CapturedAmount: money.Of(p.Captured), RefundedAmount: money.Of(p.Refunded),
		RefundableAmount: money.Of(max(p.Refundable(), 0)),
		CreatedAt:        p.CreatedAt, CapturedAt: p.CapturedAt, UpdatedAt: p.UpdatedAt,
	}
}

func toPayments(ps []*payment.Payment) []*model.Payment {
	out := make([]*model.Payment, len(ps))
	for i, p := range ps {
		out[i] = toPayment(p)
	}
	return out
}

func toRefund(r *payment.Refund) *model.Refund {
	return &model.Refund{
		ID: r.ID, PaymentID: r.PaymentID, Amount: money.Of(r.Amount), Reason: r.Reason, Status: model.RefundStatus(r.Status),
		ProviderRefundID: optional(r.ProviderRefundID), FailureReason: optional(r.FailureReason),
		StoreID: optional(r.StoreID), CreatedAt: r.CreatedAt, ProcessedAt: r.ProcessedAt,
	}
}

func toRefundInput(in model.RefundPaymentInput) app.RefundInput {
	out := app.RefundInput{PaymentID: in.PaymentID, Amount: in.AmountPaise, Reason: in.Reason}
	if in.StoreID != nil {
		out.StoreID = *in.StoreID
	}
	return out
}

// optional maps "" (not set) to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
