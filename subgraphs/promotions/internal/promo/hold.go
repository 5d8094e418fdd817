package promo

import (
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// HoldStatus is where a coupon hold stands.
type HoldStatus string

const (
	// HoldPending: reserved for an order being placed; counts against the limits.
	HoldPending HoldStatus = "PENDING"
	// HoldRedeemed: the order was confirmed; the use is final.
	HoldRedeemed HoldStatus = "REDEEMED"
	// HoldReleased: given back (order cancelled or refunded, checkout
	// compensated, or the hold expired without an order).
	HoldReleased HoldStatus = "RELEASED"
)

// Hold is one use of a coupon reserved for one order.
type Hold struct {
	ID            string
	OrderID       string
	CouponID      string
	Code          string
	UserID        string
	Status        HoldStatus
	SubtotalPaise int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// HoldRequest asks to reserve a coupon use for an order.
type HoldRequest struct {
	OrderID       string
	Code          string
	SubtotalPaise int64
	Buyer         Buyer
}

// ErrHoldExists: the order already holds another coupon (or is another user's).
var ErrHoldExists = errs.Conflicting("the order already holds a coupon").WithReason("HOLD_EXISTS")

// ValidateHold checks a hold request's input and normalises the code.
func ValidateHold(r HoldRequest) (HoldRequest, error) {
	if !IsUUID(r.OrderID) {
		return r, errs.BadInput("orderId", "must be an order id (UUID)")
	}
	if r.SubtotalPaise < 0 || r.SubtotalPaise > MaxLines*MaxQuantity*MaxUnitPricePaise {
		return r, errs.BadInput("subtotalPaise", "is out of range")
	}
	code, err := CouponCode(&r.Code)
	if err != nil {
		return r, err
	}
	r.Code, r.OrderID = code, strings.ToLower(r.OrderID)
	return r, nil
}

// Same reports whether h is what r asks for: a repeated holdCoupon.
func (h Hold) Same(r HoldRequest) bool { return h.UserID == r.Buyer.UserID && h.Code == r.Code }

// Redeem makes the use final. A released hold is redeemed too: its order
// was confirmed with the discount, so the use happened (this only occurs
// when a hold expired before its order was confirmed). ok is false when
// the hold was already redeemed.
func (h *Hold) Redeem(now time.Time) (ok bool) {
	if h.Status == HoldRedeemed {
		return false
	}
	h.Status, h.UpdatedAt = HoldRedeemed, now
	return true
}

// Release gives the use back; ok is false when it already was released,
// wasRedeemed tells whether a final use is being reversed.
func (h *Hold) Release(now time.Time) (ok, wasRedeemed bool) {
	if h.Status == HoldReleased {
		return false, false
	}
	wasRedeemed = h.Status == HoldRedeemed
	h.Status, h.UpdatedAt = HoldReleased, now
	return true, wasRedeemed
}

// Order statuses promotions reacts to (order.status_changed "to").
const (
	OrderConfirmed = "CONFIRMED"
	OrderCancelled = "CANCELLED"
	OrderRefunded  = "REFUNDED"
)

// OrderStatusChange is what promotions reads from order.status_changed.
type OrderStatusChange struct {
	OrderID     string
	OrderNumber string
	UserID      string
	To          string
	CouponCode  string
}
