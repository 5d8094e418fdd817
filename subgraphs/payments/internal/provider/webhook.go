package provider

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// Sign returns the hex HMAC-SHA256 of body under secret: Razorpay's webhook
// signature scheme (X-Razorpay-Signature), which the sandbox reuses.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// ValidSignature reports, in constant time, whether signature (hex) is the
// HMAC-SHA256 of the raw body under secret. An empty secret verifies nothing.
func ValidSignature(secret, body []byte, signature string) bool {
	if len(secret) == 0 {
		return false
	}
	got, err := hex.DecodeString(strings.TrimSpace(signature))
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hmac.Equal(m.Sum(nil), got)
}

// razorpayEvent is the part of a Razorpay webhook body payments reads.
type razorpayEvent struct {
	Event   string `json:"event"`
	Payload struct {
		Payment *struct {
			Entity struct {
				ID               string  `json:"id"`
				OrderID          *string `json:"order_id"`
				Amount           int64   `json:"amount"`
				ErrorDescription *string `json:"error_description"`
				ErrorReason      *string `json:"error_reason"`
			} `json:"entity"`
		} `json:"payment"`
		Refund *struct {
			Entity struct {
				ID        string          `json:"id"`
				PaymentID string          `json:"payment_id"`
				Amount    int64           `json:"amount"`
				Notes     json.RawMessage `json:"notes"`
			} `json:"entity"`
		} `json:"refund"`
	} `json:"payload"`
}

// ParseEvent decodes a Razorpay-shaped webhook body (Razorpay's, and the
// sandbox's, which imitates it). eventID is the delivery-independent event id
// from the request headers; "" falls back to a hash of the body.
func ParseEvent(eventID string, body []byte) (WebhookEvent, error) {
	var raw razorpayEvent
	if err := json.Unmarshal(body, &raw); err != nil {
		return WebhookEvent{}, fmt.Errorf("decode webhook: %w", err)
	}
	if raw.Event == "" {
		return WebhookEvent{}, fmt.Errorf("decode webhook: no event type")
	}
	if eventID == "" {
		sum := sha256.Sum256(body)
		eventID = "sha256:" + hex.EncodeToString(sum[:])
	}
	ev := WebhookEvent{ID: eventID, Type: raw.Event}
	if p := raw.Payload.Payment; p != nil {
		ev.ProviderPaymentID = p.Entity.ID
		ev.ProviderOrderID = deref(p.Entity.OrderID)
		ev.AmountPaise = p.Entity.Amount
		ev.FailureReason = deref(p.Entity.ErrorDescription)
		if ev.FailureReason == "" {
			ev.FailureReason = deref(p.Entity.ErrorReason)
		}
	}
	if r := raw.Payload.Refund; r != nil {
		ev.ProviderRefundID = r.Entity.ID
		ev.ProviderPaymentID = r.Entity.PaymentID
		ev.AmountPaise = r.Entity.Amount
		ev.RefundID = noteString(r.Entity.Notes, "refund_id")
	}
	return ev, nil
}

// noteString reads a string note. Razorpay sends empty notes as [] rather
// than {}, so anything but an object yields "".
func noteString(raw json.RawMessage, key string) string {
	var notes map[string]any
	if json.Unmarshal(raw, &notes) != nil {
		return ""
	}
	s, _ := notes[key].(string)
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
