// Package provider is the boundary to payment providers: one interface that
// Razorpay (provider/razorpay), the built-in sandbox (provider/sandbox) and
// cash on delivery (COD) implement, and the provider-neutral webhook event
// their signed callbacks are parsed into.
package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Provider creates orders, captures and refunds payments, and verifies the
// webhooks it sends.
type Provider interface {
	Name() payment.Provider
	// CreateOrder registers the amount to collect; the buyer then pays
	// against the returned order id (Razorpay Checkout).
	CreateOrder(ctx context.Context, req OrderRequest) (Order, error)
	// Capture collects an authorized payment.
	Capture(ctx context.Context, req CaptureRequest) error
	// Refund returns part or all of a captured payment. req.RefundID is
	// the idempotency key: repeating a request refunds once.
	Refund(ctx context.Context, req RefundRequest) (RefundResult, error)
	// VerifyWebhook checks the signature of a callback over its raw body and
	// parses it; ErrBadSignature when it was not signed with the secret.
	VerifyWebhook(h http.Header, body []byte) (WebhookEvent, error)
	// FindOrder returns the provider order created earlier for req's payment
	// (a create call whose answer was lost, e.g. to a crash), if any.
	FindOrder(ctx context.Context, req OrderRequest) (Order, bool, error)
	// OrderPayments lists the payments made against one of its orders, as
	// the provider sees them (the reconciliation's view).
	OrderPayments(ctx context.Context, providerOrderID string) ([]PaymentState, error)
}

// PaymentState is a payment as its provider knows it.
type PaymentState struct {
	ID          string
	Status      string // Razorpay's: created, authorized, captured, refunded, failed
	AmountPaise int64
}

// Captured reports whether the provider holds the money (refunded counts:
// it was captured).
func (p PaymentState) Captured() bool { return p.Status == "captured" || p.Status == "refunded" }

// OrderRequest asks for a provider order.
type OrderRequest struct {
	PaymentID   string
	OrderID     string
	OrderNumber string // the provider's receipt
	AmountPaise int64
	Currency    string
	Method      payment.Method
	UpiVpa      string
}

// Order is the provider's order.
type Order struct {
	ID string
}

// CaptureRequest captures an authorized payment.
type CaptureRequest struct {
	ProviderPaymentID string
	AmountPaise       int64
	Currency          string
}

// RefundRequest refunds a captured payment.
type RefundRequest struct {
	RefundID          string // ours; the idempotency key
	PaymentID         string // ours
	ProviderPaymentID string
	AmountPaise       int64
	Reason            string
}

// RefundResult is the provider's answer: PROCESSED, or PENDING until its
// refund.processed webhook.
type RefundResult struct {
	ID     string
	Status payment.RefundStatus
}

// Webhook event types (Razorpay's names; the sandbox sends the same).
const (
	EventPaymentAuthorized = "payment.authorized"
	EventPaymentCaptured   = "payment.captured"
	EventPaymentFailed     = "payment.failed"
	EventRefundProcessed   = "refund.processed"
	EventRefundFailed      = "refund.failed"
)

// WebhookEvent is a verified callback, provider-neutral.
type WebhookEvent struct {
	// ID identifies the event at the provider: a redelivery carries the
	// same id, so it is applied once.
	ID   string
	Type string

	ProviderOrderID   string
	ProviderPaymentID string
	ProviderRefundID  string
	// RefundID is our refund id, echoed back in the refund's notes.
	RefundID      string
	AmountPaise   int64
	FailureReason string
}

// ErrBadSignature: the webhook was not signed with our secret.
var ErrBadSignature = errors.New("webhook signature mismatch")

// Error is a refusal by the provider. Permanent errors (the request itself
// is wrong: 4xx) are not retried; the rest (5xx, 409 in progress, 429) are.
type Error struct {
	Provider    payment.Provider
	Status      int
	Code        string
	Description string
	Permanent   bool
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %d %s: %s", e.Provider, e.Status, e.Code, e.Description)
}

// IsPermanent reports whether err is a provider refusal that retrying will not change.
func IsPermanent(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Permanent
}
