package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// AdminAction names what a write is when an admin makes it (audit.Entry's
// Permission and Action). Every coupon and rule write is one.
type AdminAction struct {
	Permission string // "promotions:write"
	Action     string // e.g. "coupon.create"
}

// audit records an admin's action in tx, the transaction of the change, on
// this subgraph's topic (audit.Record: nothing when the caller is no admin).
func (s *Store) audit(ctx context.Context, tx pgx.Tx, act AdminAction, targetType, targetID string, before, after any) error {
	return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{Permission: act.Permission, Action: act.Action,
		TargetType: targetType, TargetID: targetID, Before: before, After: after})
}

// couponSummary is an audit entry's before/after of a coupon: its terms and
// limits (assigned users are summarised by the flag, not listed).
type couponSummary struct {
	Code           string     `json:"code"`
	Type           string     `json:"type"`
	PercentOff     int        `json:"percentOff,omitempty"`
	AmountOffPaise int64      `json:"amountOffPaise,omitempty"`
	MaxDiscount    *int64     `json:"maxDiscountPaise,omitempty"`
	MinOrderPaise  int64      `json:"minOrderPaise"`
	StartsAt       time.Time  `json:"startsAt"`
	EndsAt         *time.Time `json:"endsAt,omitempty"`
	UsageLimit     *int       `json:"usageLimit,omitempty"`
	PerUserLimit   *int       `json:"perUserLimit,omitempty"`
	CategoryIDs    []string   `json:"categoryIds,omitempty"`
	BrandIDs       []string   `json:"brandIds,omitempty"`
	BuyerRoles     []string   `json:"buyerRoles,omitempty"`
	AssignedOnly   bool       `json:"assignedOnly"`
	Active         bool       `json:"active"`
}

func summarizeCoupon(c promo.Coupon) couponSummary {
	return couponSummary{Code: c.Code, Type: string(c.Type), PercentOff: c.PercentOff, AmountOffPaise: c.AmountOff,
		MaxDiscount: c.MaxDiscount, MinOrderPaise: c.MinOrder, StartsAt: c.StartsAt, EndsAt: c.EndsAt,
		UsageLimit: c.UsageLimit, PerUserLimit: c.PerUserLimit, CategoryIDs: c.CategoryIDs, BrandIDs: c.BrandIDs,
		BuyerRoles: c.BuyerRoles, AssignedOnly: c.AssignedOnly, Active: c.Active}
}

// ruleSummary is an audit entry's before/after of a discount rule.
type ruleSummary struct {
	Name        string     `json:"name"`
	Type        string     `json:"type"`
	Percent     int        `json:"percent"`
	MinQuantity int        `json:"minQuantity,omitempty"`
	CategoryID  string     `json:"categoryId,omitempty"`
	StartsAt    *time.Time `json:"startsAt,omitempty"`
	EndsAt      *time.Time `json:"endsAt,omitempty"`
	Active      bool       `json:"active"`
}

func summarizeRule(r promo.Rule) ruleSummary {
	return ruleSummary{Name: r.Name, Type: string(r.Type), Percent: r.Percent, MinQuantity: r.MinQuantity,
		CategoryID: r.CategoryID, StartsAt: r.StartsAt, EndsAt: r.EndsAt, Active: r.Active}
}
