package promo

import (
	"fmt"
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/money"
)

// Buyer is who a quote or hold is for: the token's subject and role.
type Buyer struct {
	UserID string
	Role   string
}

// Usage is how much of a coupon's limits is spent, seen from one buyer.
type Usage struct {
	Total    int  // pending holds and unreleased redemptions, all users
	ByBuyer  int  // the same, this buyer's
	Assigned bool // the buyer is one of the coupon's assigned users
}

// RejectionReason says why a coupon does not apply (CouponRejectionReason).
type RejectionReason string

const (
	NotFound         RejectionReason = "NOT_FOUND"
	Expired          RejectionReason = "EXPIRED"
	NotStarted       RejectionReason = "NOT_STARTED"
	Inactive         RejectionReason = "INACTIVE"
	LimitReached     RejectionReason = "LIMIT_REACHED"
	UserLimitReached RejectionReason = "USER_LIMIT_REACHED"
	BelowMinimum     RejectionReason = "BELOW_MINIMUM"
	NotEligible      RejectionReason = "NOT_ELIGIBLE"
)

// Rejection is why a coupon code does not apply, with a message for shoppers.
type Rejection struct {
	Code    string
	Reason  RejectionReason
	Message string
}

// Err is the rejection as an error of holdCoupon (and so of checkout): the
// limit reasons are CONFLICT (COUPON_LIMIT_REACHED, USER_LIMIT_REACHED),
// every other reason BAD_USER_INPUT on couponCode.
func (r *Rejection) Err() error {
	switch r.Reason {
	case LimitReached:
		return errs.Conflicting("%s", r.Message).WithReason("COUPON_LIMIT_REACHED")
	case UserLimitReached:
		return errs.Conflicting("%s", r.Message).WithReason("USER_LIMIT_REACHED")
	}
	return errs.BadInput("couponCode", "%s", r.Message).WithReason(string(r.Reason))
}

// Rejected builds a rejection of code.
func Rejected(code string, reason RejectionReason) *Rejection {
	return &Rejection{Code: code, Reason: reason, Message: rejectionMessage(code, reason)}
}

func rejectionMessage(code string, reason RejectionReason) string {
	switch reason {
	case NotFound:
		return fmt.Sprintf("There is no coupon %s.", code)
	case Expired:
		return fmt.Sprintf("Coupon %s has expired.", code)
	case NotStarted:
		return fmt.Sprintf("Coupon %s is not valid yet.", code)
	case Inactive:
		return fmt.Sprintf("Coupon %s is no longer available.", code)
	case LimitReached:
		return fmt.Sprintf("Coupon %s has been used as many times as it may be.", code)
	case UserLimitReached:
		return fmt.Sprintf("You have already used coupon %s as many times as allowed.", code)
	case NotEligible:
		return fmt.Sprintf("Coupon %s does not apply to this order.", code)
	}
	return fmt.Sprintf("Coupon %s does not apply.", code)
}

// Check returns why the coupon cannot be used by b for an order whose
// subtotal (before discounts) is subtotal, or nil. Which lines it applies
// to is decided when pricing (EligibleLine).
func (c Coupon) Check(b Buyer, u Usage, subtotal int64, now time.Time) *Rejection {
	if c.AssignedOnly && !u.Assigned {
		return Rejected(c.Code, NotFound) // as if it did not exist
	}
	switch c.StatusAt(now) {
	case StatusInactive:
		return Rejected(c.Code, Inactive)
	case StatusExpired:
		return Rejected(c.Code, Expired)
	case StatusScheduled:
		return Rejected(c.Code, NotStarted)
	}
	if len(c.BuyerRoles) > 0 && !slices.Contains(c.BuyerRoles, b.Role) {
		return Rejected(c.Code, NotEligible)
	}
	if subtotal < c.MinOrder {
		return &Rejection{Code: c.Code, Reason: BelowMinimum, Message: fmt.Sprintf(
			"Coupon %s needs an order of at least %s.", c.Code, money.Money{Paise: c.MinOrder}.Formatted())}
	}
	if c.UsageLimit != nil && u.Total >= *c.UsageLimit {
		return Rejected(c.Code, LimitReached)
	}
	if c.PerUserLimit != nil && u.ByBuyer >= *c.PerUserLimit {
		return Rejected(c.Code, UserLimitReached)
	}
	return nil
}

// EligibleLine reports whether the coupon discounts a line of a variant in
// category path (root first) and brand: both restrictions must hold.
func (c Coupon) EligibleLine(categoryPath []string, brandID string) bool {
	if len(c.CategoryIDs) > 0 && !slices.ContainsFunc(categoryPath, func(id string) bool { return slices.Contains(c.CategoryIDs, id) }) {
		return false
	}
	return len(c.BrandIDs) == 0 || slices.Contains(c.BrandIDs, brandID)
}

// Discount returns what the coupon takes off an eligible amount.
func (c Coupon) Discount(eligible int64) int64 {
	var d int64
	switch c.Type {
	case Percent:
		d = PercentOf(eligible, c.PercentOff)
		if c.MaxDiscount != nil {
			d = min(d, *c.MaxDiscount)
		}
	case Flat:
		d = c.AmountOff
	}
	return max(0, min(d, eligible))
}
