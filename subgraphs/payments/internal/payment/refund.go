package payment

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// RefundStatus is where a refund stands.
type RefundStatus string

const (
	RefundPending   RefundStatus = "PENDING"
	RefundProcessed RefundStatus = "PROCESSED"
	RefundFailed    RefundStatus = "FAILED"
)

// Refund returns part or all of a captured payment.
type Refund struct {
	ID               string
	PaymentID        string
	Amount           int64
	Reason           string
	Status           RefundStatus
	ProviderRefundID string
	FailureReason    string
	// RequestedBy is the user who asked for it; "" for the system (the
	// automatic refund of a late capture).
	RequestedBy string
	// StoreID is the store whose lines it pays back ("" for the whole
	// order); ReturnID the return it pays ("" for none); RefundTo where a
	// cash-on-delivery return is paid out (return.go).
	StoreID     string
	ReturnID    string
	RefundTo    *RefundTo
	CreatedAt   time.Time
	ProcessedAt *time.Time
}

// Reason length limits, in characters.
const (
	MinReason = 3
	MaxReason = 500
)

// ValidateRefund checks a refund request's shape before anything is read or
// written; the upper bound of the amount is checked against the locked payment
// by RequestRefund. It returns the reason trimmed.
func ValidateRefund(amount int64, reason string) (string, error) {
	if amount < 1 {
		return "", errs.BadInput("amountPaise", "must be at least 1 paisa")
	}
	// Refuse oversized input before scanning it.
	if len(reason) > MaxReason*utf8.UTFMax {
		return "", errs.BadInput("reason", "must be at most %d characters", MaxReason)
	}
	reason = strings.TrimSpace(reason)
	if !utf8.ValidString(reason) {
		return "", errs.BadInput("reason", "must be valid UTF-8")
	}
	n := utf8.RuneCountInString(reason)
	if n < MinReason || n > MaxReason {
		return "", errs.BadInput("reason", "must be %d–%d characters", MinReason, MaxReason)
	}
	for _, r := range reason {
		if unicode.IsControl(r) && r != '\n' || isBidiOverride(r) {
			return "", errs.BadInput("reason", "must not contain control characters")
		}
	}
	return reason, nil
}

// isBidiOverride matches the explicit bidi embedding/override/isolate
// characters, which can make a reason display as something else.
func isBidiOverride(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// RequestRefund reserves amount of a CAPTURED payment for a new refund
// (PENDING) and asks the provider for it. amount must be within what is still
// refundable, counting refunds in flight, so concurrent requests on the
// locked payment can never exceed the capture.
func (p *Payment) RequestRefund(id string, amount int64, reason, by string, at time.Time) (*Refund, Effects, error) {
	if p.Status != StatusCaptured {
		return nil, Effects{}, ErrNotCaptured
	}
	if amount < 1 || amount > p.Refundable() {
		return nil, Effects{}, errs.BadInput("amountPaise", "must be between 1 and %d paise (captured %d, refunded or being refunded %d)",
			max(p.Refundable(), 0), p.Captured, p.Refunded+p.Refunding)
	}
	r := &Refund{
		ID: id, PaymentID: p.ID, Amount: amount, Reason: reason, Status: RefundPending, RequestedBy: by, CreatedAt: at,
	}
	p.Refunding += amount
	p.UpdatedAt = at
	return r, Effects{Changed: true, NewRefunds: []*Refund{r}, Calls: []Call{{Kind: CallRefund, RefundID: id}}}, nil
}

// RefundAccepted records the provider's id for a refund it accepted but has
// not completed yet (Razorpay: status pending until refund.processed).
func (p *Payment) RefundAccepted(r *Refund, providerRefundID string, at time.Time) Effects {
	if r.Status != RefundPending || providerRefundID == "" || r.ProviderRefundID == providerRefundID {
		return Effects{}
	}
	r.ProviderRefundID = providerRefundID
	p.UpdatedAt = at
	return Effects{Changed: true, UpdatedRefunds: []*Refund{r}}
}

// CompleteRefund records that the provider returned the money, and publishes
// payment.refunded (full once everything captured has been refunded). A
// refund already completed or failed is left alone.
func (p *Payment) CompleteRefund(r *Refund, providerRefundID string, at time.Time) Effects {
	if r.Status != RefundPending {
		return Effects{}
	}
	r.Status, r.ProcessedAt = RefundProcessed, &at
	if providerRefundID != "" {
		r.ProviderRefundID = providerRefundID
	}
	p.Refunding -= r.Amount
	p.Refunded += r.Amount
	full := p.Refunded >= p.Captured
	if full {
		p.Status = StatusRefunded
	}
	p.UpdatedAt = at
	return Effects{Changed: true, UpdatedRefunds: []*Refund{r}, Events: []Event{Refunded{
		PaymentID: p.ID, OrderID: p.OrderID, RefundID: r.ID, AmountPaise: r.Amount,
		RefundedTotalPaise: p.Refunded, Full: full, Reason: r.Reason, StoreID: optional(r.StoreID), ReturnID: r.ReturnID,
	}}}
}

// FailRefund records that the provider refused the refund: its amount is
// refundable again.
func (p *Payment) FailRefund(r *Refund, reason string, at time.Time) Effects {
	if r.Status != RefundPending {
		return Effects{}
	}
	r.Status, r.FailureReason = RefundFailed, clip(reason, 500)
	p.Refunding -= r.Amount
	p.UpdatedAt = at
	return Effects{Changed: true, UpdatedRefunds: []*Refund{r}}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
