// Package promo is the promotions domain: coupons and their limits,
// automatic discount rules, holds and redemptions, and the pricing engine
// (pure functions on integer paise). It knows nothing of SQL or GraphQL.
package promo

import (
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// CouponType says how a coupon's discount is computed.
type CouponType string

const (
	Percent CouponType = "PERCENT" // a percentage of the eligible amount, optionally capped
	Flat    CouponType = "FLAT"    // a fixed amount, at most the eligible amount
)

// Buyer roles a coupon can be restricted to (the token's role).
const (
	RoleCustomer = "CUSTOMER"
	RoleRetailer = "RETAILER"
	RoleOwner    = "OWNER"
)

// Bounds of coupon settings.
const (
	MinCodeLen, MaxCodeLen = 3, 32
	MaxPercent             = 90
	MaxUsageLimit          = 100_000_000
	MaxPerUserLimit        = 1_000
)

// Coupon is a discount code and its rules.
type Coupon struct {
	ID          string
	Code        string // upper-case
	Description string
	Type        CouponType
	PercentOff  int   // PERCENT: 1–90; 0 for FLAT
	AmountOff   int64 // FLAT: paise; 0 for PERCENT
	MaxDiscount *int64
	MinOrder    int64
	StartsAt    time.Time
	EndsAt      *time.Time // exclusive; nil: never expires
	// UsageLimit and PerUserLimit count pending holds and redemptions that
	// were not released; nil: unlimited.
	UsageLimit   *int
	PerUserLimit *int
	CategoryIDs  []string // lines in these categories or below; empty: every line
	BrandIDs     []string // lines of these brands; empty: every line
	BuyerRoles   []string // empty: every role
	// AssignedOnly: only the users assigned to the coupon may see and use it.
	AssignedOnly bool
	Active       bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Status is where a coupon stands at a moment.
type Status string

const (
	StatusActive    Status = "ACTIVE"
	StatusScheduled Status = "SCHEDULED"
	StatusExpired   Status = "EXPIRED"
	StatusInactive  Status = "INACTIVE"
)

// StatusAt returns the coupon's status at now.
func (c Coupon) StatusAt(now time.Time) Status {
	switch {
	case !c.Active:
		return StatusInactive
	case c.EndsAt != nil && !now.Before(*c.EndsAt):
		return StatusExpired
	case now.Before(c.StartsAt):
		return StatusScheduled
	}
	return StatusActive
}

// VisibleTo reports whether a caller may see the coupon: personal coupons
// only to their assigned users (and admins), as if they did not exist for
// anyone else.
func (c Coupon) VisibleTo(assigned, admin bool) bool { return !c.AssignedOnly || assigned || admin }

// Change is an optional change of a field that can also be cleared: Set
// false leaves the field as it is.
type Change[T any] struct {
	Set   bool
	Value T
}

// To returns a change to v.
func To[T any](v T) Change[T] { return Change[T]{Set: true, Value: v} }

// CouponInput is a new coupon as an admin enters it.
type CouponInput struct {
	Code          string
	Description   string
	Type          CouponType
	PercentOff    *int
	AmountOff     *int64
	MaxDiscount   *int64
	MinOrderValue *int64
	StartsAt      *time.Time
	EndsAt        *time.Time
	UsageLimit    *int
	PerUserLimit  *int
	CategoryIDs   []string
	BrandIDs      []string
	BuyerRoles    []string
	AssignedUsers []string
	Active        *bool
}

// NewCoupon validates in and returns the coupon with id and its assigned
// users. Dates must lie ahead of now only through the app (CheckFuture), so
// that the seed can hold an expired coupon.
func NewCoupon(id string, in CouponInput, now time.Time) (Coupon, []string, error) {
	code, err := NormalizeCode("code", in.Code, MinCodeLen, MaxCodeLen)
	if err != nil {
		return Coupon{}, nil, err
	}
	c := Coupon{ID: id, Code: code, Type: in.Type, StartsAt: now, Active: true, CreatedAt: now, UpdatedAt: now,
		MaxDiscount: in.MaxDiscount, EndsAt: in.EndsAt, UsageLimit: in.UsageLimit, PerUserLimit: in.PerUserLimit}
	if c.Description, err = Text("description", in.Description, MaxDescriptionLen); err != nil {
		return Coupon{}, nil, err
	}
	switch in.Type {
	case Percent:
		if in.PercentOff == nil {
			return Coupon{}, nil, errs.BadInput("percentOff", "is required for PERCENT coupons")
		}
		if in.AmountOff != nil {
			return Coupon{}, nil, errs.BadInput("amountOff", "is only for FLAT coupons")
		}
		c.PercentOff = *in.PercentOff
	case Flat:
		if in.AmountOff == nil {
			return Coupon{}, nil, errs.BadInput("amountOff", "is required for FLAT coupons")
		}
		if in.PercentOff != nil {
			return Coupon{}, nil, errs.BadInput("percentOff", "is only for PERCENT coupons")
		}
		c.AmountOff = *in.AmountOff
	default:
		return Coupon{}, nil, errs.BadInput("type", "must be PERCENT or FLAT")
	}
	if in.MinOrderValue != nil {
		c.MinOrder = *in.MinOrderValue
	}
	if in.StartsAt != nil {
		c.StartsAt = in.StartsAt.UTC()
	}
	if in.Active != nil {
		c.Active = *in.Active
	}
	if c.CategoryIDs, err = IDList("categoryIds", in.CategoryIDs, MaxRestrictionIDs); err != nil {
		return Coupon{}, nil, err
	}
	if c.BrandIDs, err = IDList("brandIds", in.BrandIDs, MaxRestrictionIDs); err != nil {
		return Coupon{}, nil, err
	}
	if c.BuyerRoles, err = roles(in.BuyerRoles); err != nil {
		return Coupon{}, nil, err
	}
	assigned, err := IDList("assignedUserIds", in.AssignedUsers, MaxAssignedUsers)
	if err != nil {
		return Coupon{}, nil, err
	}
	c.AssignedOnly = len(assigned) > 0
	if err := c.validate(); err != nil {
		return Coupon{}, nil, err
	}
	return c, assigned, nil
}

// CouponPatch is a change an admin makes to a coupon; nil and unset fields
// stay as they are. The code and the type never change.
type CouponPatch struct {
	Description   *string
	PercentOff    *int
	AmountOff     *int64
	MaxDiscount   Change[*int64]
	MinOrderValue *int64
	StartsAt      *time.Time
	EndsAt        Change[*time.Time]
	UsageLimit    Change[*int]
	PerUserLimit  Change[*int]
	CategoryIDs   Change[[]string]
	BrandIDs      Change[[]string]
	BuyerRoles    Change[[]string]
	AssignedUsers Change[[]string]
	Active        *bool
}

// CouponEdit is the outcome of applying a patch.
type CouponEdit struct {
	Coupon  Coupon
	Changed []string // GraphQL names of the fields that changed
	// Assigned, when Set, replaces the assigned users (empty: public).
	Assigned Change[[]string]
}

// Apply returns c changed by p. Nothing is changed when it returns an error.
func (c Coupon) Apply(p CouponPatch, now time.Time) (CouponEdit, error) {
	old := c
	var changed []string
	mark := func(name string, differs bool) {
		if differs {
			changed = append(changed, name)
		}
	}
	if p.Description != nil {
		d, err := Text("description", *p.Description, MaxDescriptionLen)
		if err != nil {
			return CouponEdit{}, err
		}
		c.Description = d
		mark("description", d != old.Description)
	}
	if p.PercentOff != nil {
		if c.Type != Percent {
			return CouponEdit{}, errs.BadInput("percentOff", "is only for PERCENT coupons")
		}
		c.PercentOff = *p.PercentOff
		mark("percentOff", c.PercentOff != old.PercentOff)
	}
	if p.AmountOff != nil {
		if c.Type != Flat {
			return CouponEdit{}, errs.BadInput("amountOff", "is only for FLAT coupons")
		}
		c.AmountOff = *p.AmountOff
		mark("amountOff", c.AmountOff != old.AmountOff)
	}
	if p.MaxDiscount.Set {
		c.MaxDiscount = p.MaxDiscount.Value
		mark("maxDiscount", !eqPtr(c.MaxDiscount, old.MaxDiscount))
	}
	if p.MinOrderValue != nil {
		c.MinOrder = *p.MinOrderValue
		mark("minOrderValue", c.MinOrder != old.MinOrder)
	}
	if p.StartsAt != nil {
		c.StartsAt = p.StartsAt.UTC()
		mark("startsAt", !c.StartsAt.Equal(old.StartsAt))
	}
	if p.EndsAt.Set {
		c.EndsAt = p.EndsAt.Value
		if c.EndsAt != nil {
			if err := CheckFuture(*c.EndsAt, now); err != nil {
				return CouponEdit{}, err
			}
		}
		mark("endsAt", !eqTime(c.EndsAt, old.EndsAt))
	}
	if p.UsageLimit.Set {
		c.UsageLimit = p.UsageLimit.Value
		mark("usageLimit", !eqPtr(c.UsageLimit, old.UsageLimit))
	}
	if p.PerUserLimit.Set {
		c.PerUserLimit = p.PerUserLimit.Value
		mark("perUserLimit", !eqPtr(c.PerUserLimit, old.PerUserLimit))
	}
	var err error
	if p.CategoryIDs.Set {
		if c.CategoryIDs, err = IDList("categoryIds", p.CategoryIDs.Value, MaxRestrictionIDs); err != nil {
			return CouponEdit{}, err
		}
		mark("categoryIds", !sameSet(c.CategoryIDs, old.CategoryIDs))
	}
	if p.BrandIDs.Set {
		if c.BrandIDs, err = IDList("brandIds", p.BrandIDs.Value, MaxRestrictionIDs); err != nil {
			return CouponEdit{}, err
		}
		mark("brandIds", !sameSet(c.BrandIDs, old.BrandIDs))
	}
	if p.BuyerRoles.Set {
		if c.BuyerRoles, err = roles(p.BuyerRoles.Value); err != nil {
			return CouponEdit{}, err
		}
		mark("buyerRoles", !sameSet(c.BuyerRoles, old.BuyerRoles))
	}
	edit := CouponEdit{}
	if p.AssignedUsers.Set {
		assigned, err := IDList("assignedUserIds", p.AssignedUsers.Value, MaxAssignedUsers)
		if err != nil {
			return CouponEdit{}, err
		}
		edit.Assigned = To(assigned)
		c.AssignedOnly = len(assigned) > 0
		changed = append(changed, "assignedUserIds")
	}
	if p.Active != nil {
		c.Active = *p.Active
		mark("active", c.Active != old.Active)
	}
	if err := c.validate(); err != nil {
		return CouponEdit{}, err
	}
	if len(changed) > 0 {
		c.UpdatedAt = now
	}
	edit.Coupon, edit.Changed = c, changed
	return edit, nil
}

// CheckFuture refuses an end of validity that has already passed: an admin
// ends a coupon with deactivateCoupon.
func CheckFuture(endsAt, now time.Time) error {
	if !endsAt.After(now) {
		return errs.BadInput("endsAt", "must be in the future")
	}
	return nil
}

// validate checks the invariants of a whole coupon.
func (c Coupon) validate() error {
	switch c.Type {
	case Percent:
		if c.PercentOff < 1 || c.PercentOff > MaxPercent {
			return errs.BadInput("percentOff", "must be 1–%d", MaxPercent)
		}
		if c.MaxDiscount != nil && (*c.MaxDiscount < 1 || *c.MaxDiscount > MaxAmountPaise) {
			return errs.BadInput("maxDiscount", "must be 1–%d paise", int64(MaxAmountPaise))
		}
	case Flat:
		if c.AmountOff < 1 || c.AmountOff > MaxAmountPaise {
			return errs.BadInput("amountOff", "must be 1–%d paise", int64(MaxAmountPaise))
		}
		if c.MaxDiscount != nil {
			return errs.BadInput("maxDiscount", "is only for PERCENT coupons")
		}
	}
	if c.MinOrder < 0 || c.MinOrder > MaxAmountPaise {
		return errs.BadInput("minOrderValue", "must be 0–%d paise", int64(MaxAmountPaise))
	}
	if c.EndsAt != nil && !c.EndsAt.After(c.StartsAt) {
		return errs.BadInput("endsAt", "must be after startsAt")
	}
	if c.UsageLimit != nil && (*c.UsageLimit < 1 || *c.UsageLimit > MaxUsageLimit) {
		return errs.BadInput("usageLimit", "must be 1–%d", MaxUsageLimit)
	}
	if c.PerUserLimit != nil && (*c.PerUserLimit < 1 || *c.PerUserLimit > MaxPerUserLimit) {
		return errs.BadInput("perUserLimit", "must be 1–%d", MaxPerUserLimit)
	}
	return nil
}

func roles(in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	for _, r := range in {
		if r != RoleCustomer && r != RoleRetailer && r != RoleOwner {
			return nil, errs.BadInput("buyerRoles", "must be CUSTOMER, RETAILER or OWNER")
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

func eqPtr[T comparable](a, b *T) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func eqTime(a, b *time.Time) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && a.Equal(*b))
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// CouponUser is a user a personal coupon is assigned to, with their uses.
type CouponUser struct {
	CouponID   string
	UserID     string
	TimesUsed  int
	AssignedAt time.Time
}

// CouponCounts are a coupon's usage figures, for admins.
type CouponCounts struct {
	Used     int // pending holds and unreleased redemptions (what the limits count)
	Redeemed int // unreleased redemptions
}

// SeenCoupon is a coupon and whether the caller is one of its assigned users.
type SeenCoupon struct {
	Coupon
	Assigned bool
}
