package promo

import "time"

// Events published on promotions.events. Coupon events are keyed by coupon
// id, rule events by rule id, so one aggregate's events keep their order.

// CouponFields is a coupon as events carry it.
type CouponFields struct {
	CouponID           string     `json:"couponId"`
	Code               string     `json:"code"`
	Type               CouponType `json:"type"`
	PercentOff         int        `json:"percentOff,omitempty"`
	AmountOffPaise     int64      `json:"amountOffPaise,omitempty"`
	MaxDiscountPaise   *int64     `json:"maxDiscountPaise"`
	MinOrderValuePaise int64      `json:"minOrderValuePaise"`
	StartsAt           time.Time  `json:"startsAt"`
	EndsAt             *time.Time `json:"endsAt"`
	UsageLimit         *int       `json:"usageLimit"`
	PerUserLimit       *int       `json:"perUserLimit"`
	CategoryIDs        []string   `json:"categoryIds"`
	BrandIDs           []string   `json:"brandIds"`
	BuyerRoles         []string   `json:"buyerRoles"`
	Personal           bool       `json:"personal"`
	Active             bool       `json:"active"`
}

func couponFields(c Coupon) CouponFields {
	return CouponFields{
		CouponID: c.ID, Code: c.Code, Type: c.Type, PercentOff: c.PercentOff, AmountOffPaise: c.AmountOff,
		MaxDiscountPaise: c.MaxDiscount, MinOrderValuePaise: c.MinOrder, StartsAt: c.StartsAt, EndsAt: c.EndsAt,
		UsageLimit: c.UsageLimit, PerUserLimit: c.PerUserLimit, CategoryIDs: nonNil(c.CategoryIDs),
		BrandIDs: nonNil(c.BrandIDs), BuyerRoles: nonNil(c.BuyerRoles), Personal: c.AssignedOnly, Active: c.Active,
	}
}

// CouponCreated: an admin (or the seed) created a coupon.
type CouponCreated struct {
	CouponFields
}

func (CouponCreated) EventType() string { return "coupon.created" }
func (CouponCreated) EventVersion() int { return 1 }

// CouponCreatedEvent describes c's creation.
func CouponCreatedEvent(c Coupon) CouponCreated { return CouponCreated{couponFields(c)} }

// CouponUpdated: a coupon changed (deactivation included); Changed names
// the fields, and the rest is the coupon as it now is.
type CouponUpdated struct {
	CouponFields
	Changed []string `json:"changed"`
}

func (CouponUpdated) EventType() string { return "coupon.updated" }
func (CouponUpdated) EventVersion() int { return 1 }

// CouponUpdatedEvent describes an edit.
func CouponUpdatedEvent(c Coupon, changed []string) CouponUpdated {
	return CouponUpdated{CouponFields: couponFields(c), Changed: changed}
}

// CouponRedeemed: an order that used the coupon was confirmed.
type CouponRedeemed struct {
	CouponID string `json:"couponId"`
	Code     string `json:"code"`
	OrderID  string `json:"orderId"`
	UserID   string `json:"userId"`
}

func (CouponRedeemed) EventType() string { return "coupon.redeemed" }
func (CouponRedeemed) EventVersion() int { return 1 }

// CouponReleased: a hold or redemption was given back. WasRedeemed tells a
// reversed redemption (order cancelled or refunded after confirmation)
// from an abandoned hold, so that analytics can net redemptions.
type CouponReleased struct {
	CouponID    string `json:"couponId"`
	Code        string `json:"code"`
	OrderID     string `json:"orderId"`
	UserID      string `json:"userId"`
	WasRedeemed bool   `json:"wasRedeemed"`
}

func (CouponReleased) EventType() string { return "coupon.released" }
func (CouponReleased) EventVersion() int { return 1 }

// RuleChanged: a discount rule was created or changed; it carries the rule
// as it now is. Changed is empty on creation.
type RuleChanged struct {
	RuleID      string     `json:"ruleId"`
	Name        string     `json:"name"`
	Type        RuleType   `json:"type"`
	Percent     int        `json:"percent"`
	MinQuantity int        `json:"minQuantity,omitempty"`
	CategoryID  string     `json:"categoryId,omitempty"`
	StartsAt    *time.Time `json:"startsAt"`
	EndsAt      *time.Time `json:"endsAt"`
	Active      bool       `json:"active"`
	Created     bool       `json:"created"`
	Changed     []string   `json:"changed"`
}

func (RuleChanged) EventType() string { return "discount_rule.changed" }
func (RuleChanged) EventVersion() int { return 1 }

// RuleChangedEvent describes r after a creation (changed nil) or an edit.
func RuleChangedEvent(r Rule, created bool, changed []string) RuleChanged {
	return RuleChanged{RuleID: r.ID, Name: r.Name, Type: r.Type, Percent: r.Percent, MinQuantity: r.MinQuantity,
		CategoryID: r.CategoryID, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Active: r.Active, Created: created,
		Changed: nonNil(changed)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
