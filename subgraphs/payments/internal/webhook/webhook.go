// Package webhook serves the providers' callbacks: POST /webhooks/razorpay
// and POST /webhooks/sandbox share this handler, each with its provider's
// signature scheme. The signature is checked over the raw body before
// anything is parsed; a bad one is refused with 401 and changes nothing.
package webhook

import (
	"errors"
	"github.com/prometheus/client_golang/prometheus"
	"io"
	"log/slog"
	"net/http"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
)

// MaxBody bounds a callback body; provider events are a few kilobytes.
const MaxBody = 256 << 10

// Path is the route of a provider's callbacks, e.g. /webhooks/sandbox.
func Path(name string) string { return "/webhooks/" + name }

// Options qualify a provider's handler.
type Options struct {
	// RetryUnknown answers 409 to a callback about a payment payments does not
	// know, so that the provider delivers it again. The sandbox needs it: it
	// calls back milliseconds after CreateOrder, possibly before the provider
	// order id is committed. Razorpay does not (the buyer can only pay once the
	// order id is committed and shown), and a callback about a payment made
	// outside Purra must not be retried for a day.
	RetryUnknown bool
}

// Handler verifies and applies the callbacks of one provider.
func Handler(a *app.App, p provider.Provider, log *slog.Logger, o Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		ev, err := p.VerifyWebhook(r.Header, body)
		Verifications.WithLabelValues(string(p.Name()), verificationResult(err)).Inc()
		if errors.Is(err, provider.ErrBadSignature) {
			log.WarnContext(ctx, "webhook with a bad signature refused", "provider", p.Name(), "bytes", len(body))
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		if err != nil {
			log.WarnContext(ctx, "undecodable webhook refused", "provider", p.Name(), "err", err)
			http.Error(w, "invalid event", http.StatusBadRequest)
			return
		}
		result, err := a.ApplyWebhook(ctx, p.Name(), ev)
		if err != nil {
			// The provider retries: the event id is not recorded, so the retry applies it.
			log.ErrorContext(ctx, "webhook not applied", "provider", p.Name(), "event_id", ev.ID, "event_type", ev.Type, "err", err)
			http.Error(w, "not applied, retry", http.StatusInternalServerError)
			return
		}
		log.InfoContext(ctx, "webhook", "provider", p.Name(), "event_id", ev.ID, "event_type", ev.Type, "result", result)
		w.Header().Set("Content-Type", "application/json")
		if result == app.WebhookUnknown && o.RetryUnknown {
			w.WriteHeader(http.StatusConflict)
		}
		_, _ = w.Write([]byte(`{"status":"` + string(result) + `"}`))
	})
}

// Verifications counts webhook signature checks by provider and result (valid,
// invalid, undecodable): a burst of invalid ones is a rotated secret or a forgery.
var Verifications = prometheus.NewCounterVec(prometheus.CounterOpts{
	Name: "payments_webhook_verifications_total",
	Help: "Payment provider webhooks by signature verification result.",
}, []string{"provider", "result"})

func verificationResult(err error) string {
	switch {
	case err == nil:
		return "valid"
	case errors.Is(err, provider.ErrBadSignature):
		return "invalid"
	default:
		return "undecodable"
	}
}
