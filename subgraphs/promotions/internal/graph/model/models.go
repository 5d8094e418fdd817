// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below, which leave out the fields their resolvers
// compute (usage figures), so that gqlgen generates resolvers for them.
package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"
)

// Coupon is a coupon as shown to a caller. timesUsed, timesRedeemed and
// assignedUsers (admins only) are resolved through per-request loaders.
type Coupon struct {
	ID            string
	Code          string
	Description   string
	Type          CouponType
	PercentOff    *int
	AmountOff     *money.Money
	MaxDiscount   *money.Money
	MinOrderValue money.Money
	StartsAt      time.Time
	EndsAt        *time.Time
	Status        CouponStatus
	PerUserLimit  *int
	CategoryIds   []string
	BrandIds      []string
	BuyerRoles    []BuyerRole
	Personal      bool
	UsageLimit    *int
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// IsEntity marks Coupon as a federation entity (fedruntime.Entity).
func (Coupon) IsEntity() {}

// CouponUser is a user a personal coupon is assigned to; user is a reference.
type CouponUser struct {
	UserID     string
	TimesUsed  int
	AssignedAt time.Time
}
