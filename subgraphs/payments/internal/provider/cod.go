package provider

import (
	"context"
	"errors"
	"net/http"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// COD is cash on delivery: the courier collects the cash (order.status_changed
// → DELIVERED), so there is no provider order, capture or webhook; a refund
// is paid out by Purra's operations team and recorded as processed at once.
type COD struct{}

func (COD) Name() payment.Provider { return payment.ProviderCOD }

func (COD) CreateOrder(context.Context, OrderRequest) (Order, error) {
	return Order{}, &Error{Provider: payment.ProviderCOD, Code: "NOT_SUPPORTED", Description: "cash on delivery has no provider order", Permanent: true}
}

func (COD) Capture(context.Context, CaptureRequest) error {
	return &Error{Provider: payment.ProviderCOD, Code: "NOT_SUPPORTED", Description: "cash is collected on delivery", Permanent: true}
}

func (COD) Refund(_ context.Context, req RefundRequest) (RefundResult, error) {
	return RefundResult{ID: "cod_rfnd_" + req.RefundID, Status: payment.RefundProcessed}, nil
}

func (COD) VerifyWebhook(http.Header, []byte) (WebhookEvent, error) {
	return WebhookEvent{}, errors.Join(ErrBadSignature, errors.New("cash on delivery sends no webhooks"))
}

// FindOrder: cash on delivery creates no provider orders.
func (COD) FindOrder(context.Context, OrderRequest) (Order, bool, error) { return Order{}, false, nil }

// OrderPayments: cash on delivery has no provider payments to compare.
func (COD) OrderPayments(context.Context, string) ([]PaymentState, error) { return nil, nil }
