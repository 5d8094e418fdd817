package app

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// WebhookResult says what a verified webhook did.
type WebhookResult string

const (
	// WebhookApplied: the event was recorded and its transition applied (which
	// may have been a no-op for a payment already further along).
	WebhookApplied WebhookResult = "applied"
	// WebhookDuplicate: the event id was seen before; nothing changed.
	WebhookDuplicate WebhookResult = "duplicate"
	// WebhookIgnored: an event type payments does not handle; nothing recorded.
	WebhookIgnored WebhookResult = "ignored"
	// WebhookUnknown: about no payment or refund of ours (yet); nothing recorded.
	WebhookUnknown WebhookResult = "unknown"
)

var (
	errIgnored = errors.New("webhook ignored")
	errUnknown = errors.New("webhook about an unknown payment")
)

// ApplyWebhook applies a verified provider callback in one transaction: the
// event id is recorded (a replay finds it and stops), the payment or refund
// moves, and payment.succeeded / payment.failed / payment.refunded go to the
// outbox.
func (a *App) ApplyWebhook(ctx context.Context, prov payment.Provider, ev provider.WebhookEvent) (WebhookResult, error) {
	result := WebhookApplied
	err := a.store.InTx(ctx, func(tx pgx.Tx) error {
		fresh, err := a.store.RecordWebhook(ctx, tx, prov, ev.ID, ev.Type)
		if err != nil {
			return err
		}
		if !fresh {
			result = WebhookDuplicate
			return nil
		}
		switch ev.Type {
		case provider.EventPaymentAuthorized, provider.EventPaymentCaptured, provider.EventPaymentFailed:
			return a.paymentWebhook(ctx, tx, prov, ev)
		case provider.EventRefundProcessed, provider.EventRefundFailed:
			return a.refundWebhook(ctx, tx, prov, ev)
		}
		return errIgnored
	})
	if errors.Is(err, errIgnored) {
		return WebhookIgnored, nil
	}
	if errors.Is(err, errUnknown) {
		if ev.Type == provider.EventPaymentCaptured && ev.ProviderPaymentID != "" {
			// Money taken for no payment we know (yet): kept for the
			// reconciliation, which applies it once its payment is known
			// or refunds it (reconcile.go).
			if err := a.store.RecordUnmatched(ctx, store.UnmatchedCapture{Provider: prov, ProviderPaymentID: ev.ProviderPaymentID,
				ProviderOrderID: ev.ProviderOrderID, AmountPaise: ev.AmountPaise}); err != nil {
				return "", err
			}
		}
		return WebhookUnknown, nil
	}
	if err != nil {
		return "", err
	}
	return result, nil
}

func (a *App) paymentWebhook(ctx context.Context, tx pgx.Tx, prov payment.Provider, ev provider.WebhookEvent) error {
	p, err := a.store.LockPaymentByProvider(ctx, tx, prov, ev.ProviderOrderID, ev.ProviderPaymentID)
	if err != nil {
		return err
	}
	if p == nil {
		a.log.WarnContext(ctx, "webhook for an unknown payment", "provider", prov, "event_id", ev.ID,
			"provider_order_id", ev.ProviderOrderID, "provider_payment_id", ev.ProviderPaymentID)
		return errUnknown
	}
	now := a.now()
	var eff payment.Effects
	switch ev.Type {
	case provider.EventPaymentAuthorized:
		eff = p.Authorize(ev.ProviderPaymentID, now)
	case provider.EventPaymentCaptured:
		if ev.AmountPaise != p.Amount {
			a.log.ErrorContext(ctx, "captured amount differs from the payment's", "payment_id", p.ID,
				"amount_paise", p.Amount, "captured_paise", ev.AmountPaise)
		}
		eff = p.Capture(ev.ProviderPaymentID, ev.AmountPaise, now)
	case provider.EventPaymentFailed:
		reason := ev.FailureReason
		if reason == "" {
			reason = "payment failed"
		}
		eff = p.Fail(reason, now)
	}
	_, err = a.store.Save(ctx, tx, p, eff, store.SaveOptions{})
	return err
}

func (a *App) refundWebhook(ctx context.Context, tx pgx.Tx, prov payment.Provider, ev provider.WebhookEvent) error {
	paymentID, refundID, err := a.store.FindRefund(ctx, tx, ev.RefundID, ev.ProviderRefundID)
	if err != nil {
		return err
	}
	if refundID == "" {
		a.log.WarnContext(ctx, "webhook for an unknown refund", "provider", prov, "event_id", ev.ID,
			"provider_refund_id", ev.ProviderRefundID)
		return errUnknown
	}
	p, err := a.store.LockPayment(ctx, tx, paymentID)
	if err != nil {
		return err
	}
	r, err := a.store.LockRefund(ctx, tx, refundID)
	if err != nil {
		return err
	}
	if p == nil || r == nil || p.Provider != prov {
		return errUnknown
	}
	now := a.now()
	var eff payment.Effects
	if ev.Type == provider.EventRefundProcessed {
		eff = p.CompleteRefund(r, ev.ProviderRefundID, now)
	} else {
		eff = p.FailRefund(r, "the payment provider could not complete the refund", now)
	}
	_, err = a.store.Save(ctx, tx, p, eff, store.SaveOptions{Actor: r.RequestedBy})
	return err
}
