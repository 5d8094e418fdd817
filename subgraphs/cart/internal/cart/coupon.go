package cart

import (
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// MaxCouponCodeLen bounds a coupon code.
const MaxCouponCodeLen = 32

// NormalizeCouponCode trims and upper-cases a coupon code and checks it is
// 1–32 characters of A–Z, 0–9, '-' and '_' (field is the argument's name).
func NormalizeCouponCode(field, raw string) (string, error) {
	if len(raw) > 4*MaxCouponCodeLen { // refuse a huge string before touching it
		return "", errs.BadInput(field, "must be at most %d characters", MaxCouponCodeLen)
	}
	code := strings.ToUpper(strings.TrimSpace(raw))
	if code == "" {
		return "", errs.BadInput(field, "is required")
	}
	if len(code) > MaxCouponCodeLen {
		return "", errs.BadInput(field, "must be at most %d characters", MaxCouponCodeLen)
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "", errs.BadInput(field, "may contain only letters, digits, '-' and '_'")
		}
	}
	return code, nil
}

// Coupon rejection reasons of the promotions engine.
const (
	RejectNotFound         = "NOT_FOUND"
	RejectExpired          = "EXPIRED"
	RejectNotStarted       = "NOT_STARTED"
	RejectInactive         = "INACTIVE"
	RejectLimitReached     = "LIMIT_REACHED"
	RejectUserLimitReached = "USER_LIMIT_REACHED"
	RejectBelowMinimum     = "BELOW_MINIMUM"
	RejectNotEligible      = "NOT_ELIGIBLE"
)

// Rejection is why the promotions engine refused a coupon for a cart.
type Rejection struct {
	Code    string
	Reason  string
	Message string
}

// Err is the error applyCoupon returns for r: CONFLICT for the usage
// limits (the code is fine, it is used up), BAD_USER_INPUT on field
// otherwise; the reason is the rejection reason either way.
func (r Rejection) Err(field string) error {
	msg := r.Message
	if msg == "" {
		msg = "coupon " + r.Code + " cannot be applied"
	}
	switch r.Reason {
	case RejectLimitReached, RejectUserLimitReached:
		return errs.Conflicting("%s", msg).WithReason(r.Reason)
	}
	return errs.BadInput(field, "%s", msg).WithReason(r.Reason)
}
